from ckanext.tokyo.validation.checks.platform_chars import platform_dependent_chars


def test_set_is_computed_from_the_codecs():
    chars = platform_dependent_chars()
    for char in "①⑳ⅠⅣⅩ㍉㌔㈱㈲㍻㍼㍽㍾髙﨑":
        assert char in chars
    # JIS X 0208 characters, including those CP932 maps to other code points.
    for char in "あ亜高崎～－∥¬￢∵≒・":
        assert char not in chars
    assert all(c.encode("cp932") for c in chars)


def test_platform_char_in_a_cell(check):
    assert check(["名称", "備考"], ["第①公園", "㈱東京"]) == {
        ("tokyo/platform-dependent-char", 2, "名称"),
        ("tokyo/platform-dependent-char", 2, "備考"),
    }


def test_platform_char_in_a_heading(check):
    assert check(["面積(㎡)"], ["10"]) == {("tokyo/platform-dependent-char", 1, "面積(㎡)")}


def test_clean_text_passes(check):
    assert check(["名称"], ["第1公園（株式会社東京）"]) == set()
