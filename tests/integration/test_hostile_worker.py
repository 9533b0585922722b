"""A representative subset of the hostile corpus (tests/hostile_corpus.py)
through the real `ckan jobs worker`: a file of every class as an upload, and
slow, endless and redirecting feeds as linked resources, validated with the
corpus's small limits. Every run ends in a terminal status within twice its
limit (the whole corpus runs through the core in tests/unit)."""
from __future__ import annotations

import contextlib

import pytest

import ckan.tests.factories as factories

from ckanext.tokyo.catalog_validation.statuses import FINAL

from tests.hostile_corpus import UNIT_LIMITS, FeedServer, feed, files
from tests.integration.validation_support import derived_ini, start_worker, status_row, upload

PLUGINS = "activity tokyo_validation"
FETCH_TIMEOUT = 2
FEEDS = ["trickle-headers", "trickle-body", "stall-after-headers", "endless-body", "gzip-bomb", "to-0-302", "loop"]

pytestmark = [
    pytest.mark.ckan_config("ckan.plugins", PLUGINS),
    pytest.mark.usefixtures("with_plugins", "validation_db", "clean_queues"),
]


@pytest.fixture
def validation_db(with_plugins, clean_db, clean_index, migrate_db_for):
    migrate_db_for("activity")
    migrate_db_for("tokyo_validation")


def _one_of_each_class():
    seen = {}
    for case in files():
        seen.setdefault(case.klass, case)
    return list(seen.values())


def test_a_case_of_every_class_ends_in_a_terminal_status_within_its_bounds(tmp_path, ckan_config, monkeypatch):
    limits = {f"ckanext.tokyo.validation.{k}": str(int(v)) for k, v in UNIT_LIMITS.items()}
    limits["ckanext.tokyo.validation.fetch_timeout"] = str(FETCH_TIMEOUT)
    dataset = factories.Dataset(owner_org=factories.Organization()["id"])
    with contextlib.ExitStack() as stack:
        servers = {name: stack.enter_context(FeedServer(feed(name, every=0.5))) for name in FEEDS}
        allow = " ".join(f"127.0.0.1:{s.port}" for s in servers.values())
        monkeypatch.setitem(ckan_config, "ckanext.tokyo.validation.max_bytes", limits["ckanext.tokyo.validation.max_bytes"])
        runs = {case.klass + "/" + case.name: upload(dataset["id"], case.data(), "hostile" + case.suffix)["id"]
                for case in _one_of_each_class()}
        runs.update({f"feed/{name}": factories.Resource(package_id=dataset["id"], url=server.url, format="CSV")["id"]
                     for name, server in servers.items()})
        ini = derived_ini(tmp_path, ckan_config["__file__"], **{
            "ckan.plugins": PLUGINS, "ckanext.tokyo.validation.allow_hosts": allow, **limits})
        worker = start_worker(ini, tmp_path / "worker.log", burst=True)
        assert worker.wait(600) == 0, (tmp_path / "worker.log").read_text()[-3000:]
    problems = {}
    for name, resource_id in runs.items():
        row = status_row(resource_id)
        limit = FETCH_TIMEOUT if name.startswith("feed/") else UNIT_LIMITS["timeout"]
        took = (row.finished - row.started).total_seconds() if row.finished and row.started else None
        if row.status not in FINAL or took is None or took > 2 * limit:
            problems[name] = (row.status, took, row.reason)
    assert len(runs) >= 20 and problems == {}
