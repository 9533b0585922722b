"""The loader's reading of a file (CKAN-free): encodings, the standard's
column types, inference, values that do not fit, names PostgreSQL accepts."""
from __future__ import annotations

import csv
import io

import pytest

from ckanext.tokyo.catalog_datastore import table
from ckanext.tokyo.validation import validate

from tests.unit.validation.conftest import TOILET, TOILET_ROW, to_csv, toilet_header


def _read(path, **kwargs):
    spool = io.StringIO()
    found = table.read(str(path), spool, **kwargs)
    return found, list(csv.reader(io.StringIO(spool.getvalue())))


def _types(found):
    return {c.id: c.type for c in found.columns}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "utf-16", "euc_jis_2004"])
def test_every_encoding_reads_back_the_same_text(tmp_path, encoding):
    header = toilet_header()
    rows = [header, [TOILET_ROW[name] for name in header]]
    path = tmp_path / "toilet.csv"
    path.write_bytes(to_csv(rows).encode(encoding))
    report = validate(path)
    found, written = _read(path, schema=report.schema, encoding=report.encoding,
                           header_row=report.stats["header_row"])
    assert found.schema == TOILET and found.rows == 1
    assert written[0][header.index("名称")] == "新宿中央公園トイレ"
    assert written[0][header.index("名称_カナ")] == "シンジュクチュウオウコウエントイレ"


def test_standard_types_keep_codes_as_text(write):
    header = toilet_header()
    row = dict(TOILET_ROW, ID="000001")
    found, written = _read(write([header, [row[n] for n in header]]), schema=TOILET)
    types = _types(found)
    assert types["全国地方公共団体コード"] == types["ID"] == types["町字ID"] == "text"
    assert types["緯度"] == types["経度"] == "numeric"
    assert types["男性トイレ総数"] == "int8" and types["利用開始時間"] == "time"
    assert written[0][header.index("ID")] == "000001"
    assert found.coordinates() == ("緯度", "経度")


def test_a_value_that_does_not_fit_makes_the_column_text_and_says_where(write):
    header = toilet_header()
    good = [TOILET_ROW[n] for n in header]
    bad = dict(TOILET_ROW, 男性トイレ総数="6基")
    found, written = _read(write([header, good, [bad[n] for n in header]]), schema=TOILET)
    column = next(c for c in found.columns if c.id == "男性トイレ総数")
    assert column.type == "text" and column.declared == "int8"
    assert column.mismatch == {"row": 3, "value": "6基"}
    assert written[1][header.index("男性トイレ総数")] == "6基"  # kept as written


def test_inferred_types_without_a_standard(write):
    found, written = _read(write([
        ["年月日", "総数", "比率", "コード", "名前", "空"],
        ["2026-01-01", "14191350", "0.5", "0123", "新宿", ""],
        ["2026-02-01", "14200000", "1.25", "0456", "渋谷", " "],
    ]))
    assert _types(found) == {"年月日": "date", "総数": "int8", "比率": "numeric", "コード": "text",
                             "名前": "text", "空": "text"}
    assert written[1][4] == "渋谷" and written[1][5] == ""  # blank (spaces only) is NULL in the DataStore


@pytest.mark.parametrize("kind,value,fits", [
    ("int8", "-12", True), ("int8", "1,234", False), ("int8", "１２", False), ("int8", "9" * 20, False),
    ("numeric", "35.6895", True), ("numeric", "1e3", True), ("numeric", "35.6895°", False),
    ("date", "2020-04-01", True), ("date", "2020-02-30", False), ("date", "2020/04/01", False),
    ("date", "令和2年4月1日", False), ("time", "07:00", True), ("time", "24:00", True), ("time", "24:30", False),
    ("time", "7時", False),
])
def test_fits_only_what_postgresql_reads_the_same(kind, value, fits):
    assert table.fits(kind, value) is fits


def test_title_rows_are_skipped_and_names_fit_postgresql(write):
    long_heading = "とても長い見出し" * 4  # 32 characters, 96 bytes in UTF-8
    found, written = _read(write([["公衆トイレ一覧（令和8年）"], [], ["名称", long_heading, long_heading, "", "_id"],
                                  ["新宿中央公園トイレ", "1", "2", "x", "3"]]))
    ids = [c.id for c in found.columns]
    assert all(len(i.encode()) <= 63 for i in ids) and len(set(ids)) == len(ids)
    assert ids[0] == "名称" and ids[3] == "col4" and ids[4] == "id"
    assert found.header_row == 3 and written == [["新宿中央公園トイレ", "1", "2", "x", "3"]]


def test_too_many_rows_and_broken_rows(write):
    path = write([["名称"], ["a"], ["b"], ["c"]])
    with pytest.raises(table.TooManyRows):
        _read(path, max_rows=2)
    with pytest.raises(table.Unreadable, match="row 3"):
        _read(write([["名称", "住所"], ["a", "b"], ["c", "d", "余分"]]))


def test_xlsx(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["名称", "開設日", "定員"])
    import datetime

    sheet.append(["新宿区立西新宿保育園", datetime.datetime(2020, 4, 1), 120])
    path = tmp_path / "list.xlsx"
    book.save(path)
    found, written = _read(path)
    assert _types(found) == {"名称": "text", "開設日": "date", "定員": "int8"}
    assert written == [["新宿区立西新宿保育園", "2020-04-01", "120"]]
