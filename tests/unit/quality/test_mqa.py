"""The metadata quality score (data.europa.eu's MQA method), CKAN-free."""
from ckanext.tokyo.base import formats
from ckanext.tokyo.quality import mqa

EU = "http://publications.europa.eu/resource/authority/"
URL = "https://example.org/files/toilets.csv"

FULL = {
    "title_translated": {"ja": "公衆トイレ一覧"}, "notes_translated": {"ja": "区内の公衆トイレ"},
    "tags_translated": {"ja": ["トイレ"]}, "category": ["c005"],
    "spatial_coverage": [{"uri": "http://data.e-stat.go.jp/lod/sac/C13104"}],
    "temporal_coverage": [{"start": "2025-04-01"}], "license_id": "CC-BY-4.0",
    "access_rights": EU + "access-right/PUBLIC", "contact": [{"name": "みどり公園課"}],
    "issued": "2024-04-01", "modified": "2026-03-31",
    "resources": [{"url": URL, "format": "CSV", "size": 20480}],
}


def test_the_indicators_add_up_to_405_in_five_dimensions():
    assert mqa.MAX == 405
    most = {d: sum(i.points for i in mqa.INDICATORS if i.dimension == d) for d in mqa.DIMENSIONS}
    assert most == {"findability": 100, "accessibility": 100, "interoperability": 110,
                    "reusability": 75, "contextuality": 20}


def test_a_complete_dataset_with_reachable_links_scores_every_point():
    score = mqa.score(FULL, {URL: True})
    assert (score.total, score.rating, score.missing()) == (405, "excellent", [])


def test_unchecked_links_cost_the_accessibility_points_and_say_so():
    score = mqa.score(FULL, {})
    assert score.total == 405 - 50 - 30
    assert {r.indicator.key for r in score.missing()} == {"accessUrlStatusCode", "downloadUrlStatusCode"}
    assert all(not r.checked for r in score.missing())
    assert mqa.score(FULL, {URL: False}).dimensions()["accessibility"] == (20, 100)


def test_what_to_add_comes_largest_gain_first():
    bare = {"title_translated": {"ja": "x"}, "notes_translated": {"ja": "x"},
            "resources": [{"url": "https://example.org/a.pdf", "format": "PDF"}]}
    score = mqa.score(bare, {"https://example.org/a.pdf": True})
    gains = [r.indicator.points - r.points for r in score.missing()]
    assert gains == sorted(gains, reverse=True)
    assert score.missing()[0].indicator.key in ("keywordAvailability", "categoryAvailability")
    assert "formatMediaTypeMachineInterpretable" in {r.indicator.key for r in score.missing()}
    assert score.rating in ("sufficient", "good")


def test_distribution_indicators_count_the_share_of_distributions():
    half = dict(FULL, resources=[{"url": URL, "format": "CSV", "size": 1},
                                 {"url": "https://example.org/b.xls", "format": "XLS"}])
    found = {r.indicator.key: r for r in mqa.score(half, {URL: True, "https://example.org/b.xls": True}).results}
    assert found["formatMediaTypeNonProprietary"].share == 0.5
    assert found["byteSizeAvailability"].points == round(5 * 0.5)
    assert found["formatMediaTypeMachineInterpretable"].share == 1.0


def test_pdl_is_a_known_licence_but_not_in_the_eu_table():
    found = {r.indicator.key: r.points for r in mqa.score(dict(FULL, license_id="PDL-1.0"), {URL: True}).results}
    assert (found["licenceAvailability"], found["knownLicence"], found["rightsAvailability"]) == (20, 0, 5)


def test_the_format_table_says_what_is_open_and_machine_readable():
    csv, xls, pdf = formats.lookup("csv"), formats.lookup("xls"), formats.lookup("pdf")
    assert (csv.machine_readable, csv.non_proprietary) == (True, True)
    assert (xls.machine_readable, xls.non_proprietary) == (True, False)
    assert (pdf.machine_readable, pdf.non_proprietary) == (False, True)
    assert all(f.file_type_uri for f in formats.formats() if f.code != "API")
