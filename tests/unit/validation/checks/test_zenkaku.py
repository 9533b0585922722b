def test_full_width_digits_in_a_code_column(check):
    found = check(["全国地方公共団体コード", "名称"], ["１３１０４１", "新宿区"])
    assert found == {("tokyo/zenkaku-alnum", 2, "全国地方公共団体コード")}


def test_full_width_in_free_text_is_fine(check):
    assert check(["名称", "備考"], ["ＪＲ新宿駅", "２階"]) == set()


def test_half_width_code_passes(check):
    assert check(["全国地方公共団体コード"], ["131041"]) == set()
