"""Harvesting as operators run it (issue 16) and its hardening (issue 11):
ckanext-harvest's scheduler (`harvest_jobs_run`, what `ckan tokyo schedule`
calls), its gather and fetch queues on the real Redis, our two harvesters
against loopback sources (a DCAT feed, a CKAN Action API), deletion sync,
job history, errors per object; hostile feeds refused within bounds; who may
create harvest sources."""
from __future__ import annotations

import datetime as dt
import json
import pathlib
import resource
import time

import pytest
import rdflib
from rdflib.namespace import DCAT

import ckan.model as model
import ckan.tests.factories as factories
import ckan.tests.helpers as helpers

from ckanext.harvest import queue
from ckanext.harvest.model import HarvestSource

from tests import hostile_feeds
from tests.integration.test_importer import FakeCKAN
from tests.loopback_http import CountingServer

FEED = pathlib.Path(__file__).resolve().parents[1] / "data" / "ward-catalog.ttl"
PLUGINS = ("scheming_datasets scheming_organizations tokyo_schema tokyo_validation dcat tokyo_dcat "
           "harvest tokyo_harvest tokyo_dcat_harvester tokyo_ckan_harvester")
TURTLE = {"Content-Type": "text/turtle; charset=utf-8"}

pytestmark = [
    pytest.mark.ckan_config("ckan.plugins", PLUGINS),
    pytest.mark.ckan_config("ckan.harvest.mq.type", "redis"),
    pytest.mark.ckan_config("ckanext.tokyo.harvest.allow_hosts", "127.0.0.1"),
    pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index", "empty_queues"),
]


@pytest.fixture
def clean_db(reset_db, migrate_db_for):
    """ckanext-harvest and tokyo_validation keep their own tables."""
    reset_db()
    migrate_db_for("harvest")
    migrate_db_for("tokyo_validation")


@pytest.fixture
def empty_queues():
    for consumer in (queue.get_gather_consumer(), queue.get_fetch_consumer()):
        consumer.queue_purge()
    yield


@pytest.fixture
def loopback_direct(monkeypatch):
    for var in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(var, "127.0.0.1")


def sysadmin_context():
    return {"user": factories.Sysadmin()["name"], "ignore_auth": False}


def scheduler_round():
    """What `ckan tokyo schedule` does for harvesting, once."""
    helpers.call_action("harvest_jobs_run", context={"ignore_auth": True})


def work_the_queues():
    """The gather and fetch consumers' work, in this process, from Redis."""
    gather, fetch = queue.get_gather_consumer(), queue.get_fetch_consumer()
    busy = True
    while busy:
        busy = False
        for consumer, name, callback in ((gather, queue.get_gather_queue_name(), queue.gather_callback),
                                         (fetch, queue.get_fetch_queue_name(), queue.fetch_callback)):
            method, _, body = consumer.basic_get(name)
            if body:
                busy = True
                callback(consumer, method, None, body)


def harvest_round():
    scheduler_round()     # due sources get a job, sent to the gather queue
    work_the_queues()     # gather, fetch, import
    scheduler_round()     # the finished job is closed


def make_due(source_id: str):
    """The schedule moves on: the source's next run is now."""
    source = HarvestSource.get(source_id)
    source.next_run = dt.datetime.utcnow() - dt.timedelta(minutes=1)
    source.save()


def create_source(url: str, source_type: str, org_id: str, frequency: str = "DAILY") -> dict:
    return helpers.call_action("harvest_source_create", context=sysadmin_context(),
                               name=f"src-{source_type}", url=url, source_type=source_type,
                               title=source_type, frequency=frequency, owner_org=org_id)


def jobs_of(source_id: str) -> list[dict]:
    return helpers.call_action("harvest_job_list", source_id=source_id)


def object_errors(job_id: str) -> list[str]:
    report = helpers.call_action("harvest_job_report", id=job_id)
    return [e["message"] for errors in report["object_errors"].values() for e in errors["errors"]]


def _feed_without(graph_text: str, dataset_iri: str) -> str:
    g = rdflib.Graph().parse(data=graph_text, format="turtle")
    ref = rdflib.URIRef(dataset_iri)
    g.remove((None, DCAT.dataset, ref))
    g.remove((ref, None, None))
    return g.serialize(format="turtle")


BROKEN = """
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
<https://opendata.city.chiyoda.example/catalog> dcat:dataset <https://opendata.city.chiyoda.example/dataset/broken> .
<https://opendata.city.chiyoda.example/dataset/broken> a dcat:Dataset ;
    dct:identifier "broken-1" ; dct:title "説明のないデータセット"@ja .
"""


def test_dcat_feed_on_a_schedule_with_history_deletion_and_errors_per_object(loopback_direct):
    feed = FEED.read_text(encoding="utf-8")
    routes = {"/catalog.ttl": (200, TURTLE, (feed + BROKEN).encode())}
    org = factories.Organization(name="t131016", title="千代田区", local_government_code="131016")
    with CountingServer(routes) as server:
        source = create_source(f"{server.url}/catalog.ttl", "tokyo_dcat", org["id"])

        harvest_round()
        [job] = jobs_of(source["id"])
        assert job["status"] == "Finished"
        assert job["stats"]["added"] == 2 and job["stats"]["errored"] == 1, job["stats"]
        [error] = object_errors(job["id"])
        assert "validation" in error.lower() and "Notes translated" in error
        aed = helpers.call_action("package_show", id="t131016d0000000101")
        assert aed["owner_org"] == org["id"] and aed["frequency_note"] == "年1回"
        # harvested tables are queued for validation like uploads
        assert aed["resources"][0]["validation_status"] in ("pending", "running", "success", "failure")

        scheduler_round()  # not due yet: no new job
        assert len(jobs_of(source["id"])) == 1

        routes["/catalog.ttl"] = (200, TURTLE, _feed_without(
            feed, "https://opendata.city.chiyoda.example/dataset/events").encode())
        make_due(source["id"])
        harvest_round()
        jobs = jobs_of(source["id"])
        assert len(jobs) == 2 and all(j["status"] == "Finished" for j in jobs)
        assert helpers.call_action("package_show", id="t131016d0000000102")["state"] == "deleted"
        assert helpers.call_action("package_show", id="t131016d0000000101")["state"] == "active"
        latest = max(jobs, key=lambda j: j["created"])
        assert latest["stats"]["deleted"] == 1, latest["stats"]


def test_ckan_site_on_a_schedule_with_the_importers_mapping_and_deletion(loopback_direct):
    site = FakeCKAN()
    org = factories.Organization(name="tokyo-harvest", title="東京都")
    with CountingServer(handler=site) as server:
        source = create_source(server.url, "tokyo_ckan", org["id"], frequency="WEEKLY")
        harvest_round()
        [job] = jobs_of(source["id"])
        assert job["status"] == "Finished" and job["stats"]["added"] == len(site.records), job["stats"]
        pop = helpers.call_action("package_show", id="t000003d0000000011")
        assert pop["frequency"].endswith("/ANNUAL") and pop["category"] == ["c001", "c029"]
        bureau = helpers.call_action("organization_show", id="t000029")
        assert bureau["corporate_number"] == "8000020130001"
        assert pop["organization"]["name"] == "t000003"

        gone = site.records.pop(0)["name"]
        make_due(source["id"])
        harvest_round()
        assert helpers.call_action("package_show", id=gone)["state"] == "deleted"
        latest = max(jobs_of(source["id"]), key=lambda j: j["created"])
        assert latest["stats"]["deleted"] == 1 and latest["status"] == "Finished"


def test_a_broken_source_is_an_error_of_its_job_and_deletes_nothing(loopback_direct):
    org = factories.Organization(name="t131016", title="千代田区", local_government_code="131016")
    routes = {"/catalog.ttl": (200, TURTLE, FEED.read_bytes())}
    with CountingServer(routes) as server:
        source = create_source(f"{server.url}/catalog.ttl", "tokyo_dcat", org["id"])
        harvest_round()
        routes["/catalog.ttl"] = (500, {}, b"down")
        make_due(source["id"])
        harvest_round()
    latest = max(jobs_of(source["id"]), key=lambda j: j["created"])
    report = helpers.call_action("harvest_job_report", id=latest["id"])
    assert any("HTTP 500" in e for e in report["gather_errors"][0]["message"].splitlines()), report
    assert latest["status"] == "Finished"
    assert helpers.call_action("package_show", id="t131016d0000000102")["state"] == "active"


# ---------------------------------------------------------------- hardening (issue 11 item 5)

@pytest.mark.ckan_config("ckanext.tokyo.harvest.parse_seconds", "20")
@pytest.mark.ckan_config("ckanext.tokyo.harvest.parse_memory_mb", "512")
@pytest.mark.parametrize("name", sorted(hostile_feeds.FEEDS))
def test_hostile_feeds_are_refused_within_bounds_and_the_source_is_not_blocked(name, loopback_direct):
    media, make, expected = hostile_feeds.FEEDS[name]
    context_hits = CountingServer()  # what a remote @context would reach
    body = make() if "context" not in name else make().replace(
        b"169.254.169.254/latest/meta-data/", f"127.0.0.1:{context_hits.port}/ctx".encode()).replace(
        b"127.0.0.1:1/ctx.jsonld", f"127.0.0.1:{context_hits.port}/ctx".encode())
    org = factories.Organization(name="t131016", title="千代田区", local_government_code="131016")
    with context_hits, CountingServer({"/feed": (200, {"Content-Type": media}, body)}) as server:
        source = create_source(f"{server.url}/feed", "tokyo_dcat", org["id"])
        cpu = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime + resource.getrusage(
            resource.RUSAGE_SELF).ru_utime
        started = time.monotonic()
        harvest_round()
        elapsed = time.monotonic() - started
        cpu = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime + resource.getrusage(
            resource.RUSAGE_SELF).ru_utime - cpu
    [job] = jobs_of(source["id"])
    assert job["status"] == "Finished", job  # the source is not left Running
    report = helpers.call_action("harvest_job_report", id=job["id"])
    messages = " ".join(e["message"] for e in report["gather_errors"])
    assert "refused" in messages or "stopped" in messages or "limit" in messages, messages
    assert context_hits.requests == []  # no request reached the @context URL
    assert elapsed < 60 and cpu < 40, (elapsed, cpu)  # parse bounds are 20 s / 512 MB here
    assert helpers.call_action("package_search", q="*:*")["count"] == 0


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/catalog.ttl",
                                 "file:///etc/passwd", "/etc/passwd"])
def test_feed_urls_to_private_addresses_or_files_are_refused_without_connecting(url, ckan_config, monkeypatch):
    monkeypatch.setitem(ckan_config, "ckanext.tokyo.harvest.allow_hosts", "")
    org = factories.Organization(name="t131016", title="千代田区", local_government_code="131016")
    try:
        source = create_source(url, "tokyo_dcat", org["id"])
    except helpers.logic.ValidationError:
        return  # refused at the door (ckanext-harvest's URL check)
    harvest_round()
    [job] = jobs_of(source["id"])
    report = helpers.call_action("harvest_job_report", id=job["id"])
    messages = " ".join(e["message"] for e in report["gather_errors"])
    assert "refused" in messages or "not allowed" in messages, messages


def test_only_sysadmins_create_or_change_harvest_sources(app, ckan_config, monkeypatch):
    org = factories.Organization(name="t131016", title="千代田区", local_government_code="131016")
    editor = factories.User()
    helpers.call_action("organization_member_create", id=org["id"], username=editor["name"], role="editor")
    data = {"name": "src-editor", "url": "http://127.0.0.1:9/x.ttl", "source_type": "tokyo_dcat",
            "title": "x", "owner_org": org["id"]}
    context = {"user": editor["name"], "ignore_auth": False}
    with pytest.raises(helpers.logic.NotAuthorized):
        helpers.call_action("harvest_source_create", context=dict(context), **data)
    with pytest.raises(helpers.logic.NotAuthorized):
        helpers.call_action("package_create", context=dict(context), type="harvest", **data)
    source = helpers.call_action("harvest_source_create", context=sysadmin_context(), **data)
    with pytest.raises(helpers.logic.NotAuthorized):
        helpers.call_action("harvest_source_patch", context=dict(context), id=source["id"], url="http://x/")
    with pytest.raises(helpers.logic.NotAuthorized):
        helpers.call_action("package_patch", context=dict(context), id=source["id"], url="http://x/")
    # configurable: off, ckanext-harvest's own rule (editors of the organisation) applies
    monkeypatch.setitem(ckan_config, "ckanext.tokyo.harvest.sources_sysadmin_only", "false")
    helpers.call_action("harvest_source_create", context=dict(context), **dict(data, name="src-editor-2"))
    assert model.Package.get("src-editor-2").type == "harvest"


def test_municipal_source_list_covers_every_local_government_and_syncs(loopback_direct, tmp_path):
    from ckanext.tokyo.base import identifiers
    from ckanext.tokyo.harvest import sources

    rows = sources.read()
    assert [r.lg_code for r in rows] == [lg.code for lg in identifiers.tokyo_local_governments()]
    assert len(rows) == 63 and all(not r.enabled for r in rows)
    listed = tmp_path / "sources.csv"
    listed.write_text("lg_code,name,type,url,frequency,enabled,note\n"
                      "131016,千代田区,tokyo_dcat,http://127.0.0.1:9/catalog.ttl,WEEKLY,yes,test\n"
                      "131024,中央区,,,WEEKLY,no,unknown\n", encoding="utf-8")
    report = sources.sync(sources.read(str(listed)))
    assert (report.created, report.disabled) == (["131016"], ["131024"])
    shown = helpers.call_action("harvest_source_show", id="harvest-131016")
    assert shown["source_type"] == "tokyo_dcat" and shown["frequency"] == "WEEKLY"
    assert helpers.call_action("organization_show", id="t131016")["corporate_number"] == "8000020131016"
    assert sources.sync(sources.read(str(listed))).updated == ["131016"]
    bad = tmp_path / "bad.csv"
    bad.write_text("lg_code,name,type,url,frequency,enabled,note\n999999,x,,,WEEKLY,no,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        sources.read(str(bad))
    assert json.loads(json.dumps(shown))  # a plain dict


def test_an_idle_consumer_keeps_waiting_past_redis_py_read_timeout():
    # redis-py 8 (CKAN 2.12) reads with a 5 s timeout: an idle gather or fetch
    # consumer raised TimeoutError in BLPOP and stopped.
    connection = queue.get_gather_consumer().redis
    started = time.monotonic()
    assert connection.blpop(["tokyo-test-idle-queue"], timeout=7) is None
    assert time.monotonic() - started >= 6.5
