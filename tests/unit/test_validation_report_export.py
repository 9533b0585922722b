"""The steward report formats of tokyo_validation (no CKAN)."""
import csv
import io

from ckanext.tokyo.catalog_validation.report_export import COLUMNS, neutralise, to_csv, to_html

ROW = {"organization": "t131041", "dataset": "d1", "dataset_title": "@SUM(A1:A9)", "resource_id": "r1",
       "resource_name": '=HYPERLINK("http://evil.example","x")', "format": "CSV", "status": "failure",
       "errors": 3, "warnings": 0, "schema": None, "validated": "2026-06-01T00:00:00",
       "reason": "-2+3", "report_url": "http://127.0.0.1:5000/dataset/d1/resource/r1/validation"}


def test_formula_cells_are_neutralised():
    for value in ("=1+1", "+1", "-1", "@cmd", "\tx", "\rx",
                  # full-width and small forms, which spreadsheets in Japan read as formulas too
                  "＝1+1", "＋1", "－1", "＠cmd", "﹦1", "﹢1", "﹣1"):
        assert neutralise(value) == "'" + value
    assert neutralise("新宿区") == "新宿区" and neutralise(3) == 3 and neutralise(None) is None


def test_csv():
    rows = list(csv.reader(io.StringIO(to_csv([ROW]))))
    assert rows[0] == list(COLUMNS)
    cells = dict(zip(rows[0], rows[1]))
    assert cells["resource_name"].startswith("'=HYPERLINK")
    assert cells["dataset_title"] == "'@SUM(A1:A9)" and cells["reason"] == "'-2+3"
    assert cells["errors"] == "3" and cells["schema"] == ""


def test_html_escapes_every_value():
    figures = {"organizations": [{"name": "<o>", "title": "<b>org</b>", "resources": 1, "validated": 1,
                                  "success": 0, "failure": 1, "error": 0, "pending": 0, "running": 0,
                                  "not_validated": 0, "pass_rate": 0.0}],
               "totals": {"resources": 1, "validated": 1, "pass_rate": 0.0},
               "by_code": [{"code": "<x>", "severity": "error", "count": 1, "resources": 1}]}
    page = to_html(figures, [dict(ROW, dataset_title="<script>alert(1)</script>")], "<title>")
    assert "<script>alert" not in page and "<b>org</b>" not in page and "<x>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_html_names_each_rule_by_its_title():
    figures = {"organizations": [], "totals": {"resources": 1, "validated": 1, "pass_rate": 0.0},
               "by_code": [{"code": "tokyo/encoding-not-utf8", "severity": "error", "count": 1, "resources": 1}]}
    page = to_html(figures, [], "report")
    assert "<td>文字コードがUTF-8でない<br><small>Not UTF-8</small></td>" in page
