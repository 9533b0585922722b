"""Spaces, full-width spaces and line breaks before or after a value.

Numbers have their own finding (number_format), and a "1 or empty" item
its own (flag). A cell of spaces only is reported too: to a machine it is
not empty.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

import attrs

from ..layout import Column
from .base import SEPARATOR, TokyoCheck, TokyoError, row_text

# A cell starting or ending with whitespace, in row_text (cells joined by SEPARATOR).
EDGE = re.compile(rf"(?:^|{SEPARATOR})\s|\s(?:{SEPARATOR}|$)")


@attrs.define(kw_only=True, repr=False)
class surrounding_space(TokyoCheck):
    type = "tokyo-surrounding-space"
    targets: list[Column] = attrs.field(factory=list, init=False)

    def connect(self, resource: Any) -> None:
        super().connect(resource)
        self.targets = [c for c in self.table.columns if not c.numeric and c.format != "flag"]

    def validate_row(self, row: Any) -> Iterable[TokyoError]:
        cells = row.cells
        if not EDGE.search(row_text(cells)):
            return
        for column in self.targets:
            value = cells[column.index] if column.index < len(cells) else None
            if value.__class__ is str and value and (value[0].isspace() or value[-1].isspace()):
                fixed = value.strip()
                yield self.finding("tokyo/surrounding-space", row.row_number, column.label,
                                   value=value, fixed=fixed or None)
