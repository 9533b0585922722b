def test_repeated_header(check):
    found = check(["名称", "住所", "備考"], ["a", "b", "c"], ["名称", "住所", "備考"], ["d", "e", "f"])
    assert found == {("tokyo/multiple-tables", 3, None)}


def test_second_title_after_a_blank_row(check):
    found = check(["名称", "住所"], ["a", "b"], ["", ""], ["表2 施設一覧", ""], ["c", "d"])
    assert ("tokyo/multiple-tables", 4, None) in found


def test_single_table_passes(check):
    assert check(["名称", "住所"], ["a", "b"], ["c", "d"]) == set()
