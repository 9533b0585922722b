"""The table's layout: where the header is, and what each column must hold.

Works on the first rows of the file (a sample): finds the header row past
title rows, maps headings to schema fields, and gives every column the
format its checks key on: the schema's `x-format` when a schema is known,
otherwise a format named by the heading (緯度, 電話番号, …) or "number" for
columns whose sample values look numeric.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Optional, Sequence

from ..base import standards
from ..base.standards import canonical_header
from .encoding import Encoding

HEADER_SEARCH_ROWS = 30

# Heading → format when no schema says it; first match wins.
HEADING_FORMATS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"法人番号"), "corporate-number"),
    (re.compile(r"(地方公共団体コード|団体コード|市区町村コード|都道府県コード)"), "lg-code"),
    (re.compile(r"緯度|^lat(itude)?$", re.I), "latitude"),
    (re.compile(r"経度|^lon(gitude)?$|^lng$", re.I), "longitude"),
    (re.compile(r"郵便番号"), "postal-code"),
    (re.compile(r"電話番号|FAX番号|^(TEL|FAX|電話)$", re.I), "phone"),
    (re.compile(r"メールアドレス|e-?mail", re.I), "email"),
    (re.compile(r"URL|ホームページ", re.I), "url"),
    (re.compile(r"町字ID"), "town-id"),
    (re.compile(r"有無$"), "yes-no"),
    (re.compile(r"曜日$"), "weekdays"),
    (re.compile(r"(時刻|開始時間|終了時間)$|time$", re.I), "time"),
    (re.compile(r"date$", re.I), "date"),
    # …日 is a date unless it names days (定休日, 休日, 曜日): values decide the rest
    (re.compile(r"(日付|年月日|(?<![曜休])日)$"), "date"),
    (re.compile(r"_?(カナ|フリガナ|ふりがな)$"), "kana"),
]

# What a written date or time looks like, whatever its form: a column named
# as one keeps the format only when its values look so (開催日 holding prose,
# …日 holding day-of-month numbers "02" are not dates).
LOOKS_LIKE = {
    "date": re.compile(r"\d\s*[-/.年月]\s*\d|^\d{8}$|^(明治|大正|昭和|平成|令和|[MTSHR])\s*(元|\d)", re.I),
    "time": re.compile(r"\d\s*[:：時]|^\d{4}$"),
}
# Rows under the header that belong to it: LinkData's #property rows, a row of
# English names or of units under the Japanese headings.
CONTINUATION_MAX = 3
_ASCII_NAME = re.compile(r"^[A-Za-z#][\w:#/.\-]*$")
_UNIT = re.compile(r"^[(（]?\s*(単位[:：]?)?\s*"
                   r"(人|円|千円|百万円|件|世帯|%|％|m|km|㎡|ha|kg|t|台|か所|箇所|戸|棟)\s*[)）]?$")

# Units and signs a number may carry in print-style tables.
_NUMBER_NOISE = re.compile(r"^[▲△+\-]?\s*(?:[¥$]|約)?\s*([\d,]+(?:\.\d+)?)\s*"
                           r"(千円|百万円|円|人|件|世帯|%|台|か所|箇所|戸|棟|校|m|km|㎡|ha|kg|t)?$")


@dataclass(frozen=True)
class Column:
    index: int
    label: str  # heading as written in the file
    field: Optional[str] = None  # schema field it maps to
    format: Optional[str] = None  # x-format, or inferred
    requirement: str = "optional"
    numeric: bool = False
    integer: bool = False
    inferred: bool = False  # format guessed from heading or values, not from a schema
    kinds: frozenset[str] = frozenset()  # what its sample values look like (see kind())


@dataclass
class Table:
    """What the checks know about the table besides its rows."""

    columns: list[Column]
    header_row: int  # 1-based physical row of the header
    preamble: list[tuple[int, list[str]]] = field(default_factory=list)  # rows above it
    missing: list[tuple[str, str]] = field(default_factory=list)  # (field, requirement)
    schema_id: Optional[str] = None
    complete: bool = True  # schema lists every item, so extra columns are unknown
    # 掲載区分 from a verified definition: a missing required item is an error;
    # from a reconstructed one only a warning
    verified: bool = True
    variants: list[tuple[str, str]] = field(default_factory=list)  # (heading, item) not spelled as defined
    header_cells: list[str] = field(default_factory=list)  # the header as written (spaces kept)
    continuation: list[int] = field(default_factory=list)  # rows under the header that belong to it
    format: str = "csv"
    path: str = ""
    encoding: Optional[Encoding] = None  # CSV only
    deadline: float = math.inf  # time.monotonic() by which the run must end

    @property
    def data_start(self) -> int:
        """The first physical row of data."""
        return self.header_row + len(self.continuation) + 1


def text(value: Any) -> str:
    """A cell as the text a person typed (XLSX cells arrive typed)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.year < 1900:
        value = value.time()  # an Excel time of day (xlrd dates it 1899-12-31)
    elif isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def find_header(rows: Sequence[Sequence[str]],
                detect: Optional[Callable[[list[str]], Any]] = None) -> tuple[int, Any]:
    """(0-based index of the header among rows, detection or None).

    With a detector, the first row it recognises wins. Otherwise the first row
    filled at least 60% as wide as the widest row: title and unit rows above a
    table fill one cell.
    """
    head = [list(r) for r in rows[:HEADER_SEARCH_ROWS]]
    if detect:
        for index, row in enumerate(head):
            if any(row):
                found = detect([c.strip() for c in row])
                if found:
                    return index, found
    widths = [sum(1 for c in row if c.strip()) for row in head]
    widest = max(widths, default=0)
    need = max(1 if widest < 2 else 2, -(-widest * 6 // 10))
    for index, width in enumerate(widths):
        if width >= need:
            return index, None
    return 0, None


def sniff_delimiter(lines: Sequence[str]) -> str:
    """Tab when the first lines hold more tabs than commas, else comma."""
    return "\t" if sum(ln.count("\t") for ln in lines) > sum(ln.count(",") for ln in lines) else ","


def header_continuation(labels: Sequence[str], below: Sequence[Sequence[str]]) -> int:
    """How many of the rows right under the header continue it: rows whose
    first cell starts with # (LinkData), or rows of English names or of
    units under Japanese headings."""
    japanese = sum(1 for label in labels if label.strip() and not label.isascii())
    count = 0
    for row in below[:CONTINUATION_MAX]:
        cells = [c.strip() for c in row]
        filled = [c for c in cells if c]
        if not filled:
            break
        if cells[0].startswith("#"):
            count += 1
            continue
        if japanese * 2 < len([label for label in labels if label.strip()]) or len(filled) * 2 < len(labels):
            break
        if all(_UNIT.match(c) for c in filled) or _english_names(row, below[count + 1:]):
            count += 1
            continue
        break
    return count


def _english_names(row: Sequence[str], data: Sequence[Sequence[str]]) -> bool:
    """A row of English item names: identifiers, in columns whose data are not."""
    if not any(any(c.strip() for c in r) for r in data):
        return False  # nothing below to tell names from data
    for index, cell in enumerate(row):
        cell = cell.strip()
        if not cell:
            continue
        if not _ASCII_NAME.match(cell) or cell.isdigit() or len(cell) < 3:
            return False
        below = [r[index].strip() for r in data[:20] if index < len(r) and r[index].strip()]
        if below and sum(1 for v in below if _ASCII_NAME.match(v)) * 2 >= len(below):
            return False
    return True


def map_fields(labels: Sequence[str], schema_id: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """heading → schema field, and the (heading, field) pairs not spelled as defined."""
    mapping: dict[str, str] = {}
    variants: list[tuple[str, str]] = []
    for label in labels:
        name, how = standards.match_heading(schema_id, label)
        if name and name not in mapping.values() and label not in mapping:
            mapping[label] = name
            if how != "exact":
                variants.append((label, name))
    return mapping, variants


def shared_rules(descriptor: dict[str, Any], mapping: dict[str, str],
                 alternatives: Sequence[tuple[str, Any]]) -> dict[str, Any]:
    """A descriptor with only the rules every close candidate shares: a column
    keeps its format only when each candidate gives it the same one, and a
    requirement level only when each requires it as much (the weakest wins)."""
    levels = ["optional", "recommended", "required"]
    fields = {f["name"]: f for f in descriptor["fields"]}
    others = [({f["name"]: f for f in standards.descriptor(sid)["fields"]}, dict(alt))
              for sid, alt in alternatives]
    shared: list[dict[str, Any]] = []
    for label, name in mapping.items():
        own = dict(fields[name])
        for other_fields, other_mapping in others:
            other = other_fields.get(other_mapping.get(label, ""), {})
            if other.get("x-format") != own.get("x-format"):
                own.pop("x-format", None)
                own["type"] = "string"
            own["x-requirement"] = levels[min(levels.index(own.get("x-requirement", "optional")),
                                              levels.index(other.get("x-requirement", "optional")))]
        shared.append(own)
    # Only the mapped items: a column one candidate lacks is no finding.
    merged = dict(descriptor, fields=shared)
    merged["x-tokyo"] = dict(descriptor.get("x-tokyo", {}), completeness="partial")
    return merged


def plan(labels: Sequence[str], data: Sequence[Sequence[Any]],
         descriptor: Optional[dict[str, Any]], mapping: dict[str, str]) -> tuple[list[Column], list[tuple[str, str]]]:
    """Columns with their formats, and the schema fields missing from the header."""
    fields = {f["name"]: f for f in (descriptor or {}).get("fields", [])}
    columns: list[Column] = []
    for index, label in enumerate(labels):
        name = mapping.get(label)
        if name:
            fld = fields[name]
            kind = fld.get("type", "string")
            fmt = fld.get("x-format")
            columns.append(Column(
                index, label, name, fmt, fld.get("x-requirement", "optional"),
                numeric=kind in ("integer", "number") or fmt == "number",
                integer=kind == "integer"))
        elif descriptor is None:
            columns.append(_infer(index, label, data))
        else:
            columns.append(Column(index, label))
    columns = [replace(c, kinds=_kinds(c.index, data)) for c in columns]
    present = set(mapping.values())
    missing = [(name, f.get("x-requirement", "optional"))
               for name, f in fields.items() if name not in present]
    return columns, missing


_KINDS = [("int", re.compile(r"^-?\d+$")), ("decimal", re.compile(r"^-?\d+\.\d+$")),
          ("code", re.compile(r"^[\d\-()]+$")), ("url", re.compile(r"^https?://")),
          ("email", re.compile(r"^\S+@\S+$")), ("kana", re.compile(r"^[\u30a0-\u30ff\s]+$"))]


def kind(value: str) -> str:
    """A value's rough kind: int, decimal, code, url, email, kana, ascii or text."""
    for name, pattern in _KINDS:
        if pattern.match(value):
            return name
    return "ascii" if value.isascii() else "text"


def _kinds(index: int, data: Sequence[Sequence[Any]]) -> frozenset[str]:
    """The kinds of at least a fifth of a column's sample values."""
    values = [text(row[index]).strip() for row in data if index < len(row)]
    counts = Counter(kind(v) for v in values if v)
    total = sum(counts.values())
    return frozenset(k for k, n in counts.items() if n * 5 >= total)


def _infer(index: int, label: str, data: Sequence[Sequence[Any]]) -> Column:
    heading = canonical_header(label)
    if heading.startswith("#") or "://" in heading:
        return Column(index, label, inferred=True)  # a LinkData directive or a URL, not a heading
    values = [text(row[index]).strip() for row in data if index < len(row)]
    values = [v for v in values if v]
    for pattern, fmt in HEADING_FORMATS:
        if pattern.search(heading):
            looks = LOOKS_LIKE.get(fmt)
            if looks and values and sum(1 for v in values if looks.search(v)) * 2 < len(values):
                break  # named like a date or time, but its values are something else
            return Column(index, label, format=fmt, inferred=True)
    numeric = [v for v in values
               if _NUMBER_NOISE.match(unicodedata.normalize("NFKC", v))]
    if values and len(numeric) >= 0.8 * len(values):
        return Column(index, label, format="number", numeric=True, inferred=True)
    return Column(index, label, inferred=True)


def is_blank(cells: Sequence[Any]) -> bool:
    # any() settles almost every row at C speed; the rest may hold a falsy 0.
    return not any(cells) and all(c is None or c == "" for c in cells)
