"""The report's findings: message, offending value and fix hint (no CKAN)."""
import json

from ckanext.tokyo.validation import messages
from ckanext.tokyo.validation.report import EXCERPT, QUOTE, Finding, Findings

REQUIRED = {"code", "severity", "row", "field", "message", "message_en"}


def test_cell_finding_carries_value_and_hint_apart_from_the_message():
    finding = Finding.of("tokyo/wareki-date", 4, "開設日", value="令和2年4月1日", fixed="2020-04-01").to_dict()
    assert REQUIRED <= set(finding)
    assert finding["value"] == "令和2年4月1日"
    assert finding["hint"] == "西暦のYYYY-MM-DD形式で記載してください（例: 2020-04-01）。"
    assert finding["hint_en"] == "Write the Gregorian date as YYYY-MM-DD, e.g. 2020-04-01."
    # message and message_en are what they always were: the problem, then the hint
    assert finding["message"] == "和暦で記載されています（「令和2年4月1日」）。" + finding["hint"]
    assert finding["message_en"] == "Japanese era date (\"令和2年4月1日\"). " + finding["hint_en"]
    json.dumps(finding)


def test_value_is_null_unless_the_finding_is_a_cell():
    file_level = Finding.of("tokyo/encoding-not-utf8", encoding="CP932").to_dict()
    assert (file_level["row"], file_level["field"], file_level["value"]) == (None, None, None)
    assert file_level["hint"] == "UTF-8で保存し直してください。"
    column = Finding.of("tokyo/required-column-missing", field="名称", value="名称").to_dict()
    assert column["value"] is None and column["field"] == "名称"
    row = Finding.of("tokyo/title-row", 1, value="公衆トイレ一覧").to_dict()
    assert row["value"] is None and row["row"] == 1
    empty = Finding.of("tokyo/required-value-missing", 3, "名称").to_dict()
    assert empty["value"] is None


def test_rule_without_hint_has_null_hint():
    finding = Finding.of("tokyo/lg-code-check-digit", 2, "全国地方公共団体コード", value="131040",
                         detail="検査数字が違います", detail_en="wrong check digit").to_dict()
    assert finding["value"] == "131040"
    assert finding["hint"] is None and finding["hint_en"] is None


def test_render_is_the_one_source_of_message_and_hint():
    for code, message in messages.MESSAGES.items():
        rendered = messages.render(code, {"value": "v", "fixed": "f", "other": "o"})
        assert rendered.severity == message.severity
        assert rendered.message.endswith(rendered.hint)
        assert rendered.message_en.endswith(rendered.hint_en)
        assert "{" not in rendered.hint + rendered.hint_en, code


def test_every_rule_has_a_short_title_in_both_languages():
    for code, message in messages.MESSAGES.items():
        for title in (message.title_ja, message.title_en):
            assert title and title == title.strip(), code
            assert "{" not in title and "}" not in title and "…" not in title, code
            assert len(title) <= 50, code
        assert messages.title(code) == message.title_ja and messages.title(code, "en") == message.title_en
    assert messages.title("tokyo/lg-code-missing-check-digit") == "全国地方公共団体コードに検査数字がない"
    assert messages.title("tokyo/lg-code-missing-check-digit", "en") == "Local government code without its check digit"
    assert messages.title("tokyo/encoding-not-utf8") == "文字コードがUTF-8でない"
    assert messages.title("tokyo/encoding-not-utf8", "en") == "Not UTF-8"
    assert messages.title("tokyo/no-such-rule", "en") == "tokyo/no-such-rule"


def test_suggested_fix_reads_as_before():
    finding = Finding.of("tokyo/zenkaku-alnum", 2, "電話番号", value="０３", fixed="03").to_dict()
    assert finding["hint"] == "半角で記載してください（例: 03）。"
    assert finding["hint_en"] == "Use half-width (ASCII) characters, e.g. 03."
    # the rule's own hint has no example, and none that needs a finding's values
    assert messages.rule_hint("tokyo/zenkaku-alnum") == "半角で記載してください。"
    assert messages.rule_hint("tokyo/coordinates-swapped", "en") == ""


def test_a_long_cell_is_kept_once_as_an_excerpt():
    # a 60,000-character cell used to be stored whole in value, message,
    # message_en and (as the suggested fix) hint and hint_en
    cell = "０" * 60_000
    finding = Finding.of("tokyo/zenkaku-alnum", 2, "電話番号", value=cell, fixed="0" * 60_000).to_dict()
    assert len(finding["value"]) == EXCERPT and finding["value"].endswith("…")
    for key in ("message", "message_en", "hint", "hint_en"):
        assert len(finding[key]) < QUOTE + 200, key
    assert len(json.dumps(finding, ensure_ascii=False)) < 1000


def test_a_long_heading_and_detail_are_cut():
    finding = Finding.of("tokyo/unreadable", detail="x" * 10_000).to_dict()
    assert len(finding["message"]) < EXCERPT + 100
    heading = Finding.of("tokyo/phone-format", 2, "列" * 5_000, value="x").to_dict()
    assert len(heading["field"]) == EXCERPT


def test_findings_stop_listing_at_the_byte_budget_and_keep_counting():
    findings = Findings(limit=1000, max_bytes=20_000)
    for row in range(500):
        findings.add(Finding.of("tokyo/phone-format", row, "電話番号", value="x" * 150))
    assert findings.full and findings.total == 500
    listed = sum(len(json.dumps(f.to_dict(), ensure_ascii=False).encode()) + 2 for f in findings.items)
    assert listed <= 20_000 and len(findings.items) < 500


def test_a_truncated_report_says_so(tmp_path):
    from ckanext.tokyo.validation import Options, validate

    path = tmp_path / "long.csv"
    path.write_text("電話番号\n" + "\n".join("０" * 5000 for _ in range(300)) + "\n", encoding="utf-8")
    report = validate(str(path), None, Options(max_report_bytes=50_000))
    data = report.to_dict()
    assert len(json.dumps(data, ensure_ascii=False).encode()) < 50_000 + 4096
    assert data["stats"]["truncated"] is True
    note = data["findings"][-1]
    assert note["code"] == "tokyo/limit-report" and "only the first" in note["message_en"]
    assert sum(report.stats["by_code"].values()) == 300  # all counted
