def test_title_and_blank_rows_above_the_header(write):
    from ckanext.tokyo.validation import validate
    report = validate(write([["公衆トイレ一覧", "", ""], ["", "", ""], ["名称", "緯度", "経度"],
                             ["a", "35.6", "139.7"]]), schema=None)
    found = {(f.code, f.row) for f in report.findings}
    assert {("tokyo/title-row", 1), ("tokyo/blank-row", 2)} <= found
    assert report.stats["header_row"] == 3


def test_note_and_blank_rows_in_the_table(check):
    found = check(["名称", "備考"], ["a", "b"], ["", ""], ["※ 令和2年4月1日現在", ""], ["出典：東京都"])
    assert found == {("tokyo/blank-row", 3, None), ("tokyo/note-row", 4, None), ("tokyo/note-row", 5, None)}


def test_note_mark_in_a_filled_row_is_data(check):
    assert check(["名称", "備考"], ["a", "※要予約"]) == set()


def test_rows_of_names_and_types_under_the_header_are_one_finding(write):
    from ckanext.tokyo.validation import validate
    rows = [["名称", "住所", "緯度"], ["#property", "address", "lat"], ["#object_type_xsd", "string", "float"],
            ["新宿中央公園", "東京都新宿区", "35.689634"], ["代々木公園", "東京都渋谷区", "35.671"]]
    report = validate(write(rows), schema=None)
    assert [(f.code, f.row) for f in report.findings if f.severity != "info"] == [("tokyo/multi-row-header", 1)]
    assert report.stats["rows"] == 2


def test_trailing_blank_rows_are_one_warning(check, write):
    from ckanext.tokyo.validation import validate
    report = validate(write([["名称", "備考"], ["a", "b"]] + [["", ""]] * 899), schema=None)
    [finding] = [f for f in report.findings if f.severity != "info"]
    assert (finding.code, finding.row, finding.severity) == ("tokyo/trailing-blank-rows", 3, "warning")
    assert "899" in finding.message


def test_a_run_of_blank_rows_inside_the_table_is_one_finding(check):
    assert check(["名称", "備考"], ["a", "b"], ["", ""], ["", ""], ["c", "d"]) == {("tokyo/blank-row", 3, None)}
