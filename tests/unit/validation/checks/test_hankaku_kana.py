import pytest


def test_half_width_katakana(check):
    assert check(["名称_カナ"], ["ｼﾝｼﾞｭｸ"]) == {("tokyo/hankaku-kana", 2, "名称_カナ")}


def test_full_width_katakana_passes(check):
    assert check(["名称_カナ", "名称"], ["シンジュク", "新宿"]) == set()


@pytest.mark.parametrize("value, fixed", [
    ("2ｰ1", "2-1"), ("ｽﾎﾟ-ﾂ", "スポーツ"), ("海峡ﾋﾞｭｰしものせき", "海峡ビューしものせき"), ("手鑑｢筆陳｣", "手鑑「筆陳」"),
])
def test_fix_turns_long_marks_after_kana_into_ー_and_after_digits_into_hyphens(write, value, fixed):
    from ckanext.tokyo.validation import validate
    [finding] = [f for f in validate(write([["名称"], [value]]), schema=None).findings if f.code == "tokyo/hankaku-kana"]
    assert finding.hint.endswith(f"（例: {fixed}）。")
