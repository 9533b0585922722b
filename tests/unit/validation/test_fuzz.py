"""Hostile input never crashes the validator and stays within its limits."""
from __future__ import annotations

import csv
import io
import os
import tempfile
import time
import zipfile

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ckanext.tokyo.validation import Options, validate

LIMITS = Options(max_bytes=64 * 1024, max_rows=50, timeout=5, max_findings=20)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def run(data: bytes, suffix: str = ".csv", options: Options = LIMITS):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "data" + suffix)
        with open(path, "wb") as out:
            out.write(data)
        started = time.monotonic()
        report = validate(path, schema="auto", options=options)
        elapsed = time.monotonic() - started
    assert report.exit_code in (0, 1, 2)
    assert report.stats["rows"] <= options.max_rows
    assert len(report.findings) <= options.max_findings + 1
    assert elapsed < options.timeout + 5
    report.to_dict()  # serialisable
    return report


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes(data):
    run(data)


@FUZZ
@given(st.binary(max_size=2048))
def test_random_bytes_posing_as_xlsx(data):
    run(b"PK\x03\x04" + data, ".xlsx")


cells = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12) | st.sampled_from(
    ["令和2年4月1日", "①", "ｶﾅ", "６７", "▲1", "\"67,000\"", "※注", "131041", "35.6", "", "有"])


@FUZZ
@given(st.lists(st.lists(cells, max_size=8), max_size=80),
       st.sampled_from(["utf-8", "utf-8-sig", "cp932", "utf-16", "utf-16-le"]),
       st.sampled_from([",", "\t"]))
def test_random_csv(rows, encoding, delimiter):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    report = run(buffer.getvalue().encode(encoding, errors="replace"))
    if rows and encoding.startswith("utf-8"):
        assert report.encoding.startswith("UTF-8")


def xlsx_with(tmp: str, part: str, chunks) -> str:
    """A real workbook whose `part` is replaced by the streamed chunks."""
    source, target = os.path.join(tmp, "base.xlsx"), os.path.join(tmp, "hostile.xlsx")
    book = openpyxl.Workbook()
    book.active.append(["名称", "住所"])
    book.save(source)
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != part:
                zout.writestr(info, zin.read(info.filename))
        with zout.open(part, "w") as out:
            for chunk in chunks:
                out.write(chunk)
        if part not in zin.namelist():
            zout.writestr("[Content_Types].xml.extra", b"")
    return target


SHEET_HEAD = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
              b'spreadsheetml/2006/main"><sheetData>')
ROW = b'<row><c t="inlineStr"><is><t>aaaaaaaaaa</t></is></c></row>'


@pytest.mark.parametrize("max_bytes", [LIMITS.max_bytes, Options().max_bytes])
def test_zip_bomb_sheet(max_bytes):
    # ~60 MB of sheet XML in well under 1 MB of zip: refused before openpyxl reads it.
    with tempfile.TemporaryDirectory() as tmp:
        rows = (ROW * 10_000 for _ in range(110))
        path = xlsx_with(tmp, "xl/worksheets/sheet1.xml", [SHEET_HEAD, *rows, b"</sheetData></worksheet>"])
        assert os.path.getsize(path) < 1024 * 1024
        started = time.monotonic()
        report = validate(path, options=Options(max_bytes=max_bytes))
        assert time.monotonic() - started < 5
    assert report.exit_code == 2 and "tokyo/xlsx-too-large" in report.codes()


def test_huge_shared_strings():
    with tempfile.TemporaryDirectory() as tmp:
        big = (b"<si><t>" + os.urandom(3000).hex().encode() + b"</t></si>" for _ in range(700))
        head = b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        path = xlsx_with(tmp, "xl/sharedStrings.xml", [head, *big, b"</sst>"])
        report = validate(path, options=Options(max_bytes=12 * 1024 * 1024))
    # 4.2 MB of strings > a quarter of the 12 MB budget, though the zip ratio is modest.
    assert report.exit_code == 2 and "tokyo/xlsx-too-large" in report.codes()


@settings(max_examples=10, deadline=None)
@given(st.integers(min_value=1, max_value=300), st.integers(min_value=1, max_value=2000))
def test_xlsx_within_limits_is_read(rows, width):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "ok.xlsx")
        book = openpyxl.Workbook()
        book.active.append(["名称", "備考"])
        for n in range(rows):
            book.active.append([f"施設{n}", "x" * width])
        book.save(path)
        report = validate(path, schema=None, options=Options(max_bytes=1024 * 1024, max_rows=50))
    assert report.readable and report.stats["rows"] == min(rows, 50)
