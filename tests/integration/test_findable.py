"""tokyo_seo: a dataset page carries schema.org Dataset JSON-LD in the shape
Google's Dataset search reads, in the page's language; /sitemap.xml lists
every public dataset (in Japanese and English) and nothing private; and
/robots.txt points to it."""
import json
import re
import xml.etree.ElementTree as ET

import pytest

from tests.integration.site_data import call as _call, shinjuku

pytestmark = [
    pytest.mark.ckan_config(
        "ckan.plugins", "scheming_datasets scheming_organizations tokyo_schema tokyo_seo"),
    pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index"),
]

# https://developers.google.com/search/docs/appearance/structured-data/dataset
REQUIRED = ("name", "description")
RECOMMENDED = ("alternateName", "creator", "citation", "funder", "hasPart", "isAccessibleForFree", "isBasedOn",
               "identifier", "keywords", "license", "measurementTechnique", "sameAs", "spatialCoverage",
               "temporalCoverage", "variableMeasured", "version", "url", "includedInDataCatalog", "distribution")
# No field of the Tokyo metadata says these; left out, not guessed.
NOT_IN_THE_METADATA = {"hasPart", "isBasedOn", "measurementTechnique"}
ISO_INTERVAL = re.compile(r"^(\d{4}-\d{2}-\d{2}|\.\.)/(\d{4}-\d{2}-\d{2}|\.\.)$")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def dataset():
    shinjuku()
    return _call(
        "package_create", name="t131041d0000000001", owner_org="t131041",
        title_translated={"ja": "新宿区公衆トイレ一覧", "en": "Public toilets in Shinjuku City"},
        notes_translated={
            "ja": "区内の公衆トイレの所在地、利用できる時間、バリアフリー設備の一覧です。毎年4月に更新します。",
            "en": "Locations, opening hours and barrier-free equipment of the public toilets of the ward."},
        tags_translated={"ja": ["公衆トイレ"], "en": ["public toilets"]}, maintainer="新宿区総合政策部",
        category=["c006", "c005"], spatial_coverage=[{"uri": "131041"}],
        temporal_coverage=[{"start": "2024-04-01", "end": "2025-03-31"}], conforms_to=["current-13-public-toilet"],
        issued="2024-04-01", modified="2025-04-01", version="2025", language=["ja", "en"],
        documentation=["https://www.city.shinjuku.lg.jp/toilet.html"], license_id="CC-BY-4.0",
        resources=[{"url": "https://example.invalid/131041_public_toilet.csv", "format": "csv",
                    "name_translated": {"ja": "公衆トイレ一覧", "en": "Public toilets"}, "modified": "2025-04-01"}],
    )


def _jsonld(app, path):
    html = app.get(path).body
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1, path
    return json.loads(scripts[0])


def _check_google_dataset_shape(data):
    assert data["@context"] == "https://schema.org/" and data["@type"] == "Dataset"
    for key in REQUIRED:
        assert isinstance(data[key], str) and data[key].strip(), key
    assert 50 <= len(data["description"]) <= 5000
    missing = {key for key in RECOMMENDED if key not in data}
    assert missing == NOT_IN_THE_METADATA, missing
    assert data["url"].startswith("http") and all(u.startswith("http") for u in data["sameAs"])
    assert data["license"].startswith("https://") and data["isAccessibleForFree"] is True
    assert data["includedInDataCatalog"]["@type"] == "DataCatalog" and data["includedInDataCatalog"]["name"]
    for agent in (data["creator"], data["funder"], data["publisher"]):
        assert agent["@type"].endswith("Organization") and agent["name"]
    assert data["spatialCoverage"]["@type"] == "Place" and data["spatialCoverage"]["name"]
    assert ISO_INTERVAL.match(data["temporalCoverage"])
    assert all(v["@type"] == "PropertyValue" and v["name"] for v in data["variableMeasured"])
    for dist in data["distribution"]:
        assert dist["@type"] == "DataDownload" and dist["contentUrl"].startswith("http") and dist["encodingFormat"]


def test_dataset_page_carries_googles_dataset_shape_in_both_languages(app, dataset):
    ja = _jsonld(app, "/dataset/t131041d0000000001")
    _check_google_dataset_shape(ja)
    assert ja["name"] == "新宿区公衆トイレ一覧" and ja["alternateName"] == "Public toilets in Shinjuku City"
    assert ja["url"].endswith("/dataset/t131041d0000000001") and ja["sameAs"][0].endswith("/en/dataset/t131041d0000000001")
    assert ja["publisher"]["name"] == "新宿区" and ja["publisher"]["identifier"] == "7000020131041"
    assert ja["creator"]["name"] == "新宿区総合政策部" and ja["funder"]["name"] == "新宿区"
    assert ja["spatialCoverage"]["sameAs"] == "http://data.e-stat.go.jp/lod/sac/C13104"
    assert ja["temporalCoverage"] == "2024-04-01/2025-03-31" and ja["version"] == "2025"
    assert ja["inLanguage"] == ["ja", "en"] and "生活" in ja["keywords"] and "公衆トイレ" in ja["keywords"]
    assert ja["distribution"][0]["encodingFormat"] == "text/csv"
    assert {"name": "名称", "alternateName": "name", "@type": "PropertyValue"} in ja["variableMeasured"]
    assert ja["citation"] == ["https://www.city.shinjuku.lg.jp/toilet.html"]
    assert "t131041d0000000001" in ja["identifier"]

    en = _jsonld(app, "/en/dataset/t131041d0000000001")
    _check_google_dataset_shape(en)
    assert en["name"] == "Public toilets in Shinjuku City" and en["alternateName"] == "新宿区公衆トイレ一覧"
    assert en["description"].startswith("Locations, opening hours") and en["publisher"]["name"] == "Shinjuku City"
    assert en["url"].endswith("/en/dataset/t131041d0000000001") and "Daily life" in en["keywords"]


def test_a_short_description_is_completed_to_googles_minimum(app, dataset):
    _call("package_patch", id="t131041d0000000001", notes_translated={"ja": "トイレの一覧。"})
    data = _jsonld(app, "/dataset/t131041d0000000001")
    assert len(data["description"]) >= 50
    assert data["description"] == ("トイレの一覧。 新宿区が東京都オープンデータカタログで公開している"
                                   "データセット「新宿区公衆トイレ一覧」です。")


def test_sitemap_lists_every_public_dataset_in_both_languages_and_nothing_private(app, dataset):
    _call("package_create", name="t131041d0000000002", owner_org="t131041", private=True,
          title_translated={"ja": "非公開のデータ"}, notes_translated={"ja": "非公開"})
    _call("package_create", name="t131041d0000000003", owner_org="t131041", state="draft",
          title_translated={"ja": "下書きのデータ"}, notes_translated={"ja": "下書き"})
    _call("package_create", name="t131041d0000000004", owner_org="t131041",
          title_translated={"ja": "削除したデータ"}, notes_translated={"ja": "削除"})
    _call("package_delete", id="t131041d0000000004")
    _call("group_create", name="c005", title="医療・福祉")
    response = app.get("/sitemap.xml")
    assert response.headers["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.body.encode("utf-8"))
    locs = [el.text for el in root.iter(SITEMAP + "loc")]
    datasets = sorted(loc.split("/dataset/")[1] for loc in locs if "/dataset/" in loc and not loc.endswith("/dataset/"))
    assert datasets == ["t131041d0000000001", "t131041d0000000001"]  # ja and en
    assert any(loc.endswith("/en/dataset/t131041d0000000001") for loc in locs)
    assert any(loc.endswith("/group/c005") for loc in locs) and any(loc.endswith("/organization/t131041") for loc in locs)
    entry = next(url for url in root.iter(SITEMAP + "url") if url.find(SITEMAP + "loc").text.endswith(
        "/dataset/t131041d0000000001"))
    assert entry.find(SITEMAP + "lastmod").text == dataset["metadata_modified"][:10]
    assert {link.get("hreflang") for link in entry} >= {"ja", "en"}


def test_robots_txt_points_to_the_sitemap(app):
    text = app.get("/robots.txt").body
    assert re.search(r"^Sitemap: http\S+/sitemap\.xml$", text, re.M)
    assert "Disallow: /api/" in text and "Disallow: /*?" in text
