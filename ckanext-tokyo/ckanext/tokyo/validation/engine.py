"""validate(): sniff, find the header, pick the schema, stream the rows through the checks.

Rows are streamed by a frictionless TableResource (CSV, or XLSX through
openpyxl in read-only mode) with every field of type "any": the checks judge
the written form, which typed casting would hide. Only the first
`max_findings` findings are kept, so memory does not grow with the file.
"""
from __future__ import annotations

import codecs
import contextlib
import csv
import io
import itertools
import os
import tempfile
import time
import zipfile
from typing import IO, Any, Iterator, Optional, Union

from frictionless import Check, Checklist, Detector, Dialect, FrictionlessException, Resource, formats
from frictionless.checks import baseline

from ..base import standards
from . import encoding as encodings
from .checks import TokyoError, build
from .checks.xlsx import oversized
from .layout import Table, find_header, map_fields, plan, text
from .options import Options
from .report import Finding, Findings, Report

SAMPLE_BYTES = 256 * 1024
SAMPLE_ROWS = 200
TIME_CHECK_EVERY = 512  # rows between clock reads
CONTEXT_ROWS = 50  # rows with findings kept as written, for the report to show them
CONTEXT_CELL = 200  # characters of a kept cell

Source = Union[str, "os.PathLike[str]", IO[bytes]]

# frictionless error types the report names in its own terms.
FRICTIONLESS_CODES = {
    "blank-label": "tokyo/blank-label",
    "duplicate-label": "tokyo/duplicate-label",
    "encoding-error": "tokyo/encoding-error",
    "source-error": "tokyo/empty-file",
}


def validate(source: Source, schema: Optional[str] = "auto", options: Optional[Options] = None) -> Report:
    """Validate a CSV/XLSX file (path or binary stream) against Japan's standard formats.

    schema: None (general rules only), "auto" (pick the standard dataset from
    the header) or a schema id from ``base.standards``.
    """
    options = options or Options()
    run = _Run(options)
    try:
        with _local_file(source, options.max_bytes) as path:
            run.validate(path, schema)
    except OSError as exception:
        run.unreadable(exception.strerror or str(exception))
    return run.report()


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


class _Run:
    def __init__(self, options: Options):
        self.options = options
        self.started = time.monotonic()
        self.findings = Findings(options.max_findings)
        self.readable = True
        self.encoding: Optional[encodings.Encoding] = None
        self.schema_id: Optional[str] = None
        self.stats: dict[str, Any] = {"rows": 0, "partial": False}
        self.header: list[str] = []
        self.rows: dict[int, list[str]] = {}

    def add(self, code: str, row: Optional[int] = None, field: Optional[str] = None, **params: Any) -> None:
        self.findings.add(Finding.of(code, row, field, **params))

    def unreadable(self, detail: str) -> None:
        self.readable = False
        self.add("tokyo/unreadable", detail=detail)

    # Preparation

    def validate(self, path: str, schema: Optional[str]) -> None:
        size = os.path.getsize(path)
        self.stats["bytes"] = size
        if size == 0:
            self.add("tokyo/empty-file")
            return
        with open(path, "rb") as head:
            is_zip = head.read(4) == b"PK\x03\x04"
        fmt = "xlsx" if is_zip else "csv"
        self.stats["format"] = fmt
        if fmt == "xlsx" and not self._xlsx_fits(path, size):
            return
        if fmt == "csv":
            with open(path, "rb") as stream:
                self.encoding = encodings.detect(stream, self.options.max_bytes)
            if self.encoding is None:
                self.unreadable("not UTF-8, CP932/Shift_JIS or UTF-16 text")
                return
        try:
            sample, delimiter = self._sample(path, fmt)
        except (FrictionlessException, csv.Error) as exception:
            self.unreadable(_detail(exception))
            return
        table = self._table(path, fmt, sample, schema)
        if table is None:
            return
        table.encoding = self.encoding
        capped = fmt == "csv" and size > self.options.max_bytes
        if capped:
            self.add("tokyo/limit-bytes", limit=self.options.max_bytes)
        self._stream(table, delimiter, capped)

    def _xlsx_fits(self, path: str, size: int) -> bool:
        try:
            problem = oversized(path, self.options.max_bytes, self.options.max_xlsx_ratio)
        except (zipfile.BadZipFile, zipfile.LargeZipFile) as exception:
            self.unreadable(f"broken XLSX: {exception}")
            return False
        if size > self.options.max_bytes:
            problem = {"member": "*", "size": size, "limit": self.options.max_bytes}
        if problem:
            self.add("tokyo/xlsx-too-large", **problem)
            self.readable = False
            return False
        return True

    def _sample(self, path: str, fmt: str) -> tuple[list[list[str]], str]:
        """The first rows as text, and the CSV delimiter."""
        if fmt == "xlsx":
            resource = Resource(path, format="xlsx", dialect=Dialect(header=False))
            with resource:
                return [[text(c) for c in row] for row in resource.read_cells(size=SAMPLE_ROWS)], ","
        assert self.encoding is not None
        with open(path, "rb") as stream:
            raw = stream.read(SAMPLE_BYTES)
        decoder = codecs.getincrementaldecoder(self.encoding.codec)(errors="replace")
        sample = decoder.decode(raw, final=len(raw) < SAMPLE_BYTES)
        lines = sample.splitlines()[:SAMPLE_ROWS]
        delimiter = "\t" if sum(ln.count("\t") for ln in lines) > sum(ln.count(",") for ln in lines) else ","
        rows = list(itertools.islice(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter),
                                     SAMPLE_ROWS + 1))
        if len(raw) == SAMPLE_BYTES or len(rows) > SAMPLE_ROWS:
            rows = rows[:-1]  # possibly cut short by the sample's end
        return rows, delimiter

    def _table(self, path: str, fmt: str, sample: list[list[str]], schema: Optional[str]) -> Optional[Table]:
        descriptor: Optional[dict[str, Any]] = None
        if schema not in (None, "auto"):
            try:
                descriptor = standards.descriptor(schema)
            except standards.UnknownSchema:
                self.add("tokyo/unknown-schema", schema=schema)
                self.readable = False
                return None
        index, detection = find_header(sample, standards.detect if schema == "auto" else None)
        labels = [c.strip() for c in sample[index]] if sample else []
        if detection:
            descriptor = standards.descriptor(detection.schema_id)
            mapping = dict(detection.mapping)
            self.stats["schema_reason"] = detection.reason
            self.stats["schema_reason_en"] = detection.reason_en
            self.add("tokyo/schema-detected", schema=detection.schema_id,
                     reason=detection.reason, reason_en=detection.reason_en)
        elif descriptor:
            mapping = map_fields(labels, standards.field_lookup(descriptor["name"]))
        else:
            mapping = {}
            if schema == "auto":
                self.add("tokyo/schema-not-detected")
        self.schema_id = descriptor["name"] if descriptor else None
        columns, missing = plan(labels, sample[index + 1:], descriptor, mapping)
        complete = (descriptor or {}).get("x-tokyo", {}).get("completeness", "complete") == "complete"
        return Table(columns, index + 1, preamble=[(n + 1, row) for n, row in enumerate(sample[:index])],
                     missing=missing, schema_id=self.schema_id, complete=complete, format=fmt, path=path)

    # Streaming

    def _resource(self, table: Table, delimiter: str, capped: bool) -> Resource:
        # "any" keeps cells as read: the checks judge the written form, and
        # XLSX numbers must not fail a string type.
        detector = Detector(field_type="any")
        if table.format == "xlsx":
            dialect = Dialect(header_rows=[table.header_row], controls=[formats.ExcelControl()])
            return Resource(table.path, format="xlsx", dialect=dialect, detector=detector)
        assert self.encoding is not None
        dialect = Dialect(header_rows=[table.header_row], controls=[formats.CsvControl(delimiter=delimiter)])
        source: Any = table.path
        if capped:
            # frictionless reads a stream only when its name is a local file
            cap = _line_end_before(table.path, self.options.max_bytes, self.encoding)
            source = io.BufferedReader(_Capped(open(table.path, "rb"), cap, table.path))
        return Resource(source, format="csv", encoding=self.encoding.codec, dialect=dialect, detector=detector)

    def _stream(self, table: Table, delimiter: str, capped: bool) -> None:
        resource = self._resource(table, delimiter, capped)
        checks = Checklist(checks=build(table)).connect(resource)
        # Only checks that look at rows are called per row; frictionless's
        # baseline reports the header here, its row part is row_shape's job.
        row_checks = [c for c in checks if type(c).validate_row is not Check.validate_row
                      and not isinstance(c, baseline)]
        options, deadline = self.options, self.started + self.options.timeout
        self.header = [c.label[:CONTEXT_CELL] for c in table.columns]
        rows = 0
        try:
            resource.open()
        except FrictionlessException as exception:
            self.unreadable(_detail(exception))
            return
        try:
            self._errors(e for check in checks for e in check.validate_start())
            stream = resource.row_stream
            while True:
                try:
                    row = next(stream)
                except StopIteration:
                    break
                except FrictionlessException as exception:
                    self._error(exception.error)
                    self.stats["partial"] = True
                    break
                except (UnicodeDecodeError, csv.Error) as exception:
                    self.add("tokyo/encoding-error", encoding=self.encoding.name if self.encoding else "",
                             detail=_detail(exception))
                    self.stats["partial"] = True
                    break
                errors = [e for check in row_checks for e in check.validate_row(row)]
                if errors:
                    listed = len(self.findings.items)
                    self._row_errors(errors)
                    if len(self.findings.items) > listed and len(self.rows) < CONTEXT_ROWS:
                        self.rows[row.row_number] = [text(c)[:CONTEXT_CELL] for c in row.cells]
                rows += 1
                if rows >= options.max_rows and next(stream, None) is not None:
                    self.add("tokyo/limit-rows", limit=options.max_rows)
                    self.stats["partial"] = True
                    break
                if rows % TIME_CHECK_EVERY == 0 and time.monotonic() > deadline:
                    self.add("tokyo/limit-time", limit=options.timeout, rows=row.row_number)
                    self.stats["partial"] = True
                    break
            if not self.stats["partial"]:
                self._errors(e for check in checks for e in check.validate_end())
        finally:
            resource.close()
            self.stats["rows"] = rows
            self.stats["columns"] = len(table.columns)
            self.stats["header_row"] = table.header_row

    # Errors → findings

    def _errors(self, errors: Any) -> None:
        for error in errors:
            self._error(error)

    def _row_errors(self, errors: list[Any]) -> None:
        # A note row is only that: its text is no value of the columns it spans.
        notes = [e for e in errors if getattr(e, "code", None) == "tokyo/note-row"]
        self._errors(notes or errors)

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
        if findings.total > findings.limit:
            # Past the limit, so listed over it: the reader must know the list is cut.
            findings.items.append(Finding.of("tokyo/limit-findings", limit=findings.limit, total=findings.total))
        self.stats.update(
            errors=findings.by_severity["error"],
            warnings=findings.by_severity["warning"],
            infos=findings.by_severity["info"],
            by_code=dict(findings.by_code),
            seconds=round(time.monotonic() - self.started, 3),
        )
        return Report(self.readable, self.encoding.name if self.encoding else None,
                      self.schema_id, findings.items, self.stats, self.header, self.rows)


def _line_end_before(path: str, limit: int, encoding: encodings.Encoding) -> int:
    """Where to cut a text file at most `limit` bytes long so that no row is cut."""
    if encoding.codec.startswith("utf-16"):
        return limit - limit % 2  # no search: a character boundary is enough
    with open(path, "rb") as stream:
        start = max(limit - 1024 * 1024, 0)
        stream.seek(start)
        end = stream.read(limit - start).rfind(b"\n")  # in UTF-8 and CP932 0x0A is always a newline
    return start + end + 1 if end >= 0 else limit


def _detail(exception: Exception) -> str:
    if isinstance(exception, FrictionlessException):
        return exception.error.message
    return str(exception)
