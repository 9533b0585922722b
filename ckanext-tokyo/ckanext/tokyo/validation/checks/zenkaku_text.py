"""全角 letters and digits in text (１階, ＪＲ): a note (info), not a fault.

Free text may hold them; half-width is still easier for machines (an address
searched for "1丁目" misses "１丁目"), so the report says where they are.
Japanese punctuation (（）～「」、full-width spaces) is not 英数字 and is left
alone; columns with a format have the zenkaku check."""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

import attrs

from ..layout import Column
from .base import TextScan, TokyoError

ALNUM = re.compile(r"[０-９Ａ-Ｚａ-ｚ]")


def half_width_alnum(value: str) -> str:
    return ALNUM.sub(lambda m: unicodedata.normalize("NFKC", m.group()), value)


@attrs.define(kw_only=True, repr=False)
class zenkaku_text(TextScan):
    type = "tokyo-zenkaku-text"

    @classmethod
    def suspects(cls) -> str:
        return "０-９Ａ-Ｚａ-ｚ"

    def validate_start(self) -> Iterable[TokyoError]:
        return ()  # headings are the definition's wording (名称（英字）…)

    def scan(self, value: str, row_number: int, column: Column) -> Iterable[TokyoError]:
        if column.format is None and not column.numeric and ALNUM.search(value):
            yield self.finding("tokyo/zenkaku-text", row_number, column.label, value=value,
                               fixed=half_width_alnum(value))
