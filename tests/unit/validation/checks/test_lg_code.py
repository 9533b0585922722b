import pytest


@pytest.mark.parametrize("value, code", [
    ("131040", "tokyo/lg-code-check-digit"),
    ("13104", "tokyo/lg-code-missing-check-digit"),
    ("11002", "tokyo/lg-code-leading-zero-dropped"),
    ("13-104", "tokyo/lg-code-format"),
])
def test_bad_codes(check, value, code):
    assert check(["全国地方公共団体コード"], [value]) == {(code, 2, "全国地方公共団体コード")}


@pytest.mark.parametrize("value", ["131041", "130001", "011002"])
def test_good_codes(check, value):
    assert check(["全国地方公共団体コード"], [value]) == set()
