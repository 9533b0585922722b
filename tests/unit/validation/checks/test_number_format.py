import pytest

HEADER = ["区分", "人口"]


@pytest.mark.parametrize("value, code", [
    ("67,000", "tokyo/number-comma"),
    ("50,700 ", "tokyo/number-comma"),
    ("▲120", "tokyo/number-triangle"),
    ("△1,200", "tokyo/number-triangle"),
    ("1200人", "tokyo/number-unit"),
    ("約300", "tokyo/number-unit"),
    (" 12", "tokyo/number-space"),
])
def test_bad_numbers_in_a_numeric_column(check, value, code):
    assert check(HEADER, ["a", "100"], ["b", "200"], ["c", "300"], ["d", value]) == {(code, 5, "人口")}


@pytest.mark.parametrize("value", ["-", "x", "…"])
def test_suppression_symbols_pass_in_inferred_columns(check, value):
    assert check(HEADER, ["a", "100"], ["b", "200"], ["c", "300"], ["d", "400"], ["e", value]) == set()


def test_schema_integer_field_rejects_text(write):
    from ckanext.tokyo.validation import validate

    from tests.unit.validation.conftest import TOILET_ROW, toilet_header
    row = dict(TOILET_ROW, 男性トイレ総数="6基", 女性トイレ総数="4.5")
    report = validate(write([toilet_header(), [row[h] for h in toilet_header()]]), schema="current-13-public-toilet")
    found = {(f.code, f.row, f.field) for f in report.findings}
    assert ("tokyo/number-unit", 2, "男性トイレ総数") in found
    assert ("tokyo/number-format", 2, "女性トイレ総数") in found


def test_text_column_is_not_numeric(check):
    assert check(["区分", "名称"], ["a", "3階"], ["b", "公園"]) == set()


@pytest.mark.parametrize("value, code, fixed", [
    ("50,700 ", "tokyo/number-comma", "50700"),
    ("200人2.0㎡あたり1人", "tokyo/number-prose", None),
    ("19（休床中）", "tokyo/number-prose", "19"),
    ("22組", "tokyo/number-unit", "22"),
])
def test_numbers_with_commas_units_or_prose(write, value, code, fixed):
    from ckanext.tokyo.validation import validate

    from tests.unit.validation.conftest import TOILET, TOILET_ROW, toilet_header
    header = toilet_header()
    report = validate(write([header, [dict(TOILET_ROW, 男性トイレ総数=value)[h] for h in header]]), schema=TOILET)
    [finding] = [f for f in report.findings if f.field == "男性トイレ総数" and f.code != "tokyo/platform-dependent-char"]
    assert finding.code == code
    assert (f"（例: {fixed}）" in finding.hint) if fixed else ("例" not in finding.hint)
