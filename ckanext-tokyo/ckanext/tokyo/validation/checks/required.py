"""Schema items: required (◎) missing → error, recommended (○) missing → warning.

Applies only when a schema is known. A definition whose 掲載区分 is not
verified (reconstructed from third-party code) gives warnings only. An item
defined as "1 or empty" is never missing: blank means "no". Columns the
schema does not list are reported (info) when the schema is complete.
"""
from __future__ import annotations

import operator
from typing import Any, Callable, Iterable, Optional

import attrs

from ..layout import Column, is_blank
from .base import Batch, TokyoCheck, TokyoError

COLUMN_CODES = {"required": "tokyo/required-column-missing",
                "recommended": "tokyo/recommended-column-missing"}
VALUE_CODES = {"required": "tokyo/required-value-missing",
               "recommended": "tokyo/recommended-value-missing"}


@attrs.define(kw_only=True, repr=False)
class required(TokyoCheck):
    type = "tokyo-required"
    targets: list[Column] = attrs.field(factory=list, init=False)
    values: Optional[Callable[[list[Any]], tuple]] = attrs.field(default=None, init=False)

    def connect(self, resource: Any) -> None:
        super().connect(resource)
        self.targets = [c for c in self.table.columns if c.requirement in VALUE_CODES and c.format != "flag"]
        indices = [c.index for c in self.targets]
        # All the items at once: most rows have every one filled.
        self.values = operator.itemgetter(*indices) if len(indices) > 1 else None

    def level(self, requirement: str) -> dict[str, Any]:
        """A required item of an unverified definition: a warning that says so."""
        if requirement == "required" and not self.table.verified:
            return {"severity": "warning", "unverified": True}
        return {}

    def validate_start(self) -> Iterable[TokyoError]:
        if not self.table.schema_id:
            return
        for name, requirement in self.table.missing:
            if requirement in COLUMN_CODES:
                yield self.finding(COLUMN_CODES[requirement], field_name=name, value=name,
                                   **self.level(requirement))
        if self.table.complete:
            for column in self.table.columns:
                if column.field is None and column.label:
                    yield self.finding("tokyo/unknown-column", self.table.header_row,
                                       column.label, value=column.label)

    def validate_row(self, row: Any) -> Iterable[TokyoError]:
        cells = row.cells
        if self.values is not None:
            try:
                values = self.values(cells)
                if all(values) and not any(map(str.isspace, values)):
                    return ()
            except (IndexError, TypeError):  # a short row, or XLSX numbers
                pass
        return list(self._missing(row, cells))

    def skim(self, batch: Batch) -> Optional[Iterable[int]]:
        # Only a blank or all-space item can be missing.
        rows: set[int] = set()
        for column in self.targets:
            values = batch.columns[column.index]
            if "" in values or any(map(str.isspace, values)):
                rows.update(n for n, value in enumerate(values) if not value or value.isspace())
        return sorted(rows)

    def _missing(self, row: Any, cells: list[Any]) -> Iterable[TokyoError]:
        if is_blank(cells):
            return  # a blank row is reported once, as such
        for column in self.targets:
            # A short row is the missing-cell finding, not one per empty item.
            value = cells[column.index] if column.index < len(cells) else 0
            if value is None or (value.__class__ is str and not value.strip()):
                yield self.finding(VALUE_CODES[column.requirement], row.row_number, column.label,
                                   **self.level(column.requirement))
