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
