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


@pytest.mark.parametrize("value, code", [
    ("令和元年5月1日", "tokyo/wareki-date"),
    ("平成31年4月30日", "tokyo/wareki-date"),
    ("平成31年5月1日", "tokyo/wareki-out-of-era"),
    ("昭和64年1月7日", "tokyo/wareki-date"),
    ("昭和64年1月8日", "tokyo/wareki-out-of-era"),
    ("令和元年4月30日", "tokyo/wareki-out-of-era"),
    ("S2.3", "tokyo/wareki-date"),
])
def test_era_bounds(check, value, code):
    assert check(["開設日"], [value]) == {(code, 2, "開設日")}


def test_out_of_era_date_names_the_era_and_the_gregorian_date(write):
    from ckanext.tokyo.validation import validate
    [finding] = [f for f in validate(write([["開設日"], ["平成31年5月1日"]]), schema=None).findings
                 if f.code == "tokyo/wareki-out-of-era"]
    assert "2019年4月30日" in finding.message and "（例: 2019-05-01）" in finding.hint


@pytest.mark.parametrize("value", ["2020-04-01T09:00:00", "2020-04-01T09:00:00+09:00", "2020-04-01 09:00",
                                   "2020-04-01T09:00Z"])
def test_iso_date_times_are_dates(check, value):
    assert check(["開設日"], [value]) == set()


def test_day_of_month_numbers_are_no_dates(check):
    assert check(["開催日"], ["02"], ["15"], ["31"]) == set()
    assert check(["定休日"], ["日曜日"], ["なし"]) == set()
    # …日 holding dates is a date column
    assert check(["開催日"], ["2020/04/01"]) == {("tokyo/date-format", 2, "開催日")}
