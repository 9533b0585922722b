"""tokyo-validate --format frictionless (CKAN-free): a frictionless Report
that frictionless.Report.from_descriptor reads back, with each error in the
closest frictionless type and our rule code beside it."""
from __future__ import annotations

import json

import frictionless

from ckanext.tokyo.validation.frictionless_report import to_frictionless

from tests.unit.validation.conftest import TOILET_ROW, toilet_header
from tests.unit.validation.test_cli import run


def _read(out: str) -> frictionless.Report:
    return frictionless.Report.from_descriptor(json.loads(out))


def _code(error) -> str:
    return error.to_descriptor()["x-tokyo"]["code"]


def test_cli_report_reads_back_in_frictionless(write, capsys):
    path = write([["名称", "開設日", "備考"], ["新宿 ", "令和2年4月1日", ""], ["", "", ""], ["四谷", "2020-04-01", ""]],
                 name="hoikuen.csv")
    status, out = run(capsys, path, "--format", "frictionless", "--schema", "none")
    assert status == 1
    report = _read(out)
    assert not report.valid and report.stats["tasks"] == 1
    [task] = report.tasks
    assert (task.name, task.type, task.place, task.labels) == ("hoikuen.csv", "table", str(path), ["名称", "開設日", "備考"])
    assert task.stats["rows"] == 3 and task.stats["fields"] == 3
    by_code = {_code(e): e for e in task.errors}
    wareki = by_code["tokyo/wareki-date"]
    assert (wareki.type, wareki.row_number, wareki.field_number, wareki.field_name, wareki.cell) == (
        "constraint-error", 2, 2, "開設日", "令和2年4月1日")
    assert wareki.note.startswith("和暦で記載されています") and wareki.note in wareki.message
    assert wareki.to_descriptor()["x-tokyo"]["message_en"].startswith("Japanese era date")
    blank = by_code["tokyo/blank-row"]
    assert (blank.type, blank.row_number) == ("blank-row", 3)
    # a warning is a string of the task; infos are left out
    assert any(w.startswith("tokyo/surrounding-space:") and "名称" in w for w in task.warnings)
    assert report.stats["errors"] == len(task.errors) and report.stats["warnings"] == len(task.warnings)


def test_valid_file_and_english_messages(write, capsys):
    path = write([toilet_header(), [TOILET_ROW[h] for h in toilet_header()]], name="131041_public_toilet.csv")
    assert _read(run(capsys, path, "--format", "frictionless")[1]).valid
    bad = write([["開設日"], ["令和2年4月1日"]], name="bad.csv")
    report = _read(run(capsys, bad, "--format", "frictionless", "--lang", "en", "--schema", "none")[1])
    [error] = report.tasks[0].errors
    assert error.note.startswith("Japanese era date") and error.note in error.message


def test_file_column_and_unlisted_findings():
    """Findings without a row (a column's, the file's) and a capped list."""
    findings = [
        {"code": "tokyo/required-column-missing", "severity": "error", "row": None, "field": "名称",
         "message": "必須項目「名称」の列がありません。", "message_en": "Required column 名称 is missing."},
        {"code": "tokyo/duplicate-label", "severity": "error", "row": None, "field": "ID",
         "message": "見出し「ID」が重複しています。", "message_en": "Duplicate heading ID."},
        {"code": "tokyo/encoding-not-utf8", "severity": "error", "row": None, "field": None,
         "message": "文字コードがShift_JISです。", "message_en": "The file is Shift_JIS."},
        {"code": "tokyo/limit-findings", "severity": "info", "row": None, "field": None,
         "message": "指摘は最初の3件だけ一覧にしました。", "message_en": "Only the first 3 findings are listed."},
    ]
    ours = {"valid": False, "findings": findings,
            "stats": {"errors": 10, "warnings": 0, "header_row": 1, "seconds": 0.5},
            "context": {"header": ["ID", "ID"], "rows": {}}}
    report = frictionless.Report.from_descriptor(to_frictionless(ours, name="Ｘ表.csv"))
    [task] = report.tasks
    assert task.name == "csv"  # a frictionless name is ASCII
    assert [(e.type, _code(e)) for e in task.errors] == [
        ("table-error", "tokyo/required-column-missing"),  # not a column of the file: no position
        ("duplicate-label", "tokyo/duplicate-label"),
        ("table-error", "tokyo/encoding-not-utf8")]
    assert task.errors[1].field_number == 1 and task.errors[1].label == "ID"
    assert report.stats["errors"] == task.stats["errors"] == 10  # every error counted, three listed
    assert task.warnings == ["tokyo/limit-findings: 指摘は最初の3件だけ一覧にしました。"]
