"""半角カナ anywhere: it breaks sorting, searching and some systems.

The fix turns half-width kana into full-width ones. The half-width long
sound mark ｰ becomes ー after kana but a hyphen after digits (2ｰ1 is an
address, 2-1), and a hyphen typed after half-width kana becomes ー (ｽﾎﾟ-ﾂ).
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

import attrs

from ..layout import Column
from .base import TextScan, TokyoError

HANKAKU_KANA = re.compile(r"[\uFF61-\uFF9F]")
KANA = re.compile(r"[\u3041-\u30FF\uFF66-\uFF9F]")
HYPHENS = "-\u2010\u2011\u2212"
_RUN = re.compile(r"[\uFF61-\uFF9F]+")


def full_width_kana(value: str) -> str:
    """value with its half-width kana made full-width (and ｰ, - as above)."""
    out = []
    for index, ch in enumerate(value):
        before = value[index - 1] if index else ""
        if ch == "\uFF70":
            ch = "\u30FC" if KANA.match(before) else "-"
        elif ch in HYPHENS and "\uFF66" <= before <= "\uFF9F":
            ch = "\u30FC"
        out.append(ch)
    return _RUN.sub(lambda m: unicodedata.normalize("NFKC", m.group()), "".join(out))



@attrs.define(kw_only=True, repr=False)
class hankaku_kana(TextScan):
    type = "tokyo-hankaku-kana"

    @classmethod
    def suspects(cls) -> str:
        return "\\uFF61-\\uFF9F"

    def scan(self, value: str, row_number: int, column: Column) -> Iterable[TokyoError]:
        if HANKAKU_KANA.search(value):
            yield self.finding("tokyo/hankaku-kana", row_number, column.label, value=value,
                               fixed=full_width_kana(value))
