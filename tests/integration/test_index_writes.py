"""Index writes per saved dataset (issue 12 item 1), counted by Solr itself
(its metrics API): one write and at most one commit per save whatever the
number of resources, one write (and no commit) from the validation jobs of
a dataset, and a bulk import (`ckan tokyo import --bulk`) that writes each
dataset once with a single commit and queues its validation afterwards."""
import pathlib

import pytest

import ckan.lib.jobs as bg_jobs
import ckan.model as model
import ckan.tests.factories as factories
import ckan.tests.helpers as helpers
from ckan.cli.cli import ckan

from ckanext.tokyo.catalog_validation.model import ResourceValidation

from tests.integration.validation_support import (
    CountingServer,
    clean_csv,
    derived_ini,
    site_context,
    solr_updates,
    start_worker,
)

SAMPLE = pathlib.Path(__file__).resolve().parents[1] / "data" / "tokyo_catalog_sample.jsonl"
PLUGINS = "activity tokyo_validation"


@pytest.fixture
def validation_db(with_plugins, clean_db, clean_index, migrate_db_for):
    migrate_db_for("activity")
    migrate_db_for("tokyo_validation")


@pytest.mark.ckan_config("ckan.plugins", PLUGINS)
@pytest.mark.usefixtures("with_plugins", "validation_db", "clean_queues")
def test_a_dataset_of_eight_files_is_written_once_and_once_more_by_its_runs(tmp_path, ckan_config, monkeypatch):
    with CountingServer({f"/{n}.csv": (200, {"Content-Type": "text/csv"}, clean_csv()) for n in range(8)}) as server:
        allow = f"127.0.0.1:{server.port}"
        monkeypatch.setitem(ckan_config, "ckanext.tokyo.validation.allow_hosts", allow)
        before = solr_updates()
        dataset = helpers.call_action("package_create", site_context(), name="eight",
                                      owner_org=factories.Organization()["id"],
                                      resources=[{"url": f"{server.url}/{n}.csv", "format": "CSV"} for n in range(8)])
        saved = solr_updates()
        # one write and one commit, on 2.11 too (stock 2.11 writes twice:
        # compat.index_once_per_commit); tokyo_validation adds none of its own
        assert saved["adds"] - before["adds"] == 1 and saved["commits"] - before["commits"] <= 1

        ini = derived_ini(tmp_path, ckan_config["__file__"], **{"ckan.plugins": PLUGINS,
                                                                 "ckanext.tokyo.validation.allow_hosts": allow})
        worker = start_worker(ini, tmp_path / "worker.log", burst=True)
        assert worker.wait(180) == 0, (tmp_path / "worker.log").read_text()
    validated = solr_updates()
    assert {r["validation_status"] for r in helpers.call_action("package_show", id=dataset["id"])["resources"]} \
        == {"success"}
    assert validated["adds"] - saved["adds"] == 1  # the last of its eight runs
    assert validated["commits"] == saved["commits"]  # Solr's soft commit makes it visible


@pytest.mark.ckan_config("ckan.plugins", "activity tokyo_schema tokyo_validation scheming_datasets scheming_organizations")
@pytest.mark.usefixtures("with_plugins", "validation_db", "clean_queues", "cli_plugin_tables")
def test_bulk_import_writes_each_dataset_once_with_one_commit_and_then_queues_its_runs(cli):
    before = solr_updates()
    result = cli.invoke(ckan, ["tokyo", "import", "--bulk", str(SAMPLE)])
    assert "7 created, 0 updated, 0 unchanged, 0 failed" in result.output, result.output
    after = solr_updates()
    # one commit request at the end (pysolr sends it in the URL and the body:
    # Solr counts two); the import without --bulk commits once a dataset
    assert after["adds"] - before["adds"] == 7 and after["commits"] - before["commits"] <= 2
    assert helpers.call_action("package_search", q="*:*")["count"] == 7
    rows = model.Session.query(ResourceValidation).all()
    assert rows and all(r.status == "pending" for r in rows)
    queued = [bg_jobs.job_from_id(r.job_id) for r in rows]
    assert all(job.origin.endswith(":default") for job in queued)  # the bulk queue, behind editors
