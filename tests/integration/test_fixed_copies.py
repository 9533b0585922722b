"""The fixed copy in the catalog (issue 17): the worker's validation run makes
it (here run in the request, run_sync), the report page offers it with its
change log, an editor replaces the resource's file by it through CKAN's
upload, the original stays downloadable, and the resource is validated again.
Real PostgreSQL, Solr and storage."""
from __future__ import annotations

import hashlib

import pytest

import ckan.plugins.toolkit as tk
import ckan.tests.factories as factories

from tests.integration.test_csrf import _token
from tests.integration.test_validation import _as, _auth, validation_db  # noqa: F401 (a fixture)
from tests.integration.validation_support import BAD_CSV, clean_csv, status_row, upload

pytestmark = [
    pytest.mark.ckan_config("ckan.plugins", "activity tokyo_validation"),
    pytest.mark.ckan_config("ckanext.tokyo.validation.run_sync", "true"),
    pytest.mark.usefixtures("with_plugins", "validation_db"),
]


@pytest.fixture
def people():
    editor, member = factories.User(), factories.User()
    org = factories.Organization(users=[{"name": editor["name"], "capacity": "editor"},
                                        {"name": member["name"], "capacity": "member"}])
    return {"editor": editor, "member": member, "org": org}


def test_download_replace_and_the_original_kept(people, app):
    dataset = factories.Dataset(owner_org=people["org"]["id"])
    resource = upload(dataset["id"], BAD_CSV, "nursery_sjis.csv")
    fixed = tk.get_action("resource_fixed_show")(_as(None), {"resource_id": resource["id"]})
    assert fixed["fixable"] and fixed["available"] and fixed["original"] is None
    assert fixed["sha256"] == hashlib.sha256(BAD_CSV).hexdigest()
    changes = {(c["code"], c["row"], c["column"], c["before"], c["after"]) for c in fixed["log"]["changes"]}
    assert ("tokyo/wareki-date", 4, "開設日", "令和2年4月1日", "2020-04-01") in changes
    assert ("tokyo/lg-code-missing-check-digit", 5, "市区町村コード", "13104", "131041") in changes

    # the report page offers it, with its change log; anyone who may read the report downloads it
    page = f"/dataset/{dataset['name']}/resource/{resource['id']}/validation"
    body = app.get(page).body
    assert "修正版をダウンロード" in body and "修正版で置き換える" not in body  # anonymous: no replace
    assert "<code>令和2年4月1日</code>" in body and "<code>2020-04-01</code>" in body
    assert "修正版で置き換える" in app.get(page, headers=_auth(people["editor"])).body
    assert "Download the fixed copy" in app.get("/en" + page).body
    download = app.get(page + "/fixed.csv")
    text = download.get_data().decode("utf-8")
    assert "nursery_sjis.csv" in download.headers["Content-Disposition"]
    assert "新宿第三保育園,03-1234-5679,2020-04-01,80,131041" in text

    # only editors replace
    with pytest.raises(tk.NotAuthorized):
        tk.get_action("resource_fixed_replace")(_as(people["member"]), {"resource_id": resource["id"]})
    replaced = tk.get_action("resource_fixed_replace")(_as(people["editor"]), {"resource_id": resource["id"]})
    assert replaced["url_type"] == "upload" and replaced["url"].endswith("/nursery_sjis.csv")
    assert replaced["tokyo_original_sha256"] == fixed["sha256"]
    assert replaced["tokyo_original_name"] == "nursery_sjis.csv"

    # validated again: the report is about the fixed bytes, none of the fixed findings left
    row = status_row(resource["id"])
    with open(_fixed_path(fixed["sha256"]), "rb") as stream:
        assert row.report["stats"]["sha256"] == hashlib.sha256(stream.read()).hexdigest()
    left = set(row.report["stats"]["by_code"])
    assert not left & {"tokyo/encoding-not-utf8", "tokyo/wareki-date", "tokyo/zenkaku-alnum",
                       "tokyo/lg-code-missing-check-digit"}
    # not fixable with certainty: still reported (定員 names no unit, so "90 人" stays)
    assert {"tokyo/phone-format", "tokyo/number-unit"} <= left

    # the resource's file is the fixed copy; the original stays downloadable and linked
    assert app.get(replaced["url"]).get_data() == open(_fixed_path(fixed["sha256"]), "rb").read()
    body = app.get(page).body
    assert "元のファイル" in body and "nursery_sjis.csv" in body
    assert app.get(page + "/original").get_data() == BAD_CSV


def _fixed_path(sha):
    from ckanext.tokyo.catalog_validation import fixed_copies
    return fixed_copies.fixed_path(sha)


def test_no_fixed_copy_for_a_clean_file(people, app):
    dataset = factories.Dataset(owner_org=people["org"]["id"])
    resource = upload(dataset["id"], clean_csv(), "131041_public_toilet.csv")
    fixed = tk.get_action("resource_fixed_show")(_as(None), {"resource_id": resource["id"]})
    assert not fixed["available"] and not fixed["fixable"]
    page = f"/dataset/{dataset['name']}/resource/{resource['id']}/validation"
    assert "修正版をダウンロード" not in app.get(page).body
    app.get(page + "/fixed.csv", status=404)
    with pytest.raises(tk.ValidationError):
        tk.get_action("resource_fixed_replace")(_as(people["editor"]), {"resource_id": resource["id"]})


def test_replace_form_posts_with_the_csrf_token(app, monkeypatch):
    from ckan.config.middleware.flask_app import csrf

    monkeypatch.setattr(csrf, "_exempt_views", set())  # as in test_csrf
    password = "Correct-Horse-2026"
    editor = factories.User(password=password)
    dataset = factories.Dataset(owner_org=factories.Organization(
        users=[{"name": editor["name"], "capacity": "editor"}])["id"])
    resource = upload(dataset["id"], BAD_CSV, "nursery_sjis.csv")
    page_url = f"/dataset/{dataset['name']}/resource/{resource['id']}/validation"
    client = app.test_client()
    login = client.get("/user/login")
    client.post("/user/login", data={"login": editor["name"], "password": password,
                                     "_csrf_token": _token(login.body)}, status=200)
    page = client.get(page_url)
    assert 'id="tokyo-fixed-replace"' in page.body

    assert "CSRF" in client.post(page_url + "/replace", data={}, status=400).body
    assert status_row(resource["id"]).report["stats"]["sha256"] == hashlib.sha256(BAD_CSV).hexdigest()
    done = client.post(page_url + "/replace", data={"_csrf_token": _token(page.body)}, status=200)
    assert "修正版で置き換えました" in done.body and "元のファイル" in done.body
    assert status_row(resource["id"]).report["stats"]["sha256"] != hashlib.sha256(BAD_CSV).hexdigest()


