"""What every tokyo check shares: its finding type and the per-cell loop."""
from __future__ import annotations

import functools
import itertools
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


class Batch:
    """Consecutive CSV rows, all of text cells and as wide as the header, seen
    at once: a check's `skim` tells from them, at C speed, which rows its
    validate_row must still see (most rows of most files: none)."""

    def __init__(self, rows: list[Any]):
        self.rows = rows
        self.cells: list[list[str]] = [row.cells for row in rows]

    @functools.cached_property
    def columns(self) -> list[tuple[str, ...]]:
        """The cells column by column."""
        return list(zip(*self.cells))

    @functools.cached_property
    def filled(self) -> bool:
        """No row is blank."""
        return all(map(any, self.cells))

    @functools.cached_property
    def unusual(self) -> list[int]:
        """The rows with a character a TextScan looks for, a line break, or
        whitespace at a cell's edge (surrounding_space, line_break, the scans):
        one search of the batch's text for any of them but the plain space,
        whose place at a cell's edge is found by substring tests."""
        joined = SEPARATOR.join(itertools.chain.from_iterable(self.cells))  # a row's edge is a cell's edge
        search = _marks().search
        if not search(joined) and not any(edge in joined for edge in SPACE_EDGES) \
                and joined[:1] != " " and joined[-1:] != " ":
            return []
        texts = [SEPARATOR.join(cells) for cells in self.cells]
        return [n for n, text in enumerate(texts) if search(text) or text[:1] == " " or text[-1:] == " "
                or any(edge in text for edge in SPACE_EDGES)]


@attrs.define(kw_only=True, repr=False)
class TokyoCheck(Check):
    type: ClassVar[str] = "tokyo"
    table: Table

    def skim(self, batch: Batch) -> Optional[Iterable[int]]:
        """The rows of batch (indices) whose findings validate_row must work
        out; None: every row. A check that can tell its findings from the
        batch at once says which rows can have any; the engine calls
        validate_row for those alone, in order."""
        return None

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
    # Plain ASCII text never breaks this rule (full-width or kana rules): skipped for it.
    ascii_safe: ClassVar[bool] = False
    # A regex a cell matches whole only if this rule finds nothing in it (and
    # never matching the NUL between cells): CellChecks proves a batch's new
    # values right with one match of them all. None: judged one by one.
    clean: ClassVar[Optional[str]] = None
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
        if self.skip_zenkaku and not written.isascii() and ZENKAKU.search(written):
            written = unicodedata.normalize("NFKC", written)
        return self.check(written, column)

    def accepts(self, value: str, column: Column) -> bool:
        """Is value (already half-width) right for the column? For the zenkaku check's fix."""
        return self.check(value, column) is None

    def check(self, value: str, column: Column) -> Problem:
        raise NotImplementedError


@attrs.define(kw_only=True, repr=False)
class CellChecks(TokyoCheck):
    """Runs the cell checks column by column over a batch of rows: one memo
    per column holds the verdicts of all its checks, and a batch's distinct
    values are judged once, so a repeated value costs next to nothing however
    many rules look at its column. The engine runs this instead of each
    CellCheck's own validate_row (which stays for use alone)."""

    type = "tokyo-cells"
    checks: list[CellCheck] = attrs.field(factory=list)
    # (column, its checks' judges, those that can fault plain ASCII, values known right,
    # values known wrong -> their problems, the checks' clean patterns for values
    # joined by SEPARATOR if every check has one)
    plan: list[tuple[Column, list[Any], list[Any], set[Any], dict[Any, tuple], Optional[list[re.Pattern[str]]]]] = \
        attrs.field(factory=list, init=False)

    def connect(self, resource: Any) -> None:
        super().connect(resource)
        self.plan = []
        for column in self.table.columns:
            mine = [c for c in self.checks if c.select([column])]
            if mine:
                clean = [_joined(c.clean) for c in mine if c.clean is not None]
                self.plan.append((column, [c.judge for c in mine],
                                  [c.judge for c in mine if not c.ascii_safe], set(), {},
                                  clean if len(clean) == len(mine) else None))

    def validate_rows(self, rows: list[Any], batch: Optional[Batch] = None) -> list[list[TokyoError]]:
        """The findings of each row of a batch, in the batch's order. batch: the
        same rows as a Batch (the fast CSV path: text cells, header-wide)."""
        found: list[list[TokyoError]] = [[] for _ in rows]
        cells = [row.cells for row in rows]
        narrowest = min(map(len, cells), default=0)
        columns = batch.columns if batch is not None else None
        for column, judges, ascii_judges, right, wrong, clean in self.plan:
            index = column.index
            if columns is not None:
                values: Any = columns[index]
            else:
                values = [c[index] for c in cells] if index < narrowest else \
                    [c[index] if index < len(c) else None for c in cells]
            distinct = set(values)
            distinct.discard(None)
            distinct.discard("")  # blank: no rule faults it
            if len(right) + len(wrong) > MEMO_SIZE:  # bounded memory
                right.clear()
                wrong.clear()
            new = distinct - right
            new.difference_update(wrong)
            if new and clean is not None and columns is not None:
                joined = SEPARATOR.join(new)
                if all(pattern.fullmatch(joined) for pattern in clean):
                    right.update(new)
                    new = set()
            if new:
                for value in new:
                    mine = ascii_judges if value.__class__ is str and value.isascii() else judges
                    problems = tuple(filter(None, [judge(value, column) for judge in mine]))
                    if problems:
                        wrong[value] = problems
                    else:
                        right.add(value)
            if wrong and not distinct.isdisjoint(wrong):
                for n, value in enumerate(values):
                    for code, params in wrong.get(value, ()):
                        found[n].append(self.finding(code, rows[n].row_number, column.label,
                                                     value=text(value), **params))
        return found


@attrs.define(kw_only=True, repr=False)
class TextScan(TokyoCheck):
    """Scans every heading and cell for characters that break a rule (半角カナ,
    機種依存文字, mojibake). Each rule names the characters it looks for
    (`suspects`, a regex class body); one search for all of them per row
    lets most rows through at once."""

    @classmethod
    def suspects(cls) -> str:
        raise NotImplementedError

    def scan(self, value: str, row_number: int, column: Column) -> Iterable[TokyoError]:
        raise NotImplementedError

    def validate_start(self) -> Iterable[TokyoError]:
        for column in self.table.columns:
            yield from self.scan(column.label, self.table.header_row, column)

    def validate_row(self, row: Any) -> Iterable[TokyoError]:
        cells = row.cells
        if not unusual(cells):
            return ()
        return self.scan_row(row, cells)

    def scan_row(self, row: Any, cells: list[Any]) -> list[TokyoError]:
        found: list[TokyoError] = []
        for column in self.table.columns:
            if column.index < len(cells):
                value = cells[column.index]
                if value:
                    found.extend(self.scan(value if value.__class__ is str else text(value),
                                           row.row_number, column))
        return found


@attrs.define(kw_only=True, repr=False)
class TextScans(TokyoCheck):
    """Runs the text scans one row at a time behind one search for all their
    characters (the engine runs this instead of each scan's validate_row)."""

    type = "tokyo-text-scans"
    checks: list[TextScan] = attrs.field(factory=list)

    def skim(self, batch: Batch) -> Optional[Iterable[int]]:
        return batch.unusual

    def validate_row(self, row: Any) -> Iterable[TokyoError]:
        cells = row.cells
        if not unusual(cells):
            return ()
        return [error for check in self.checks for error in check.scan_row(row, cells)]


@functools.cache
def _suspects() -> re.Pattern[str]:
    return re.compile("[" + "".join(sub.suspects() for sub in TextScan.__subclasses__()) + "?]")


SEPARATOR = "\x00"  # between the cells in row_text: no whitespace, never typed


def _joined(clean: str) -> re.Pattern[str]:
    """Matches values joined by SEPARATOR that each match clean whole. Each
    value's match is atomic: no backtracking from one value into another."""
    one = f"(?>(?:{clean})(?={SEPARATOR}|\\Z))"
    return re.compile(f"{one}(?:{SEPARATOR}{one})*+")


# Every whitespace character but the plain space (str.isspace), for Batch.unusual.
WHITESPACE = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
SPACE_EDGES = (SEPARATOR + " ", " " + SEPARATOR)


@functools.cache
def _marks() -> re.Pattern[str]:
    """The characters of Batch.unusual's search: the scans' and whitespace but the space."""
    return re.compile("[" + _suspects().pattern[1:-1] + WHITESPACE + "]")


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


_last_unusual: list[Any] = [None, False]


def unusual(cells: list[Any]) -> bool:
    """Does the row hold a character some TextScan looks for (asked by each in turn)?"""
    if cells is not _last_unusual[0]:
        _last_unusual[0], _last_unusual[1] = cells, bool(_suspects().search(row_text(cells)))
    return _last_unusual[1]
