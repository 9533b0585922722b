"""tokyo_inventory on the real PostgreSQL and Solr: records stay inside the
city (anonymous users and users of no organisation see nothing, in search,
API and pages), the spreadsheet import (CSV and XLSX, all rows or none, row
numbers in the errors, a second import changes nothing), and publishing a
record as a dataset with its history."""
from __future__ import annotations

import base64
import io

import openpyxl
import pytest

import ckan.model as model
import ckan.plugins.toolkit as tk
import ckan.tests.factories as factories
import ckan.tests.helpers as helpers

PLUGINS = "activity scheming_datasets scheming_organizations tokyo_schema tokyo_inventory"
pytestmark = [
    pytest.mark.ckan_config("ckan.plugins", PLUGINS),
    pytest.mark.usefixtures("with_plugins", "inventory_db"),
]


@pytest.fixture
def inventory_db(with_plugins, clean_db, clean_index, migrate_db_for):
    migrate_db_for("activity")


@pytest.fixture
def city():
    editor, member, other_member, outsider = (factories.User() for _ in range(4))
    sysadmin = factories.Sysadmin()
    bureau = factories.Organization(name="t000003", title="総務局",
                                    users=[{"name": editor["name"], "capacity": "editor"},
                                           {"name": member["name"], "capacity": "member"}])
    ward = factories.Organization(name="t131041", title="新宿区",
                                  users=[{"name": other_member["name"], "capacity": "editor"}])
    return {"editor": editor, "member": member, "other_member": other_member, "outsider": outsider,
            "sysadmin": sysadmin, "bureau": bureau, "ward": ward}


def _as(user, **extra):
    return {"user": user["name"] if user else "", "ignore_auth": False, **extra}


def _record(city, **extra):
    data = {"type": "inventory", "name": "t000003-shelters", "owner_org": city["bureau"]["id"],
            "title_translated": {"ja": "指定緊急避難場所一覧"}, "notes_translated": {"ja": "区市町村別の指定緊急避難場所"},
            "openness": "条件付き", "closed_reasons": ["個人情報"], "held_formats": "xlsx, 紙",
            "category": ["c005"], "spatial_coverage": [{"uri": "130001"}], "private": False, **extra}
    return tk.get_action("package_create")(_as(city["editor"]), data)


def _auth(user):
    token = helpers.call_action("api_token_create", user=user["name"], name="t")["token"]
    return {"Authorization": token}


def _found(user, **search):
    return {d["name"] for d in tk.get_action("package_search")(_as(user), {"include_private": True, **search})["results"]}


def test_records_stay_inside_the_city(city, app):
    record = _record(city)
    assert record["private"] is True  # whatever the form says
    assert (record["openness"], record["closed_reasons"], record["held_formats"]) == (
        "conditional", ["personal_data"], ["XLSX", "紙"])
    ask = {"fq": "dataset_type:inventory"}

    # the public and users of no organisation: nothing, anywhere
    for user in (None, city["outsider"]):
        with pytest.raises(tk.NotAuthorized):
            tk.get_action("package_show")(_as(user), {"id": record["id"]})
        assert _found(user, **ask) == set() and _found(user, q="避難") == set()
        headers = _auth(user) if user else {}
        api = app.get("/api/3/action/package_search", headers=headers,
                      query_string={"q": "避難", "include_private": "true", "fq": "dataset_type:inventory"}).json
        assert api["result"]["count"] == 0
        app.get("/api/3/action/package_show", query_string={"id": record["name"]}, headers=headers, status=403)
        for page in (f"/inventory/{record['name']}", "/inventory/", "/inventory/import"):
            app.get(page, headers=headers, status=404)
        app.get(f"/dataset/activity/{record['name']}", headers=headers, status=403)  # CKAN's answer for private
        assert "指定緊急避難場所一覧" not in app.get("/dataset/", headers=headers, query_string={"q": "避難"}).body
        assert "指定緊急避難場所一覧" not in app.get("/organization/t000003", headers=headers).body

    # the city's staff: its organisation, another organisation's members, sysadmins
    for user in (city["member"], city["other_member"], city["sysadmin"]):
        assert tk.get_action("package_show")(_as(user), {"id": record["id"]})["name"] == record["name"]
        assert _found(user, **ask) == {record["name"]}
        assert record["name"] not in _found(user, q="避難")  # not among the published data unless asked
        assert "指定緊急避難場所一覧" in app.get(f"/inventory/{record['name']}", headers=_auth(user)).body
    assert "指定緊急避難場所一覧" in app.get("/inventory/", headers=_auth(city["other_member"])).body
    # only its organisation edits it
    with pytest.raises(tk.NotAuthorized):
        tk.get_action("package_patch")(_as(city["other_member"]), {"id": record["id"], "maintainer": "x"})


@pytest.mark.ckan_config("ckanext.tokyo.inventory.visible_to", "organization")
def test_records_can_be_kept_to_their_organisation(city):
    record = _record(city)
    assert _found(city["member"], fq="dataset_type:inventory") == {record["name"]}
    assert _found(city["other_member"], fq="dataset_type:inventory") == set()
    with pytest.raises(tk.NotAuthorized):
        tk.get_action("package_show")(_as(city["other_member"]), {"id": record["id"]})


def test_a_reason_is_required_when_it_cannot_be_opened(city):
    with pytest.raises(tk.ValidationError) as error:
        _record(city, openness="公開不可", closed_reasons=[])
    assert "closed_reasons" in error.value.error_dict
    with pytest.raises(tk.ValidationError) as error:
        _record(city, openness="たぶん")
    assert "openness" in error.value.error_dict


GOOD_CSV = ("データ名,組織,公開可否,非公開理由,形式,カテゴリ,対象地域,説明\n"
            "指定緊急避難場所一覧,t000003,条件付き,個人情報,\"XLSX, 紙\",c005,東京都,区市町村別の一覧\n"
            "職員住宅の入居状況,総務局,公開不可,\"個人情報、安全\",DB,,,\n"
            "公共施設の開館時間,t131041,公開可,,CSV,,新宿区,\n")
BAD_CSV = ("データ名,組織,公開可否,非公開理由\n"
           "指定緊急避難場所一覧,t000003,条件付き,\n"
           ",t000003,公開可,\n"
           "職員住宅の入居状況,存在しない局,公開不可,個人情報\n"
           "公共施設の開館時間,t131041,たぶん,\n")


def _import(user, content: bytes, filename: str, **extra):
    return tk.get_action("tokyo_inventory_import")(_as(user), {
        "content": base64.b64encode(content).decode(), "filename": filename, **extra})


def _inventory_names():
    return {p.name for p in model.Session.query(model.Package).filter_by(type="inventory", state="active")}


def test_spreadsheet_import_all_rows_or_none(city):
    with pytest.raises(tk.ValidationError) as error:
        _import(city["sysadmin"], BAD_CSV.encode("cp932"), "目録.csv")  # Shift_JIS is read too
    messages = error.value.error_dict["file"]
    assert messages == [
        'Row 2, column "非公開理由": give the reason why the data cannot be opened',
        'Row 3, column "データ名": missing value',
        'Row 4, column "組織": no organisation "存在しない局"',
        'Row 5, column "公開可否": unknown value "たぶん"',
    ]
    assert _inventory_names() == set()

    # a bureau editor may not import into another organisation: nothing imported
    with pytest.raises(tk.ValidationError) as error:
        _import(city["editor"], GOOD_CSV.encode(), "目録.csv")
    assert error.value.error_dict["file"] == ['Row 4: you may not add records to "新宿区"']
    assert _inventory_names() == set()

    out = _import(city["sysadmin"], GOOD_CSV.encode("utf-8-sig"), "目録.csv")
    assert (len(out["created"]), out["updated"], out["unchanged"]) == (3, [], [])
    shelters = helpers.call_action("package_show", id=out["created"][0])
    assert shelters["title"] == "指定緊急避難場所一覧" and shelters["private"] is True
    assert shelters["organization"]["name"] == "t000003" and shelters["category"] == ["c005"]
    assert shelters["spatial_coverage"][0]["uri"].endswith("/C13000")
    housing = helpers.call_action("package_show", id=out["created"][1])
    assert housing["closed_reasons"] == ["personal_data", "security"] and housing["organization"]["name"] == "t000003"

    # the same file again changes nothing; an edit updates the record
    again = _import(city["sysadmin"], GOOD_CSV.encode(), "目録.csv")
    assert (again["created"], again["updated"], len(again["unchanged"])) == ([], [], 3)
    edited = GOOD_CSV.replace("区市町村別の一覧", "区市町村別・施設別の一覧")
    changed = _import(city["sysadmin"], edited.encode(), "目録.csv")
    assert changed["updated"] == [out["created"][0]] and len(changed["unchanged"]) == 2


def _xlsx(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_with_english_headers_and_the_dry_run(city, app):
    content = _xlsx([["title", "openness", "reason", "format"],
                     ["Building permits", "closed", "personal data", "PDF"],
                     ["Bus stops", "open", None, "csv"]])
    checked = _import(city["editor"], content, "inventory.xlsx", organization="t000003", dry_run=True)
    assert len(checked["created"]) == 2 and checked["dry_run"] and _inventory_names() == set()
    out = _import(city["editor"], content, "inventory.xlsx", organization="t000003")
    assert len(out["created"]) == 2 and len(_inventory_names()) == 2

    # the page: a bad file shows the rows, in Japanese and in English
    bad = _xlsx([["データ名", "公開可否"], ["A", "公開可"], ["B", None]])
    for prefix, text in (("", "3行目"), ("/en", "Row 3")):
        body = app.post(f"{prefix}/inventory/import", headers=_auth(city["editor"]),
                        data={"organization": "t000003", "upload": (io.BytesIO(bad), "bad.xlsx")}).body
        assert text in body and 'id="import-errors"' in body


def test_a_record_becomes_a_dataset_keeping_its_history(city, app):
    record = _record(city)
    tk.get_action("package_patch")(_as(city["editor"]), {"id": record["id"], "maintainer": "総務局総合防災部"})
    with pytest.raises(tk.NotAuthorized):
        tk.get_action("tokyo_inventory_publish")(_as(city["other_member"]), {"id": record["id"]})
    dataset = tk.get_action("tokyo_inventory_publish")(_as(city["editor"]), {"id": record["id"]})
    assert (dataset["id"], dataset["name"], dataset["type"]) == (record["id"], record["name"], "dataset")
    assert dataset["private"] is True and dataset["maintainer"] == "総務局総合防災部"
    assert "openness" not in dataset and dataset["category"] == ["c005"]
    activities = tk.get_action("package_activity_list")(_as(city["editor"]), {"id": record["id"]})
    assert len(activities) == 3 and activities[-1]["data"]["package"]["type"] == "inventory"
    # now a dataset: the other organisation no longer reads it; its page is a dataset page
    with pytest.raises(tk.NotAuthorized):
        tk.get_action("package_show")(_as(city["other_member"]), {"id": record["id"]})
    assert "指定緊急避難場所一覧" in app.get(f"/dataset/{record['name']}", headers=_auth(city["editor"])).body

    # a record without a description cannot be published: the dataset schema says why, nothing changes
    bare = _record(city, name="t000003-bare", notes_translated={})
    with pytest.raises(tk.ValidationError) as error:
        tk.get_action("tokyo_inventory_publish")(_as(city["editor"]), {"id": bare["id"]})
    assert "notes_translated" in error.value.error_dict
    assert helpers.call_action("package_show", id=bare["id"])["type"] == "inventory"
