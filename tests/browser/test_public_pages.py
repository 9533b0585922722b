"""Acceptance walk of the public face (issue 13): the pages a visitor and a
publishing civil servant meet, in Japanese and English, on a desktop
(1366 px) and a phone (390 px). On every page: no CKAN placeholder, no
string of the other language, no horizontal scroll on the phone, and
axe-core finds no WCAG 2.1 A/AA violation. Screenshots:
tests/artifacts/public-<page>-<lang>-<width>.png. One live server and one
browser for the whole walk."""
from __future__ import annotations

import json
import pathlib
import re
import subprocess
import sys

import pytest

import ckan.model as model
import ckan.tests.helpers as helpers

from ckanext.tokyo import demo
from ckanext.tokyo.base import standards

from tests.integration.validation_support import site_context

from .conftest import ARTIFACTS, ROOT, configured_plugins, screenshot

pytestmark = pytest.mark.browser

AXE = ROOT / "tests/browser/axe/node_modules/axe-core/axe.min.js"
I18N = ROOT / "ckanext-tokyo/ckanext/tokyo/i18n"
WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}
PASSWORD = "Editor-Pass-2026"
DATASET = "t131041d0000000001"  # the demo's public toilets of Shinjuku (a standard file)
PLACEHOLDERS = ("CKANへようこそ", "良い紹介文", "Welcome to CKAN", "CKAN Association", "ckan-logo",
                "Powered by", "これはCKAN", "Lorem ipsum", "このリソースのために作成されたビューはまだありません",
                "There are no views created for this resource yet")
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
# A run of Japanese in an English text ("Navigate to resource: 公衆トイレ一覧"): it must be user data.
JAPANESE_RUN = re.compile(r"[^\x00-\x7f](?:[^\x00-\x7f]|[ 0-9.()-](?=[^\x00-\x7f]))*")
PROPER_NAMES = {"Facebook", "X", "LinkedIn", "Twitter", "CKAN", "API", "CSV", "URL"}
SEARCHED = "トイレ"
# Visible text nodes of the page, one string each (scripts and hidden nodes left out).
TEXTS_JS = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement, text = node.textContent.trim();
    // content marked as Japanese (lang="ja") and the language menu's own names are meant to be so
    if (!text || !el || el.closest('script,style,noscript,[hidden],.visually-hidden,.sr-only,[lang]:not(html),'
        + 'form.lang-select,#field-lang-select')) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    out.push(text);
  }
  for (const el of document.querySelectorAll('[aria-label],[placeholder],[title],img[alt]')) {
    if (el.closest('[lang]:not(html),form.lang-select')) continue;
    for (const a of ['aria-label', 'placeholder', 'title', 'alt']) {
      const v = (el.getAttribute(a) || '').trim(); if (v) out.push(v);
    }
  }
  return out;
}"""


def _catalogue(lang: str) -> dict[str, str]:
    from babel.messages.pofile import read_po

    with open(I18N / lang / "LC_MESSAGES/ckanext-tokyo.po", "rb") as f:
        return {m.id: m.string for m in read_po(f) if m.id and isinstance(m.id, str)}


def _ckan_untranslated() -> set[str]:
    """CKAN msgids its Japanese catalogue leaves in English (what would leak)."""
    from babel.messages.pofile import read_po

    import ckan

    path = pathlib.Path(ckan.__file__).parent / "i18n/ja/LC_MESSAGES/ckan.po"
    with open(path, "rb") as f:
        return {m.id for m in read_po(f) if isinstance(m.id, str) and m.id and m.string in ("", m.id)}


def _strings(value, out: set[str]) -> None:
    if isinstance(value, dict):
        for v in value.values():
            _strings(v, out)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _strings(v, out)
    elif isinstance(value, str) and JAPANESE.search(value):
        out.add(value)


@pytest.fixture(scope="module")
def site(pytestconfig, live_server):
    """The demo catalog, an editor of 新宿区, and one file validated."""
    from ckan.lib.search import clear_all
    from ckan.tests.helpers import reset_db

    reset_db()
    clear_all()
    with configured_plugins():
        ckan_bin = pathlib.Path(sys.executable).with_name("ckan")
        ini = str(pathlib.Path(pytestconfig.getoption("ckan_ini")).resolve())
        subprocess.run([str(ckan_bin), "-c", ini, "db", "upgrade"], check=True, capture_output=True)
        demo.load()
        pkg = helpers.call_action("package_show", id=DATASET)
        org = pkg["organization"]["name"]
        helpers.call_action("user_create", site_context(), name="editor", email="editor@example.invalid",
                            password=PASSWORD)
        helpers.call_action("organization_member_create", site_context(), id=org, username="editor", role="editor")
        resource = pkg["resources"][0]
        helpers.call_action("resource_validation_run", site_context(), resource_id=resource["id"], **{"async": False})
        # user data: what the catalog's publishers wrote (shown as written on /en pages)
        data: set[str] = set()
        for dataset in helpers.call_action("package_search", rows=1000)["results"]:
            _strings(dataset, data)
        for name in helpers.call_action("organization_list"):
            _strings(helpers.call_action("organization_show", id=name), data)
        for schema_id in standards.schema_ids():
            _strings(standards.descriptor(schema_id)["fields"], data)
        run = helpers.call_action("resource_validation_show", site_context(), resource_id=resource["id"])
        _strings(run.get("report"), data)
        model.Session.remove()
    return {"url": live_server, "dataset": DATASET, "resource": resource["id"], "org": org, "data": data}


def _pages(site) -> dict[str, str]:
    d, r = site["dataset"], site["resource"]
    return {
        "home": "/",
        "about": "/about",
        "search": "/dataset/?q=" + SEARCHED,
        "dataset": f"/dataset/{d}",
        "resource": f"/dataset/{d}/resource/{r}",
        "report": f"/dataset/{d}/resource/{r}/validation",
        "standard": "/standard/current-13-public-toilet",
        "quality": "/tokyo/quality",
        "quality-rule": "/tokyo/quality/rule?code=tokyo/phone-format",
        "organization": f"/organization/{site['org']}",
        "category": "/dataset/?vocab_tokyo_category=c005",
    }


EDITOR_PAGES = {"dataset-form": "/dataset/new", "resource-form": "/dataset/{d}/resource/new",
                "dataset-edit": "/dataset/edit/{d}"}


@pytest.fixture(scope="module")
def language_rules():
    ja, en = _catalogue("ja"), _catalogue("en")
    # English msgids whose Japanese differs: such a text on a Japanese page leaked
    english = {m for m, s in ja.items() if s and s != m and "%" not in m and "{" not in m}
    english |= {m for m in _ckan_untranslated() if len(m) > 3 and "%" not in m and "{" not in m
                and re.search(r"[A-Za-z]{3}", m) and ja.get(m) != m}  # ours may keep it as is ("URL:")
    japanese = {s for m, s in ja.items() if s and JAPANESE.search(s) and "%" not in s and "{" not in s}
    return {"english": english, "japanese": japanese, "en": en}


def _check(page, name: str, lang: str, width: str, site, rules) -> list[str]:
    problems = []
    html = page.content()
    for placeholder in PLACEHOLDERS:
        if placeholder in html:
            problems.append(f"placeholder {placeholder!r}")
    if page.locator("html").get_attribute("lang") != lang:
        problems.append(f"html lang is {page.locator('html').get_attribute('lang')}")
    texts = page.evaluate(TEXTS_JS)
    if lang == "ja":
        leaked = sorted({t for t in texts if (t.rstrip(":：") in rules["english"] or t in rules["english"])
                         and t not in PROPER_NAMES})
        problems += [f"English on a Japanese page: {t!r}" for t in leaked]
    else:
        data = site["data"] | {SEARCHED}
        for text in texts:
            runs = [r.strip(" .…:()（）,、「」") for r in JAPANESE_RUN.findall(text) if JAPANESE.search(r)]
            if text in rules["japanese"] or any(not any(r in value for value in data) for r in runs):
                problems.append(f"Japanese on an English page: {text!r}")
    if width == "phone":
        scroll = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        if scroll > 0:
            problems.append(f"{scroll} px of horizontal scroll")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => (await axe.run(document, {runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations.map(
        v => v.id + ': ' + v.help + ' @ ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))""")
    problems += [f"axe {v}" for v in result]
    screenshot(page, f"public-{name}-{lang}-{width}")
    return [f"{name} [{lang}, {width}] {p}" for p in problems]


def _walk(browser, site, rules, pages: dict[str, str], login: bool) -> list[str]:
    problems = []
    for width, (w, h) in WIDTHS.items():
        context = browser.new_context(locale="ja-JP", viewport={"width": w, "height": h})
        page = context.new_page()
        if login:
            page.goto(site["url"] + "/user/login")
            page.fill("#field-login", "editor")
            page.fill("#field-password", PASSWORD)
            with page.expect_navigation():
                page.press("#field-password", "Enter")
        for lang in ("ja", "en"):
            prefix = "" if lang == "ja" else "/en"
            for name, path in pages.items():
                response = page.goto(site["url"] + prefix + path)
                assert response is not None and response.status == 200, (name, lang, response and response.status)
                page.wait_for_load_state("load")
                problems += _check(page, name, lang, width, site, rules)
        context.close()
    return problems


def test_public_pages(site, browser, language_rules):
    problems = _walk(browser, site, language_rules, _pages(site), login=False)
    (ARTIFACTS / "public-pages-problems.json").write_text(json.dumps(problems, ensure_ascii=False, indent=1))
    assert not problems, "\n".join(problems)


def test_editor_forms(site, browser, language_rules):
    pages = {name: path.format(d=site["dataset"]) for name, path in EDITOR_PAGES.items()}
    problems = _walk(browser, site, language_rules, pages, login=True)
    (ARTIFACTS / "editor-forms-problems.json").write_text(json.dumps(problems, ensure_ascii=False, indent=1))
    assert not problems, "\n".join(problems)
