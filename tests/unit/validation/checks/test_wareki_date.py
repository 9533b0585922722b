import pytest


@pytest.mark.parametrize("value, code", [
    ("令和2年4月1日", "tokyo/wareki-date"),
    ("R2.4.1", "tokyo/wareki-date"),
    ("平成31年4月30日", "tokyo/wareki-date"),
    ("2020/04/01", "tokyo/date-format"),
    ("2020年4月1日", "tokyo/date-format"),
    ("20200401", "tokyo/date-format"),
    ("2020-02-30", "tokyo/date-invalid"),
    ("4月1日", "tokyo/date-format"),
])
def test_bad_dates(check, value, code):
    assert check(["開設日"], [value]) == {(code, 2, "開設日")}


def test_iso_date_passes(check):
    assert check(["開設日"], ["2020-04-01"]) == set()


def test_wareki_fix_is_suggested(write):
    from ckanext.tokyo.validation import validate
    report = validate(write([["開設日"], ["令和元年5月1日"]]), schema=None)
    assert "2019-05-01" in next(f.message for f in report.findings if f.code == "tokyo/wareki-date")


def test_wareki_year_in_a_free_column_without_schema(check):
    assert check(["区分", "年次"], ["千代田区", "令和2年"]) == {("tokyo/wareki-date", 2, "年次")}


def test_era_letters_in_free_text_are_not_dates(check):
    assert check(["区分", "型番"], ["千代田区", "H2-1"]) == set()
