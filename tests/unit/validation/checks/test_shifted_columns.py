"""A row one cell short part way along: one diagnosis, not a finding per column."""
from tests.unit.validation.conftest import TOILET, TOILET_ROW, toilet_header


def test_row_missing_a_cell_is_diagnosed_once(write):
    from ckanext.tokyo.validation import validate
    header = toilet_header()
    good = [TOILET_ROW[h] for h in header]
    shifted = list(good)
    del shifted[header.index("所在地_全国地方公共団体コード")]
    rows = [header] + [good] * 20 + [shifted]
    rows = [rows[0]] + [r[:1] + [f"T{n:03d}"] + r[2:] for n, r in enumerate(rows[1:])]
    report = validate(write(rows), schema=TOILET)
    [finding] = [f for f in report.findings if f.code == "tokyo/shifted-columns"]
    assert finding.row == 22 and finding.field == "所在地_全国地方公共団体コード"
    assert "左" in finding.message
    on_row = {f.code for f in report.findings if f.row == 22}
    assert on_row == {"tokyo/shifted-columns"}  # no town-ID, lg-code, coordinate… findings


def test_rows_with_several_honest_errors_are_not_shifted(check):
    found = check(["電話番号", "郵便番号", "URL"], ["03-1234-5678", "160-0023", "https://a.jp/"],
                  ["電話なし", "不明", "なし"])
    assert ("tokyo/shifted-columns", 3, "電話番号") not in found and len(found) == 3


def test_honest_errors_in_neighbouring_columns_are_no_shift(check):
    # "90 人" and "13104" are each wrong where they are, and no better one column over
    found = check(["名称", "電話番号", "開設日", "定員", "市区町村コード"],
                  ["新宿第一保育園", "03-1234-5678", "2020-04-01", "90", "131041"],
                  ["新宿第四保育園", "<script>", "2020-04-01", "90 人", "13104"])
    assert found == {("tokyo/phone-format", 3, "電話番号"), ("tokyo/number-unit", 3, "定員"),
                     ("tokyo/lg-code-missing-check-digit", 3, "市区町村コード")}
