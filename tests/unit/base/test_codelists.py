"""The CKAN-free code lists: categories, EU data themes, 更新頻度, languages, formats."""
import pytest

from ckanext.tokyo.base import codelists, formats

F = codelists.FREQUENCY_BASE


@pytest.mark.parametrize("spelling, code", [
    ("年1回", "ANNUAL"), ("１年ごと", "ANNUAL"), ("1年毎", "ANNUAL"), ("毎年度", "ANNUAL"),
    ("年1回（5月頃）", "ANNUAL"), ("毎年 更新", "ANNUAL"), ("月次", "MONTHLY"), ("1ヶ月ごと", "MONTHLY"),
    ("毎月", "MONTHLY"), ("四半期ごと", "QUARTERLY"), ("年2回", "ANNUAL_2"), ("随時", "AS_NEEDED"),
    ("随時更新", "AS_NEEDED"), ("不定期", "IRREG"), ("リアルタイム", "UPDATE_CONT"), ("日次", "DAILY"),
    ("更新予定なし", "NOT_PLANNED"), ("隔年", "BIENNIAL"), ("ANNUAL", "ANNUAL"), (F + "WEEKLY", "WEEKLY"),
])
def test_spellings_map_to_eu_frequencies(spelling, code):
    found = codelists.frequency_for_spelling(spelling)
    assert found is not None and found.code == code and found.uri == F + code


@pytest.mark.parametrize("spelling", ["国勢調査実施年の翌年", "予算編成時", "", "更新"])
def test_unknown_spellings_are_not_guessed(spelling):
    assert codelists.frequency_for_spelling(spelling) is None


def test_every_frequency_has_both_labels_and_a_unique_uri():
    freqs = codelists.frequencies()
    assert len({f.uri for f in freqs}) == len(freqs) >= 10
    assert all(f.ja and f.en for f in freqs)


def test_categories_confirmed_ones_and_themes():
    cats = {c.code: c for c in codelists.categories()}
    assert {c for c, v in cats.items() if v.confirmed} == {"c005", "c023", "c029"}
    assert (cats["c005"].ja, cats["c023"].ja, cats["c029"].ja) == ("医療・福祉", "観光", "行財政")
    # the 2021-22 names, not the guesses the list had before (c001 was 人口・世帯)
    assert (cats["c001"].ja, cats["c013"].ja) == ("防災・災害計画", "交通情報")
    assert all(c.status in ("current", "historic") for c in cats.values())
    assert all(t.startswith(codelists.THEME_BASE) for c in cats.values() for t in c.themes)
    assert cats["c029"].description == {"ja": "都政、財政、統計などに関するデータ",
                                        "en": "Data on the metropolitan government, public finance, statistics and more"}


def test_a_replaced_category_maps_to_its_successor():
    assert codelists.category("c008") is None  # not offered any more
    assert codelists.category_for_group("c008").code == "c023"
    assert codelists.category_for_group("C005").code == "c005"
    assert codelists.category_for_group("tourism-old") is None


def test_category_iris_are_pages_of_the_catalog_and_round_trip():
    assert codelists.category_uri("https://x.example/", "c005") == "https://x.example/group/c005"
    assert codelists.category_scheme_uri("https://x.example/") == "https://x.example/group"
    assert codelists.category_of(codelists.category_uri("https://x.example", "c005")) == "c005"
    assert codelists.category_of("https://other.example/group/c008") == "c023"
    assert codelists.category_of("https://x.example/group/c999") is None
    assert codelists.category_of("https://x.example/dataset/c005") is None
    assert codelists.themes_for_categories(["c029", "c005", "c999"]) == [
        codelists.THEME_BASE + "GOVE", codelists.THEME_BASE + "ECON",
        codelists.THEME_BASE + "HEAL", codelists.THEME_BASE + "SOCI"]


def test_eu_themes_have_both_labels_and_cover_the_categories():
    T = codelists.THEME_BASE
    themes = {t.uri: t for t in codelists.themes()}
    assert len(themes) == 14 and all(t.ja and t.en for t in themes.values())
    assert codelists.theme_labels(T + "SOCI") == {"ja": "人口・社会", "en": "Population and society"}
    assert codelists.theme("HEAL").ja == "健康" and codelists.theme(T + "HEAL").en == "Health"
    assert codelists.theme_labels(T + "NOPE") is None and codelists.theme_labels("SOCI") is None
    # every theme a category maps to has labels
    assert {t for c in codelists.categories() for t in c.themes} <= set(themes)


def test_languages_and_formats():
    assert codelists.DEFAULT_LANGUAGE in {lang.uri for lang in codelists.languages()}
    assert [formats.normalise(v) for v in ("csv", ".CSV", " Csv ", "text/csv", "xlsx", "geojson", "")] == [
        "CSV", "CSV", "CSV", "CSV", "XLSX", "GeoJSON", ""]
