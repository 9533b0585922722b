"""What every tokyo check shares: its finding type and the per-cell loop."""
from __future__ import annotations

import re
from typing import Any, ClassVar, Iterable, Optional

import attrs
from frictionless import Check, Error

from ..layout import Column, Table, text

# Full-width ASCII variants and the ideographic space: 半角 is required
# wherever a code, number, date or address-like format is expected.
ZENKAKU = re.compile(r"[\uFF01-\uFF5E\u3000]")

Problem = Optional[tuple[str, dict[str, Any]]]
MEMO_SIZE = 4096  # distinct values remembered per column


@attrs.define(kw_only=True, repr=False)
class TokyoError(Error):
    """A finding: `code` names the rule, `params` fill its message (see messages)."""

    type = "tokyo"
    title = "Tokyo standard-format finding"
    description = "A value or layout that breaks Japan's standard data formats."

    code: str
    row_number: Optional[int] = None
    field_name: Optional[str] = None
    params: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(kw_only=True, repr=False)
class TokyoCheck(Check):
    type: ClassVar[str] = "tokyo"
    table: Table

    def finding(self, code: str, row_number: Optional[int] = None,
                field_name: Optional[str] = None, **params: Any) -> TokyoError:
        return TokyoError(note=code, code=code, row_number=row_number,
                          field_name=field_name, params=params)


@attrs.define(kw_only=True, repr=False)
class CellCheck(TokyoCheck):
    """Checks each non-blank cell of the columns whose format it handles.

    Verdicts are memoised per column: codes, counts, 有/無 and times repeat
    across rows, and the memo is what keeps the checks within frictionless's
    own per-row cost. It is cleared when full, so memory stays bounded.
    """

    formats: ClassVar[frozenset[str]] = frozenset()
    skip_zenkaku: ClassVar[bool] = True  # full-width input is the zenkaku check's finding
    targets: list[tuple[Column, dict[Any, Problem]]] = attrs.field(factory=list, init=False)

    def connect(self, resource: Any) -> None:
        super().connect(resource)
        self.targets = [(c, {}) for c in self.select(self.table.columns)]

    def applies(self) -> bool:
        return bool(self.select(self.table.columns))

    def select(self, columns: list[Column]) -> list[Column]:
        return [c for c in columns if c.format in self.formats]

    def validate_row(self, row: Any) -> Iterable[TokyoError]:
        cells = row.cells
        for column, memo in self.targets:
            if column.index >= len(cells):
                continue
            value = cells[column.index]
            try:
                problem = memo[value]
            except KeyError:
                if len(memo) >= MEMO_SIZE:
                    memo.clear()
                problem = memo[value] = self.judge(value, column)
            if problem:
                code, params = problem
                yield self.finding(code, row.row_number, column.label, value=text(value), **params)

    def judge(self, value: Any, column: Column) -> Problem:
        written = text(value)
        if not written.strip() or (self.skip_zenkaku and ZENKAKU.search(written)):
            return None
        return self.check(written, column)

    def check(self, value: str, column: Column) -> Problem:
        raise NotImplementedError


def row_text(cells: list[Any]) -> str:
    """All text cells of a row in one string, for a single regex search per row."""
    try:
        return "\x1f".join(cells)
    except TypeError:  # XLSX rows hold numbers, dates and None too
        return "\x1f".join(c for c in cells if isinstance(c, str))
