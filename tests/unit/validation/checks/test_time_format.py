import pytest


@pytest.mark.parametrize("value, code", [
    ("9:00", "tokyo/time-format"),
    ("9時", "tokyo/time-format"),
    ("0900", "tokyo/time-format"),
    ("09:00:00", "tokyo/time-format"),
    ("25:00", "tokyo/time-invalid"),
    ("12:60", "tokyo/time-invalid"),
    ("午前9時", "tokyo/time-format"),
])
def test_bad_times(check, value, code):
    assert check(["開始時刻"], [value]) == {(code, 2, "開始時刻")}


@pytest.mark.parametrize("value", ["09:00", "23:59", "00:00", "24:00"])
def test_good_times(check, value):
    assert check(["開始時刻"], [value]) == set()
