"""A validated file made ready for the DataStore (no CKAN): its columns with
their DataStore types, and its rows re-encoded as UTF-8 CSV for PostgreSQL's
COPY.

Reads the file the way the validator did (the same encoding detection, header
search and heading-to-standard mapping), so what is loaded is what was checked.

Column types:

* with a standard's Table Schema, from the schema: ``integer`` -> int8,
  ``number`` and coordinates -> numeric, dates -> date, times -> time, and
  everything else text (codes keep their leading zeros);
* otherwise inferred: a heading that names a format (緯度, 日付, 電話番号,
  郵便番号 …) decides, else the values (integers without leading zeros,
  numbers, ISO dates).

A column keeps its type only if every value fits it as PostgreSQL reads it;
the first value that does not turns it into text, and the column says which
value it was (nothing is lost, the API shows it).
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import re
import zipfile
from typing import IO, Any, Iterator, Optional

from ckanext.tokyo.base import standards
from ckanext.tokyo.validation import encoding as encodings
from ckanext.tokyo.validation.layout import (
    HEADING_FORMATS,
    find_header,
    is_blank,
    map_fields,
    sniff_delimiter,
    text,
)

SAMPLE_ROWS = 200
SAMPLE_BYTES = 256 * 1024
MAX_NAME_BYTES = 63  # PostgreSQL's identifier limit, in bytes
ACCEPTED_CACHE = 4096  # values remembered per column as fitting its type

TEXT, INTEGER, NUMBER, DATE, TIME = "text", "int8", "numeric", "date", "time"
# x-format (the validator's column formats) -> DataStore type; others are text.
FORMAT_TYPES = {"latitude": NUMBER, "longitude": NUMBER, "number": NUMBER, "date": DATE, "time": TIME}
COORDINATES = ("latitude", "longitude")

_INTEGER = re.compile(r"[+-]?[0-9]+")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_LEADING_ZERO = re.compile(r"[+-]?0[0-9]")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"([0-9]{1,2}):([0-5][0-9])(?::([0-5][0-9]))?")
_INT8 = 2 ** 63


class Unreadable(Exception):
    """The file cannot be read as a table (reason in the message)."""


class TooManyRows(Exception):
    def __init__(self, limit: int):
        super().__init__(f"more than {limit} rows")
        self.limit = limit


@dataclasses.dataclass
class Column:
    id: str  # the DataStore column: the standard's item name, else the heading
    label: str  # the heading as written in the file
    type: str = TEXT  # DataStore type after reading every value
    declared: str = TEXT  # the type the standard (or the heading) asked for
    field: Optional[str] = None  # the standard's item it maps to
    format: Optional[str] = None  # x-format or the heading's format
    description: str = ""
    title_en: str = ""
    mismatch: Optional[dict[str, Any]] = None  # {"row", "value"} that made a typed column text
    candidates: list[str] = dataclasses.field(default_factory=list, repr=False)  # types every value so far fits
    inferred: bool = False  # typed by its values alone (no standard, no telling heading)
    index: int = 0
    seen: bool = False  # a value was checked
    accepted: set[str] = dataclasses.field(default_factory=set, repr=False)  # values known to fit the candidates

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "type": self.type, "declared": self.declared,
                "field": self.field, "format": self.format, "mismatch": self.mismatch}


@dataclasses.dataclass
class Table:
    columns: list[Column]
    rows: int
    encoding: Optional[str]
    schema: Optional[str]
    header_row: int

    def coordinates(self) -> Optional[tuple[str, str]]:
        """(latitude column, longitude column) when both are numeric."""
        return coordinates([c.as_dict() for c in self.columns])


def coordinates(columns: list[dict[str, Any]]) -> Optional[tuple[str, str]]:
    found = {c.get("format"): c["id"] for c in columns
             if c.get("format") in COORDINATES and c.get("type") == NUMBER}
    return (found["latitude"], found["longitude"]) if len(found) == 2 else None


def fits(kind: str, value: str, inferred: bool = False) -> bool:
    """Whether PostgreSQL reads `value` (stripped, not empty) as `kind`.
    Inferred numbers must not start with 0 (those are codes: 0312, 001)."""
    if kind == INTEGER:
        return (_INTEGER.fullmatch(value) is not None and (len(value) < 19 or abs(int(value)) < _INT8)
                and not (inferred and _LEADING_ZERO.match(value)))
    if kind == NUMBER:
        return _NUMBER.fullmatch(value) is not None and not (inferred and _LEADING_ZERO.match(value))
    if kind == DATE:
        if not _DATE.fullmatch(value):
            return False
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return False
        return True
    if kind == TIME:
        match = _TIME.fullmatch(value)
        if not match:
            return False
        hour = int(match.group(1))
        return hour < 24 or (hour == 24 and match.group(2) == "00" and match.group(3) in (None, "00"))
    return kind == TEXT


def read(path: str, spool: IO[str], schema: Optional[str] = None, encoding: Optional[str] = None,
         header_row: Optional[int] = None, max_rows: int = 1_000_000) -> Table:
    """Read the CSV/TSV/XLSX at `path` into `spool` (UTF-8 CSV, every field
    quoted, no header) and return its columns and row count.

    schema: the standard the validator used (None: infer); encoding: the name
    the validator reported (None: detect); header_row: 1-based record of the
    header the validator found (None: find it)."""
    with open(path, "rb") as head:
        is_zip = head.read(4) == b"PK\x03\x04"
    if is_zip:
        records, found_encoding = _xlsx_records(path), None
        sample = _take(_xlsx_records(path), SAMPLE_ROWS)
    else:
        found = encodings.by_name(encoding)
        if found is None:
            with open(path, "rb") as stream:
                found = encodings.detect(stream, 1 << 62)
        if found is None:
            raise Unreadable("not UTF-8, CP932/Shift_JIS, EUC-JP or UTF-16 text")
        sample, delimiter = _csv_sample(path, found)
        records, found_encoding = _csv_records(path, found, delimiter), found.name
    if header_row is None:
        index, _ = find_header(sample, _detector(schema))
    else:
        index = header_row - 1
    if index >= len(sample):
        raise Unreadable("no header row")
    labels = [c.strip() for c in sample[index]]
    while labels and not labels[-1]:
        labels.pop()  # trailing empty headings (Excel's and trailing commas); their cells must be blank
    if not labels:
        raise Unreadable("no header row")
    columns = _columns(labels, schema)
    writer = csv.writer(spool, quoting=csv.QUOTE_ALL, lineterminator="\n")
    width, rows, number = len(columns), 0, 0
    typed = [c for c in columns if c.candidates]
    try:
        for number, record in enumerate(records, start=1):
            if number <= index + 1 or is_blank(record):
                continue
            if len(record) > width:
                extra = [c for c in record[width:] if c and c.strip()]
                if extra:
                    raise Unreadable(f"row {number} has more cells than the header has headings ({extra[0][:50]!r})")
                record = record[:width]
            elif len(record) < width:
                record = list(record) + [""] * (width - len(record))
            rows += 1
            if rows > max_rows:
                raise TooManyRows(max_rows)
            for column in typed:
                if column.candidates:
                    _narrow(column, record, number)
            writer.writerow(record)
    except (UnicodeDecodeError, csv.Error) as error:
        raise Unreadable(f"row {number + 1}: {error}") from None
    for column in columns:
        column.type = column.candidates[0] if column.candidates and (column.seen or not column.inferred) else TEXT
    return Table(columns, rows, found_encoding, schema, index + 1)


def _narrow(column: Column, record: list[str], number: int) -> None:
    raw = record[column.index]
    if not raw or raw in column.accepted:  # most columns repeat a few values (counts, 有/無, times)
        return
    value = raw.strip()
    if not value:
        record[column.index] = ""  # blank in a typed column is NULL, not a value PostgreSQL must cast
        return
    column.seen = True
    kept = [kind for kind in column.candidates if fits(kind, value, column.inferred)]
    if not kept and not column.inferred:
        column.mismatch = {"row": number, "value": value[:200]}
    column.candidates = kept
    if kept and len(column.accepted) < ACCEPTED_CACHE:
        column.accepted.add(raw)


def _columns(labels: list[str], schema: Optional[str]) -> list[Column]:
    fields: dict[str, dict[str, Any]] = {}
    mapping: dict[str, str] = {}
    if schema:
        try:
            fields = {f["name"]: f for f in standards.descriptor(schema)["fields"]}
            mapping, _ = map_fields(labels, schema)
        except standards.UnknownSchema:
            fields, mapping = {}, {}
    columns: list[Column] = []
    for number, label in enumerate(labels, start=1):
        name = mapping.get(label)
        if name:
            spec = fields[name]
            fmt = spec.get("x-format")
            kind = {"integer": INTEGER, "number": NUMBER}.get(spec.get("type", ""), FORMAT_TYPES.get(fmt or "", TEXT))
            column = Column(name, label, declared=kind, field=name, format=fmt,
                            description=spec.get("description", ""), title_en=spec.get("title_en", ""),
                            candidates=[kind] if kind != TEXT else [])
        else:
            fmt = _heading_format(label)
            kind = FORMAT_TYPES.get(fmt or "", TEXT)
            if fmt:  # the heading names the format, as the validator reads it
                column = Column(label or f"col{number}", label, declared=kind, format=fmt,
                                candidates=[kind] if kind != TEXT else [])
            else:  # the values decide
                column = Column(label or f"col{number}", label, candidates=[INTEGER, NUMBER, DATE], inferred=True)
        columns.append(column)
    _unique_ids(columns)
    for index, column in enumerate(columns):
        column.index = index
    return columns


def _heading_format(label: str) -> Optional[str]:
    heading = standards.canonical_header(label)
    return next((fmt for pattern, fmt in HEADING_FORMATS if pattern.search(heading)), None)


def _unique_ids(columns: list[Column]) -> None:
    """DataStore column names: no leading underscore or double quote, at most
    63 bytes of UTF-8 (21 kanji), unique."""
    seen: set[str] = set()
    for number, column in enumerate(columns, start=1):
        base = column.id.replace('"', "").strip().lstrip("_").strip() or f"col{number}"
        candidate, suffix = _cut(base, MAX_NAME_BYTES), 1
        while candidate in seen:
            suffix += 1
            tail = f"_{suffix}"
            candidate = _cut(base, MAX_NAME_BYTES - len(tail)) + tail
        seen.add(candidate)
        column.id = candidate


def _cut(name: str, limit: int) -> str:
    data = name.encode("utf-8")
    if len(data) <= limit:
        return name
    return data[:limit].decode("utf-8", errors="ignore").rstrip()


def _detector(schema: Optional[str]) -> Any:
    if schema:
        return lambda header: standards.detect(header, [schema]) if schema in standards.schema_ids() else None
    return standards.detect


def _take(records: Iterator[list[str]], count: int) -> list[list[str]]:
    out = []
    for record in records:
        out.append(record)
        if len(out) >= count:
            break
    return out


def _csv_sample(path: str, found: encodings.Encoding) -> tuple[list[list[str]], str]:
    with open(path, "rb") as stream:
        raw = stream.read(SAMPLE_BYTES)
    sample = io.TextIOWrapper(io.BytesIO(raw), encoding=found.codec, errors="replace", newline="").read()
    delimiter = sniff_delimiter(sample.splitlines()[:SAMPLE_ROWS])
    rows = _take(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter), SAMPLE_ROWS + 1)
    if len(raw) == SAMPLE_BYTES or len(rows) > SAMPLE_ROWS:
        rows = rows[:-1]  # possibly cut short by the sample's end
    return rows, delimiter


def _csv_records(path: str, found: encodings.Encoding, delimiter: str) -> Iterator[list[str]]:
    with open(path, encoding=found.codec, newline="") as stream:
        yield from csv.reader(stream, delimiter=delimiter)


def _xlsx_records(path: str) -> Iterator[list[str]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise Unreadable(f"broken XLSX: {error}") from None
    try:
        sheet = book.worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            yield [text(cell) for cell in row]
    finally:
        book.close()
