"""Items of "1 or empty": blank means "no", never a missing value."""
from ckanext.tokyo.base import standards

EVAC = "current-03-evacuation-space"
FLAG = "災害種別_洪水"


def evacuation_rows(flags: list[str]) -> list[list[str]]:
    header = [f["name"] for f in standards.descriptor(EVAC)["fields"]]
    base = {h: "" for h in header} | {"名称": "第一小学校", "所在地_連結表記": "東京都新宿区西新宿二丁目11",
                                      "電話番号": "03-1234-5678", "市区町村コード": "131041"}
    return [header] + [[(base | {FLAG: flag})[h] for h in header] for flag in flags]


def test_blank_flag_is_no_not_missing(write):
    from ckanext.tokyo.validation import validate
    report = validate(write(evacuation_rows(["", "1", ""])), schema=EVAC)
    assert not {f.code for f in report.findings} & {"tokyo/required-value-missing", "tokyo/flag-value"}


def test_marks_and_spaces_in_a_flag_are_findings_with_the_fix(write):
    from ckanext.tokyo.validation import validate
    report = validate(write(evacuation_rows(["○", "×", "\u3000", "0"])), schema=EVAC)
    flags = [f for f in report.findings if f.code == "tokyo/flag-value"]
    assert [(f.row, f.value) for f in flags] == [(2, "○"), (3, "×"), (4, "\u3000"), (5, "0")]
    assert "（例: 1）" in flags[0].hint and "例" not in flags[1].hint


def test_flags_of_both_layouts_are_1_or_empty():
    for schema_id in (EVAC, "legacy2020-10-evacuation-space"):
        flags = [f for f in standards.descriptor(schema_id)["fields"] if f.get("x-format") == "flag"]
        assert len(flags) == 9 and all(f["constraints"]["enum"] == ["1"] for f in flags)
