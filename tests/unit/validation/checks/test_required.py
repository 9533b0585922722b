from ckanext.tokyo.validation import validate

from tests.unit.validation.conftest import TOILET, TOILET_ROW, toilet_header


def test_missing_columns_and_values(write):
    header = [h for h in toilet_header() if h not in ("設置位置", "緯度")]
    row = dict(TOILET_ROW, 名称="", 全国地方公共団体コード="")
    report = validate(write([header, [row[h] for h in header]]), schema=TOILET)
    found = {(f.code, f.row, f.field, f.severity) for f in report.findings}
    assert ("tokyo/required-column-missing", None, "設置位置", "error") in found
    assert ("tokyo/recommended-column-missing", None, "緯度", "warning") in found
    assert ("tokyo/required-value-missing", 2, "名称", "error") in found
    assert ("tokyo/recommended-value-missing", 2, "全国地方公共団体コード", "warning") in found


def test_unknown_column_is_info(write):
    header = toilet_header() + ["独自項目"]
    report = validate(write([header, [TOILET_ROW[h] for h in toilet_header()] + ["x"]]), schema=TOILET)
    assert [f.severity for f in report.findings if f.code == "tokyo/unknown-column"] == ["info"]
    assert report.valid


def test_no_schema_no_requirements(check):
    assert check(["名称", "備考"], ["", "x"]) == set()
