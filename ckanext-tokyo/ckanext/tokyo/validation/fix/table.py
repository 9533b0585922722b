"""fix_file(): a corrected copy of a table, and the log of what changed.

The engine's own detection (encoding, header row, standard, column formats)
says what each column must hold; the fixers change only what they can fix
with certainty. The copy is UTF-8 CSV (an XLSX or XLS file becomes the CSV of
its first sheet); title, note and blank rows leave the table for a sidecar
text file, so nothing is lost.
"""
from __future__ import annotations

import csv
import os
import tempfile
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional

from frictionless import Dialect, FrictionlessException, Resource

from ..checks import build
from ..engine import layout_of
from ..layout import Table, is_blank, text
from ..options import Options
from .base import CellFixer, Change
from .coordinates import CoordinateFixer
from .dates import DateFixer
from .hankaku_kana import HankakuKanaFixer
from .headings import fix_heading
from .lg_code import LgCodeFixer
from .numbers import NumberFixer
from .rows import note_of
from .spaces import SpaceFixer
from .zenkaku import ZenkakuFixer

# In this order: width first (the others judge half-width text), spaces last.
CELL_FIXERS: list[type[CellFixer]] = [ZenkakuFixer, NumberFixer, DateFixer, LgCodeFixer, HankakuKanaFixer,
                                      SpaceFixer]
MEMO_SIZE = 4096  # distinct values remembered per column
PASSES = 3  # a fix may open the way to another (全角 date → 和暦 date → ISO)


class FixError(Exception):
    """The file cannot be fixed (unreadable, or not wholly in its encoding); nothing was written."""

    def __init__(self, message: str, message_en: str):
        super().__init__(message_en)
        self.message, self.message_en = message, message_en


@dataclass
class FixResult:
    output: str
    notes: Optional[str]  # the sidecar with the removed title and note rows, if any
    changes: list[Change]
    data_rows: int  # rows of data written (blank and note rows left out)
    source_format: str  # csv, xlsx or xls
    encoding: Optional[str]  # the source's (CSV), as the report names it
    notices: list[tuple[str, str]] = field(default_factory=list)  # (ja, en)

    def codes(self) -> set[str]:
        return {c.code for c in self.changes}

    def to_dict(self) -> dict[str, Any]:
        return {
            "output": self.output,
            "notes": self.notes,
            "data_rows": self.data_rows,
            "source_format": self.source_format,
            "encoding": self.encoding,
            "notices": [{"message": ja, "message_en": en} for ja, en in self.notices],
            "changes": [c.to_dict() for c in self.changes],
        }


def fix_file(path: str, output: str, bom: bool = False, schema: Optional[str] = "auto",
             name: Optional[str] = None, options: Optional[Options] = None) -> FixResult:
    """Write the corrected copy of the table at path to output (and output.notes.txt when rows were set aside)."""
    found = layout_of(path, schema, options, name)
    table = found.table
    if table is None:
        first = next((f for f in found.report.findings if f.severity == "error"), None)
        raise FixError(first.message if first else "表が読み取れません。",
                       first.message_en if first else "No table could be read.")
    result = FixResult(output, None, [], 0, table.format, found.report.encoding)
    if table.encoding and (not table.encoding.is_utf8 or (table.encoding.codec == "utf-8-sig" and not bom)):
        code = "tokyo/encoding-bom" if table.encoding.is_utf8 else "tokyo/encoding-not-utf8"
        result.changes.append(Change(code, None, None, table.encoding.name, "UTF-8 (BOM)" if bom else "UTF-8"))
    if table.format != "csv":
        result.notices.append((f"{table.format.upper()} の最初のシートを CSV に書き出しました。",
                               f"The first sheet of the {table.format.upper()} file was written as CSV."))
    notes: list[str] = []
    folder = os.path.dirname(os.path.abspath(output))
    with tempfile.NamedTemporaryFile("w", encoding="utf-8-sig" if bom else "utf-8", newline="",
                                     dir=folder, suffix=".part", delete=False) as spool:
        try:
            _write(path, found.delimiter, table, csv.writer(spool, lineterminator="\r\n"), result, notes)
        except (UnicodeDecodeError, csv.Error, FrictionlessException) as exception:
            spool.close()
            os.unlink(spool.name)
            raise FixError(f"ファイルを最後まで読めません（{exception}）。何も書き出していません。",
                           f"The file cannot be read to its end ({exception}); nothing was written.") from None
    os.replace(spool.name, output)
    notes_path = output + ".notes.txt"
    if notes:
        with open(notes_path, "w", encoding="utf-8") as sidecar:
            sidecar.write("\n".join(notes) + "\n")
        result.notes = notes_path
    elif os.path.exists(notes_path):
        os.unlink(notes_path)  # an older run's notes are not this file's
    return result


def _rows(path: str, delimiter: str, table: Table) -> Iterator[tuple[int, list[str]]]:
    """The file's rows as text, numbered as the report numbers them."""
    if table.format == "csv":
        assert table.encoding is not None
        with open(path, encoding=table.encoding.codec, newline="") as stream:
            yield from enumerate(csv.reader(stream, delimiter=delimiter), 1)
        return
    with Resource(path, format=table.format, dialect=Dialect(header=False)) as resource:
        for number, cells in enumerate(resource.read_cells(), 1):
            yield number, [text(c) for c in cells]


def _write(path: str, delimiter: str, table: Table, writer: Any, result: FixResult, notes: list[str]) -> None:
    checks = build(table)
    fixers = [fixer(table, checks) for fixer in CELL_FIXERS]
    plan = [(column, [f for f in fixers if f.select([column])], {}) for column in table.columns]
    plan = [(column, mine, memo) for column, mine, memo in plan if mine]
    coordinates = CoordinateFixer(table)
    changes = result.changes
    blanks: list[int] = []  # blank rows inside the table not yet known to be trailing
    for number, cells in _rows(path, delimiter, table):
        if number < table.header_row:
            filled = " ".join(c.strip() for c in cells if c.strip())
            changes.append(Change("tokyo/title-row" if filled else "tokyo/blank-row", number, None, filled, None))
            if filled:
                notes.append(f"{number}: {filled}")
            continue
        if number == table.header_row:
            writer.writerow(_heading_row(cells, table, fixers, changes))
            continue
        if number < table.data_start:
            writer.writerow(cells)  # the header's own rows (English names, units) stay
            continue
        if is_blank(cells):
            blanks.append(number)
            continue
        for blank in blanks:
            changes.append(Change("tokyo/blank-row", blank, None, "", None))
        blanks.clear()
        note = note_of(cells, len(table.columns))
        if note is not None:
            changes.append(Change("tokyo/note-row", number, None, note, None))
            notes.append(f"{number}: {note}")
            continue
        for column, mine, memo in plan:
            if column.index < len(cells) and cells[column.index]:
                cells[column.index] = _fix_cell(cells[column.index], column, mine, memo, number, changes)
        changes.extend(coordinates.fix(cells, number))
        writer.writerow(cells)
        result.data_rows += 1
    for blank in blanks:
        changes.append(Change("tokyo/trailing-blank-rows", blank, None, "", None))


def _heading_row(cells: list[str], table: Table, fixers: list[CellFixer], changes: list[Change]) -> list[str]:
    kana = next(f for f in fixers if isinstance(f, HankakuKanaFixer))
    out = []
    for raw in cells:
        heading = raw
        for fixer in (lambda h: fix_heading(h, table), kana.fix_text):
            fix = fixer(heading)
            if fix and fix[1] != heading:
                changes.append(Change(fix[0], table.header_row, raw.strip() or None, heading, fix[1]))
                heading = fix[1]
        out.append(heading)
    return out


def _fix_cell(value: str, column: Any, fixers: list[CellFixer], memo: dict[str, Any], row: int,
              changes: list[Change]) -> str:
    steps = memo.get(value)
    if steps is None:
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        steps = memo[value] = _steps(value, column, fixers)
    for code, before, after in steps:
        changes.append(Change(code, row, column.label, before, after))
    return steps[-1][2] if steps else value


def _steps(value: str, column: Any, fixers: list[CellFixer]) -> list[tuple[str, str, str]]:
    steps: list[tuple[str, str, str]] = []
    for _ in range(PASSES):
        changed = False
        for fixer in fixers:
            fixed = fixer.fix(value, column)
            if fixed and fixed[1] != value:
                steps.append((fixed[0], value, fixed[1]))
                value, changed = fixed[1], True
        if not changed:
            break
    return steps
