import zipfile

import openpyxl
import pytest

from ckanext.tokyo.validation import Options, validate


@pytest.fixture
def book(tmp_path):
    def book(rows, merge=None, second_sheet=False):
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "施設"
        for row in rows:
            ws.append(row)
        if merge:
            ws.merge_cells(merge)
        if second_sheet:
            wb.create_sheet("別表").append(["x"])
        path = tmp_path / "data.xlsx"
        wb.save(path)
        return path
    return book


def found(path, **kw):
    return {(f.code, f.row, f.field) for f in validate(path, **kw).findings if f.severity != "info"}


def test_clean_sheet(book):
    path = book([["名称", "緯度", "経度", "利用者数"], ["a", 35.689634, 139.692101, 1200]])
    report = validate(path, schema=None)
    assert report.valid and report.encoding is None and report.stats["format"] == "xlsx"


def test_merged_cells_formulas_and_sheets(book):
    path = book([["名称", "利用者数", "合計"], ["a", 1, "=B2*2"], ["b", 2, 3]], merge="A2:A3", second_sheet=True)
    assert found(path, schema=None) >= {
        ("tokyo/xlsx-merged-cells", 2, "名称"),
        ("tokyo/xlsx-formula", 2, "合計"),
        ("tokyo/xlsx-extra-sheets", None, None),
    }


def test_two_tables_in_one_sheet(book):
    path = book([["名称", "住所"], ["a", "b"], [None, None], ["表2 施設一覧"], ["名称", "住所"], ["c", "d"]])
    assert ("tokyo/multiple-tables", 4, None) in found(path, schema=None)


def test_title_row_above_the_header(book):
    path = book([["公衆トイレ一覧"], ["名称", "住所", "備考"], ["a", "b", "c"]])
    report = validate(path, schema=None)
    assert report.stats["header_row"] == 2
    assert ("tokyo/title-row", 1, None) in {(f.code, f.row, f.field) for f in report.findings}


def test_values_are_checked_as_written(book):
    path = book([["全国地方公共団体コード", "開設日"], [11002, "令和2年4月1日"]])
    assert found(path, schema=None) == {
        ("tokyo/lg-code-leading-zero-dropped", 2, "全国地方公共団体コード"),
        ("tokyo/wareki-date", 2, "開設日"),
    }


def test_broken_zip_cannot_be_read(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04not really a zip")
    report = validate(path, schema=None)
    assert report.exit_code == 2


def test_declared_size_over_the_limit(book):
    path = book([["名称"], ["a" * 5000]])
    report = validate(path, schema=None, options=Options(max_bytes=4000))
    assert report.exit_code == 2 and "tokyo/xlsx-too-large" in report.codes()
    with zipfile.ZipFile(path) as z:
        assert sum(i.file_size for i in z.infolist()) > 4000
