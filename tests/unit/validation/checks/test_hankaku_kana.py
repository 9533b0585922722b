def test_half_width_katakana(check):
    assert check(["名称_カナ"], ["ｼﾝｼﾞｭｸ"]) == {("tokyo/hankaku-kana", 2, "名称_カナ")}


def test_full_width_katakana_passes(check):
    assert check(["名称_カナ", "名称"], ["シンジュク", "新宿"]) == set()
