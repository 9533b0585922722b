"""The data-request workflow of the ground floor (no CKAN): answers,
limits, search words, match terms and the matching query."""
from ckanext.tokyo.base import data_requests as workflow


def test_answers_follow_the_workflow():
    assert workflow.answer_problems("received", "considering", "", None) == []
    assert workflow.answer_problems("considering", "planned", "来年度", "pkg") == []
    assert [p.code for p in workflow.answer_problems("published", "considering", "", None)] == ["transition"]
    assert [(p.field, p.code) for p in workflow.answer_problems("received", "rejected", " ", None)] == [
        ("note", "reason_required")]
    assert [(p.field, p.code) for p in workflow.answer_problems("received", "published", "", None)] == [
        ("dataset", "dataset_required")]
    assert [p.code for p in workflow.answer_problems("received", "received", "", None)] == ["transition"]
    assert [p.code for p in workflow.answer_problems("received", "maybe", "", None)] == ["unknown_value"]
    assert workflow.answer_problems("rejected", "planned", "", None) == []  # taken up again
    assert not workflow.is_answered("received") and workflow.is_answered("considering")


def test_text_limits_and_required_fields():
    problems = workflow.text_problems({"title": " ", "description": "x" * 5001})
    assert {(p.field, p.code) for p in problems} == {("title", "required"), ("description", "too_long")}
    assert workflow.text_problems({"title": "避難所", "description": "一覧"}) == []
    assert workflow.unknown_values("user_types", ["business", "aliens"], workflow.USER_TYPES)


def test_search_words_and_like_patterns():
    assert workflow.search_terms("トイレ　多機能  トイレ ＡＥＤ") == ["トイレ", "多機能", "AED"]
    assert workflow.search_terms("") == []
    assert workflow.like_pattern("100%_a\\b") == "%100\\%\\_a\\\\b%"


def test_match_terms_keep_what_tells_records_apart():
    # Kuromoji's tokens of 避難所の一覧がほしい: the suffix 所 and the generic 一覧, ほしい go
    assert workflow.match_terms(["避難", "所", "一覧", "ほしい", "避難"]) == ["避難"]
    assert workflow.match_terms(["所"]) == ["所"]  # a single character when there is nothing else
    assert workflow.match_terms(["データ", "Data"]) == []


def test_match_query_requires_a_term_and_boosts_shared_codes():
    assert workflow.match_query([]) == ""
    query = workflow.match_query(["避難", 'a"b:c'], ["c009"], ["http://data.e-stat.go.jp/lod/sac/C13104"])
    assert query.startswith('text:("避難" OR "a\\"b\\:c") AND (')
    assert 'title:("避難" OR "a\\"b\\:c")^4' in query
    assert f'vocab_tokyo_category:"c009"^{workflow.SHARED_BOOST}' in query
    assert 'vocab_tokyo_spatial:"http\\:\\/\\/data.e\\-stat.go.jp\\/lod\\/sac\\/C13104"^5' in query
