import pytest


@pytest.mark.parametrize("value", ["〒160-0023", "160-023", "16000230"])
def test_bad_postal_codes(check, value):
    assert check(["郵便番号"], [value]) == {("tokyo/postal-code-format", 2, "郵便番号")}


@pytest.mark.parametrize("value", ["160-0023", "1600023"])
def test_good_postal_codes(check, value):
    assert check(["郵便番号"], [value]) == set()
