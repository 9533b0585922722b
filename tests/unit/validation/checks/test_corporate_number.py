def test_wrong_check_digit(check):
    assert check(["法人番号"], ["9000020130001"]) == {("tokyo/corporate-number-check-digit", 2, "法人番号")}


def test_wrong_length(check):
    assert check(["法人番号"], ["800002013000"]) == {("tokyo/corporate-number-format", 2, "法人番号")}


def test_tokyo_passes(check):
    assert check(["法人番号"], ["8000020130001"]) == set()
