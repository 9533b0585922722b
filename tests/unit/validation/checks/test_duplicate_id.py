def test_an_id_used_twice_names_its_first_row(write):
    from ckanext.tokyo.validation import validate

    from tests.unit.validation.conftest import TOILET, TOILET_ROW, toilet_header
    header = toilet_header()
    rows = [dict(TOILET_ROW, ID=i) for i in ("T1", "T2", "T1", "T3", "T2")]
    report = validate(write([header, *[[r[h] for h in header] for r in rows]]), schema=TOILET)
    found = [(f.row, f.value) for f in report.findings if f.code == "tokyo/duplicate-id"]
    assert found == [(4, "T1"), (6, "T2")]
    assert "2行目" in next(f.message for f in report.findings if f.code == "tokyo/duplicate-id")


def test_only_the_id_item_of_a_schema_is_compared(check):
    assert check(["ID", "名称"], ["1", "a"], ["1", "b"]) == set()  # no schema: no ID item
