"""Values shifted by one column: a cell missing (or one too many) part way
along a row moves every later value under the neighbouring heading, and the
row then fails the formats of several columns at once (an e-mail address
under URL, a URL under 画像…). Such a row gets one diagnosis instead: where
the shift starts and which way, and its findings from there on are dropped.

A value misfits a column when the column's format checks reject it, or, for
a column without a format, when it is of a kind (number, code, URL, kana,
text…) none of the column's sample values is. The row is shifted at s when
moving its cells from s one place back (a cell is missing) or forward (one
is extra) at least halves its misfits and removes two or more.

The engine asks for a diagnosis only for rows with two or more findings, and
the search is linear in the row's width.
"""
from __future__ import annotations

from itertools import accumulate
from typing import Any, Callable, Optional

import attrs

from ..layout import Column, kind, text
from .base import TokyoCheck

# Findings about a value's form (as opposed to the file, the row or the text).
FORMAT_CODES = frozenset({
    "tokyo/phone-format", "tokyo/url-format", "tokyo/email-format", "tokyo/postal-code-format",
    "tokyo/town-id-format", "tokyo/poi-code-format", "tokyo/coordinate-format",
    "tokyo/coordinate-outside-japan", "tokyo/coordinates-swapped", "tokyo/date-format",
    "tokyo/date-invalid", "tokyo/time-format", "tokyo/time-invalid", "tokyo/number-format",
    "tokyo/number-unit", "tokyo/number-prose", "tokyo/number-comma", "tokyo/zenkaku-alnum",
    "tokyo/yes-no", "tokyo/weekdays", "tokyo/kana-format", "tokyo/flag-value",
    "tokyo/lg-code-check-digit", "tokyo/lg-code-leading-zero-dropped",
    "tokyo/lg-code-missing-check-digit", "tokyo/lg-code-format",
    "tokyo/corporate-number-check-digit", "tokyo/corporate-number-format",
})
# Dropped too in a shifted row's later columns: an empty cell moved under a required item.
DROPPED = FORMAT_CODES | {"tokyo/required-value-missing", "tokyo/recommended-value-missing"}
MIN_GAIN = 2


@attrs.define(kw_only=True, repr=False)
class shifted_columns(TokyoCheck):
    type = "tokyo-shifted-columns"
    # column index -> does a value fit that column's format (set by build())
    fits: dict[int, Callable[[str], bool]] = attrs.field(factory=dict)

    def diagnose(self, row: Any, errors: list[Any]) -> Optional[list[Any]]:
        """The row's findings with the shift diagnosed, or None when it is not shifted."""
        if sum(1 for e in errors if getattr(e, "code", None) in FORMAT_CODES) < MIN_GAIN:
            return None
        columns = self.table.columns
        values = [text(c).strip() for c in row.cells]
        n = len(columns)
        if n < 3:
            return None
        def cell(i: int) -> str:
            return values[i] if i < len(values) else ""

        own = [self._misfit(cell(i), i) for i in range(n)]
        before = list(accumulate(own, initial=0))
        total = before[-1]
        # A missing cell at s: the value written at i belongs to column i + 1.
        left = list(accumulate(reversed([self._misfit(cell(i), i + 1) if i + 1 < n else 1
                                         for i in range(n)]), initial=0))[::-1]
        # An extra cell at s: column i holds the value written at i + 1, and the
        # value written at s belongs nowhere (a misfit of its own when not blank).
        right = list(accumulate(reversed([self._misfit(cell(i + 1), i) for i in range(n)]), initial=0))[::-1]
        best = None
        for s in range(1, n):
            extra = 1 if cell(s) else 0
            for misfits, direction in ((before[s] + left[s], "left"), (before[s] + extra + right[s], "right")):
                if total - misfits >= MIN_GAIN and misfits * 2 <= total and (best is None or misfits < best[0]):
                    best = (misfits, s, direction)
        if best is None:
            return None
        return self._replace(row, errors, columns[best[1]], best[2])

    def _misfit(self, value: str, index: int) -> int:
        if not value:
            return 0
        if index >= len(self.table.columns):
            return 1
        judge = self.fits.get(index)
        if judge is not None:
            return 0 if judge(value) else 1
        column = self.table.columns[index]
        return 0 if kind(value) in column.kinds else 1

    def _replace(self, row: Any, errors: list[Any], start: Column, direction: str) -> list[Any]:
        later = {c.label for c in self.table.columns if c.index >= start.index}
        kept = [e for e in errors
                if not (getattr(e, "code", None) in DROPPED and e.field_name in later)
                and getattr(e, "code", None) not in ("tokyo/missing-cell", "tokyo/extra-cell")]
        return kept + [self.finding("tokyo/shifted-columns", row.row_number, start.label,
                                    value=start.label, direction=direction)]


def column_judges(checks: list[Any], columns: list[Column]) -> dict[int, Callable[[str], bool]]:
    """column index -> a test that a value fits the column, from the checks of its format."""
    judges: dict[int, Callable[[str], bool]] = {}
    for column in columns:
        mine = [c for c in checks if hasattr(c, "accepts") and c.select([column])]
        if mine and column.format:
            judges[column.index] = (lambda checks_, col: lambda v: all(c.accepts(v, col) for c in checks_))(
                mine, column)
    return judges
