from ckanext.tokyo.validation.checks.headings import without_spaces


def test_heading_with_a_line_break_or_full_width_space(write):
    from ckanext.tokyo.validation import validate
    report = validate(write([["都道府県名\n(全角)", "telephone\u3000number", " 名称", "備考"], ["a", "b", "c", ""]]),
                      schema=None)
    found = {(f.field, f.hint) for f in report.findings if f.code == "tokyo/header-whitespace"}
    assert {field for field, _ in found} == {"都道府県名\n(全角)", "telephone\u3000number", "名称"}
    assert any("telephone number" in hint for _, hint in found)


def test_without_spaces():
    assert without_spaces("都道府県コード又は\n市区町村コード") == "都道府県コード又は市区町村コード"
    assert without_spaces("telephone\u3000number") == "telephone number"


def test_typo_in_a_heading_is_mapped_and_named(write):
    from ckanext.tokyo.validation import validate

    from tests.unit.validation.conftest import TOILET, TOILET_ROW, toilet_header
    header = toilet_header()
    typo = [h.replace("コード", "コ―ド") if h == "全国地方公共団体コード" else h for h in header]
    report = validate(write([typo, [TOILET_ROW[h] for h in header]]))
    assert report.schema == TOILET
    [variant] = [f for f in report.findings if f.code == "tokyo/header-variant"]
    assert variant.field == "全国地方公共団体コ―ド" and "（例: 全国地方公共団体コード）" in variant.hint
    assert "tokyo/required-column-missing" not in report.codes()
