def test_bad_email(check):
    assert check(["メールアドレス"], ["info@example"]) == {("tokyo/email-format", 2, "メールアドレス")}


def test_good_email(check):
    assert check(["メールアドレス"], ["info@city.example.lg.jp"]) == set()
