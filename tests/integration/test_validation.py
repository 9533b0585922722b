"""tokyo_validation in the catalog (issue 6), against the real PostgreSQL,
Solr and storage; jobs run in the request (run_sync). The worker, Redis and
the dead-worker recovery are in test_validation_worker.py.

Plugins: tokyo_validation alone (plus activity), so this also shows it works
without tokyo_schema."""
from __future__ import annotations

import io
import json

import pytest

import ckan.model as model
import ckan.plugins.toolkit as tk
import ckan.tests.factories as factories
import ckan.tests.helpers as helpers

from ckanext.tokyo.catalog_validation import jobs
from ckanext.tokyo.catalog_validation.model import ResourceValidation

from tests.integration.validation_support import (
    BAD_CSV,
    PLANTED,
    CountingServer,
    FakeFileStorage,
    clean_csv,
    site_context,
    status_row,
    upload,
)

pytestmark = [
    pytest.mark.ckan_config("ckan.plugins", "activity tokyo_validation"),
    pytest.mark.ckan_config("ckanext.tokyo.validation.run_sync", "true"),
    pytest.mark.usefixtures("with_plugins", "validation_db"),
]


@pytest.fixture
def validation_db(with_plugins, clean_db, clean_index, migrate_db_for):
    migrate_db_for("activity")
    migrate_db_for("tokyo_validation")


@pytest.fixture
def orgs():
    editor, member, other_editor = factories.User(), factories.User(), factories.User()
    org = factories.Organization(users=[{"name": editor["name"], "capacity": "editor"},
                                        {"name": member["name"], "capacity": "member"}])
    other = factories.Organization(users=[{"name": other_editor["name"], "capacity": "editor"}])
    return {"editor": editor, "member": member, "other_editor": other_editor, "org": org, "other": other}


def _as(user):
    return {"user": user["name"] if user else None, "ignore_auth": False}


def test_clean_standard_file_is_success_and_indexed(orgs):
    dataset = factories.Dataset(owner_org=orgs["org"]["id"])
    resource = upload(dataset["id"], clean_csv(), "131041_public_toilet.csv")

    shown = helpers.call_action("resource_show", id=resource["id"])
    assert shown["validation_status"] == "success"
    assert shown["validation_timestamp"]

    result = tk.get_action("resource_validation_show")(_as(None), {"resource_id": resource["id"]})
    assert result["status"] == "success"
    report = result["report"]
    assert set(report) == {"valid", "encoding", "schema", "findings", "groups", "stats", "context"}
    assert report["valid"] is True and report["schema"] == "current-13-public-toilet"
    assert {"code", "severity", "row", "field", "message", "message_en"} <= set(report["findings"][0])

    found = helpers.call_action("package_search", fq="validation_status:success",
                                **{"facet.field": json.dumps(["validation_status"])})
    assert [d["id"] for d in found["results"]] == [dataset["id"]]
    assert found["search_facets"]["validation_status"]["items"][0]["name"] == "success"


def test_cp932_defects_in_private_dataset_fail_and_stay_private(orgs, app):
    dataset = factories.Dataset(owner_org=orgs["org"]["id"], private=True)
    resource = upload(dataset["id"], BAD_CSV, "nursery_sjis.csv")

    assert helpers.call_action("resource_show", id=resource["id"])["validation_status"] == "failure"
    result = tk.get_action("resource_validation_show")(_as(orgs["member"]), {"resource_id": resource["id"]})
    assert result["status"] == "failure"
    report = result["report"]
    assert report["valid"] is False and report["encoding"] in ("Shift_JIS", "CP932")
    found = {(f["code"], f["row"], f["field"]) for f in report["findings"]}
    assert PLANTED <= found
    assert "tokyo/encoding-not-utf8" in {f["code"] for f in report["findings"]}

    # anonymous and other organisations: refused, through the action and the page
    for user in (None, orgs["other_editor"]):
        with pytest.raises(tk.NotAuthorized):
            tk.get_action("resource_validation_show")(_as(user), {"resource_id": resource["id"]})
    page = f"/dataset/{dataset['name']}/resource/{resource['id']}/validation"
    app.get(page, status=403)
    app.get(page, headers=_auth(orgs["other_editor"]), status=403)
    api = app.get("/api/3/action/resource_validation_show", query_string={"resource_id": resource["id"]},
                  status=403)
    assert api.json["success"] is False

    # the report carries the offending value and the fix hint apart
    wareki = next(f for f in report["findings"] if f["code"] == "tokyo/wareki-date")
    assert wareki["value"] == "令和2年4月1日" and wareki["hint"].startswith("西暦のYYYY-MM-DD形式")
    assert wareki["message"].endswith(wareki["hint"])
    phone = next(f for f in report["findings"] if f["code"] == "tokyo/phone-format" and f["row"] == 5)
    assert phone["value"] == "<script>alert(1)</script>"
    encoding = next(f for f in report["findings"] if f["code"] == "tokyo/encoding-not-utf8")
    assert (encoding["row"], encoding["field"], encoding["value"]) == (None, None, None)

    # the member sees the report page: grouped by rule, the findings' values
    # and hints, escaped
    body = app.get(page, headers=_auth(orgs["member"])).body
    assert 'data-code="tokyo/wareki-date"' in body and "<code>令和2年4月1日</code>" in body
    assert "<script>alert(1)</script>" not in body
    assert "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>" in body
    assert f'<p class="tokyo-validation-hint">修正方法: {encoding["hint"]}</p>' in body


def _auth(user):
    token = helpers.call_action("api_token_create", user=user["name"], name="t")["token"]
    return {"Authorization": token}


def test_only_editors_of_the_organisation_may_run_or_delete(orgs):
    dataset = factories.Dataset(owner_org=orgs["org"]["id"])
    resource = upload(dataset["id"], clean_csv(), "toilet.csv")
    for user in (None, orgs["member"], orgs["other_editor"]):
        for action in ("resource_validation_run", "resource_validation_delete"):
            with pytest.raises(tk.NotAuthorized):
                tk.get_action(action)(_as(user), {"resource_id": resource["id"]})
    out = tk.get_action("resource_validation_run")(_as(orgs["editor"]), {"resource_id": resource["id"]})
    assert out["status"] == "success"
    tk.get_action("resource_validation_delete")(_as(orgs["editor"]), {"resource_id": resource["id"]})
    assert "validation_status" not in helpers.call_action("resource_show", id=resource["id"])
    with pytest.raises(tk.ObjectNotFound):
        helpers.call_action("resource_validation_show", resource_id=resource["id"])


def test_status_belongs_to_the_server_and_saves_do_not_loop(orgs):
    dataset = factories.Dataset(owner_org=orgs["org"]["id"])
    resource = upload(dataset["id"], BAD_CSV, "bad.csv", validation_status="success")
    assert helpers.call_action("resource_show", id=resource["id"])["validation_status"] == "failure"
    first = status_row(resource["id"])

    # a metadata edit keeps the status and does not validate again
    helpers.call_action("resource_patch", site_context(), id=resource["id"], description="説明",
                        validation_status="success")
    shown = helpers.call_action("resource_show", id=resource["id"])
    assert shown["validation_status"] == "failure"
    assert status_row(resource["id"]).job_id == first.job_id

    # a new file does
    helpers.call_action("resource_patch", site_context(), id=resource["id"], url="toilet.csv",
                        upload=FakeFileStorage(io.BytesIO(clean_csv()), "toilet.csv"))
    assert helpers.call_action("resource_show", id=resource["id"])["validation_status"] == "success"
    assert status_row(resource["id"]).job_id != first.job_id


# Datasets saved with their resources (API clients, harvesters): package_create,
# package_update and package_patch fire no resource hooks.


@pytest.fixture
def enqueued(monkeypatch):
    """The resource ids jobs.enqueue was called for, in order."""
    calls = []
    real = jobs.enqueue

    def spy(resource, *args, **kwargs):
        calls.append(resource["id"])
        return real(resource, *args, **kwargs)

    monkeypatch.setattr(jobs, "enqueue", spy)
    return calls


@pytest.fixture
def table_server(ckan_config, monkeypatch):
    """A loopback server with a clean and a defective table, exempt from the guard."""
    with CountingServer({"/clean.csv": (200, {"Content-Type": "text/csv"}, clean_csv()),
                         "/bad.csv": (200, {"Content-Type": "text/csv"}, BAD_CSV)}) as server:
        monkeypatch.setitem(ckan_config, "ckanext.tokyo.validation.allow_hosts", f"127.0.0.1:{server.port}")
        yield server


def test_package_create_with_resources_validates_them_like_a_harvester(orgs, table_server, enqueued):
    # what ckanext-dcat's harvester sends: the dataset and its resources in one
    # call, by the site user, with whatever fields the source had
    dataset = helpers.call_action("package_create", site_context(), name="harvested", owner_org=orgs["org"]["id"],
                                  resources=[{"url": f"{table_server.url}/bad.csv", "format": "CSV",
                                              "validation_status": "success", "validation_timestamp": "2000-01-01"},
                                             {"url": f"{table_server.url}/clean.csv", "format": "CSV"},
                                             {"url": "https://example.org/a.pdf", "format": "PDF",
                                              "validation_status": "success"}])
    bad, clean, pdf = (r["id"] for r in dataset["resources"])
    assert enqueued == [bad, clean]  # once each, the PDF never
    assert sorted(table_server.requests) == ["/bad.csv", "/clean.csv"]
    shown = {r["id"]: r for r in helpers.call_action("package_show", id=dataset["id"])["resources"]}
    assert shown[bad]["validation_status"] == "failure"  # not what the source claimed
    assert shown[bad]["validation_timestamp"] > "2026"
    assert shown[clean]["validation_status"] == "success"
    assert "validation_status" not in shown[pdf] and "validation_timestamp" not in shown[pdf]
    report = helpers.call_action("resource_validation_show", resource_id=bad)["report"]
    assert PLANTED <= {(f["code"], f["row"], f["field"]) for f in report["findings"]}
    found = helpers.call_action("package_search", fq="validation_status:failure")
    assert [d["id"] for d in found["results"]] == [dataset["id"]]


def test_package_update_queues_only_what_changed(orgs, table_server, enqueued):
    dataset = helpers.call_action("package_create", site_context(), name="updated", owner_org=orgs["org"]["id"],
                                  resources=[{"url": f"{table_server.url}/clean.csv", "format": "CSV"},
                                             {"url": f"{table_server.url}/bad.csv", "format": "CSV"}])
    clean, bad = (r["id"] for r in dataset["resources"])
    first = {rid: status_row(rid).job_id for rid in (clean, bad)}
    del enqueued[:]

    # metadata only, as API clients do it (package_show, edit, package_update),
    # even claiming a status: nothing is queued, the server's status stays
    current = helpers.call_action("package_show", id=dataset["id"])
    current["notes"] = "説明を追加"
    current["resources"][1]["description"] = "説明"
    current["resources"][1]["validation_status"] = "success"
    helpers.call_action("package_update", site_context(), **current)
    helpers.call_action("package_patch", site_context(), id=dataset["id"], title="新しい題名")
    assert enqueued == []
    assert {rid: status_row(rid).job_id for rid in (clean, bad)} == first
    shown = helpers.call_action("package_show", id=dataset["id"])["resources"]
    assert [r["validation_status"] for r in shown] == ["success", "failure"]

    # a new URL for one resource: that one is validated again
    current = helpers.call_action("package_show", id=dataset["id"])
    current["resources"][0]["url"] = f"{table_server.url}/bad.csv"
    helpers.call_action("package_update", site_context(), **current)
    assert enqueued == [clean]
    assert status_row(clean).job_id != first[clean] and status_row(bad).job_id == first[bad]
    assert helpers.call_action("resource_show", id=clean)["validation_status"] == "failure"

    # package_patch with the resources, a new file uploaded for one of them
    resources = helpers.call_action("package_show", id=dataset["id"])["resources"]
    resources[1].update(url="toilet.csv", url_type="upload",
                        upload=FakeFileStorage(io.BytesIO(clean_csv()), "toilet.csv"))
    helpers.call_action("package_patch", site_context(), id=dataset["id"], resources=resources)
    assert enqueued == [clean, bad]
    assert helpers.call_action("resource_show", id=bad)["validation_status"] == "success"


def test_resource_actions_queue_once_through_both_hooks(orgs, enqueued):
    # resource_create and resource_update run package_update inside: the
    # dataset hook and the resource hook see the same change, one run starts
    dataset = factories.Dataset(owner_org=orgs["org"]["id"])
    resource = upload(dataset["id"], BAD_CSV, "bad.csv")
    assert enqueued == [resource["id"]]
    assert helpers.call_action("resource_show", id=resource["id"])["validation_status"] == "failure"
    helpers.call_action("resource_patch", site_context(), id=resource["id"], url="toilet.csv",
                        upload=FakeFileStorage(io.BytesIO(clean_csv()), "toilet.csv"))
    assert enqueued == [resource["id"]] * 2
    assert helpers.call_action("resource_show", id=resource["id"])["validation_status"] == "success"
    helpers.call_action("resource_patch", site_context(), id=resource["id"], description="説明")
    assert enqueued == [resource["id"]] * 2


def test_other_formats_are_left_alone(orgs):
    dataset = factories.Dataset(owner_org=orgs["org"]["id"])
    resource = factories.Resource(package_id=dataset["id"], url="https://example.org/a.pdf", format="PDF")
    assert "validation_status" not in helpers.call_action("resource_show", id=resource["id"])
    assert ResourceValidation.get(resource["id"]) is None


def test_declared_standard_is_used(orgs):
    dataset = factories.Dataset(owner_org=orgs["org"]["id"])
    resource = upload(dataset["id"], clean_csv(), "toilet.csv", conforms_to=["current-03-evacuation-space"])
    report = helpers.call_action("resource_validation_show", resource_id=resource["id"])["report"]
    assert report["schema"] == "current-03-evacuation-space"
    # a toilet list is not an evacuation-space list: 03's required items are missing, reported as
    # warnings since 03's 掲載区分 are reconstructed (not yet checked against the official sheet)
    missing = {f["field"] for f in report["findings"]
               if f["code"] == "tokyo/required-column-missing" and f["severity"] == "warning"}
    assert {"電話番号", "市区町村コード", "災害種別_洪水"} <= missing


# SSRF: URL resources go through the guarded client


def test_url_to_loopback_is_refused_without_connecting(orgs):
    dataset = factories.Dataset(owner_org=orgs["org"]["id"])
    with CountingServer({"/data.csv": (200, {"Content-Type": "text/csv"}, clean_csv())}) as server:
        for url in (f"{server.url}/data.csv", f"http://localhost:{server.port}/data.csv",
                    f"http://[::ffff:127.0.0.1]:{server.port}/data.csv"):
            resource = factories.Resource(package_id=dataset["id"], url=url, format="CSV")
            run = helpers.call_action("resource_validation_show", resource_id=resource["id"])
            assert run["status"] == "error", url
            assert "loopback" in run["reason"] and "refused" in run["reason"]
        assert server.requests == []


@pytest.mark.parametrize("target", ["http://127.0.0.1:{port}/secret.csv", "http://localhost:{port}/secret.csv"])
def test_redirect_to_loopback_is_refused_without_connecting(orgs, ckan_config, monkeypatch, target):
    dataset = factories.Dataset(owner_org=orgs["org"]["id"])
    with CountingServer({"/secret.csv": (200, {}, clean_csv())}) as inner:
        location = target.format(port=inner.port)
        with CountingServer({"/data.csv": (302, {"Location": location}, b"")}) as outer:
            # the outer server stands for a public host: exempt from the guard
            monkeypatch.setitem(ckan_config, "ckanext.tokyo.validation.allow_hosts", f"127.0.0.1:{outer.port}")
            resource = factories.Resource(package_id=dataset["id"], url=f"{outer.url}/data.csv", format="CSV")
            run = helpers.call_action("resource_validation_show", resource_id=resource["id"])
            assert outer.requests == ["/data.csv"]
        assert inner.requests == []
    assert run["status"] == "error" and "loopback" in run["reason"]


def test_allowed_url_is_fetched_and_validated(orgs, ckan_config, monkeypatch):
    dataset = factories.Dataset(owner_org=orgs["org"]["id"])
    with CountingServer({"/data.csv": (200, {"Content-Type": "text/csv"}, BAD_CSV)}) as server:
        monkeypatch.setitem(ckan_config, "ckanext.tokyo.validation.allow_hosts", f"127.0.0.1:{server.port}")
        resource = factories.Resource(package_id=dataset["id"], url=f"{server.url}/data.csv", format="CSV")
    run = helpers.call_action("resource_validation_show", resource_id=resource["id"])
    assert run["status"] == "failure"
    assert PLANTED <= {(f["code"], f["row"], f["field"]) for f in run["report"]["findings"]}


def test_a_crashing_validation_ends_in_error(orgs, monkeypatch):
    dataset = factories.Dataset(owner_org=orgs["org"]["id"])

    def boom(*args, **kwargs):
        raise MemoryError("simulated")

    monkeypatch.setattr(jobs, "validate", boom)
    resource = upload(dataset["id"], clean_csv(), "toilet.csv")
    run = helpers.call_action("resource_validation_show", resource_id=resource["id"])
    assert run["status"] == "error" and "MemoryError" in run["reason"]
    assert helpers.call_action("resource_show", id=resource["id"])["validation_status"] == "error"


# Summary, quality page, steward report


def test_summary_counts_only_what_the_caller_may_see(orgs, app):
    public = factories.Dataset(owner_org=orgs["org"]["id"])
    private = factories.Dataset(owner_org=orgs["org"]["id"], private=True)
    upload(public["id"], clean_csv(), "toilet.csv")
    upload(private["id"], BAD_CSV, "bad.csv")

    anonymous = tk.get_action("tokyo_validation_summary")(_as(None), {})
    assert anonymous["totals"]["success"] == 1 and anonymous["totals"]["failure"] == 0
    member = tk.get_action("tokyo_validation_summary")(_as(orgs["member"]), {"organization": orgs["org"]["name"]})
    [org] = member["organizations"]
    assert (org["name"], org["success"], org["failure"], org["pass_rate"]) == (orgs["org"]["name"], 1, 1, 0.5)
    assert {"tokyo/wareki-date", "tokyo/encoding-not-utf8"} <= {c["code"] for c in member["by_code"]}

    page = app.get("/tokyo/quality", headers=_auth(orgs["member"])).body
    assert "50.0 %" in page and "tokyo/wareki-date" in page
    assert "tokyo/wareki-date" not in app.get("/tokyo/quality").body


def test_report_command_neutralises_formulas(orgs, cli):
    from ckan.cli.cli import ckan

    dataset = factories.Dataset(owner_org=orgs["org"]["id"], private=True)
    upload(dataset["id"], BAD_CSV, "bad.csv", name='=HYPERLINK("http://evil.example","x")')
    result = cli.invoke(ckan, ["tokyo", "report", "--format", "csv", "--org", orgs["org"]["name"]])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("organization,dataset,")
    assert "'=HYPERLINK(" in result.output and ",=HYPERLINK" not in result.output
    assert ",failure," in lines[1]

    as_json = cli.invoke(ckan, ["tokyo", "report", "--format", "json"])
    data = json.loads(as_json.output)
    assert data["summary"]["totals"]["failure"] == 1 and data["resources"][0]["status"] == "failure"

    as_html = cli.invoke(ckan, ["tokyo", "report", "--format", "html"]).output
    assert "<script>" not in as_html
    assert as_html.startswith("<!DOCTYPE html>") and "=HYPERLINK(&quot;" in as_html
    assert "<td>日付が和暦で書かれている<br><small>Date in the Japanese era calendar</small></td>" in as_html


def test_validate_command(orgs, cli):
    from ckan.cli.cli import ckan

    dataset = factories.Dataset(owner_org=orgs["org"]["id"])
    resource = upload(dataset["id"], clean_csv(), "toilet.csv")
    before = status_row(resource["id"]).job_id
    result = cli.invoke(ckan, ["tokyo", "validate", "--org", orgs["org"]["name"], "--sync"])
    assert result.exit_code == 0, result.output
    assert "1 resource(s): 1 success" in result.output
    assert status_row(resource["id"]).job_id != before
    assert cli.invoke(ckan, ["tokyo", "validate"]).exit_code != 0  # says what to validate
    model.Session.remove()


def test_pending_repairs_an_index_that_missed_a_result(orgs):
    # a result stored while the search index was down (or an operator's
    # rebuild racing a job): the table says failure, the index still success
    dataset = factories.Dataset(owner_org=orgs["org"]["id"])
    resource = upload(dataset["id"], clean_csv(), "131041_public_toilet.csv")
    row = ResourceValidation.get(resource["id"])
    row.status = "failure"
    model.Session.commit()
    assert helpers.call_action("package_search", fq="validation_status:failure")["count"] == 0
    assert list(jobs.drifted()) == [dataset["id"]]
    assert jobs.repair_index() == 1
    assert helpers.call_action("package_search", fq="validation_status:failure")["count"] == 1
    assert list(jobs.drifted()) == []
