import pytest


@pytest.mark.parametrize("value", ["www.example.jp", "http://", "https://exa mple.jp/", "ftp://example.jp/x"])
def test_bad_urls(check, value):
    assert check(["URL"], [value]) == {("tokyo/url-format", 2, "URL")}


def test_good_url(check):
    assert check(["URL"], ["https://www.metro.tokyo.lg.jp/index.html"]) == set()
