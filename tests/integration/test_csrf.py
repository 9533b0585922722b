"""CSRF protection covers our blueprints (ckan.csrf_protection.ignore_extensions
= false, as CKAN 2.12 enforces): a POST without the token is refused before
the view runs, and every POST form of ours sends the token."""
from __future__ import annotations

import pathlib
import re

import pytest

import ckan.tests.factories as factories

from tests.integration.validation_support import BAD_CSV, status_row, upload

TEMPLATES = pathlib.Path(__file__).resolve().parents[2] / "ckanext-tokyo" / "ckanext" / "tokyo" / "templates"

pytestmark = [
    pytest.mark.ckan_config("ckan.plugins", "activity tokyo_validation"),
    pytest.mark.ckan_config("ckanext.tokyo.validation.run_sync", "true"),
    pytest.mark.usefixtures("with_plugins"),
]


@pytest.fixture
def validation_db(with_plugins, clean_db, clean_index, migrate_db_for):
    migrate_db_for("activity")
    migrate_db_for("tokyo_validation")


def _token(body):
    return re.search(r'<meta name="_csrf_token" content="([^"]+)"', body).group(1)


def test_post_without_token_is_refused_before_the_view(app, validation_db, monkeypatch):
    # CKAN exempts a view from CSRF for good once an anonymous or API-token
    # request reached it in this process; start from no exemptions
    from ckan.config.middleware.flask_app import csrf

    monkeypatch.setattr(csrf, "_exempt_views", set())
    password = "Correct-Horse-2026"
    editor = factories.User(password=password)
    dataset = factories.Dataset(owner_org=factories.Organization(
        users=[{"name": editor["name"], "capacity": "editor"}])["id"])
    resource = upload(dataset["id"], BAD_CSV, "bad.csv")
    before = status_row(resource["id"]).job_id
    url = f"/dataset/{dataset['name']}/resource/{resource['id']}/validation/run"

    # signed in through the login form (a browser session, as CSRF protects),
    # one client keeping its cookies (2.11's app fixture makes one per call)
    client = app.test_client()
    login = client.get("/user/login")
    client.post("/user/login", data={"login": editor["name"], "password": password,
                                     "_csrf_token": _token(login.body)}, status=200)
    page = client.get(f"/dataset/{dataset['name']}/resource/{resource['id']}/validation")
    assert f'href="/user/{editor["name"]}"' in page.body

    # no token: refused before our view runs
    refused = client.post(url, data={}, status=400)
    assert "CSRF" in refused.body
    assert status_row(resource["id"]).job_id == before
    # the form's token: the view runs the validation again
    client.post(url, data={"_csrf_token": _token(page.body)}, status=200)
    assert status_row(resource["id"]).job_id != before


def test_every_post_form_of_ours_sends_the_token():
    forms = 0
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        for form in re.findall(r"<form\b[^>]*>.*?</form>", text, flags=re.S | re.I):
            if re.search(r'method=["\']post["\']', form, flags=re.I):
                forms += 1
                assert "h.csrf_input()" in form, template
    assert forms >= 1
