"""validate(): sniff, find the header, pick the schema, stream the rows through the checks.

A frictionless TableResource opens the table (CSV, or XLSX through openpyxl
in read-only mode) with every field of type "any": the checks judge the
written form, which typed casting would hide. XLSX rows come from its row
stream; CSV rows from Python's csv module in the dialect frictionless
sniffed (the fast path; frictionless's stream again where that reader meets
bytes it cannot read), checked a batch at a time (checks.base.Batch). Only
the first `max_findings` findings are kept, so memory does not grow with
the file.
"""
from __future__ import annotations

import codecs
import contextlib
import copy
import csv
import dataclasses
import hashlib
import io
import itertools
import json
import os
import tempfile
import time
import zipfile
from typing import IO, Any, Iterator, Optional, Union

from frictionless import Check, Checklist, Detector, Dialect, FrictionlessException, Resource, formats
from frictionless.checks import baseline

from ..base import standards
from . import encoding as encodings
from .checks import Batch, CellCheck, CellChecks, TextScan, TokyoError, build
from .checks.mojibake import repair as ungarble
from .checks.note_rows import note
from .checks.shifted_columns import shifted_columns
from .checks.xlsx import oversized
from .layout import (
    Table,
    find_header,
    header_continuation,
    map_fields,
    plan,
    shared_rules,
    sniff_delimiter,
    text,
)
from .options import Options
from .report import Finding, Findings, Report, without_paths

SAMPLE_BYTES = 256 * 1024
XLS_MAX_BYTES = 32 * 1024 * 1024  # xlrd holds the whole workbook in memory
MAGIC = {b"PK\x03\x04": "xlsx", b"\xd0\xcf\x11\xe0": "xls"}
EXTENSIONS = {"csv": "csv", "tsv": "csv", "txt": "csv", "xlsx": "xlsx", "xlsm": "xlsx", "xls": "xls"}
SAMPLE_ROWS = 200
BATCH_ROWS = 256  # rows the cell checks take at once
TIME_CHECK_EVERY = 64  # rows between clock reads
CONTEXT_ROWS = 50  # rows with findings kept as written, for the report to show them
CONTEXT_CELL = 200  # characters of a kept cell

Source = Union[str, "os.PathLike[str]", IO[bytes]]

# Item lists whose 掲載区分 is the definition's own (the official sheet, or the
# 2020 list as transcribed): a missing required item is an error there.
VERIFIED = frozenset({"official", "transcribed"})

FIELD_LIMIT_ERROR = "field larger than field limit"  # the csv module's words

# frictionless error types the report names in its own terms.
FRICTIONLESS_CODES = {
    "blank-label": "tokyo/blank-label",
    "duplicate-label": "tokyo/duplicate-label",
    "encoding-error": "tokyo/encoding-error",
    "source-error": "tokyo/empty-file",
}


def validate(source: Source, schema: Optional[str] = "auto", options: Optional[Options] = None,
             name: Optional[str] = None) -> Report:
    """Validate a CSV/XLSX/XLS file (path or binary stream) against Japan's standard formats.

    schema: None (general rules only), "auto" (pick the standard dataset from
    the header) or a schema id from ``base.standards``. name: the file's name
    as published (default: a path's own), for the standard file name
    (`<code>_<stem>.csv`) and the extension.
    """
    options = options or Options()
    if name is None and isinstance(source, (str, os.PathLike)):
        name = os.path.basename(os.fspath(source))
    run = _Run(options, name or "")
    try:
        with _local_file(source, options.max_bytes) as path:
            run.validate(path, schema)
    except OSError as exception:
        run.unreadable(exception.strerror or _detail(exception))
    except _Late:
        run.late(rows=0)
    return run.report()


@dataclasses.dataclass
class Layout:
    """What the engine found before reading the rows (for the fixer): the table's
    layout and CSV delimiter, or None and the report saying why not."""

    table: Optional[Table]
    delimiter: str
    report: Report


def layout_of(path: str, schema: Optional[str] = "auto", options: Optional[Options] = None,
              name: Optional[str] = None) -> Layout:
    """The layout validate() would stream a local file with (same detection)."""
    run = _Run(options or Options(), name if name is not None else os.path.basename(path))
    prepared = None
    try:
        prepared = run.prepare(path, schema)
    except OSError as exception:
        run.unreadable(exception.strerror or _detail(exception))
    except _Late:
        run.late(rows=0)
    table, delimiter = (prepared[0], prepared[1]) if prepared else (None, ",")
    return Layout(table, delimiter, run.report())


@contextlib.contextmanager
def _local_file(source: Source, max_bytes: int) -> Iterator[str]:
    """A path for source; a stream is spooled to a temporary file (frictionless and
    openpyxl need a seekable named file), copying at most max_bytes + 1 bytes."""
    if isinstance(source, (str, os.PathLike)):
        yield os.fspath(source)
        return
    with tempfile.NamedTemporaryFile(suffix=".tokyo-validate") as spool:
        left = max_bytes + 1  # one byte over tells the byte limit was hit
        while left > 0:
            chunk = source.read(min(1024 * 1024, left))
            if not chunk:
                break
            spool.write(chunk)
            left -= len(chunk)
        spool.flush()
        yield spool.name


class _Capped(io.RawIOBase):
    """The first `limit` bytes of a binary stream (the byte limit, streaming)."""

    def __init__(self, stream: IO[bytes], limit: int, name: str = ""):
        self.stream, self.limit, self.left, self.name = stream, limit, limit, name

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.stream.read(min(len(buffer), self.left))
        self.left -= len(data)
        buffer[: len(data)] = data
        return len(data)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        position = self.stream.seek(offset, whence)
        self.left = max(self.limit - position, 0)
        return position

    def tell(self) -> int:
        return self.stream.tell()

    def close(self) -> None:
        self.stream.close()
        super().close()


class _Unsure(Exception):
    """The fast CSV reader cannot go on where frictionless's reader would report an error."""


class _Row:
    """A row as the checks see it (frictionless's Row without its field casting)."""

    __slots__ = ("row_number", "cells")

    def __init__(self, row_number: int, cells: list[Any]):
        self.row_number, self.cells = row_number, cells
class _Late(Exception):
    """The run's deadline passed before the rows were read."""


class _Run:
    def __init__(self, options: Options, name: str = ""):
        self.options = options
        self.name = name
        self.started = time.monotonic()
        self.deadline = self.started + options.timeout  # one deadline for every step
        self.findings = Findings(options.max_findings, options.max_group_findings, options.max_report_bytes)
        self.readable = True
        self.encoding: Optional[encodings.Encoding] = None
        self.schema_id: Optional[str] = None
        self.stats: dict[str, Any] = {"rows": 0, "partial": False}
        self.header: list[str] = []
        self.rows: dict[int, list[str]] = {}
        self.context_bytes = 0  # of the kept rows, in the report's JSON

    def add(self, code: str, row: Optional[int] = None, field: Optional[str] = None, **params: Any) -> None:
        self.findings.add(Finding.of(code, row, field, **params))

    def unreadable(self, detail: str) -> None:
        self.readable = False
        self.add("tokyo/unreadable", detail=detail)

    def on_time(self) -> None:
        """Raise _Late once the deadline has passed (between steps)."""
        if time.monotonic() > self.deadline:
            raise _Late

    def late(self, rows: int) -> None:
        self.add("tokyo/limit-time", limit=self.options.timeout, rows=rows)
        self.stats["partial"] = True

    # Preparation

    def validate(self, path: str, schema: Optional[str]) -> None:
        prepared = self.prepare(path, schema)
        if prepared:
            self._stream(*prepared)

    def prepare(self, path: str, schema: Optional[str]) -> Optional[tuple[Table, str, bool]]:
        """The table's layout, its CSV delimiter and whether the byte limit cuts it
        (None when there is nothing to stream); file-wide findings are added."""
        size = os.path.getsize(path)
        self.stats["bytes"] = size
        # Which bytes this report is about (the DataStore loader checks it).
        self.stats["sha256"], longest = _digest_and_longest_line(path, self.options.max_line_bytes)
        if size == 0:
            self.add("tokyo/empty-file")
            return None
        with open(path, "rb") as head:
            fmt = MAGIC.get(head.read(4), "csv")
        self.stats["format"] = fmt
        extension = EXTENSIONS.get(self.name.rsplit(".", 1)[-1].lower()) if "." in self.name else None
        if extension and extension != fmt:
            self.add("tokyo/extension-mismatch", extension=self.name.rsplit(".", 1)[-1], format=fmt.upper())
        if fmt == "xls":
            self.add("tokyo/xls-format")
            if size > min(self.options.max_bytes, XLS_MAX_BYTES):
                self.add("tokyo/xlsx-too-large", member="*", size=size,
                         limit=min(self.options.max_bytes, XLS_MAX_BYTES))
                self.readable = False
                return None
        if fmt == "xlsx" and not self._xlsx_fits(path, size):
            return None
        if fmt == "csv":
            with open(path, "rb") as stream:
                self.encoding = encodings.detect(stream, self.options.max_bytes)
            if self.encoding is None:
                self.unreadable("not UTF-8, CP932/Shift_JIS or UTF-16 text")
                return None
        self.on_time()
        try:
            sample, delimiter, widest = self._sample(path, fmt)
        except (FrictionlessException, csv.Error) as exception:
            self.unreadable(_detail(exception))
            return None
        except Exception as exception:  # xlrd's own errors on a broken .xls
            if fmt != "xls":
                raise
            self.unreadable(f"broken XLS: {exception}")
            return None
        if not self._columns_fit(widest):
            return None
        if fmt == "csv" and longest > self.options.max_line_bytes:
            # Python's csv and frictionless hold a line whole, several copies
            # while parsing it: a 60 MB line took 460 MiB before any check ran.
            self.add("tokyo/limit-line", limit=self.options.max_line_bytes, size=longest)
            self.readable = False
            return None
        self.on_time()
        table = self._table(path, fmt, sample, schema)
        if table is None:
            return None
        table.encoding = self.encoding
        if delimiter == "\t" and self.name.lower().endswith(".csv"):
            self.add("tokyo/tab-separated", extension="csv")
        table.deadline = self.deadline
        self.on_time()
        capped = fmt == "csv" and size > self.options.max_bytes
        if capped:
            self.add("tokyo/limit-bytes", limit=self.options.max_bytes)
        return table, delimiter, capped

    def _xlsx_fits(self, path: str, size: int) -> bool:
        try:
            problem = oversized(path, self.options.max_bytes, self.options.max_xlsx_ratio)
        except (zipfile.BadZipFile, zipfile.LargeZipFile) as exception:
            self.unreadable(f"broken XLSX: {exception}")
            return False
        if size > self.options.max_bytes:
            problem = {"member": "*", "size": size, "limit": self.options.max_bytes}
        if problem:
            self.add("tokyo/xlsx-too-complex" if "count" in problem else "tokyo/xlsx-too-large", **problem)
            self.readable = False
            return False
        return True

    def _columns_fit(self, widest: int) -> bool:
        # frictionless opens a table at ~10 ms a column: 150,000 columns would
        # run for half an hour before the first row, past any deadline.
        if widest > self.options.max_columns:
            self.add("tokyo/limit-columns", limit=self.options.max_columns, count=widest)
            self.readable = False
            return False
        return True

    def _sample(self, path: str, fmt: str) -> tuple[list[list[str]], str, int]:
        """The first rows as text, the CSV delimiter, and the widest row seen
        (a row cut by the sample's end included: a header of 150,000
        columns does not fit in the sample)."""
        if fmt == "xlsx":
            # openpyxl itself: a frictionless resource would first build a
            # field for each column the sheet declares (up to 16,384).
            # A stream, not the path: openpyxl refuses a name not ending in .xlsx.
            import openpyxl  # here: a CSV run does not pay for importing it (0.15 s)

            try:
                with open(path, "rb") as stream:
                    book = openpyxl.load_workbook(stream, read_only=True, data_only=True)
                    try:
                        rows = book.worksheets[0].iter_rows(values_only=True) if book.worksheets else iter(())
                        sample = [[text(c) for c in row] for row in itertools.islice(rows, SAMPLE_ROWS)]
                        return sample, ",", max(map(len, sample), default=0)
                    finally:
                        book.close()
            except Exception as exception:  # openpyxl, zipfile and XML parsers each raise their own
                raise FrictionlessException(f"invalid excel file: {_detail(exception)}") from exception
        if fmt == "xls":
            resource = Resource(path, format=fmt, dialect=Dialect(header=False))
            with resource:
                sample = [[text(c) for c in row] for row in resource.read_cells(size=SAMPLE_ROWS)]
            return sample, ",", max(map(len, sample), default=0)
        assert self.encoding is not None
        with open(path, "rb") as stream:
            raw = stream.read(SAMPLE_BYTES)
        decoder = codecs.getincrementaldecoder(self.encoding.codec)(errors="replace")
        sample = decoder.decode(raw, final=len(raw) < SAMPLE_BYTES)
        lines = sample.splitlines()[:SAMPLE_ROWS]
        delimiter = sniff_delimiter(lines)
        rows = list(itertools.islice(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter),
                                     SAMPLE_ROWS + 1))
        widest = max(map(len, rows), default=0)
        if len(raw) == SAMPLE_BYTES or len(rows) > SAMPLE_ROWS:
            rows = rows[:-1]  # possibly cut short by the sample's end
        return rows, delimiter, widest

    def _table(self, path: str, fmt: str, sample: list[list[str]], schema: Optional[str]) -> Optional[Table]:
        descriptor: Optional[dict[str, Any]] = None
        if schema not in (None, "auto"):
            try:
                descriptor = standards.descriptor(schema)
            except standards.UnknownSchema:
                self.add("tokyo/unknown-schema", schema=schema)
                self.readable = False
                return None
        def detect(header: list[str]) -> Optional[standards.Detection]:
            found = standards.detect(header, name=self.name)
            repaired = [ungarble(h) or h for h in header] if found is None else header
            if repaired == header:
                return found
            # Garbled headings (the mojibake check reports them): detect by what they were.
            found = standards.detect(repaired, name=self.name)
            if found is None:
                return None
            raw = dict(zip(repaired, header))
            return dataclasses.replace(
                found, mapping={raw[k]: v for k, v in found.mapping.items()},
                variants=tuple((raw[k], v) for k, v in found.variants),
                alternatives=tuple((sid, {raw[k]: v for k, v in m.items()}) for sid, m in found.alternatives))

        index, detection = find_header(sample, detect if schema == "auto" else None)
        labels = [c.strip() for c in sample[index]] if sample else []
        variants: list[tuple[str, str]] = []
        if detection:
            descriptor = standards.descriptor(detection.schema_id)
            mapping = dict(detection.mapping)
            variants = [(raw.strip(), name) for raw, name in detection.variants]
            if detection.alternatives:
                descriptor = shared_rules(descriptor, mapping, detection.alternatives)
                self.stats["schema_alternatives"] = [sid for sid, _ in detection.alternatives]
            self.stats["schema_reason"] = detection.reason
            self.stats["schema_reason_en"] = detection.reason_en
            self.add("tokyo/schema-detected", schema=detection.schema_id,
                     reason=detection.reason, reason_en=detection.reason_en)
        elif descriptor:
            mapping, variants = map_fields(labels, descriptor["name"])
        else:
            mapping = {}
            if schema == "auto":
                self.add("tokyo/schema-not-detected")
        mapping = {raw.strip(): name for raw, name in mapping.items()}
        self.schema_id = descriptor["name"] if descriptor else None
        continuation = header_continuation(labels, sample[index + 1:])
        # Note rows are no data: a column's inferred format is its values' own.
        data = [row for row in sample[index + 1 + continuation:] if note(row, len(labels)) is None]
        columns, missing = plan(labels, data, descriptor, mapping)
        x = (descriptor or {}).get("x-tokyo", {})
        return Table(columns, index + 1, preamble=[(n + 1, row) for n, row in enumerate(sample[:index])],
                     missing=missing, schema_id=self.schema_id,
                     complete=x.get("completeness", "complete") == "complete",
                     verified=x.get("reliability", "official") in VERIFIED,
                     variants=variants, continuation=[index + 2 + n for n in range(continuation)],
                     header_cells=list(sample[index]) if sample else [],
                     format=fmt, path=path)

    # Streaming

    def _resource(self, table: Table, delimiter: str, capped: bool) -> Resource:
        # "any" keeps cells as read: the checks judge the written form, and
        # XLSX numbers must not fail a string type.
        detector = Detector(field_type="any")
        skip = {"comment_rows": table.continuation} if table.continuation else {}
        if table.format in ("xlsx", "xls"):
            dialect = Dialect(header_rows=[table.header_row], controls=[formats.ExcelControl()], **skip)
            return Resource(table.path, format=table.format, dialect=dialect, detector=detector)
        assert self.encoding is not None
        dialect = Dialect(header_rows=[table.header_row], controls=[formats.CsvControl(delimiter=delimiter)],
                          **skip)
        # frictionless reads a stream only when its name is a local file
        source: Any = self._bytes(table, capped) if capped else table.path
        return Resource(source, format="csv", encoding=self.encoding.codec, dialect=dialect, detector=detector)

    def _bytes(self, table: Table, capped: bool) -> IO[bytes]:
        """The CSV file's bytes, cut at the byte limit when capped."""
        if not capped:
            return open(table.path, "rb")
        assert self.encoding is not None
        cap = _line_end_before(table.path, self.options.max_bytes, self.encoding)
        return io.BufferedReader(_Capped(open(table.path, "rb"), cap, table.path))

    def _csv_rows(self, resource: Resource, table: Table, capped: bool) -> Iterator[_Row]:
        """The CSV rows as frictionless's parser reads them (its encoding, its
        sniffed dialect, its row numbers), straight from Python's csv module:
        frictionless's row stream layers cost twice the parsing itself."""
        dialect = formats.CsvControl.from_dialect(resource.dialect).to_python()
        # The header and the rows continuing it (layout.header_continuation) come first.
        skip = table.header_row + len(table.continuation)
        with io.TextIOWrapper(self._bytes(table, capped), resource.encoding, newline="") as stream:
            reader = csv.reader(stream, dialect=dialect)
            try:
                for _ in itertools.islice(reader, skip):
                    pass
                yield from map(_Row, itertools.count(skip + 1), reader)
            except Exception as exception:  # undecodable bytes, a broken quote, a NUL
                raise _Unsure from exception

    def _stream(self, table: Table, delimiter: str, capped: bool) -> None:
        if table.format != "csv":
            self._rows(table, delimiter, capped, fast=False)
            return
        before = copy.deepcopy((self.findings, self.stats, self.rows, self.context_bytes))
        try:
            self._rows(table, delimiter, capped, fast=True)
        except _Unsure:
            # The fast reader met bytes it cannot read: frictionless's row stream
            # reports them, and the rows before them, its own way; start again with it.
            self.findings, self.stats, self.rows, self.context_bytes = before
            self._rows(table, delimiter, capped, fast=False)

    def _rows(self, table: Table, delimiter: str, capped: bool, fast: bool) -> None:
        resource = self._resource(table, delimiter, capped)
        checks = Checklist(checks=build(table)).connect(resource)
        # Only checks that look at rows are called per row; frictionless's
        # baseline reports the header here, its row part is row_shape's job;
        # the cell checks and text scans run through their drivers.
        row_checks = [c for c in checks if type(c).validate_row is not Check.validate_row
                      and not isinstance(c, (baseline, CellCheck, TextScan))]
        shifted = next(c for c in checks if isinstance(c, shifted_columns))
        cells = next(c for c in checks if isinstance(c, CellChecks))
        validators = [(c.skim, c.validate_row) for c in row_checks]
        batch: list[_Row] = []
        width = {len(table.columns)}
        self.header = [c.label[:CONTEXT_CELL] for c in table.columns]

        def flush() -> None:
            """The batch's row findings (each check's validate_row called for the
            rows its skim leaves, when read by the fast reader and as wide as the
            header) and cell findings, joined a row at a time; the first rows
            with listed findings are kept as written."""
            view = Batch(batch) if fast else None
            if view is not None and set(map(len, view.cells)) != width:
                view = None
            found_rows: list[list[Any]] = [[] for _ in batch]
            for skim, validate_row in validators:
                todo = skim(view) if view is not None else None
                for n in range(len(batch)) if todo is None else todo:
                    found = validate_row(batch[n])
                    if found:
                        found_rows[n].extend(found)
            for row, errors, found in zip(batch, found_rows, cells.validate_rows(batch, view)):
                errors = errors + found if found else errors
                if errors:
                    if len(errors) > 1:
                        errors = shifted.diagnose(row, errors) or errors
                    listed = len(self.findings.items)
                    self._row_errors(errors, row.row_number)
                    if len(self.findings.items) > listed and len(self.rows) < CONTEXT_ROWS:
                        self._keep_row(row)
            batch.clear()

        options, deadline = self.options, self.deadline
        rows = 0
        # Process-wide (frictionless sets 2 GiB on import): the csv module builds
        # a cell 4 bytes a character, so one quoted cell spanning a 60 MB file
        # took 390 MiB.
        csv.field_size_limit(options.max_line_bytes)
        try:
            resource.open()
        except FrictionlessException as exception:
            if not self._cell_too_long(exception, None):  # met in the rows frictionless samples on opening
                self.unreadable(_detail(exception))
            return
        try:
            self._errors(e for check in checks for e in check.validate_start())
            if time.monotonic() > deadline:
                self.late(rows=0)
                return
            # The parser's rows as they are: the checks read cells and row
            # numbers only, and frictionless's Row objects cost as much again.
            stream = self._csv_rows(resource, table, capped) if fast else \
                (_Row(number, cells) for number, cells in
                 resource.dialect.read_enumerated_content_stream(resource.cell_stream))
            # The fast reader is read a batch at a time (its errors start the run
            # again, so no row before one is lost); frictionless's a row at a time.
            step = TIME_CHECK_EVERY if fast else 1
            while True:
                try:
                    chunk = list(itertools.islice(stream, max(min(step, options.max_rows - rows), 1)))
                except FrictionlessException as exception:
                    last = batch[-1].row_number if batch else table.header_row
                    flush()
                    if not self._cell_too_long(exception, last + 1):
                        self._error(exception.error)
                    self.stats["partial"] = True
                    break
                except (UnicodeDecodeError, csv.Error) as exception:
                    flush()
                    self.add("tokyo/encoding-error", encoding=self.encoding.name if self.encoding else "",
                             detail=_detail(exception))
                    self.stats["partial"] = True
                    break
                if not chunk:
                    break
                batch.extend(chunk)
                if len(batch) >= BATCH_ROWS:
                    flush()
                rows += len(chunk)
                if rows >= options.max_rows and next(stream, None) is not None:
                    flush()
                    self.add("tokyo/limit-rows", limit=options.max_rows)
                    self.stats["partial"] = True
                    break
                if rows % TIME_CHECK_EVERY == 0 and time.monotonic() > deadline:
                    flush()
                    self.late(rows=chunk[-1].row_number)
                    break
            flush()
            if not self.stats["partial"]:
                self._errors(e for check in checks for e in check.validate_end())
        finally:
            resource.close()
            self.stats["rows"] = rows
            self.stats["columns"] = len(table.columns)
            self.stats["header_row"] = table.header_row

    def _cell_too_long(self, exception: FrictionlessException, row: Optional[int]) -> bool:
        """Report the csv module's cell size limit (frictionless calls it a source error)."""
        if FIELD_LIMIT_ERROR not in str(exception):
            return False
        self.add("tokyo/limit-cell", row, limit=self.options.max_line_bytes)
        self.stats["partial"] = True
        return True

    def _keep_row(self, row: Any) -> None:
        """Keep the row as written while the report's byte budget has room
        (the context shares it with the findings and groups)."""
        cells = [text(c)[:CONTEXT_CELL] for c in row.cells]
        size = len(json.dumps(cells, ensure_ascii=False).encode()) + 12
        if self.findings.bytes + self.context_bytes + size <= self.options.max_report_bytes:
            self.rows[row.row_number] = cells
            self.context_bytes += size

    # Errors → findings

    def _errors(self, errors: Any) -> None:
        for error in _one_diagnosis(list(errors)):
            self._error(error)

    def _row_errors(self, errors: list[Any], row_number: int) -> None:
        # A note row is only that: its text is no value of the columns it spans
        # (findings about earlier rows, e.g. blank rows before it, still count).
        if any(getattr(e, "code", None) == "tokyo/note-row" for e in errors):
            errors = [e for e in errors if getattr(e, "code", None) == "tokyo/note-row"
                      or getattr(e, "row_number", row_number) != row_number]
        self._errors(errors)

    def _error(self, error: Any) -> None:
        if isinstance(error, TokyoError):
            self.add(error.code, error.row_number, error.field_name, **error.params)
            return
        code = FRICTIONLESS_CODES.get(error.type, "tokyo/frictionless")
        row = getattr(error, "row_number", None)
        if row is None and getattr(error, "row_numbers", None):
            row = error.row_numbers[0]
        # A blank heading has only frictionless's made-up name (field3): show none.
        field = None if code == "tokyo/blank-label" else getattr(error, "label", None) or getattr(error, "field_name", None)
        # Only a duplicated heading is its own offending value; other errors name a column, not a cell.
        value = field if code == "tokyo/duplicate-label" else None
        self.add(code, row, field or None, value=value, column=getattr(error, "field_number", ""),
                 encoding=self.encoding.name if self.encoding else "", detail=error.message)

    def report(self) -> Report:
        findings = self.findings
        self.stats["truncated"] = findings.total > len(findings.items)
        # Past the limits, so listed over them: the reader must know the list is cut.
        if findings.full:
            findings.items.append(Finding.of("tokyo/limit-report", limit=findings.max_bytes,
                                             listed=len(findings.items), total=findings.total))
        elif findings.total > len(findings.items):
            findings.items.append(Finding.of("tokyo/limit-findings", limit=findings.limit,
                                             listed=len(findings.items), total=findings.total))
        self.stats.update(
            errors=findings.by_severity["error"],
            warnings=findings.by_severity["warning"],
            infos=findings.by_severity["info"],
            by_code=dict(findings.by_code),
            seconds=round(time.monotonic() - self.started, 3),
        )
        return Report(self.readable, self.encoding.name if self.encoding else None,
                      self.schema_id, findings.items, self.stats, findings.summary(), self.header, self.rows)


# A garbled cell is that: its half-width kana, odd characters or broken format are the garbling.
GARBLED = "tokyo/mojibake"


def _one_diagnosis(errors: list[Any]) -> list[Any]:
    garbled = {(e.row_number, e.field_name) for e in errors if getattr(e, "code", None) == GARBLED}
    if not garbled:
        return errors
    return [e for e in errors if getattr(e, "code", None) == GARBLED
            or (getattr(e, "row_number", None), getattr(e, "field_name", None)) not in garbled]


def _line_end_before(path: str, limit: int, encoding: encodings.Encoding) -> int:
    """Where to cut a text file at most `limit` bytes long so that no row is cut."""
    if encoding.codec.startswith("utf-16"):
        return limit - limit % 2  # no search: a character boundary is enough
    with open(path, "rb") as stream:
        start = max(limit - 1024 * 1024, 0)
        stream.seek(start)
        end = stream.read(limit - start).rfind(b"\n")  # in UTF-8 and CP932 0x0A is always a newline
    return start + end + 1 if end >= 0 else limit


def _digest_and_longest_line(path: str, limit: int) -> tuple[str, int]:
    """The file's hex SHA-256 and its longest run of bytes without CR or LF, in one
    read. The length is exact for runs longer than a read's chunk (the chunk is
    at most `limit`, so any run over the limit is measured); shorter ones may
    be given as less than they are."""
    chunk_size = max(64 * 1024, min(limit, 1024 * 1024))
    digest = hashlib.sha256()
    longest = run = 0  # run: bytes since the last line break
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(chunk_size), b""):
            digest.update(chunk)
            first = min((i for i in (chunk.find(b"\n"), chunk.find(b"\r")) if i >= 0), default=-1)
            if first < 0:
                run += len(chunk)
                continue
            longest = max(longest, run + first)
            run = len(chunk) - max(chunk.rfind(b"\n"), chunk.rfind(b"\r")) - 1
    return digest.hexdigest(), max(longest, run)


def file_sha256(path: str) -> str:
    """The hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _detail(exception: Exception) -> str:
    """A library's message for the report, without file system paths."""
    text = exception.error.message if isinstance(exception, FrictionlessException) else str(exception)
    return without_paths(text)
