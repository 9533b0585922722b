"""tokyo_datastore against the real PostgreSQL DataStore (issue 14): a
validated CP932 standard file is loaded with the standard's column types, an
invalid one is kept out and the report page says why, private tables stay
private on datastore_search and datastore_search_sql, and the same bytes are
never loaded twice. Validation runs in the request (run_sync); the loads are
queued in Redis and run by RQ's in-process worker."""
from __future__ import annotations

import pytest

import ckan.model as model
import ckan.plugins.toolkit as tk
import ckan.tests.factories as factories
import ckan.tests.helpers as helpers

from ckanext.tokyo.catalog_datastore import jobs
from ckanext.tokyo.catalog_datastore.model import ResourceLoad

from tests.integration.datastore_support import (  # noqa: F401
    PLUGINS,
    datastore_db,
    preschool_cp932,
    run_queued_jobs,
    toilet_csv,
)
from tests.integration.validation_support import BAD_CSV, upload

pytestmark = [
    pytest.mark.ckan_config("ckan.plugins", PLUGINS),
    pytest.mark.ckan_config("ckanext.tokyo.validation.run_sync", "true"),
    pytest.mark.usefixtures("with_plugins", "datastore_db"),
]


@pytest.fixture
def orgs():
    editor, other_editor = factories.User(), factories.User()
    org = factories.Organization(users=[{"name": editor["name"], "capacity": "editor"}])
    other = factories.Organization(users=[{"name": other_editor["name"], "capacity": "editor"}])
    return {"editor": editor, "other_editor": other_editor, "org": org, "other": other}


def _as(user):
    return {"user": user["name"] if user else None, "ignore_auth": False}


def _load(resource_id):
    model.Session.remove()
    return ResourceLoad.get(resource_id)


def _fields(resource_id):
    info = helpers.call_action("datastore_info", id=resource_id)
    return {f["id"]: f["type"] for f in info["fields"] if not f["id"].startswith("_")}


def test_cp932_standard_file_loads_typed(orgs):
    dataset = factories.Dataset(owner_org=orgs["org"]["id"])
    resource = upload(dataset["id"], preschool_cp932(), "preschool.csv", conforms_to="current-05-preschool")
    # Its only error is the encoding the standard asks to change to UTF-8, which loading repairs.
    run = helpers.call_action("resource_validation_show", resource_id=resource["id"])
    assert run["status"] == "failure" and run["report"]["stats"]["by_code"] == {"tokyo/encoding-not-utf8": 1}
    assert run_queued_jobs() >= 1

    load = _load(resource["id"])
    assert load.status == "loaded", (load.reason, load.detail)
    assert load.encoding in ("Shift_JIS", "CP932") and load.schema == "current-05-preschool" and load.rows == 3
    fields = _fields(resource["id"])
    assert fields["全国地方公共団体コード"] == "text" and fields["ID"] == "text" and fields["郵便番号"] == "text"
    assert fields["認可等年月日"] == "date" and fields["開始時間"] == "time"
    assert fields["緯度"] == "numeric" and fields["経度"] == "numeric"

    found = helpers.call_action("datastore_search", resource_id=resource["id"], sort="_id")
    first = found["records"][0]
    assert first["ID"] == "000001" and first["全国地方公共団体コード"] == "131041"
    assert first["名称"] == "新宿区立西新宿保育園"  # decoded from CP932, no mojibake
    assert first["認可等年月日"].startswith("2020-04-01")
    assert float(first["緯度"]) == pytest.approx(35.69095)
    assert found["records"][2]["収容定員"] is None or found["records"][2]["収容定員"] == ""
    sql = helpers.call_action("datastore_search_sql", sql=(
        f'SELECT "ID" FROM "{resource["id"]}" WHERE "認可等年月日" < DATE \'2010-01-01\' ORDER BY "ID"'))
    assert [r["ID"] for r in sql["records"]] == ["000002", "000010"]

    shown = helpers.call_action("resource_show", id=resource["id"])
    assert shown["datastore_active"] is True
    views = {v["view_type"] for v in helpers.call_action("resource_view_list", id=resource["id"])}
    assert views == {"datatables_view", "tokyo_map_view"}


def test_same_bytes_are_not_loaded_twice_and_a_new_version_is(orgs):
    dataset = factories.Dataset(owner_org=orgs["org"]["id"])
    resource = upload(dataset["id"], toilet_csv(), "131041_public_toilet.csv")
    run_queued_jobs()
    first = _load(resource["id"])
    assert first.status == "loaded" and first.rows == 3
    finished = first.finished

    tk.get_action("resource_validation_run")({"user": orgs["editor"]["name"]}, {"resource_id": resource["id"],
                                                                                 "async": False})
    run_queued_jobs()
    again = _load(resource["id"])
    assert again.status == "loaded" and again.detail == "unchanged" and again.sha256 == first.sha256
    assert again.finished > finished

    shorter = b"\n".join(toilet_csv().splitlines()[:3]) + b"\n"
    helpers.call_action("resource_patch", _as(orgs["editor"]), id=resource["id"],
                        upload=__import__("tests.integration.validation_support", fromlist=["FakeFileStorage"])
                        .FakeFileStorage(__import__("io").BytesIO(shorter), "131041_public_toilet.csv"))
    run_queued_jobs()
    third = _load(resource["id"])
    assert third.status == "loaded" and third.rows == 2 and third.sha256 != first.sha256
    assert helpers.call_action("datastore_search", resource_id=resource["id"])["total"] == 2


def test_invalid_file_is_not_loaded_and_the_report_says_why(orgs, app):
    dataset = factories.Dataset(owner_org=orgs["org"]["id"])
    resource = upload(dataset["id"], BAD_CSV, "nursery_sjis.csv")
    assert helpers.call_action("resource_show", id=resource["id"])["validation_status"] == "failure"
    run_queued_jobs()

    load = _load(resource["id"])
    assert load.status == "not_loaded" and load.reason == "validation-failure"
    assert not helpers.call_action("resource_show", id=resource["id"]).get("datastore_active")
    with pytest.raises(tk.ObjectNotFound):
        helpers.call_action("datastore_search", resource_id=resource["id"])

    page = app.get(f"/en/dataset/{dataset['name']}/resource/{resource['id']}/validation").body
    assert 'data-datastore-reason="validation-failure"' in page
    assert "Not loaded: the validation found" in page
    ja = app.get(f"/dataset/{dataset['name']}/resource/{resource['id']}/validation").body
    assert "検証でエラーが" in ja and "Not loaded" not in ja


@pytest.mark.ckan_config("ckanext.tokyo.datastore.load_invalid", "true")
def test_operator_may_load_invalid_files(orgs):
    dataset = factories.Dataset(owner_org=orgs["org"]["id"])
    resource = upload(dataset["id"], BAD_CSV, "nursery_sjis.csv")
    run_queued_jobs()
    load = _load(resource["id"])
    assert load.status == "loaded" and load.rows == 4
    values = [r["開設日"] for r in helpers.call_action("datastore_search", resource_id=resource["id"],
                                                        sort="_id")["records"]]
    assert "令和2年4月1日" in values  # the wareki date made the column text: nothing lost
    column = next(c for c in load.columns if c["id"] == "開設日")
    assert column["type"] == "text" and column["declared"] == "date" and column["mismatch"]["row"] == 4


def test_private_table_is_refused_to_others(orgs):
    dataset = factories.Dataset(owner_org=orgs["org"]["id"], private=True)
    resource = upload(dataset["id"], toilet_csv(), "131041_public_toilet.csv")
    run_queued_jobs()
    assert _load(resource["id"]).status == "loaded"
    sql = f'SELECT "名称" FROM "{resource["id"]}"'

    member = tk.get_action("datastore_search")(_as(orgs["editor"]), {"resource_id": resource["id"]})
    assert member["total"] == 3
    assert len(tk.get_action("datastore_search_sql")(_as(orgs["editor"]), {"sql": sql})["records"]) == 3
    for outsider in (None, orgs["other_editor"]):
        with pytest.raises(tk.NotAuthorized):
            tk.get_action("datastore_search")(_as(outsider), {"resource_id": resource["id"]})
        with pytest.raises(tk.NotAuthorized):
            tk.get_action("datastore_search_sql")(_as(outsider), {"sql": sql})
        with pytest.raises(tk.NotAuthorized):
            tk.get_action("tokyo_datastore_load_show")(_as(outsider), {"resource_id": resource["id"]})


@pytest.mark.ckan_config("ckanext.tokyo.datastore.max_rows", "2")
def test_too_many_rows_and_unparseable_files_leave_nothing(orgs):
    dataset = factories.Dataset(owner_org=orgs["org"]["id"])
    resource = upload(dataset["id"], toilet_csv(), "131041_public_toilet.csv")
    run_queued_jobs()
    load = _load(resource["id"])
    assert load.status == "not_loaded" and load.reason == "too-many-rows" and load.detail == "2"
    with pytest.raises(tk.ObjectNotFound):
        helpers.call_action("datastore_info", id=resource["id"])
    assert jobs.run_load(resource["id"]) == "not_loaded"
