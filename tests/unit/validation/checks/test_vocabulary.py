import pytest


@pytest.mark.parametrize("value", ["あり", "○", "1", "有り", "yes"])
def test_yes_no_variants(check, value):
    assert check(["駐車場有無"], [value]) == {("tokyo/yes-no", 2, "駐車場有無")}


@pytest.mark.parametrize("value", ["有", "無"])
def test_yes_no_passes(check, value):
    assert check(["駐車場有無"], [value]) == set()


@pytest.mark.parametrize("value", ["月曜日～金曜日", "火月", "月、水、金", "Mon-Fri", "月月"])
def test_weekday_variants(check, value):
    assert check(["開館曜日"], [value]) == {("tokyo/weekdays", 2, "開館曜日")}


@pytest.mark.parametrize("value", ["月火水木金", "土日", "水"])
def test_weekdays_pass(check, value):
    assert check(["開館曜日"], [value]) == set()


def test_weekday_fix_is_suggested(write):
    from ckanext.tokyo.validation import validate
    report = validate(write([["開館曜日"], ["月曜日～金曜日"]]), schema=None)
    assert "月火水木金" in report.findings[0].message


@pytest.mark.parametrize("value", ["日月火水木金土", "月火水木金土日祝", "土日祝", "日月", "祝"])
def test_weekdays_may_start_on_sunday_and_end_with_holidays(check, value):
    assert check(["開館曜日"], [value]) == set()


@pytest.mark.parametrize("value", ["祝月", "月日火"])
def test_weekdays_out_of_order(check, value):
    assert check(["開館曜日"], [value]) == {("tokyo/weekdays", 2, "開館曜日")}
