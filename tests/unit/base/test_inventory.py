"""The data inventory's code lists and spreadsheet reading (no CKAN):
Japanese and English headers, CSV in UTF-8 or Shift_JIS, XLSX, each
problem with its row and column."""
import io

import openpyxl

from ckanext.tokyo.base import inventory


def test_answers_and_reasons_by_code_label_or_spelling():
    assert inventory.lookup(inventory.openness(), "条件付き").code == "conditional"
    assert inventory.lookup(inventory.openness(), "Cannot be opened").code == "closed"
    assert inventory.lookup(inventory.openness(), " 公開可 ").code == "open"
    assert inventory.lookup(inventory.openness(), "たぶん") is None
    assert inventory.lookup(inventory.reasons(), "個人情報").code == "personal_data"
    assert inventory.lookup(inventory.reasons(), "Copyright").code == "third_party_rights"
    assert inventory.needs_reason("closed") and not inventory.needs_reason("open")


def test_csv_in_shift_jis_with_japanese_headers():
    text = ("データ名,公開可否,非公開理由,カテゴリ,形式,対象地域\n"
            "指定緊急避難場所一覧,条件付き,個人情報、安全,防災・災害計画,\"xlsx, 紙\",新宿区\n"
            "\n"
            "バス停一覧,公開可,,c013,CSV,Shinjuku City\n")
    records, findings = inventory.parse(text.encode("cp932"), "目録.csv")
    assert findings == []
    first, second = records
    assert (first.row, second.row) == (2, 4)  # the blank row is skipped, numbers stay the spreadsheet's
    assert first.values["openness"] == "conditional" and first.values["reason"] == ["personal_data", "security"]
    assert first.values["category"] == ["c001"] and first.values["formats"] == ["XLSX", "紙"]
    assert first.values["area"] == ["131041"] and second.values["area"] == ["131041"]


def test_every_problem_with_its_row_and_column():
    text = ("データ名,公開可否,非公開理由,カテゴリ\n"
            ",公開可,,\n"
            "A,公開不可,,\n"
            "B,たぶん,,c999\n"
            "B,公開可,,\n")
    records, findings = inventory.parse(text.encode(), "x.csv")
    assert [(f.code, f.row, f.column, f.value) for f in findings] == [
        ("required", 2, "データ名", ""),
        ("reason_required", 3, "非公開理由", ""),
        ("unknown_value", 4, "公開可否", "たぶん"),
        ("unknown_value", 4, "カテゴリ", "c999"),
        ("duplicate_title", 5, "データ名", "B"),
    ]


def test_file_level_problems():
    assert [f.code for f in inventory.parse(b"", "x.csv")[1]] == ["no_header"]
    assert [f.code for f in inventory.parse("データ名,公開可否\n".encode(), "x.csv")[1]] == ["no_rows"]
    found = inventory.parse("タイトル,色,タイトル\nA,赤,B\n".encode(), "x.csv")[1]
    assert [(f.code, f.column) for f in found] == [
        ("unknown_column", "色"), ("duplicate_column", "タイトル"), ("missing_column", "公開可否")]
    assert [f.code for f in inventory.parse(b"PK\x03\x04broken", "x.xlsx")[1]] == ["unreadable"]
    assert [f.code for f in inventory.parse(b"\x82\xff", "x.csv")[1]] == ["unreadable"]


def test_xlsx_with_english_headers():
    book = openpyxl.Workbook()
    book.active.append(["Title", "Openness", "Reason", "Area"])
    book.active.append(["Building permits", "closed", "personal data", 131016])
    data = io.BytesIO()
    book.save(data)
    [record], findings = inventory.parse(data.getvalue(), "inventory.xlsx")
    assert findings == [] and record.row == 2
    assert record.values["reason"] == ["personal_data"] and record.values["area"] == ["131016"]
