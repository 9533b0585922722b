"""The report page's groups of findings (the catalog's side of the report;
pure functions, but they live in the CKAN adapter)."""
import pytest

pytest.importorskip("ckan", reason="the report page helpers are part of the CKAN adapter")

from ckanext.tokyo.catalog_validation.helpers import group_findings  # noqa: E402
from ckanext.tokyo.validation.report import Finding  # noqa: E402


def test_report_page_groups_use_value_and_hint_of_the_findings():
    report = {"stats": {"by_code": {"tokyo/wareki-date": 5, "tokyo/encoding-not-utf8": 1}}, "findings": [
        Finding.of("tokyo/encoding-not-utf8", encoding="CP932").to_dict(),
        Finding.of("tokyo/wareki-date", 2, "開設日", value="令和2年4月1日", fixed="2020-04-01").to_dict(),
        Finding.of("tokyo/wareki-date", 3, "開設日", value="<script>", fixed="2021-04-01").to_dict(),
    ]}
    wareki, encoding = group_findings(report, "ja")
    assert wareki["code"] == "tokyo/wareki-date" and wareki["total"] == 5
    assert [(i["row"], i["value"]) for i in wareki["items"]] == [(2, "令和2年4月1日"), (3, "<script>")]
    assert wareki["items"][0]["hint"].endswith("（例: 2020-04-01）。")
    # the findings' hints differ: the group shows the rule's own, without an example
    assert wareki["hint"] == "西暦のYYYY-MM-DD形式で記載してください。"
    assert encoding["items"][0]["value"] is None
    assert encoding["hint"] == "UTF-8で保存し直してください。"  # the one hint its findings share
    [wareki_en, _] = group_findings(report, "en")
    assert wareki_en["items"][0]["hint"] == "Write the Gregorian date as YYYY-MM-DD, e.g. 2020-04-01."


def test_report_page_reads_reports_stored_before_value_and_hint():
    old = {"findings": [{"code": "tokyo/wareki-date", "severity": "error", "row": 2, "field": "開設日",
                         "message": "和暦で記載されています（「令和2年4月1日」）。…", "message_en": "…"}]}
    [group] = group_findings(old, "ja")
    assert group["items"][0]["value"] is None and group["items"][0]["hint"] == ""
    assert group["hint"] == "西暦のYYYY-MM-DD形式で記載してください。"


def test_report_page_groups_are_headed_by_the_rule_title():
    report = {"findings": [
        Finding.of("tokyo/lg-code-missing-check-digit", 2, "コード", value="13104",
                   detail="5桁のコードです。", detail_en="5-digit code.").to_dict(),
        Finding.of("tokyo/encoding-not-utf8", encoding="CP932").to_dict(),
    ]}
    titles = {g["code"]: g["title"] for g in group_findings(report, "ja")}
    assert titles == {"tokyo/lg-code-missing-check-digit": "全国地方公共団体コードに検査数字がない",
                      "tokyo/encoding-not-utf8": "文字コードがUTF-8でない"}
    titles_en = {g["code"]: g["title"] for g in group_findings(report, "en")}
    assert titles_en["tokyo/encoding-not-utf8"] == "Not UTF-8"


def test_report_page_shows_the_summary_one_line_per_column():
    from ckanext.tokyo.validation.report import Findings

    findings = Findings(limit=5, group_limit=2)
    for row in range(2, 10_002):
        findings.add(Finding.of("tokyo/wareki-date", row, "開設日", value=f"令和2年4月{row % 28 + 1}日"))
    findings.add(Finding.of("tokyo/wareki-date", 3, "更新日", value="R2.4.1", fixed="2020-04-01"))
    report = {"findings": [f.to_dict() for f in findings.items],
              "groups": [g.to_dict() for g in findings.summary()],
              "stats": {"by_code": dict(findings.by_code)}}
    [wareki] = group_findings(report, "ja")
    assert wareki["total"] == 10_001
    assert [(c["field"], c["count"]) for c in wareki["columns"]] == [("開設日", 10_000), ("更新日", 1)]
    first = wareki["columns"][0]
    assert first["rows"] == "2, 3, 4, 5, 6, 7, 8, 9, 10, 11 …" and len(first["values"]) == 5
    assert wareki["columns"][1]["rows"] == "3"
    assert len(report["findings"]) == 3  # capped per column, so the second column is listed too
    assert wareki["columns"][1]["hint"].endswith("（例: 2020-04-01）。")
