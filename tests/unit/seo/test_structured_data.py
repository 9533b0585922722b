"""schema.org Dataset JSON-LD from a dataset dict (CKAN-free): a bare
dataset gives the required properties and nothing empty; a script element
cannot be closed by the data."""
from ckanext.tokyo.seo import structured_data


def _site(lang="ja"):
    return structured_data.Site(
        lang=lang, catalog_name="東京都オープンデータカタログ", home_url="https://x.example/",
        dataset_url=lambda name, in_lang: f"https://x.example/{'en/' if in_lang == 'en' else ''}dataset/{name}",
        organization_url=lambda name: f"https://x.example/organization/{name}",
        short_description="{publisher}が{catalog}で公開しているデータセット「{title}」です。")


def test_a_bare_dataset_has_the_required_properties_and_nothing_empty():
    data = structured_data.dataset_jsonld({"name": "t000003d0000000001", "title": "人口"}, _site())
    assert data["name"] == "人口"
    assert data["description"].endswith("東京都オープンデータカタログで公開しているデータセット「人口」です。")
    assert data["sameAs"] == ["https://x.example/en/dataset/t000003d0000000001"]
    assert not {"alternateName", "publisher", "creator", "funder", "spatialCoverage", "distribution"} & set(data)
    assert all(value not in (None, "", [], {}) for value in data.values())


def test_english_page_falls_back_to_japanese_and_long_text_is_cut():
    pkg = {"name": "a", "title_translated": '{"ja": "人口"}', "notes_translated": {"ja": "説" * 6000}}
    data = structured_data.dataset_jsonld(pkg, _site("en"))
    assert data["name"] == "人口" and "alternateName" not in data and len(data["description"]) == 5000


def test_script_json_cannot_close_the_element():
    assert "</script>" not in structured_data.script_json({"name": "</script><script>alert(1)"})
