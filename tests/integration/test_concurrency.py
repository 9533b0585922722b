"""Issue 11 item 3: 20 uploads at once to one dataset, three times, through a
live CKAN (the threaded web server, its own process) while two `ckan jobs
worker` processes validate: every run ends, and the search index says what
the validation table says, resource by resource (0 stale statuses; before,
6 of 60 stayed running/pending and the facet showed 検証中 for good)."""
from __future__ import annotations

import concurrent.futures
import json
import os
import signal
import subprocess
import time
import urllib.request

import pytest
import requests

import ckan.model as model
import ckan.tests.factories as factories
import ckan.tests.helpers as helpers

from ckanext.tokyo.catalog_validation import jobs
from ckanext.tokyo.catalog_validation.model import ResourceValidation
from ckanext.tokyo.catalog_validation.statuses import FINAL

from tests.integration.validation_support import (
    BAD_CSV,
    CKAN,
    ckan_command,
    clean_csv,
    derived_ini,
    start_worker,
    wait_for,
)

PLUGINS = "activity tokyo_validation"
UPLOADS, ROUNDS = 20, 3

pytestmark = [
    pytest.mark.ckan_config("ckan.plugins", PLUGINS),
    pytest.mark.usefixtures("with_plugins", "validation_db", "clean_queues"),
]


@pytest.fixture
def validation_db(with_plugins, clean_db, clean_index, migrate_db_for):
    migrate_db_for("activity")
    migrate_db_for("tokyo_validation")


@pytest.fixture
def live(tmp_path, ckan_config):
    """The web server and two workers on the test database, Solr and Redis."""
    from ckan.common import config

    ini = derived_ini(tmp_path, ckan_config["__file__"], **{"ckan.plugins": PLUGINS})
    port = int(config["ckan.devserver.port"]) + 1  # beside the browser tests' live server
    url = f"http://127.0.0.1:{port}"
    log = open(tmp_path / "web.log", "ab")
    web = subprocess.Popen([str(CKAN), "-c", ini, "run", "--host", "127.0.0.1", "--port", str(port),
                            "--disable-reloader", "--threaded"], stdout=log, stderr=subprocess.STDOUT,
                           start_new_session=True)
    workers = [start_worker(ini, tmp_path / f"worker{n}.log") for n in range(2)]
    try:
        def answering():
            try:
                return urllib.request.urlopen(url + "/api/3/action/status_show", timeout=5).status == 200
            except OSError:
                assert web.poll() is None, (tmp_path / "web.log").read_text()[-3000:]
                return False
        wait_for(answering, 120, every=0.5)
        yield url, ini
    finally:
        for process in [web, *workers]:
            os.killpg(process.pid, signal.SIGTERM)
        for process in [web, *workers]:
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        log.close()


def _indexed_statuses(package_id: str) -> dict:
    """resource id → status in the index's stored copy of the dataset."""
    from ckan.lib.search import query_for

    found = query_for(model.Package).run({"q": "*:*", "fq": f'+id:"{package_id}"', "fl": "id,validated_data_dict"},
                                         permission_labels=None)
    [doc] = found["results"]
    return {r["id"]: r.get("validation_status") for r in json.loads(doc["validated_data_dict"])["resources"]}


def _table_statuses(package_id: str) -> dict:
    model.Session.remove()
    rows = (model.Session.query(ResourceValidation.resource_id, ResourceValidation.status)
            .join(model.Resource, model.Resource.id == ResourceValidation.resource_id)
            .filter(model.Resource.package_id == package_id, model.Resource.state == "active"))
    return dict(rows)


def test_20_parallel_uploads_three_times_leave_no_stale_status(live):
    url, ini = live
    user = factories.Sysadmin()
    token = helpers.call_action("api_token_create", user=user["name"], name="uploads")["token"]
    dataset = factories.Dataset(owner_org=factories.Organization()["id"])
    model.Session.commit()

    def create(n: int) -> int:
        data = BAD_CSV if n % 3 == 0 else clean_csv()
        answer = requests.post(f"{url}/api/3/action/resource_create", timeout=120,
                               headers={"Authorization": token},
                               data={"package_id": dataset["id"], "name": f"file {n}", "format": "CSV",
                                     "url": f"file{n}.csv"},
                               files={"upload": (f"file{n}.csv", data, "text/csv")})
        return answer.status_code

    answers = []
    with concurrent.futures.ThreadPoolExecutor(UPLOADS) as pool:
        for round_ in range(ROUNDS):
            answers += pool.map(create, range(round_ * UPLOADS, (round_ + 1) * UPLOADS))
    assert answers.count(200) == UPLOADS * ROUNDS, answers

    def settled():
        statuses = _table_statuses(dataset["id"])
        return statuses and all(s in FINAL for s in statuses.values()) and statuses
    table = wait_for(settled, 600, every=1)
    assert len(table) >= UPLOADS  # concurrent package_updates of CKAN may drop resources; none are stale
    time.sleep(2)  # Solr's soft commit (1 s)

    indexed = _indexed_statuses(dataset["id"])
    stale = {rid: (indexed.get(rid), status) for rid, status in table.items() if indexed.get(rid) != status}
    assert stale == {}
    shown = {r["id"]: r["validation_status"] for r in helpers.call_action("package_show", id=dataset["id"])["resources"]}
    assert shown == table
    in_flight = helpers.call_action("package_search", fq="validation_status:(pending OR running)",
                                    include_private=True)["count"]
    assert in_flight == 0 and list(jobs.drifted()) == []
    result = ckan_command(ini, "tokyo", "validate", "--pending")
    assert "reindexed 0 dataset(s)" in result.stdout, result.stdout + result.stderr
