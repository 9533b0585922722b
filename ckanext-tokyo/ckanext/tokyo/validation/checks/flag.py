"""Items defined as "1 or empty" (対応あり：1、対応なし：空文字): 災害種別_* and
指定避難所との重複. A blank cell says "no"; only other values are findings."""
from __future__ import annotations

import unicodedata
from typing import Any

import attrs

from ..layout import Column, text
from .base import CellCheck, Problem

YES = {"1", "○", "〇", "◯", "●", "◎", "有", "あり", "有り", "対応", "該当", "true", "yes", "y"}


@attrs.define(kw_only=True, repr=False)
class flag(CellCheck):
    type = "tokyo-flag"
    formats = frozenset({"flag"})
    skip_zenkaku = False

    def judge(self, value: Any, column: Column) -> Problem:
        written = text(value)
        if written in ("", "1"):
            return None
        # A cell of spaces only is not empty to a machine: a finding too.
        return self.check(written, column)

    def check(self, value: str, column: Column) -> Problem:
        if value == "1":
            return None
        key = unicodedata.normalize("NFKC", value).strip().lower()
        return "tokyo/flag-value", {"fixed": "1" if key in YES else None}
