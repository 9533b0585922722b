"""tokyo_requests on the real PostgreSQL and Solr: the request flow (create,
vote once, answers by the right organisation only, the dataset linked on
publication), listing and search, comments, moderation and the list of
unanswered requests, through the actions, the API and the pages.

Plugins: tokyo_requests alone (plus activity), so this also shows it works
without tokyo_schema."""
from __future__ import annotations

import datetime

import pytest

import ckan.model as model
import ckan.plugins.toolkit as tk
import ckan.tests.factories as factories
import ckan.tests.helpers as helpers

from ckanext.tokyo.requests.model import DataRequest

pytestmark = [
    pytest.mark.ckan_config("ckan.plugins", "activity tokyo_requests"),
    pytest.mark.usefixtures("with_plugins", "requests_db"),
]


@pytest.fixture
def requests_db(with_plugins, clean_db, clean_index, migrate_db_for):
    migrate_db_for("activity")
    migrate_db_for("tokyo_requests")


@pytest.fixture
def people():
    editor, member, other_editor = factories.User(), factories.User(), factories.User()
    citizen, neighbour, sysadmin = factories.User(), factories.User(), factories.Sysadmin()
    org = factories.Organization(users=[{"name": editor["name"], "capacity": "editor"},
                                        {"name": member["name"], "capacity": "member"}])
    other = factories.Organization(users=[{"name": other_editor["name"], "capacity": "editor"}])
    return {"editor": editor, "member": member, "other_editor": other_editor, "citizen": citizen,
            "neighbour": neighbour, "sysadmin": sysadmin, "org": org, "other": other}


def _as(user, **extra):
    return {"user": user["name"] if user else "", "ignore_auth": False, **extra}


def _call(action, user, **data):
    return tk.get_action(action)(_as(user), data)


def _ask(people, **extra):
    data = {"title": "指定避難所の一覧", "description": "区市町村ごとの避難所の名称・住所・緯度経度・収容人数",
            "purpose": "防災アプリで最寄りの避難所を案内したい", "user_types": ["business", "civic_tech"],
            "categories": ["c005"], "areas": ["131041"], "organization": people["org"]["name"], **extra}
    return _call("tokyo_data_request_create", people["citizen"], **data)


def _auth(user):
    token = helpers.call_action("api_token_create", user=user["name"], name="t")["token"]
    return {"Authorization": token}


def test_a_citizen_asks_and_others_support_it_once(people):
    with pytest.raises(tk.NotAuthorized):
        _call("tokyo_data_request_create", None, title="x", description="y")
    request = _ask(people)
    assert request["status"] == "received" and request["votes"] == 0
    assert request["organization"]["name"] == people["org"]["name"]
    assert request["creator"]["name"] == people["citizen"]["name"]
    assert [e["kind"] for e in request["events"]] == ["created"]

    for _ in range(2):  # voting twice is one vote
        out = _call("tokyo_data_request_vote", people["neighbour"], id=request["id"])
    assert out == {"id": request["id"], "votes": 1, "voted": True}
    _call("tokyo_data_request_vote", people["citizen"], id=request["id"])
    shown = _call("tokyo_data_request_show", people["neighbour"], id=request["id"])
    assert (shown["votes"], shown["voted"]) == (2, True)
    assert _call("tokyo_data_request_unvote", people["neighbour"], id=request["id"])["votes"] == 1
    with pytest.raises(tk.NotAuthorized):
        _call("tokyo_data_request_vote", None, id=request["id"])

    # anyone reads it, through the API too
    assert _call("tokyo_data_request_show", None, id=request["id"])["title"] == "指定避難所の一覧"


def test_bad_input_is_refused_with_every_problem(people):
    with pytest.raises(tk.ValidationError) as error:
        _call("tokyo_data_request_create", people["citizen"], title="", description="x" * 5001,
              user_types=["aliens"], areas=["999999"], organization="no-such-org")
    assert set(error.value.error_dict) == {"title", "description", "user_types", "areas", "organization"}
    assert model.Session.query(DataRequest).count() == 0


def test_only_the_organisation_responsible_answers(people):
    request = _ask(people)
    for user in (None, people["citizen"], people["member"], people["other_editor"]):
        with pytest.raises(tk.NotAuthorized):
            _call("tokyo_data_request_answer", user, id=request["id"], status="considering")
    out = _call("tokyo_data_request_answer", people["editor"], id=request["id"], status="considering",
                note="所管課で確認しています")
    assert out["status"] == "considering" and out["answered"]

    # 対応不可 needs a reason; 公開済み a public dataset
    with pytest.raises(tk.ValidationError) as error:
        _call("tokyo_data_request_answer", people["editor"], id=request["id"], status="rejected")
    assert "note" in error.value.error_dict
    with pytest.raises(tk.ValidationError) as error:
        _call("tokyo_data_request_answer", people["editor"], id=request["id"], status="published")
    assert "dataset" in error.value.error_dict
    private = factories.Dataset(owner_org=people["org"]["id"], private=True)
    with pytest.raises(tk.ValidationError):
        _call("tokyo_data_request_answer", people["editor"], id=request["id"], status="published",
              dataset=private["name"])

    dataset = factories.Dataset(owner_org=people["org"]["id"], title="避難所一覧")
    url = f"http://catalog.example/dataset/{dataset['name']}"  # a pasted page URL works too
    out = _call("tokyo_data_request_answer", people["editor"], id=request["id"], status="published",
                note="公開しました", dataset=url)
    assert out["status"] == "published" and out["package"]["name"] == dataset["name"]
    assert [(e["kind"], e["status"]) for e in out["events"]] == [
        ("created", "received"), ("answered", "considering"), ("answered", "published")]
    # 公開済み is final
    with pytest.raises(tk.ValidationError) as error:
        _call("tokyo_data_request_answer", people["editor"], id=request["id"], status="considering")
    assert "status" in error.value.error_dict


def test_planned_with_a_private_record_becomes_published_when_it_is(people):
    request = _ask(people)
    record = factories.Dataset(owner_org=people["org"]["id"], private=True, title="避難所（準備中）")
    out = _call("tokyo_data_request_answer", people["editor"], id=request["id"], status="planned",
                note="来年度公開予定", dataset=record["id"])
    assert out["status"] == "planned" and out["package"]["id"] == record["id"]
    # the private record is not shown to the public
    assert _call("tokyo_data_request_show", None, id=request["id"])["package"] is None

    _call("package_patch", people["editor"], id=record["id"], private=False)
    shown = _call("tokyo_data_request_show", None, id=request["id"])
    assert shown["status"] == "published" and shown["package"]["id"] == record["id"]
    assert shown["events"][-1]["status"] == "published" and shown["events"][-1]["user"] is None


def test_assignment_editing_and_comments(people):
    request = _ask(people, organization="")
    assert request["organization"] is None
    with pytest.raises(tk.NotAuthorized):  # nobody answers a request with no organisation but sysadmins
        _call("tokyo_data_request_answer", people["editor"], id=request["id"], status="considering")
    _call("tokyo_data_request_assign", people["sysadmin"], id=request["id"], organization=people["other"]["name"])
    # the other organisation's editor hands it on to the right one
    out = _call("tokyo_data_request_assign", people["other_editor"], id=request["id"],
                organization=people["org"]["name"], note="所管外のため")
    assert out["organization"]["name"] == people["org"]["name"]
    with pytest.raises(tk.NotAuthorized):
        _call("tokyo_data_request_assign", people["other_editor"], id=request["id"], organization="")

    # the creator edits while it is 受付, nobody else
    with pytest.raises(tk.NotAuthorized):
        _call("tokyo_data_request_update", people["neighbour"], id=request["id"], title="乗っ取り")
    out = _call("tokyo_data_request_update", people["citizen"], id=request["id"], title="避難所の一覧（全域）")
    assert out["title"] == "避難所の一覧（全域）" and out["description"] == request["description"]

    _call("tokyo_data_request_comment", people["neighbour"], id=request["id"], text="うちの区もお願いします")
    _call("tokyo_data_request_comment", people["editor"], id=request["id"], text="確認します")
    comments = _call("tokyo_data_request_show", None, id=request["id"])["comments"]
    assert [(c["text"], c["official"]) for c in comments] == [("うちの区もお願いします", False), ("確認します", True)]
    with pytest.raises(tk.ValidationError):
        _call("tokyo_data_request_comment", people["neighbour"], id=request["id"], text=" ")

    _call("tokyo_data_request_answer", people["editor"], id=request["id"], status="considering")
    with pytest.raises(tk.NotAuthorized):  # answered: no more edits by the creator
        _call("tokyo_data_request_update", people["citizen"], id=request["id"], title="変更")


def test_list_search_sort_and_moderation(people, app):
    shelters = _ask(people)
    toilets = _ask(people, title="公衆トイレの一覧", description="多機能トイレの有無も", purpose="",
                   categories=[], areas=[])
    spam = _ask(people, title="激安セール", description="http://spam.example", purpose="", categories=[], areas=[])
    for user in (people["neighbour"], people["editor"]):
        _call("tokyo_data_request_vote", user, id=toilets["id"])
    _call("tokyo_data_request_vote", people["neighbour"], id=shelters["id"])

    found = _call("tokyo_data_request_list", None)
    assert [r["id"] for r in found["results"]] == [toilets["id"], shelters["id"], spam["id"]]
    assert [r["votes"] for r in found["results"]] == [2, 1, 0]
    assert [r["id"] for r in _call("tokyo_data_request_list", None, q="避難所")["results"]] == [shelters["id"]]
    assert _call("tokyo_data_request_list", None, q="トイレ　多機能")["count"] == 1  # full-width space
    assert _call("tokyo_data_request_list", None, q="100%")["count"] == 0  # LIKE characters are literal
    assert _call("tokyo_data_request_list", None, category="c005")["count"] == 1
    assert _call("tokyo_data_request_list", None, area="131041")["count"] == 1

    with pytest.raises(tk.NotAuthorized):
        _call("tokyo_data_request_moderate", people["editor"], id=spam["id"], reason="spam")
    _call("tokyo_data_request_moderate", people["sysadmin"], id=spam["id"], reason="spam")
    assert spam["id"] not in [r["id"] for r in _call("tokyo_data_request_list", None)["results"]]
    for user in (None, people["citizen"]):
        with pytest.raises(tk.ObjectNotFound):
            _call("tokyo_data_request_show", user, id=spam["id"])
    app.get(f"/datarequest/{spam['id']}", status=404)
    assert _call("tokyo_data_request_show", people["sysadmin"], id=spam["id"])["state"] == "hidden"

    # a comment with personal data is hidden: its text is gone for everyone but sysadmins
    comment = _call("tokyo_data_request_comment", people["neighbour"], id=shelters["id"], text="電話 090-0000-0000")
    _call("tokyo_data_request_moderate", people["sysadmin"], id=shelters["id"], comment_id=comment["id"],
          reason="personal_data")
    [hidden] = _call("tokyo_data_request_show", None, id=shelters["id"])["comments"]
    assert (hidden["state"], hidden["text"], hidden["moderation_reason"]) == ("hidden", "", "personal_data")
    assert "090-0000-0000" not in app.get(f"/datarequest/{shelters['id']}").body

    # the API and the pages
    api = app.get("/api/3/action/tokyo_data_request_list", query_string={"q": "トイレ"}).json
    assert api["success"] and [r["id"] for r in api["result"]["results"]] == [toilets["id"]]
    page = app.get("/datarequest", query_string={"sort": "support"}).body
    assert page.index(toilets["title"]) < page.index(shelters["title"])
    assert "激安セール" not in page
    assert "公衆トイレの一覧" in app.get(f"/datarequest/{toilets['id']}").body
    assert "Most supported" in app.get("/en/datarequest").body


def test_unanswered_after_n_days_for_sysadmins(people, app):
    old, recent, answered = _ask(people), _ask(people, title="新しい依頼"), _ask(people, title="回答済み")
    for request in (old, answered):
        model.Session.get(DataRequest, request["id"]).created -= datetime.timedelta(days=40)
    model.Session.commit()
    _call("tokyo_data_request_answer", people["editor"], id=answered["id"], status="considering")

    for user in (None, people["editor"]):
        with pytest.raises(tk.NotAuthorized):
            _call("tokyo_data_request_unanswered", user)
    found = _call("tokyo_data_request_unanswered", people["sysadmin"], days=30)
    assert [r["id"] for r in found["results"]] == [old["id"]]
    assert _call("tokyo_data_request_unanswered", people["sysadmin"], days=0)["count"] == 2
    assert recent["id"]

    page = app.get("/datarequest/unanswered", headers=_auth(people["sysadmin"])).body
    assert old["title"] in page and "新しい依頼" not in page
    app.get("/datarequest/unanswered", headers=_auth(people["editor"]), status=403)


def test_signed_out_users_are_sent_to_sign_in(people, app):
    request = _ask(people)
    for url, post in (("/datarequest/new", False), (f"/datarequest/{request['id']}/vote", True)):
        response = (app.post if post else app.get)(url, follow_redirects=False)
        assert response.status_code == 302 and "/user/login" in response.headers["Location"]
