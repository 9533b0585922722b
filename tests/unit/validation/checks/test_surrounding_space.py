import pytest


@pytest.mark.parametrize("value", ["東京都 ", " 東京都", "東京都\u3000", "\t東京都", "東京都\n"])
def test_spaces_around_a_value_with_the_fix(write, value):
    from ckanext.tokyo.validation import validate
    report = validate(write([["名称", "備考"], [value, ""]]), schema=None)
    [finding] = [f for f in report.findings if f.code == "tokyo/surrounding-space"]
    assert finding.severity == "warning" and finding.value == value and "（例: 東京都）" in finding.hint


def test_spaces_inside_a_value_are_fine(check):
    assert check(["名称"], ["新宿 中央公園"], ["新宿\u3000中央公園"]) == set()


def test_a_phone_number_with_a_trailing_space_is_only_the_space(check):
    assert check(["電話番号"], ["03-1234-5678 "]) == {("tokyo/surrounding-space", 2, "電話番号")}


def test_line_break_inside_free_text(check):
    assert check(["名称", "備考"], ["a", "月曜休館\n祝日は開館"]) == {("tokyo/line-break", 2, "備考")}


def test_line_break_in_a_formatted_column_is_that_format_finding(check):
    assert check(["電話番号"], ["03-\n1234-5678"]) == {("tokyo/phone-format", 2, "電話番号")}
