"""Readings (_カナ columns) in 全角カナ: no hiragana or kanji.

半角カナ is the hankaku_kana check's finding, so it is not repeated here.
"""
from __future__ import annotations

import re

import attrs

from ..layout import Column
from .base import CellCheck, Problem
from .hankaku_kana import HANKAKU_KANA

NOT_KATAKANA = re.compile(r"[\u3041-\u309F\u3400-\u4DBF\u4E00-\u9FFF々〆]")


@attrs.define(kw_only=True, repr=False)
class kana(CellCheck):
    type = "tokyo-kana"
    formats = frozenset({"kana"})
    skip_zenkaku = False  # a reading may hold 全角 letters, e.g. ＪＲ
    ascii_safe = True
    clean = "[^\\x00\\u3041-\\u309F\\u3400-\\u4DBF\\u4E00-\\u9FFF々〆]*"  # no hiragana or kanji

    def check(self, value: str, column: Column) -> Problem:
        if NOT_KATAKANA.search(value) and not HANKAKU_KANA.search(value):
            return "tokyo/kana-format", {}
        return None
