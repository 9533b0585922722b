"""An item meant to tell records apart (ID, NO) holding the same value twice.

The values seen are remembered by their hash, up to MAX_SEEN of them (about
5 MB; memory stays flat on huge files: later rows are then not compared,
and the report says so). Standard datasets rarely have that many records.
"""
from __future__ import annotations

from typing import Any, Iterable, Optional

import attrs

from ..layout import Column, text
from .base import Batch, TokyoCheck, TokyoError

ID_FIELDS = frozenset({"ID", "NO"})
MAX_SEEN = 50_000


@attrs.define(kw_only=True, repr=False)
class duplicate_id(TokyoCheck):
    type = "tokyo-duplicate-id"
    target: Optional[Column] = attrs.field(default=None, init=False)
    seen: dict[int, int] = attrs.field(factory=dict, init=False)  # hash of a value -> its first row
    full: bool = attrs.field(default=False, init=False)

    def connect(self, resource: Any) -> None:
        super().connect(resource)
        self.target = next((c for c in self.table.columns if c.field in ID_FIELDS), None)
        self.seen, self.full = {}, False

    def validate_row(self, row: Any) -> Iterable[TokyoError]:
        column = self.target
        if column is None or column.index >= len(row.cells):
            return ()
        value = row.cells[column.index]
        if value is None or value == "":
            return ()
        value = (value if value.__class__ is str else text(value)).strip()
        key = hash(value)
        first = self.seen.get(key)
        if first is not None:
            return [self.finding("tokyo/duplicate-id", row.row_number, column.label, value=value, first=first)]
        if len(self.seen) < MAX_SEEN:
            self.seen[key] = row.row_number
        else:
            self.full = True
        return ()

    def skim(self, batch: Batch) -> Optional[Iterable[int]]:
        # A batch of new, distinct, filled values is remembered at once.
        if self.target is None:
            return ()
        values = batch.columns[self.target.index]
        if "" in values:
            return None
        seen = self.seen
        keys = list(map(hash, map(str.strip, values)))
        if len(seen) >= MAX_SEEN:  # full: only values seen before have findings
            if seen.keys().isdisjoint(keys):
                self.full = True
                return ()
            return None
        if len(seen) + len(keys) > MAX_SEEN or len(set(keys)) < len(keys) or not seen.keys().isdisjoint(keys):
            return None
        seen.update(zip(keys, (row.row_number for row in batch.rows)))
        return ()

    def validate_end(self) -> Iterable[TokyoError]:
        if self.full:
            yield self.finding("tokyo/duplicate-id-limit", field_name=self.target.label if self.target else None,
                               limit=MAX_SEEN)
