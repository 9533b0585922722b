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


def test_variant_kanji_in_a_name_is_a_warning_that_explains(write):
    from ckanext.tokyo.validation import validate
    report = validate(write([["名称", "代表者"], ["岩﨑クリニック", "髙橋 太郎"]]), schema=None)
    variants = [f for f in report.findings if f.code == "tokyo/variant-kanji"]
    assert {(f.field, f.severity) for f in variants} == {("名称", "warning"), ("代表者", "warning")}
    assert all("異体字" in f.message and "正式な表記であれば変えず" in f.hint for f in variants)  # no order to change a name
    assert "tokyo/platform-dependent-char" not in report.codes()


def test_symbol_fix_keeps_the_rest_of_the_value(write):
    from ckanext.tokyo.validation import validate
    report = validate(write([["名称"], ["（株）東京㈱本店"]]), schema=None)
    [symbol] = [f for f in report.findings if f.code == "tokyo/platform-dependent-char"]
    assert "（例: （株）東京(株)本店）" in symbol.hint
