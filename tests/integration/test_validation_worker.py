"""tokyo_validation on CKAN's background jobs: real Redis, real `ckan jobs
worker` processes (on the test config with tokyo_validation alone), Redis
down at save time, and a worker killed in the middle of a job."""
from __future__ import annotations

import http.server
import os
import signal
import subprocess
import threading

import pytest

import ckan.lib.jobs as bg_jobs
import ckan.lib.redis as ckan_redis
import ckan.tests.factories as factories
import ckan.tests.helpers as helpers

from tests import plugin_tables
from tests.integration.validation_support import (
    BAD_CSV,
    PLANTED,
    CountingServer,
    ckan_command,
    clean_csv,
    derived_ini,
    site_context,
    start_worker,
    status_row,
    upload,
    wait_for,
)

PLUGINS = "activity tokyo_validation"

pytestmark = [
    pytest.mark.ckan_config("ckan.plugins", PLUGINS),
    pytest.mark.usefixtures("with_plugins", "validation_db", "clean_queues"),
]


@pytest.fixture
def validation_db(with_plugins, clean_db, clean_index, migrate_db_for, ckan_config):
    migrate_db_for("activity")
    migrate_db_for("tokyo_validation")
    # worker processes built from the ini load its plugins (harvest's tables)
    plugin_tables.migrate_for_ini(ckan_config["__file__"])


@pytest.fixture
def worker_ini(tmp_path, ckan_config):
    return derived_ini(tmp_path, ckan_config["__file__"], **{"ckan.plugins": PLUGINS})


@pytest.fixture
def dataset():
    return factories.Dataset(owner_org=factories.Organization()["id"], private=True)


def _status(resource_id):
    row = status_row(resource_id)
    return row.status if row else None


def test_upload_is_queued_and_the_worker_validates_it(dataset, worker_ini, tmp_path):
    good = upload(dataset["id"], clean_csv(), "toilet.csv")
    bad = upload(dataset["id"], BAD_CSV, "bad.csv")
    assert helpers.call_action("resource_show", id=good["id"])["validation_status"] == "pending"
    assert bg_jobs.job_from_id(status_row(good["id"]).job_id)  # on the RQ queue

    worker = start_worker(worker_ini, tmp_path / "worker.log", burst=True)
    assert worker.wait(120) == 0, (tmp_path / "worker.log").read_text()
    assert _status(good["id"]) == "success"
    assert _status(bad["id"]) == "failure"
    report = helpers.call_action("resource_validation_show", resource_id=bad["id"])["report"]
    assert PLANTED <= {(f["code"], f["row"], f["field"]) for f in report["findings"]}
    # the last run of the dataset reindexed it (Solr's soft commit: within a second)
    found = wait_for(lambda: helpers.call_action("package_search", fq="validation_status:failure",
                                                 include_private=True)["count"], timeout=10)
    assert found == 1


def test_dataset_saved_with_its_resources_is_queued_and_validated(worker_ini, tmp_path, ckan_config, monkeypatch):
    # package_create with linked tables (API clients, harvesters): pending at
    # once, on the queue, then validated by the worker
    with CountingServer({"/clean.csv": (200, {"Content-Type": "text/csv"}, clean_csv()),
                         "/bad.csv": (200, {"Content-Type": "text/csv"}, BAD_CSV)}) as server:
        allow = f"127.0.0.1:{server.port}"
        monkeypatch.setitem(ckan_config, "ckanext.tokyo.validation.allow_hosts", allow)
        created = helpers.call_action("package_create", site_context(), name="harvested",
                                      owner_org=factories.Organization()["id"],
                                      resources=[{"url": f"{server.url}/clean.csv", "format": "CSV"},
                                                 {"url": f"{server.url}/bad.csv", "format": "CSV"}])
        clean, bad = (r["id"] for r in created["resources"])
        shown = helpers.call_action("package_show", id=created["id"])["resources"]
        assert [r["validation_status"] for r in shown] == ["pending", "pending"]
        assert bg_jobs.job_from_id(status_row(clean).job_id) and bg_jobs.job_from_id(status_row(bad).job_id)
        assert server.requests == []  # nothing fetched in the request

        ini = derived_ini(tmp_path, ckan_config["__file__"],
                          **{"ckan.plugins": PLUGINS, "ckanext.tokyo.validation.allow_hosts": allow})
        worker = start_worker(ini, tmp_path / "worker.log", burst=True)
        assert worker.wait(120) == 0, (tmp_path / "worker.log").read_text()
    assert (_status(clean), _status(bad)) == ("success", "failure")
    assert helpers.call_action("resource_show", id=bad)["validation_status"] == "failure"

    # package_update with a new URL: pending again, on the queue
    current = helpers.call_action("package_show", id=created["id"])
    current["resources"][0]["url"] = "https://example.org/new.csv"
    helpers.call_action("package_update", site_context(), **current)
    assert _status(clean) == "pending" and _status(bad) == "failure"
    assert bg_jobs.job_from_id(status_row(clean).job_id)


def test_save_succeeds_when_redis_is_down_and_pending_is_picked_up(dataset, worker_ini, tmp_path,
                                                                    ckan_config, monkeypatch):
    # Nothing listens on loopback port 1: the queue is unreachable.
    monkeypatch.setitem(ckan_config, "ckan.redis.url", "redis://127.0.0.1:1/0")
    monkeypatch.setattr(ckan_redis, "_connection_pool", None)
    monkeypatch.setattr(bg_jobs, "_queues", {})
    resource = upload(dataset["id"], clean_csv(), "toilet.csv")
    assert helpers.call_action("resource_show", id=resource["id"])["validation_status"] == "pending"
    assert "queue unavailable" in status_row(resource["id"]).reason
    monkeypatch.undo()
    ckan_redis._connection_pool = None
    bg_jobs._queues.clear()

    result = ckan_command(worker_ini, "tokyo", "validate", "--pending")
    assert result.returncode == 0, result.stderr
    assert "re-queued 1 pending run(s)" in result.stdout
    worker = start_worker(worker_ini, tmp_path / "worker.log", burst=True)
    assert worker.wait(120) == 0
    assert _status(resource["id"]) == "success"


class _Stalling(http.server.BaseHTTPRequestHandler):
    """Sends the headers and a first line, then stalls until released."""
    started = threading.Event()
    release = threading.Event()

    def do_GET(self):  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.write("名称,電話番号\n".encode())
        self.wfile.flush()
        type(self).started.set()
        type(self).release.wait(60)

    def log_message(self, *args):
        pass


def test_killed_worker_ends_in_error_not_running(dataset, ckan_config, tmp_path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Stalling)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    ini = derived_ini(tmp_path, ckan_config["__file__"], **{
        "ckan.plugins": PLUGINS, "ckanext.tokyo.validation.allow_hosts": f"127.0.0.1:{port}"})
    try:
        resource = factories.Resource(package_id=dataset["id"], format="CSV",
                                      url=f"http://127.0.0.1:{port}/slow.csv")
        worker = start_worker(ini, tmp_path / "worker.log")
        try:
            assert _Stalling.started.wait(60), (tmp_path / "worker.log").read_text()
            wait_for(lambda: _status(resource["id"]) == "running", 30)
        finally:
            # the worker and its work horse (rq 1 puts the horse in a session of its own)
            subprocess.run(["pkill", "-KILL", "-f", ini], check=False)
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(30)
        assert _status(resource["id"]) == "running"  # nobody is left to finish it

        result = ckan_command(ini, "tokyo", "validate", "--pending")
        assert result.returncode == 0, result.stderr
        assert "recovered 1 stuck run(s) as error" in result.stdout
        row = status_row(resource["id"])
        assert row.status == "error"
        assert "died during the job" in row.reason or "is gone" in row.reason
        assert helpers.call_action("resource_show", id=resource["id"])["validation_status"] == "error"
    finally:
        _Stalling.release.set()
        server.shutdown()
        server.server_close()
