"""Harvesting a ward catalog's Turtle feed with ckanext-harvest and
ckanext-dcat's RDF harvester, parsed by our profile into the tokyo_schema
fields. The feed is served by a local HTTP server (no network)."""
import http.server
import pathlib
import threading

import pytest

import ckan.tests.factories as factories

from ckanext.dcat.harvesters.rdf import DCATRDFHarvester
from ckanext.harvest.tests.factories import HarvestJobObj, HarvestSourceObj
from ckanext.harvest.tests.lib import run_harvest_job

FEED = pathlib.Path(__file__).resolve().parents[1] / "data" / "ward-catalog.ttl"
PLUGINS = ("scheming_datasets scheming_organizations tokyo_schema dcat tokyo_dcat "
           "harvest dcat_rdf_harvester")
EU = "http://publications.europa.eu/resource/authority/"

pytestmark = [pytest.mark.ckan_config("ckan.plugins", PLUGINS),
              pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")]


@pytest.fixture
def clean_db(reset_db, migrate_db_for):
    """ckanext-harvest keeps its own tables: migrate them after the reset."""
    reset_db()
    migrate_db_for("harvest")


@pytest.fixture
def ward_feed(monkeypatch):
    body = FEED.read_bytes()

    class Handler(http.server.BaseHTTPRequestHandler):
        def _head(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/turtle; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()

        def do_HEAD(self):
            self._head()

        def do_GET(self):
            self._head()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/catalog.ttl"
    finally:
        server.shutdown()
        server.server_close()


def test_ward_catalog_is_harvested_into_the_tokyo_schema(ward_feed):
    org = factories.Organization(name="t131016", title="千代田区", title_en="Chiyoda City",
                                 local_government_code="131016")
    source = HarvestSourceObj(url=ward_feed, source_type="dcat_rdf", owner_org=org["id"])
    job = HarvestJobObj(source=source)

    results = run_harvest_job(job, DCATRDFHarvester())

    assert len(results) == 2
    for result in results.values():
        assert result["state"] == "COMPLETE", result["errors"]
    datasets = {r["dataset"]["name"]: r["dataset"] for r in results.values()}
    assert set(datasets) == {"t131016d0000000101", "t131016d0000000102"}

    aed = datasets["t131016d0000000101"]
    assert aed["owner_org"] == org["id"]
    assert aed["title_translated"] == {"ja": "千代田区AED設置箇所一覧", "en": "AED locations in Chiyoda City"}
    assert aed["title"] == "千代田区AED設置箇所一覧"
    assert aed["notes_translated"]["en"] == "AEDs in the city's facilities."
    assert sorted(aed["tags_translated"]["ja"]) == ["AED", "救急"]
    assert aed["maintainer"] == "千代田区保健所健康推進課"
    assert aed["category"] == ["c005"]
    assert EU + "data-theme/HEAL" in aed["theme"]
    assert aed["frequency"] == EU + "frequency/ANNUAL"
    assert aed["frequency_note"] == "年1回"
    assert (aed["issued"], aed["modified"]) == ("2023-04-01", "2026-04-01")
    assert aed["temporal_coverage"] == [{"start": "2025-04-01", "end": "2026-03-31"}]
    assert aed["spatial_coverage"] == [{"uri": "http://data.e-stat.go.jp/lod/sac/C13101", "text": "千代田区"}]
    assert aed["language"] == [EU + "language/JPN"]
    assert aed["conforms_to"] == ["legacy2020-01-aed"]
    assert aed["license_id"] == "PDL-1.0"
    [contact] = aed["contact"]
    assert contact == {"name": "千代田区保健所健康推進課", "email": "kenko@example.invalid",
                       "telephone": "03-5211-8161"}
    [res] = aed["resources"]
    assert res["url"] == "https://opendata.city.chiyoda.example/files/131016_aed.csv"
    assert res["name_translated"] == {"ja": "AED設置箇所一覧", "en": "AED locations"}
    assert (res["format"], res["encoding"], res["modified"]) == ("CSV", "Shift_JIS", "2026-04-01")
    assert int(res["size"]) == 4096
    assert res["conforms_to"] == ["legacy2020-01-aed"]

    events = datasets["t131016d0000000102"]
    assert events["license_id"] == "CC-BY-4.0"
    assert events["category"] == ["c023"]
    assert sorted(events["language"]) == [EU + "language/ENG", EU + "language/JPN"]
