"""Keywords as written and their search form (no CKAN)."""
from ckanext.tokyo.base import keywords

TOKYO = ["青少年・治安対策本部", "スタートアップ・国際金融都市戦略室", "（仮称）公園", "「東京」データ", "Wi－Fi",
         "ＣＳＶ", "No.1", "子育て／教育", "水", "R&D", "①番"]


def test_what_tokyo_writes_is_kept():
    for keyword in TOKYO:
        assert keywords.problem(keyword) is None, keyword
        assert keywords.written(" " + keyword + "  ") == keyword


def test_refused_only_for_controls_commas_and_length():
    assert keywords.problem("a\x1bb") and keywords.problem("a,b") and keywords.problem("a、b")
    assert keywords.problem("\u202eabc") and keywords.problem("x" * 101)
    assert keywords.problem("x" * 100) is None


def test_search_form_passes_ckans_tag_rule():
    import re

    ckan_rule = re.compile(r"[\w \-.]*$", re.UNICODE)
    for keyword in TOKYO:
        form = keywords.search_form(keyword)
        assert form is None or (ckan_rule.match(form) and 2 <= len(form) <= 100), keyword
    assert keywords.search_form("青少年・治安対策本部") == "青少年 治安対策本部"
    assert keywords.search_form("ＣＳＶ") == "CSV"
    assert keywords.search_form("Wi－Fi") == "Wi-Fi"
    assert keywords.search_form("水") is None  # CKAN wants two characters; kept as written only
    assert keywords.search_forms(["ＣＳＶ", "CSV", "水"]) == ["CSV"]
