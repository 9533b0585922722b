"""The data inventory (保有データ目録): its code lists and its spreadsheet.

CKAN-free. Bureaus keep a list of the data they hold but have not published;
this module knows the two code lists of a record (whether it can be opened,
why not; data in ``schemas/codes/inventory_*.csv``), the columns of the
spreadsheet they fill in (Japanese or English headers), and reads a CSV or
XLSX file into records with row numbers. Findings are codes with the row
and column; the adapter words them (ckanext.tokyo.inventory.sheet_import).
"""
from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from dataclasses import dataclass, field

from ckanext.tokyo.base import codelists, data_files, formats, identifiers

OPEN, CONDITIONAL, CLOSED, UNDECIDED = "open", "conditional", "closed", "undecided"
# These answers need a reason (非公開理由).
NEEDS_REASON = (CONDITIONAL, CLOSED)

MAX_ROWS = 2000
MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Choice:
    code: str
    ja: str
    en: str
    spellings: tuple[str, ...] = ()

    @property
    def label(self) -> dict[str, str]:
        return {"ja": self.ja, "en": self.en}


def _choices(name: str) -> tuple[Choice, ...]:
    return tuple(
        Choice(r["code"], r["ja"], r["en"], tuple(s for s in r["spellings"].split("|") if s))
        for r in data_files.code_rows(name)
    )


@functools.lru_cache(maxsize=1)
def openness() -> tuple[Choice, ...]:
    """公開可 / 条件付きで公開可 / 公開不可 / 未定."""
    return _choices("inventory_openness.csv")


@functools.lru_cache(maxsize=1)
def reasons() -> tuple[Choice, ...]:
    """Why data cannot be opened (個人情報, 第三者の権利, …)."""
    return _choices("inventory_reasons.csv")


def _fold(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or "")).lower()


def lookup(choices: tuple[Choice, ...], value: str) -> Choice | None:
    """A choice by its code, label (ja or en) or a known spelling."""
    wanted = _fold(value)
    for choice in choices:
        if wanted in {_fold(s) for s in (choice.code, choice.ja, choice.en, *choice.spellings)}:
            return choice
    return None


def needs_reason(openness_code: str) -> bool:
    return openness_code in NEEDS_REASON


# ------------------------------------------------------------- the spreadsheet


@dataclass(frozen=True)
class Column:
    key: str
    headers: tuple[str, ...]  # accepted spellings, Japanese and English
    required: bool = False
    multiple: bool = False  # several values, separated by 、 , ; or new lines


COLUMNS = (
    Column("title", ("タイトル", "データ名", "名称", "title"), required=True),
    Column("title_en", ("タイトル（英語）", "英語タイトル", "title (english)", "title_en", "english title")),
    Column("description", ("説明", "概要", "内容", "description")),
    Column("organization", ("組織", "局", "所管局", "organization", "organisation", "bureau")),
    Column("maintainer", ("所管部署", "担当部署", "担当課", "section", "maintainer")),
    Column("category", ("カテゴリ", "分類", "category", "categories"), multiple=True),
    Column("formats", ("形式", "保有形式", "データ形式", "format", "formats"), multiple=True),
    Column("area", ("対象地域", "地域", "area", "spatial coverage"), multiple=True),
    Column("openness", ("公開可否", "公開の可否", "openness", "can be opened"), required=True),
    Column("reason", ("非公開理由", "公開できない理由", "理由", "reason"), multiple=True),
    Column("reason_note", ("理由の補足", "補足", "reason note", "note")),
    Column("name", ("url", "識別子", "name", "id")),
)
_SEPARATORS = re.compile(r"[、,，;；\n]+")


@dataclass(frozen=True)
class Finding:
    """Something wrong with the file (row None) or with one cell."""

    code: str  # unreadable | too_big | no_header | unknown_column | duplicate_column | missing_column
    #            | no_rows | too_many_rows | required | unknown_value | reason_required | duplicate_title
    row: int | None = None  # the spreadsheet's row number (the header is row 1)
    column: str | None = None  # the header as written in the file
    value: str = ""


@dataclass
class Record:
    row: int
    values: dict[str, object] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)  # key -> header as written


def _header_key(header: str) -> str | None:
    wanted = _fold(header)
    for column in COLUMNS:
        if wanted in {_fold(h) for h in column.headers}:
            return column.key
    return None


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError("not UTF-8 or Shift_JIS")


def read_table(data: bytes, filename: str) -> list[list[str]]:
    """The cells of a CSV (UTF-8 or Shift_JIS) or of the first sheet of an
    XLSX file, as text. Raises ValueError when it cannot be read."""
    if filename.lower().endswith((".xlsx", ".xlsm")) or data[:2] == b"PK":
        import openpyxl

        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a broken file
            raise ValueError(str(error)) from error
        try:
            return [["" if cell is None else str(cell).strip() for cell in row]
                    for row in book.worksheets[0].iter_rows(values_only=True)]
        finally:
            book.close()
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(_decode(data)))]


def parse(data: bytes, filename: str) -> tuple[list[Record], list[Finding]]:
    """Records (one per non-blank row) and the findings about the file and
    its cells. Any finding means the file is not imported."""
    if len(data) > MAX_BYTES:
        return [], [Finding("too_big", value=str(MAX_BYTES))]
    try:
        table = read_table(data, filename)
    except ValueError as error:
        return [], [Finding("unreadable", value=str(error))]
    start = next((i for i, row in enumerate(table) if any(row)), None)
    if start is None:
        return [], [Finding("no_header")]
    findings: list[Finding] = []
    keys: dict[int, str] = {}
    headers: dict[str, str] = {}
    for index, header in enumerate(table[start]):
        if not header:
            continue
        key = _header_key(header)
        if key is None:
            findings.append(Finding("unknown_column", start + 1, header))
        elif key in headers:
            findings.append(Finding("duplicate_column", start + 1, header))
        else:
            keys[index], headers[key] = key, header
    for column in COLUMNS:
        if column.required and column.key not in headers:
            findings.append(Finding("missing_column", start + 1, column.headers[0]))
    if findings:
        return [], findings
    records = []
    for number, row in enumerate(table[start + 1:], start=start + 2):
        if not any(row):
            continue
        record = Record(number, columns=headers)
        for index, key in keys.items():
            text = row[index] if index < len(row) else ""
            column = next(c for c in COLUMNS if c.key == key)
            record.values[key] = [v.strip() for v in _SEPARATORS.split(text) if v.strip()] if column.multiple else text
        records.append(record)
    if not records:
        return [], [Finding("no_rows")]
    if len(records) > MAX_ROWS:
        return [], [Finding("too_many_rows", value=str(MAX_ROWS))]
    for record in records:
        findings += check(record)
    seen: dict[tuple[str, str], int] = {}
    for record in records:
        key = (str(record.values.get("organization") or ""), str(record.values.get("title") or ""))
        if key[1] and key in seen:
            findings.append(Finding("duplicate_title", record.row, headers["title"], key[1]))
        seen.setdefault(key, record.row)
    return records, findings


def check(record: Record) -> list[Finding]:
    """One row: required cells, known answers (normalised to their codes in
    place), a reason where the answer needs one."""
    values, headers, found = record.values, record.columns, []
    for column in COLUMNS:
        if column.required and not values.get(column.key):
            found.append(Finding("required", record.row, headers.get(column.key, column.headers[0])))
    answer = values.get("openness")
    if answer:
        choice = lookup(openness(), str(answer))
        if choice is None:
            found.append(Finding("unknown_value", record.row, headers["openness"], str(answer)))
        else:
            values["openness"] = choice.code
    codes = []
    for reason in values.get("reason") or []:
        choice = lookup(reasons(), reason)
        if choice is None:
            found.append(Finding("unknown_value", record.row, headers["reason"], reason))
        else:
            codes.append(choice.code)
    values["reason"] = codes
    if needs_reason(str(values.get("openness"))) and not codes:
        found.append(Finding("reason_required", record.row, headers.get("reason", "非公開理由")))
    categories = []
    for item in values.get("category") or []:
        category = codelists.category(item) or next(
            (c for c in codelists.categories() if _fold(item) in (_fold(c.ja), _fold(c.en))), None)
        if category is None:
            found.append(Finding("unknown_value", record.row, headers["category"], item))
        else:
            categories.append(category.code)
    values["category"] = categories
    values["formats"] = [formats.normalise(f) for f in values.get("formats") or []]
    areas = []
    for item in values.get("area") or []:
        area = local_government(item)
        if area is None:
            found.append(Finding("unknown_value", record.row, headers["area"], item))
        else:
            areas.append(area.code)
    values["area"] = areas
    return found


def local_government(value: str) -> identifiers.LocalGovernment | None:
    """東京都 or one of its 区市町村 by 6- or 5-digit code or name (ja or en)."""
    wanted = _fold(value)
    for lg in identifiers.tokyo_local_governments():
        if wanted in (lg.code, lg.jis_code, _fold(lg.name), _fold(lg.name_en)):
            return lg
    return None
