"""Blank rows, and rows with fewer or more cells than the header.

frictionless's baseline check finds these by casting every cell of every row;
with every field of type "any" there is nothing to cast, so counting the raw
cells finds the same at a fraction of the cost (the engine therefore runs the
baseline only for the header).
"""
from __future__ import annotations

from typing import Any, Iterable

import attrs

from ..layout import is_blank
from .base import TokyoCheck, TokyoError


@attrs.define(kw_only=True, repr=False)
class row_shape(TokyoCheck):
    type = "tokyo-row-shape"

    def validate_row(self, row: Any) -> Iterable[TokyoError]:
        cells, width = row.cells, len(self.table.columns)
        if is_blank(cells):
            yield self.finding("tokyo/blank-row", row.row_number)
        elif len(cells) < width:
            yield self.finding("tokyo/missing-cell", row.row_number, count=width - len(cells))
        elif len(cells) > width and not is_blank(cells[width:]):
            yield self.finding("tokyo/extra-cell", row.row_number)
