"""Spaces, full-width spaces and line breaks before or after a value.

Numbers have their own finding (number_format), and a "1 or empty" item
its own (flag). A cell of spaces only is reported too: to a machine it is
not empty.
"""
from __future__ import annotations

from typing import Any, Iterable, Optional

import attrs

from ..layout import Column
from .base import SEPARATOR, Batch, TokyoCheck, TokyoError, row_text

# A cell starting or ending with whitespace shows in row_text (cells joined by
# SEPARATOR) as one of these pairs, or at either end: substring tests are
# many times cheaper than a regular expression over the row.
RARE = ("\u3000", "\t", "\n", "\r")  # tested only when present at all
SPACE_EDGES = (SEPARATOR + " ", " " + SEPARATOR)


def has_edge(joined: str) -> bool:
    if joined[:1].isspace() or joined[-1:].isspace():
        return True
    if SPACE_EDGES[0] in joined or SPACE_EDGES[1] in joined:
        return True
    for ws in RARE:
        if ws in joined and (SEPARATOR + ws in joined or ws + SEPARATOR in joined):
            return True
    return False


@attrs.define(kw_only=True, repr=False)
class surrounding_space(TokyoCheck):
    type = "tokyo-surrounding-space"
    targets: list[Column] = attrs.field(factory=list, init=False)

    def connect(self, resource: Any) -> None:
        super().connect(resource)
        self.targets = [c for c in self.table.columns if not c.numeric and c.format != "flag"]

    def skim(self, batch: Batch) -> Optional[Iterable[int]]:
        return batch.unusual

    def validate_row(self, row: Any) -> Iterable[TokyoError]:
        cells = row.cells
        if not has_edge(row_text(cells)):
            return ()
        return list(self._scan(row, cells))

    def _scan(self, row: Any, cells: list[Any]) -> Iterable[TokyoError]:
        for column in self.targets:
            value = cells[column.index] if column.index < len(cells) else None
            if value.__class__ is str and value and (value[0].isspace() or value[-1].isspace()):
                fixed = value.strip()
                yield self.finding("tokyo/surrounding-space", row.row_number, column.label,
                                   value=value, fixed=fixed or None)
