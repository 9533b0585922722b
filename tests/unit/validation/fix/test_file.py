"""File-wide fixes: encoding, rows set aside, headings, XLSX; and the CLI."""
from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from ckanext.tokyo.validation import cli
from ckanext.tokyo.validation.fix import FixError, fix_file

from tests.unit.validation.conftest import TOILET, TOILET_ROW, toilet_header

from .conftest import codes_left, read_csv


def test_shift_jis_becomes_utf8(write, tmp_path):
    source = write([["名称", "住所"], ["公園", "新宿区"]], encoding="cp932")
    out = tmp_path / "out.csv"
    result = fix_file(str(source), str(out))
    assert out.read_bytes().decode("utf-8") == "名称,住所\r\n公園,新宿区\r\n"
    assert [(c.code, c.before, c.after) for c in result.changes] == [
        ("tokyo/encoding-not-utf8", "Shift_JIS", "UTF-8")]
    assert "tokyo/encoding-not-utf8" not in codes_left(out)


def test_bom_on_request_and_removed_otherwise(write, tmp_path):
    source = write([["名称"], ["公園"]], encoding="utf-8-sig")
    fix_file(str(source), str(tmp_path / "bom.csv"), bom=True)
    assert (tmp_path / "bom.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    result = fix_file(str(source), str(tmp_path / "plain.csv"))
    assert not (tmp_path / "plain.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert [c.code for c in result.changes] == ["tokyo/encoding-bom"]


def test_title_note_and_blank_rows_go_to_the_notes_file(write, tmp_path):
    source = write([["公園一覧（令和2年4月1日現在）"], [], ["名称", "住所"], ["a", "x"], [], ["b", "y"],
                    ["※出典：区の調べ", ""], [], []])
    out = tmp_path / "out.csv"
    result = fix_file(str(source), str(out))
    assert read_csv(out) == [["名称", "住所"], ["a", "x"], ["b", "y"]]
    assert result.data_rows == 2
    assert [(c.code, c.row) for c in result.changes] == [
        ("tokyo/title-row", 1), ("tokyo/blank-row", 2), ("tokyo/blank-row", 5), ("tokyo/note-row", 7),
        ("tokyo/trailing-blank-rows", 8), ("tokyo/trailing-blank-rows", 9)]
    assert Path(result.notes).read_text(encoding="utf-8") == "1: 公園一覧（令和2年4月1日現在）\n7: ※出典：区の調べ\n"
    assert not codes_left(out) & {"tokyo/title-row", "tokyo/note-row", "tokyo/blank-row"}


def test_headings_renamed_to_the_standards_items(write, tmp_path):
    header = toilet_header()
    row = [TOILET_ROW[h] for h in header]
    typo = ["全国地方公共団体ｺｰﾄﾞ" if h == "全国地方公共団体コード" else " 名称" if h == "名称" else h
            for h in header]
    out = tmp_path / "out.csv"
    result = fix_file(str(write([typo, row])), str(out))
    assert read_csv(out)[0] == header
    assert {c.code for c in result.changes} >= {"tokyo/header-whitespace"}
    assert not codes_left(out) & {"tokyo/header-variant", "tokyo/header-whitespace", "tokyo/hankaku-kana"}
    assert validate_schema(out) == TOILET


def validate_schema(path):
    from ckanext.tokyo.validation import validate
    return validate(str(path)).schema


def test_xlsx_becomes_csv_of_its_first_sheet(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["名称", "人数"])
    book.active.append(["a", 3])
    book.create_sheet("other").append(["x"])
    source = tmp_path / "data.xlsx"
    book.save(source)
    out = tmp_path / "out.csv"
    result = fix_file(str(source), str(out))
    assert read_csv(out) == [["名称", "人数"], ["a", "3"]]
    assert result.source_format == "xlsx"
    assert "first sheet" in result.notices[0][1]


def test_a_file_not_wholly_in_its_encoding_is_not_written(tmp_path):
    source = tmp_path / "broken.csv"
    source.write_bytes("名称\n公園\n".encode() * 200000 + b"\x82\xa0\xff\n")
    with pytest.raises(FixError):
        fix_file(str(source), str(tmp_path / "out.csv"))
    assert not (tmp_path / "out.csv").exists()
    assert not list(tmp_path.glob("*.part"))


def test_cli_prints_the_change_log(write, tmp_path, capsys):
    source = write([["名称", "開設日"], ["a", "令和2年4月1日"]], encoding="cp932")
    out = tmp_path / "out.csv"
    assert cli.main([str(source), "--fix", str(out), "--format", "json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["changes"][1] == {"code": "tokyo/wareki-date", "row": 2, "column": "開設日",
                                     "before": "令和2年4月1日", "after": "2020-04-01"}
    assert printed["remaining"]["valid"] is True
    assert cli.main([str(source), "--fix", str(out)]) == 0
    text = capsys.readouterr().out
    assert "2020-04-01" in text and "tokyo/wareki-date" in text
