"""Metadata quality (issue 16): the MQA score computed on save and on a
schedule, stored, faceted, shown on the dataset page with what to add,
summarised per organisation on /tokyo/quality, published as DQV; resource URLs
checked through the guarded client (broken links per organisation)."""
from __future__ import annotations

import pytest
import rdflib
from rdflib.namespace import RDF

import ckan.model as model
import ckan.tests.factories as factories
import ckan.tests.helpers as helpers

from ckanext.tokyo import scheduled
from ckanext.tokyo.quality import store
from ckanext.tokyo.quality.model import LinkCheck

from tests.integration import jena_shacl
from tests.integration.dcat_support import shacl
from tests.loopback_http import CountingServer

# As the catalog orders them: our plugins (their templates) before scheming.
PLUGINS = "tokyo_schema tokyo_validation tokyo_quality scheming_datasets scheming_organizations dcat tokyo_dcat"
DQV = rdflib.Namespace("http://www.w3.org/ns/dqv#")
TOKYO = rdflib.Namespace("urn:ckanext-tokyo:dcat#")

pytestmark = [
    pytest.mark.ckan_config("ckan.plugins", PLUGINS),
    pytest.mark.ckan_config("ckanext.tokyo.validation.allow_hosts", "127.0.0.1"),
    pytest.mark.ckan_config("ckanext.tokyo.validation.run_sync", "true"),
    pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index"),
]


@pytest.fixture
def clean_db(reset_db, migrate_db_for):
    reset_db()
    migrate_db_for("tokyo_validation")
    migrate_db_for("tokyo_quality")


@pytest.fixture
def site(monkeypatch):
    for var in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(var, "127.0.0.1")
    routes = {"/ok.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4"),
              "/gone.pdf": (404, {}, b"")}
    with CountingServer(routes) as server:
        yield server


def _dataset(org, name, **fields):
    base = dict(name=name, owner_org=org["id"], title_translated={"ja": "データ"},
                notes_translated={"ja": "説明"}, license_id="CC-BY-4.0")
    base.update(fields)
    return helpers.call_action("package_create", **base)


def test_score_on_save_stored_faceted_and_shown_with_what_to_add(app, site):
    org = factories.Organization(name="t131041", title="新宿区", local_government_code="131041")
    bare = _dataset(org, "t131041d0000000001", resources=[
        {"url": f"{site.url}/ok.pdf", "format": "PDF", "name_translated": {"ja": "PDF"}, "modified": "2026-04-01"}])
    stored = store.stored(bare["id"])
    assert stored and stored["score"] < 221 and stored["rating"] in ("bad", "sufficient")

    rich = _dataset(org, "t131041d0000000002", tags_translated={"ja": ["トイレ"]}, category=["c005"],
                    spatial_coverage=[{"uri": "131041"}], temporal_coverage=[{"start": "2025-04-01"}],
                    access_rights="http://publications.europa.eu/resource/authority/access-right/PUBLIC",
                    contact=[{"name": "みどり公園課", "email": "m@example.invalid"}],
                    issued="2024-04-01", modified="2026-03-31",
                    resources=[{"url": f"{site.url}/ok.pdf", "format": "CSV", "size": 10,
                                "name_translated": {"ja": "CSV"}, "modified": "2026-04-01"}])
    assert store.stored(rich["id"])["score"] > stored["score"]

    # faceted
    found = helpers.call_action("package_search", q="*:*", **{"facet.field": '["metadata_quality"]'})
    items = {i["name"]: i["count"] for i in found["search_facets"]["metadata_quality"]["items"]}
    assert sum(items.values()) == 2 and stored["rating"] in items
    # updating the dataset scores it again
    helpers.call_action("package_patch", id=bare["id"], tags_translated={"ja": ["追加"]})
    assert store.stored(bare["id"])["score"] == stored["score"] + 30

    page = app.get(f"/dataset/{bare['name']}").get_data(as_text=True)
    assert 'id="metadata-quality-score"' in page and "メタデータ品質" in page
    assert "カテゴリ" in page  # the largest missing gain: a category / data theme
    english = app.get(f"/en/dataset/{bare['name']}").get_data(as_text=True)
    assert "Metadata quality" in english and "What to add to gain points" in english
    assert "メタデータ品質" not in english


def test_links_checked_on_a_schedule_broken_ones_listed_per_organisation(app, site):
    org = factories.Organization(name="t131041", title="新宿区", local_government_code="131041")
    ds = _dataset(org, "t131041d0000000003", resources=[
        {"url": f"{site.url}/ok.pdf", "format": "PDF", "name_translated": {"ja": "ok"}, "modified": "2026-04-01"},
        {"url": f"{site.url}/gone.pdf", "format": "PDF", "name_translated": {"ja": "gone"},
         "modified": "2026-04-01"}])
    before = store.stored(ds["id"])["indicators"]["accessUrlStatusCode"]
    assert before == {"points": 0, "max": 50, "share": 0.0, "checked": False}

    lines = list(scheduled.run_round())  # what `ckan tokyo schedule` runs
    assert any(line.startswith("links: 2 checked, 1 broken") for line in lines), lines
    checks = {c.url.rsplit("/", 1)[-1]: c for c in model.Session.query(LinkCheck)}
    assert checks["ok.pdf"].ok and not checks["gone.pdf"].ok and "404" in checks["gone.pdf"].error
    after = store.stored(ds["id"])["indicators"]["accessUrlStatusCode"]
    assert after["points"] == 25 and after["checked"]

    summary = store.summary()
    [row] = summary["organizations"]
    assert (row["name"], row["datasets"], row["broken"]) == ("t131041", 1, 1)
    assert [b["url"] for b in summary["broken"]] == [f"{site.url}/gone.pdf"]
    page = app.get("/tokyo/quality").get_data(as_text=True)
    assert 'id="metadata-quality-organizations"' in page and "gone.pdf" in page
    # a second round checks nothing (not due), the next week again
    assert any(line.startswith("links: 0 checked") for line in scheduled.run_round())


def test_links_to_private_addresses_are_not_fetched(site, ckan_config, monkeypatch):
    monkeypatch.setitem(ckan_config, "ckanext.tokyo.validation.allow_hosts", "")
    org = factories.Organization(name="t131041", title="新宿区", local_government_code="131041")
    _dataset(org, "t131041d0000000004", resources=[
        {"url": f"{site.url}/ok.pdf", "format": "PDF", "name_translated": {"ja": "x"}, "modified": "2026-04-01"}])
    checked, broken = store.check_due_links()
    assert (checked, broken) == (1, 1) and site.requests == []
    [check] = model.Session.query(LinkCheck)
    assert "refused" in check.error


def test_score_is_published_as_dqv_measurements(app, site):
    org = factories.Organization(name="t131041", title="新宿区", local_government_code="131041")
    ds = _dataset(org, "t131041d0000000005", resources=[
        {"url": f"{site.url}/ok.pdf", "format": "PDF", "name_translated": {"ja": "x"}, "modified": "2026-04-01"}])
    for url in (f"/dataset/{ds['name']}.ttl", "/catalog.ttl"):
        g = rdflib.Graph().parse(data=app.get(url).get_data(as_text=True), format="turtle")
        [ref] = g.subjects(RDF.type, rdflib.URIRef("http://www.w3.org/ns/dcat#Dataset"))
        values = {g.value(m, DQV.isMeasurementOf): int(g.value(m, DQV.value))
                  for m in g.objects(ref, DQV.hasQualityMeasurement)}
        assert values[TOKYO.scorePoints] == store.stored(ds["id"])["score"]
        assert (TOKYO.scorePoints, RDF.type, DQV.Metric) in g
        if url.startswith("/dataset/"):  # a catalog page keeps to the total
            assert len(values) == 6
            assert g.value(TOKYO.findabilityPoints, DQV.inDimension) == rdflib.URIRef(
                "https://piveau.eu/ns/voc#findability")
        else:
            assert len(values) == 1
        assert shacl(g)["Violation"] == []
    documents = {url: app.get(url).get_data(as_text=True) for url in (f"/dataset/{ds['name']}.ttl", "/catalog.ttl")}
    assert all(found["violations"] == 0 for found in jena_shacl.validate(documents).values())
