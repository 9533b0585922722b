"""全角 letters, digits and symbols where 半角 is required."""
from __future__ import annotations

import unicodedata

import attrs

from ..layout import Column
from .base import ZENKAKU, CellCheck, Problem

HANKAKU_FORMATS = frozenset({
    "lg-code", "corporate-number", "date", "time", "latitude", "longitude", "phone",
    "postal-code", "town-id", "url", "email", "number", "poi-code",
})


@attrs.define(kw_only=True, repr=False)
class zenkaku(CellCheck):
    type = "tokyo-zenkaku"
    formats = HANKAKU_FORMATS
    skip_zenkaku = False

    def select(self, columns: list[Column]) -> list[Column]:
        return [c for c in columns if c.format in self.formats or c.numeric]

    def check(self, value: str, column: Column) -> Problem:
        if ZENKAKU.search(value):
            return "tokyo/zenkaku-alnum", {"fixed": unicodedata.normalize("NFKC", value)}
        return None
