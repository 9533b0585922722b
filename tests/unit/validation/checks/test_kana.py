def test_reading_in_hiragana_or_kanji(check):
    assert check(["名称", "名称_カナ"], ["新宿", "しんじゅく"]) == {("tokyo/kana-format", 2, "名称_カナ")}


def test_reading_in_katakana_passes(check):
    assert check(["名称", "名称_カナ"], ["新宿", "シンジュク　コウエン"]) == set()
