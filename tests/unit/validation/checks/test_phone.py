import pytest


@pytest.mark.parametrize("value", ["0312345678", "03-1234-5678 内線123", "+81-3-1234-5678", "03-1234"])
def test_bad_phones(check, value):
    assert check(["電話番号"], [value]) == {("tokyo/phone-format", 2, "電話番号")}


@pytest.mark.parametrize("value", ["03-1234-5678", "(03)1234-5678", "03(1234)5678", "090-1234-5678", "0120-123-456"])
def test_good_phones(check, value):
    assert check(["電話番号"], [value]) == set()
