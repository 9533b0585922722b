"""What every tokyo check shares: its finding type and the per-cell loop."""
from __future__ import annotations

import re
import unicodedata
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
    # Full-width input is judged as its half-width form: if that is right, the
    # zenkaku check reports the cell (with that fix); if not, this check does.
    skip_zenkaku: ClassVar[bool] = True
    # Surrounding spaces are the surrounding_space check's finding: judge the stripped value.
    strips: ClassVar[bool] = True
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
        stripped = written.strip()
        if not stripped:
            return None
        if self.strips:
            written = stripped
        if self.skip_zenkaku and ZENKAKU.search(written):
            written = unicodedata.normalize("NFKC", written)
        return self.check(written, column)

    def accepts(self, value: str, column: Column) -> bool:
        """Is value (already half-width) right for the column? For the zenkaku check's fix."""
        return self.check(value, column) is None

    def check(self, value: str, column: Column) -> Problem:
        raise NotImplementedError


SEPARATOR = "\x00"  # between the cells in row_text: no whitespace, never typed
_last_row: list[Any] = [None, ""]


def row_text(cells: list[Any]) -> str:
    """All text cells of a row in one string, for a single regex search per
    row; several checks ask for the same row in turn, so the last is kept."""
    if cells is _last_row[0]:
        return _last_row[1]
    try:
        joined = SEPARATOR.join(cells)
    except TypeError:  # XLSX rows hold numbers, dates and None too
        joined = SEPARATOR.join(c for c in cells if isinstance(c, str))
    _last_row[0], _last_row[1] = cells, joined
    return joined
