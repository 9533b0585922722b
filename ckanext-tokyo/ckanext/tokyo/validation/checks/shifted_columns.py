"""Values shifted by one column: a cell missing (or one too many) part way
along a row moves every later value under the neighbouring heading, and the
row then fails the formats of several columns at once (an e-mail address
under URL, a URL under 画像…). When at least two of a row's format findings
are values that fit the neighbouring column, the row gets one diagnosis
instead: where the shift starts and which way, and its format findings from
there on are dropped.

The engine asks for a diagnosis only for rows with two or more format
findings, so clean rows cost nothing.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

import attrs

from ..layout import Column, text
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
MIN_FITS = 2


@attrs.define(kw_only=True, repr=False)
class shifted_columns(TokyoCheck):
    type = "tokyo-shifted-columns"
    # column index -> does a value fit that column's format (set by build())
    fits: dict[int, Callable[[str], bool]] = attrs.field(factory=dict)

    def diagnose(self, row: Any, errors: list[Any]) -> Optional[list[Any]]:
        """The row's findings with the shift diagnosed, or None when it is not shifted."""
        columns = {c.label: c for c in self.table.columns}
        failing = sorted({columns[e.field_name].index for e in errors
                          if getattr(e, "code", None) in FORMAT_CODES and e.field_name in columns})
        if len(failing) < MIN_FITS:
            return None
        cells = row.cells
        for step, direction in ((1, "left"), (-1, "right")):
            fitting = [i for i in failing if self._fits(cells, i, i + step)]
            if len(fitting) >= MIN_FITS and len(fitting) * 2 >= len(failing):
                start = self.table.columns[min(fitting)]
                return self._replace(row, errors, start, direction)
        return None

    def _fits(self, cells: list[Any], index: int, target: int) -> bool:
        columns = self.table.columns
        if not 0 <= target < len(columns) or columns[target].format == columns[index].format:
            return False  # the same format either side tells nothing
        judge = self.fits.get(target)
        value = text(cells[index]).strip() if 0 <= index < len(cells) else ""
        return bool(judge and value and judge(value))

    def _replace(self, row: Any, errors: list[Any], start: Column, direction: str) -> list[Any]:
        later = {c.label for c in self.table.columns if c.index >= start.index}
        kept = [e for e in errors
                if not (getattr(e, "code", None) in DROPPED and e.field_name in later)]
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
