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
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Sequence

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
    (re.compile(r"(時刻|開始時間|終了時間)$"), "time"),
    (re.compile(r"(日付|年月日|(?<![曜])日)$"), "date"),
    (re.compile(r"_?(カナ|フリガナ|ふりがな)$"), "kana"),
]

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


@dataclass
class Table:
    """What the checks know about the table besides its rows."""

    columns: list[Column]
    header_row: int  # 1-based physical row of the header
    preamble: list[tuple[int, list[str]]] = field(default_factory=list)  # rows above it
    missing: list[tuple[str, str]] = field(default_factory=list)  # (field, requirement)
    schema_id: Optional[str] = None
    complete: bool = True  # schema lists every item, so extra columns are unknown
    format: str = "csv"
    path: str = ""
    encoding: Optional[Encoding] = None  # CSV only
    deadline: float = math.inf  # time.monotonic() by which the run must end


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
    if isinstance(value, dt.datetime) and value.time() == dt.time():
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


def map_fields(labels: Sequence[str], lookup: dict[str, str]) -> dict[str, str]:
    """heading → schema field, given the registry's canonical heading → field lookup."""
    mapping: dict[str, str] = {}
    for label in labels:
        name = lookup.get(canonical_header(label))
        if name and name not in mapping.values():
            mapping[label] = name
    return mapping


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
    present = set(mapping.values())
    missing = [(name, f.get("x-requirement", "optional"))
               for name, f in fields.items() if name not in present]
    return columns, missing


def _infer(index: int, label: str, data: Sequence[Sequence[Any]]) -> Column:
    heading = canonical_header(label)
    for pattern, fmt in HEADING_FORMATS:
        if pattern.search(heading):
            return Column(index, label, format=fmt, inferred=True)
    values = [text(row[index]).strip() for row in data if index < len(row)]
    values = [v for v in values if v]
    numeric = [v for v in values
               if _NUMBER_NOISE.match(unicodedata.normalize("NFKC", v))]
    if values and len(numeric) >= 0.8 * len(values):
        return Column(index, label, format="number", numeric=True, inferred=True)
    return Column(index, label, inferred=True)


def is_blank(cells: Sequence[Any]) -> bool:
    # any() settles almost every row at C speed; the rest may hold a falsy 0.
    return not any(cells) and all(c is None or c == "" for c in cells)
