"""Line breaks inside a cell of free text (機械判読: セル内で改行しない).

Cells of a column with a format (telephone, URL, time…) are that format's
finding, and line breaks at a value's ends the surrounding_space finding.
"""
from __future__ import annotations

from typing import Any, Iterable, Optional

import attrs

from ..layout import Column
from .base import Batch, TokyoCheck, TokyoError, row_text


@attrs.define(kw_only=True, repr=False)
class line_break(TokyoCheck):
    type = "tokyo-line-break"
    targets: list[Column] = attrs.field(factory=list, init=False)

    def connect(self, resource: Any) -> None:
        super().connect(resource)
        self.targets = [c for c in self.table.columns if c.format is None and not c.numeric]

    def skim(self, batch: Batch) -> Optional[Iterable[int]]:
        return batch.unusual

    def validate_row(self, row: Any) -> Iterable[TokyoError]:
        cells = row.cells
        joined = row_text(cells)
        if "\n" not in joined and "\r" not in joined:
            return ()
        return list(self._scan(row, cells))

    def _scan(self, row: Any, cells: list[Any]) -> Iterable[TokyoError]:
        for column in self.targets:
            value = cells[column.index] if column.index < len(cells) else None
            if value.__class__ is str:
                inner = value.strip()
                if "\n" in inner or "\r" in inner:
                    yield self.finding("tokyo/line-break", row.row_number, column.label, value=value)
