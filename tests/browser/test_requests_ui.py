"""Data requests through a real browser, in Japanese and in English: a
citizen signs in, makes a request with the form (a missing title is refused
with a clear message), supports it; the editor of the organisation
responsible sees the inventory record that matches, answers 公開予定 with it
(a 対応不可 without reason is refused), and the citizen sees the answer and
its history. Screenshots: tests/artifacts/requests-*.png"""
from __future__ import annotations

import pathlib
import subprocess
import sys

import pytest

from .conftest import configured_plugins, screenshot

pytestmark = pytest.mark.browser

PASSWORD = "Request-Pass-2026"

# What each language shows, and what it must not (no string of the other language).
TEXT = {
    "ja": {"prefix": "", "new": "データ公開をリクエストする", "send": "リクエストを送る", "missing": "入力してください",
           "received": "受付", "support": "私もこのデータがほしい", "supported": "このリクエストに賛同しています。",
           "planned": "公開予定", "matches": "対応できそうなデータ", "reason": "公開できない理由を書いてください",
           "answered": "回答：公開予定", "other": ("Data requests", "Supporters", "Answer as the organisation")},
    "en": {"prefix": "/en", "new": "Make a data request", "send": "Send the request", "missing": "Please fill this in",
           "received": "Received", "support": "I need this data too", "supported": "You support this request.",
           "planned": "Publication planned", "matches": "Data that may answer it",
           "reason": "Give the reason why the data cannot be published", "answered": "Answered: Publication planned",
           "other": ("データ公開リクエスト", "賛同した人", "組織として回答する")},
}


@pytest.fixture(scope="module")
def request_site(pytestconfig, live_server):
    """Clean database with the plugin tables; 総務局 with an editor and an
    inventory record about evacuation sites; a citizen."""
    from ckan.lib.search import clear_all
    from ckan.tests import factories
    from ckan.tests.helpers import call_action, reset_db

    reset_db()
    clear_all()
    ini = str(pathlib.Path(pytestconfig.getoption("ckan_ini")).resolve())
    ckan_bin = pathlib.Path(sys.executable).with_name("ckan")
    subprocess.run([str(ckan_bin), "-c", ini, "db", "upgrade"], check=True, capture_output=True)
    with configured_plugins():
        editor = factories.User(name="soumu-editor", password=PASSWORD)
        factories.User(name="citizen", password=PASSWORD)
        site = {"user": call_action("get_site_user")["name"]}
        call_action("organization_create", context=dict(site), name="t000003", title="総務局",
                    title_en="Bureau of General Affairs", corporate_number="8000020130001",
                    local_government_code="130001", parent_organization="130001",
                    users=[{"name": editor["name"], "capacity": "editor"}])
        call_action("package_create", context=dict(site), type="inventory", name="t000003-inv-shelters",
                    owner_org="t000003", title_translated={"ja": "指定緊急避難場所一覧"},
                    notes_translated={"ja": "区市町村が指定した緊急避難場所"}, openness="公開可")
    return live_server


def _login(page, base: str, name: str):
    page.goto(base + "/user/login")
    page.fill("#field-login", name)
    page.fill("#field-password", PASSWORD)
    with page.expect_navigation():
        page.press("#field-password", "Enter")


def _no_other_language(page, text):
    body = page.locator("main, #content, body").first.inner_text()
    for other in text["other"]:
        assert other not in body, other


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_citizen_asks_and_the_editor_answers(request_site, browser, lang):
    text, base = TEXT[lang], request_site
    url = base + text["prefix"]
    citizen = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900}).new_page()
    _login(citizen, base, "citizen")

    citizen.goto(url + "/datarequest")
    citizen.get_by_role("link", name=text["new"]).first.click()
    citizen.wait_for_load_state()
    assert citizen.locator("html").get_attribute("lang") == lang
    # nothing but the details: refused, with a clear message, and the text typed is kept
    citizen.fill("#field-description", "災害時に開く避難所の名称と住所、収容人数")
    citizen.locator("#request-form button[name=save]").click()
    citizen.wait_for_load_state()
    assert text["missing"] in citizen.locator("#request-errors").inner_text()
    assert "収容人数" in citizen.locator("#field-description").input_value()

    title = f"避難所の一覧（{lang}）"
    citizen.fill("#field-title", title)
    citizen.fill("#field-purpose", "防災アプリで最寄りの避難所を案内したい")
    citizen.check("#user-type-civic_tech")
    citizen.select_option("#field-categories", "c001")
    citizen.select_option("#field-organization", "t000003")
    screenshot(citizen, f"requests-form-{lang}")
    with citizen.expect_navigation():
        citizen.locator("#request-form button[name=save]").click()
    assert citizen.locator("#request-title").inner_text() == title
    assert citizen.locator(".tokyo-request-status").first.inner_text().strip() == text["received"]
    request_url = citizen.url.replace(base, "").replace("/en/", "/")

    with citizen.expect_navigation():
        citizen.get_by_role("button", name=text["support"]).click()
    assert citizen.locator("#vote-count").inner_text() == "1"
    assert text["supported"] in citizen.locator("#request-support").inner_text()
    assert citizen.locator("#request-matches").count() == 0  # matches are for the organisation's editors
    _no_other_language(citizen, text)
    screenshot(citizen, f"requests-citizen-{lang}")

    editor = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900}).new_page()
    _login(editor, base, "soumu-editor")
    editor.goto(url + request_url)
    assert text["matches"] in editor.locator("#request-matches").inner_text()
    match = editor.locator(".tokyo-request-match").first
    assert match.get_attribute("data-name") == "t000003-inv-shelters"
    # 対応不可 without a reason is refused
    editor.select_option("#field-answer-status", "rejected")
    with editor.expect_navigation():
        editor.locator("#request-answer-form button[type=submit]").click()
    assert text["reason"] in editor.locator(".flash-messages, .alert").first.inner_text()
    # 公開予定, with the inventory record that answers it
    editor.select_option("#field-answer-status", "planned")
    editor.fill("#field-answer-note", "来年度に公開する予定です。")
    editor.fill("#field-answer-dataset", "t000003-inv-shelters")
    with editor.expect_navigation():
        editor.locator("#request-answer-form button[type=submit]").click()
    assert editor.locator("#request-answer .tokyo-request-status").inner_text().strip() == text["planned"]
    assert "指定緊急避難場所一覧" in editor.locator("#answer-dataset").inner_text()
    screenshot(editor, f"requests-editor-{lang}")

    citizen.reload()
    assert citizen.locator("#request-answer .tokyo-request-status").inner_text().strip() == text["planned"]
    assert "来年度に公開する予定です。" in citizen.locator("#answer-note").inner_text()
    assert citizen.locator("#answer-dataset").count() == 0  # the record is inside the city
    assert text["answered"] in citizen.locator("#request-history").inner_text()
    _no_other_language(citizen, text)
    screenshot(citizen, f"requests-answered-{lang}")
    editor.context.close()
    citizen.context.close()
