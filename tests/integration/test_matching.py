"""Matching (tokyo_requests with tokyo_inventory) on the real Solr and its
Japanese analysis: a request for 避難所 finds the inventory record
指定緊急避難場所一覧 and the published dataset about shelters, not the
unrelated ones; categories and areas raise the rank; the matches are shown
to the organisation's editors only, and only what they may see."""
from __future__ import annotations

import pytest

import ckan.plugins.toolkit as tk
import ckan.tests.factories as factories

PLUGINS = "activity scheming_datasets scheming_organizations tokyo_schema tokyo_inventory tokyo_requests"
pytestmark = [
    pytest.mark.ckan_config("ckan.plugins", PLUGINS),
    pytest.mark.usefixtures("with_plugins", "matching_db"),
]


@pytest.fixture
def matching_db(with_plugins, clean_db, clean_index, migrate_db_for):
    migrate_db_for("activity")
    migrate_db_for("tokyo_requests")


def _as(user):
    return {"user": user["name"] if user else "", "ignore_auth": False}


@pytest.fixture
def city():
    editor, ward_editor, citizen, outsider = (factories.User() for _ in range(4))
    sysadmin = factories.Sysadmin()
    bureau = factories.Organization(name="t000003", users=[{"name": editor["name"], "capacity": "editor"}])
    ward = factories.Organization(name="t131041", users=[{"name": ward_editor["name"], "capacity": "editor"}])
    context = {"user": sysadmin["name"]}

    def create(name, org, title, notes, **extra):
        return tk.get_action("package_create")(dict(context), {
            "name": name, "owner_org": org["id"], "title_translated": {"ja": title},
            "notes_translated": {"ja": notes}, **extra})

    records = {
        "shelters": create("t000003-inv-shelters", bureau, "指定緊急避難場所一覧", "区市町村が指定した緊急避難場所",
                           type="inventory", openness="公開可", category=["c005"]),
        "housing": create("t000003-inv-housing", bureau, "職員住宅の入居状況", "職員住宅の部屋ごとの入居者",
                          type="inventory", openness="公開不可", closed_reasons=["個人情報"]),
        "ward_shelters": create("t131041-inv-shelters", ward, "避難所運営マニュアルの配布先", "新宿区の避難所の連絡先",
                                type="inventory", openness="未定", spatial_coverage=[{"uri": "131041"}]),
        "toilets": create("t131041d0000000001", ward, "公衆トイレ一覧", "新宿区内の公衆トイレ"),
        "office": create("t000003d0000000001", bureau, "事務所の所在地一覧", "都の事務所の所在地"),
    }
    return {"editor": editor, "ward_editor": ward_editor, "citizen": citizen, "outsider": outsider,
            "sysadmin": sysadmin, "bureau": bureau, "ward": ward, **records}


def _request(city, **extra):
    data = {"title": "避難所の一覧がほしい", "description": "災害時に開く避難所の名称と住所",
            "organization": "t000003", **extra}
    return tk.get_action("tokyo_data_request_create")(_as(city["citizen"]), data)


def test_a_request_for_shelters_finds_the_inventory_record(city, app):
    request = _request(city)
    found = tk.get_action("tokyo_data_request_matches")(_as(city["editor"]), {"id": request["id"]})
    assert "避難" in found["terms"] and "所" not in found["terms"] and "一覧" not in found["terms"]
    names = [m["name"] for m in found["results"]]
    assert names[0] == "t000003-inv-shelters"  # 避難所 finds 指定緊急避難場所一覧
    assert {"t131041d0000000001", "t000003d0000000001", "t000003-inv-housing"}.isdisjoint(names)
    top = found["results"][0]
    assert (top["type"], top["matched_terms"]) == ("inventory", ["避難"])

    # the editor's page shows it; the public, the requester and other users never see matches
    token = tk.get_action("api_token_create")({"user": city["editor"]["name"]},
                                              {"user": city["editor"]["name"], "name": "t"})["token"]
    page = app.get(f"/datarequest/{request['id']}", headers={"Authorization": token}).body
    assert 'id="request-matches"' in page and "指定緊急避難場所一覧" in page
    assert 'id="request-matches"' not in app.get(f"/datarequest/{request['id']}").body
    for user in (None, city["citizen"], city["outsider"]):
        with pytest.raises(tk.NotAuthorized):
            tk.get_action("tokyo_data_request_matches")(_as(user), {"id": request["id"]})


def test_categories_and_areas_raise_the_rank(city):
    request = _request(city, areas=["131041"], organization="t131041")
    found = tk.get_action("tokyo_data_request_matches")(_as(city["ward_editor"]), {"id": request["id"]})
    names = [m["name"] for m in found["results"]]
    # the ward's own record about its shelters comes first for a request about Shinjuku
    assert names[:2] == ["t131041-inv-shelters", "t000003-inv-shelters"]
    assert found["results"][0]["shared_areas"]

    request = _request(city, categories=["c005"], organization="t131041")
    found = tk.get_action("tokyo_data_request_matches")(_as(city["ward_editor"]), {"id": request["id"]})
    assert [m["name"] for m in found["results"]][0] == "t000003-inv-shelters"
    assert found["results"][0]["shared_categories"] == ["c005"]
