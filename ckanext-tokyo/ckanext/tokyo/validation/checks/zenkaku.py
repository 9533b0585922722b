"""全角 letters, digits and symbols where 半角 is required.

Reported with the half-width form as the fix only when that form is right
for the column (judged by the checks of its format): "０３-１２３４-５６７８"
gets the fix 03-1234-5678, while "0827-41-1477（錦川鉄道㈱）" stays the phone
check's finding, since no width change makes it a telephone number.
"""
from __future__ import annotations

import unicodedata
from typing import Any

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
    ascii_safe = True
    clean = "[^\\x00\\uFF01-\\uFF5E\\u3000]*"  # nothing full-width (ZENKAKU)
    # The checks whose verdict on the half-width form decides (set by build()).
    peers: list[Any] = attrs.field(factory=list)

    def select(self, columns: list[Column]) -> list[Column]:
        return [c for c in columns if c.format in self.formats or c.numeric]

    def check(self, value: str, column: Column) -> Problem:
        if value.isascii() or not ZENKAKU.search(value):
            return None
        fixed = unicodedata.normalize("NFKC", value)
        for peer in self.peers:
            if peer.select([column]) and not peer.accepts(fixed, column):
                return None  # not a matter of width: the peer reports it
        return "tokyo/zenkaku-alnum", {"fixed": fixed}
