"""A save decides what to validate from the session (resources.as_saved),
not from a second package_show (issue 12: the import with validation on
costs about the same as without it). What it reads must be what package_show
gives, field for field, or a later save would queue runs for nothing: the
stored fingerprint comes from one, the next save compares with the other.

Against the real stack, with tokyo_schema (conforms_to at both levels, as
scheming stores it) and Tokyo's own records (tests/data/tokyo_catalog_sample.jsonl)."""
import io
import pathlib

import pytest

import ckan.model as model
import ckan.tests.helpers as helpers
from ckan.cli.cli import ckan

from ckanext.tokyo.catalog_validation import resources
from ckanext.tokyo.catalog_validation.model import ResourceValidation

from tests.integration.validation_support import FakeFileStorage, clean_csv, site_context, upload

SAMPLE = pathlib.Path(__file__).resolve().parents[1] / "data" / "tokyo_catalog_sample.jsonl"

pytestmark = [
    pytest.mark.ckan_config("ckan.plugins",
                            "activity tokyo_schema tokyo_validation scheming_datasets scheming_organizations"),
    pytest.mark.usefixtures("with_plugins", "validation_db", "clean_queues", "cli_plugin_tables"),
]


@pytest.fixture
def validation_db(with_plugins, clean_db, clean_index, migrate_db_for):
    migrate_db_for("activity")
    migrate_db_for("tokyo_validation")


def _what_runs_read(package, shown_resources):
    return [(r["id"], resources.eligible(r), resources.fingerprint(r, package), resources.declared_schema(r, package))
            for r in shown_resources]


def _assert_save_reads_what_show_gives(package_id):
    model.Session.remove()
    shown = helpers.call_action("package_show", id=package_id)
    package, saved = resources.as_saved(package_id)
    assert _what_runs_read(package, saved) == _what_runs_read(shown, shown["resources"])


def test_imported_records_are_read_as_package_show_gives_them(cli):
    result = cli.invoke(ckan, ["tokyo", "import", str(SAMPLE)])
    assert "7 created" in result.output, result.output
    ids = [d["id"] for d in helpers.call_action("package_search", q="*:*", rows=10)["results"]]
    assert len(ids) == 7
    for package_id in ids:
        _assert_save_reads_what_show_gives(package_id)
    # and the import queued each eligible resource once, with that fingerprint
    rows = model.Session.query(ResourceValidation).all()
    assert rows and all(r.status == "pending" for r in rows)
    for row in rows:
        resource = helpers.call_action("resource_show", id=row.resource_id)
        package = helpers.call_action("package_show", id=row.package_id)
        assert row.fingerprint == resources.fingerprint(resource, package)


def test_uploads_standards_and_file_details_are_read_as_package_show_gives_them(cli):
    cli.invoke(ckan, ["tokyo", "import", str(SAMPLE)])
    dataset = helpers.call_action("package_search", q="*:*", rows=1)["results"][0]
    # an upload (its URL is built by the show), a standard on the resource and
    # on the dataset, a size and a last-modified time
    helpers.call_action("package_patch", site_context(), id=dataset["id"],
                        conforms_to=["current-13-public-toilet"])
    required = {"modified": "2026-11-01", "name_translated": {"ja": "表", "en": "Table"}}
    upload(dataset["id"], clean_csv(), "131041_public_toilet.csv", conforms_to=["current-13-public-toilet"],
           last_modified="2026-11-01T09:30:00", size=1234, **required)
    other = upload(dataset["id"], b"a,b\n1,2\n", "other table.csv", **required)
    _assert_save_reads_what_show_gives(dataset["id"])

    # a save that changes nothing the runs depend on queues nothing
    rows = {r.resource_id: r.job_id for r in model.Session.query(ResourceValidation)}
    current = helpers.call_action("package_show", id=dataset["id"])
    current["notes"] = current.get("notes", "") + "。"
    helpers.call_action("package_update", site_context(), **current)
    model.Session.remove()
    assert {r.resource_id: r.job_id for r in model.Session.query(ResourceValidation)} == rows

    # a new file does
    helpers.call_action("resource_patch", site_context(), id=other["id"], url="new.csv",
                        upload=FakeFileStorage(io.BytesIO(b"a,b\n3,4\n"), "new.csv"))
    model.Session.remove()
    after = {r.resource_id: r.job_id for r in model.Session.query(ResourceValidation)}
    assert [rid for rid in after if after[rid] != rows.get(rid)] == [other["id"]]
    _assert_save_reads_what_show_gives(dataset["id"])
