"""Categories as pages: one CKAN group per category (`ckan tokyo categories
sync`), every category IRI the DCAT feed writes answers with that page, the
pages list the datasets of their category, /group and /organization are
directories, and `ckan tokyo categories check` compares the code list with a
catalog's groups."""
import json
import re
import urllib.parse

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT

import ckan.tests.helpers as helpers
from ckan.cli.cli import ckan

from ckanext.tokyo import site_user
from ckanext.tokyo.base import codelists, identifiers
from ckanext.tokyo.metadata import categories

from tests.integration.site_data import bureau
from tests.loopback_http import CountingServer

pytestmark = [
    pytest.mark.ckan_config(
        "ckan.plugins", "scheming_datasets scheming_organizations tokyo_schema dcat tokyo_dcat"),
    pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index"),
]
CODES = [c.code for c in codelists.categories()]


def _dataset(name, codes, owner="t000003", **extra):
    return helpers.call_action(
        "package_create", context=site_user.context(), name=name, owner_org=owner,
        title_translated={"ja": f"データ {name}", "en": f"Data {name}"},
        notes_translated={"ja": "説明です。"}, category=codes, **extra)


def test_sync_makes_one_page_per_category_and_changes_nothing_the_second_time():
    result = categories.sync(site_user.context())
    assert sorted(result.created) == sorted(CODES) and not result.updated
    c029 = helpers.call_action("group_show", id="c029")
    assert (c029["title"], c029["description"]) == ("行財政", "都政、財政、統計などに関するデータ")

    helpers.call_action("group_patch", context=site_user.context(), id="c029", title="旧名称")
    helpers.call_action("group_create", context=site_user.context(), name="c099", title="他のカタログの分類")
    again = categories.sync(site_user.context())
    assert again.created == [] and again.updated == ["c029"] and again.unknown == ["c099"]
    assert helpers.call_action("group_show", id="c029")["title"] == "行財政"
    assert categories.sync(site_user.context()).unchanged == CODES


def test_every_category_iri_of_the_dcat_feed_is_a_page_listing_the_dataset(app, ckan_config):
    categories.sync(site_user.context())
    bureau()
    _dataset("t000003d0000000001", CODES)
    graph = Graph().parse(data=app.get("/dataset/t000003d0000000001.ttl").body, format="turtle")
    site = ckan_config["ckan.site_url"].rstrip("/")
    themes = sorted(str(o) for o in graph.objects(None, DCAT.theme) if str(o).startswith(site))
    assert themes == sorted(codelists.category_uri(site, code) for code in CODES)
    for iri in themes:
        path = iri[len(site):]
        cat = codelists.category(codelists.category_of(iri))
        ja, en = app.get(path), app.get("/en" + path)
        assert ja.status_code == en.status_code == 200, iri
        assert cat.ja in ja.body and "データ t000003d0000000001" in ja.body
        assert cat.en in en.body and "Data t000003d0000000001" in en.body and cat.ja not in en.body
    # the concept scheme of the categories is the list of them
    scheme = codelists.category_scheme_uri(site)
    assert (None, DCAT.themeTaxonomy, URIRef(scheme)) in Graph().parse(
        data=app.get("/catalog.ttl").body, format="turtle")
    assert app.get(scheme[len(site):]).status_code == 200


def test_a_category_page_lists_what_the_category_field_says(app):
    categories.sync(site_user.context())
    bureau()
    _dataset("t000003d0000000001", ["c029"])
    _dataset("t000003d0000000002", ["c005"])
    names = re.findall(r'href="/dataset/(t000003d\d+)"', app.get("/group/c029").body)
    assert set(names) == {"t000003d0000000001"}
    helpers.call_action("package_patch", context=site_user.context(), id="t000003d0000000002",
                        category=["c005", "c029"])
    names = re.findall(r'href="/dataset/(t000003d\d+)"', app.get("/group/c029").body)
    assert set(names) == {"t000003d0000000001", "t000003d0000000002"}
    counts = {g["name"]: g["package_count"] for g in helpers.call_action("group_list", all_fields=True)}
    assert counts["c029"] == 2 and counts["c005"] == 1 and counts["c001"] == 0


def test_group_list_puts_todays_categories_first_in_the_pages_language(app):
    categories.sync(site_user.context())
    body = app.get("/group").body
    headings = re.findall(r'<h2 id="category-section-\d">([^<]+)</h2>', body)
    assert len(headings) == 2
    order = [m for m in re.findall(r'<h2 class="media-heading">([^<]+)</h2>', body)]
    current = [c.ja for c in codelists.categories() if c.confirmed]
    assert order[:len(current)] == current and order[len(current)] == "防災・災害計画"
    en = app.get("/en/group").body
    assert "Health and welfare" in en and "医療・福祉" not in en and "Categories of the 2021-22 catalog" in en


def test_organization_list_is_a_directory_of_bureaus_and_municipalities(app):
    bureau("t000029", title="デジタルサービス局", title_en="Digital Service Bureau")
    bureau()
    for name, title, title_en in (("t132012", "八王子市", "Hachioji City"), ("t131041", "新宿区", "Shinjuku City"),
                                  ("t131016", "千代田区", "Chiyoda City"), ("t133035", "瑞穂町", "Mizuho Town")):
        lg = identifiers.tokyo_local_government(name[1:])
        helpers.call_action("organization_create", context=site_user.context(), name=name, title=title,
                            title_en=title_en, local_government_code=lg.code, corporate_number=lg.corporate_number)
    _dataset("t131041d0000000001", ["c005"], owner="t131041")

    def listing(body):
        main = body[body.index('tokyo-organization-section'):]
        return re.findall(r'<h[23][^>]*>([^<]+)</h[23]>|organization/(t\d+)">([^<]+)</a>', main)

    items = [h or f"{name}:{title}" for h, name, title in listing(app.get("/organization").body)]
    assert items == ["東京都の局", "t000003:総務局", "t000029:デジタルサービス局",
                     "区市町村", "特別区", "t131016:千代田区", "t131041:新宿区",
                     "市", "t132012:八王子市", "町村", "t133035:瑞穂町"]
    en = [h or title for h, _, title in listing(app.get("/en/organization").body)]
    assert en[:3] == ["Bureaus of the Tokyo Metropolitan Government", "Bureau of General Affairs",
                      "Digital Service Bureau"] and "Mizuho Town" in en
    # a search still lists the matches
    assert "t131041" in app.get("/organization?q=新宿").body


@pytest.fixture
def catalog_groups(loopback_direct):
    """A CKAN site answering group_list like Tokyo's catalog, with one new
    category and one renamed."""
    groups = [{"name": c.code, "title": c.ja} for c in codelists.categories() if c.confirmed]
    groups += [{"name": "c030", "title": "新しい分類"}, {"name": "c001", "title": "防災"}]

    def handler(method, path, body):
        if urllib.parse.urlsplit(path).path.endswith("/group_list"):
            return 200, {"Content-Type": "application/json"}, json.dumps(
                {"success": True, "result": groups}).encode()
        return 404, {}, b"{}"

    with CountingServer(handler=handler) as server:
        yield server.url


@pytest.mark.usefixtures("cli_plugin_tables")
def test_check_reports_how_a_catalogs_groups_differ(cli, catalog_groups):
    result = cli.invoke(ckan, ["tokyo", "categories", "check", catalog_groups])
    assert result.exit_code == 1, result.output
    assert f"c001: 名称が違う / another name: {catalog_groups}「防災」, code list「防災・災害計画」" in result.output
    assert f"c030: 一覧にない / not in the code list: {catalog_groups}「新しい分類」, code list「」" in result.output
    assert "5 groups read, 2 differences" in result.output
