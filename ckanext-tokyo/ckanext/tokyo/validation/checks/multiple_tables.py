"""More than one table in a sheet: the header repeated, or a new title after a blank row."""
from __future__ import annotations

from typing import Any, Iterable, Optional

import attrs

from ..layout import is_blank, text
from .base import Batch, TokyoCheck, TokyoError
from .note_rows import NOTE, shorten


@attrs.define(kw_only=True, repr=False)
class multiple_tables(TokyoCheck):
    type = "tokyo-multiple-tables"
    after_blank: bool = attrs.field(default=False, init=False)
    labels: list[str] = attrs.field(factory=list, init=False)

    def connect(self, resource: Any) -> None:
        super().connect(resource)
        self.labels = [c.label for c in self.table.columns]

    def validate_row(self, row: Any) -> Iterable[TokyoError]:
        cells = row.cells
        labels = self.labels
        if not self.after_blank and any(cells) and not (labels and cells and cells[0] == labels[0]):
            return ()  # most rows: after a row of data, not a repeated header
        return list(self._tables(row, cells))

    def skim(self, batch: Batch) -> Optional[Iterable[int]]:
        labels = self.labels
        if not self.after_blank and batch.filled and not (labels and labels[0] in batch.columns[0]):
            return ()
        return None

    def _tables(self, row: Any, cells: list[Any]) -> Iterable[TokyoError]:
        if is_blank(cells):
            self.after_blank = True
            return
        after_blank, self.after_blank = self.after_blank, False
        labels = self.labels
        # A repeated header repeats its first heading: one comparison for most rows.
        if labels and cells and cells[0] == labels[0]:
            same = sum(1 for c, label in zip(cells, labels) if label and text(c).strip() == label.strip())
            if same >= max(2, len(labels) // 2):
                yield self.finding("tokyo/multiple-tables", row.row_number,
                                   value=shorten(",".join(text(c) for c in cells)))
                return
        if after_blank and len(labels) > 1:
            filled = [text(c) for c in cells if c is not None and c != ""]
            if len(filled) == 1 and not NOTE.match(filled[0]):
                yield self.finding("tokyo/multiple-tables", row.row_number, value=shorten(filled[0]))
