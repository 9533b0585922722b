"""Blank rows, and rows with fewer or more cells than the header.

frictionless's baseline check finds these by casting every cell of every row;
with every field of type "any" there is nothing to cast, so counting the raw
cells finds the same at a fraction of the cost (the engine therefore runs the
baseline only for the header).

A run of blank rows is one finding; blank rows that end the table (an XLSX
sheet's used range often reaches hundreds of rows past the data) are one
warning.
"""
from __future__ import annotations

from typing import Any, Iterable, Optional

import attrs

from ..layout import is_blank
from .base import Batch, TokyoCheck, TokyoError


@attrs.define(kw_only=True, repr=False)
class row_shape(TokyoCheck):
    type = "tokyo-row-shape"
    blank_from: Optional[int] = attrs.field(default=None, init=False)
    blanks: int = attrs.field(default=0, init=False)

    def validate_row(self, row: Any) -> Iterable[TokyoError]:
        cells, width = row.cells, len(self.table.columns)
        if not self.blanks and len(cells) == width and any(cells):
            return ()  # most rows: not blank, as wide as the header
        return list(self._shape(row, cells, width))

    def skim(self, batch: Batch) -> Optional[Iterable[int]]:
        return () if not self.blanks and batch.filled else None

    def _shape(self, row: Any, cells: list[Any], width: int) -> Iterable[TokyoError]:
        if is_blank(cells):
            if not self.blanks:
                self.blank_from = row.row_number
            self.blanks += 1
            return
        if self.blanks:
            yield self.finding("tokyo/blank-row", self.blank_from, run=self.blanks)
            self.blanks = 0
        if len(cells) < width:
            yield self.finding("tokyo/missing-cell", row.row_number, count=width - len(cells))
        elif len(cells) > width and not is_blank(cells[width:]):
            yield self.finding("tokyo/extra-cell", row.row_number)

    def validate_end(self) -> Iterable[TokyoError]:
        if self.blanks:
            yield self.finding("tokyo/trailing-blank-rows", self.blank_from, count=self.blanks)
