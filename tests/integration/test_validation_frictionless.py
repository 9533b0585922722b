"""resource_validation_show in frictionless's report shape (issue 17 item 5),
on the real PostgreSQL, Solr and storage: ckanext-validation's keys, a
report frictionless reads back, the richer shape unchanged by default."""
from __future__ import annotations

import frictionless
import pytest

import ckan.tests.factories as factories
import ckan.tests.helpers as helpers

from tests.integration.validation_support import BAD_CSV, PLANTED, site_context, upload

pytestmark = [
    pytest.mark.ckan_config("ckan.plugins", "activity tokyo_validation"),
    pytest.mark.ckan_config("ckanext.tokyo.validation.run_sync", "true"),
    pytest.mark.usefixtures("with_plugins", "validation_db"),
]
CKANEXT_VALIDATION_KEYS = {"id", "resource_id", "status", "created", "finished", "error", "report"}


@pytest.fixture
def validation_db(with_plugins, clean_db, clean_index, migrate_db_for):
    migrate_db_for("activity")
    migrate_db_for("tokyo_validation")


def test_frictionless_shape_beside_the_richer_one(app):
    dataset = factories.Dataset(owner_org=factories.Organization()["id"])
    resource = upload(dataset["id"], BAD_CSV, "hoikuen.csv")

    richer = helpers.call_action("resource_validation_show", resource_id=resource["id"])
    assert {"findings", "groups", "stats"} <= set(richer["report"])

    shown = helpers.call_action("resource_validation_show", resource_id=resource["id"], shape="frictionless")
    assert set(shown) == CKANEXT_VALIDATION_KEYS
    assert (shown["id"], shown["resource_id"], shown["status"], shown["error"]) == (
        resource["id"], resource["id"], "failure", None)
    assert shown["created"] and shown["finished"]
    report = frictionless.Report.from_descriptor(shown["report"])
    assert not report.valid and report.stats["tasks"] == 1
    [task] = report.tasks
    assert task.labels == ["名称", "電話番号", "開設日", "定員", "市区町村コード"]
    errors = task.errors
    assert report.stats["errors"] == task.stats["errors"] >= len(errors) > 0
    found = {(e.to_descriptor()["x-tokyo"]["code"], e.to_descriptor().get("rowNumber"), e.to_descriptor().get("fieldName"))
             for e in errors}
    assert PLANTED <= found
    cell = next(e for e in errors if e.to_descriptor()["x-tokyo"]["code"] == "tokyo/wareki-date")
    assert (cell.type, cell.field_number, cell.cell) == ("constraint-error", 3, "令和2年4月1日")
    assert "和暦" in cell.message

    # The same through the API, in English.
    api = app.get("/api/3/action/resource_validation_show",
                  query_string={"resource_id": resource["id"], "shape": "frictionless", "lang": "en"}).json
    english = api["result"]["report"]["tasks"][0]["errors"]
    assert any("Japanese era" in e["message"] for e in english)
    assert app.get("/api/3/action/resource_validation_show", status=409,
                   query_string={"resource_id": resource["id"], "shape": "goodtables"}).json["success"] is False


def test_a_run_that_could_not_read_the_file_is_an_error_with_its_message():
    dataset = factories.Dataset(owner_org=factories.Organization()["id"])
    resource = helpers.call_action("resource_create", site_context(), package_id=dataset["id"], format="CSV",
                                   url="http://127.0.0.1:9/unreachable.csv")
    shown = helpers.call_action("resource_validation_show", resource_id=resource["id"], shape="frictionless")
    assert shown["status"] == "error" and shown["error"]["message"]
    assert shown["report"] is None
