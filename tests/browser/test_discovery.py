"""The search engineer's pages in Debian's Chromium, in Japanese and
English: the category list and a category page, the organisation directory,
search result cards, a search that finds nothing, and the dataset page's
usage figures. In the parts these pages add, no string of the other
language, sections named by their headings, images with a text
alternative; and a visit in the browser is counted as a page view.
Screenshots: tests/artifacts/discovery-<page>-<lang>.png."""
import pathlib
import re
import subprocess
import sys
import time

import pytest

from .conftest import screenshot

pytestmark = pytest.mark.browser

DATASET = "t131041d0000000001"  # the demo's public toilets of Shinjuku
NOTHING_FOUND = "存在しない語 公園"
PAGES = {
    "categories": "/group",
    "category": "/group/c005",
    "organizations": "/organization",
    "results": "/dataset/?q=トイレ",
    "no-results": "/dataset/?q=" + NOTHING_FOUND,
    "dataset": f"/dataset/{DATASET}",
}
# The parts these pages add (templates of tokyo_schema, tokyo_usage).
OURS = (".tokyo-category-section, .tokyo-organization-section, .tokyo-dataset-facts, .tokyo-suggestions,"
        " .tokyo-dataset-usage, #group-info")
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
ENGLISH_WORD = re.compile(r"\b[A-Za-z]{3,}\b")
ALLOWED_IN_JAPANESE = {"AED", "CSV", "LAN"}  # words the Japanese titles themselves use
TEXTS_JS = """(selector) => {
  const out = [];
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement, text = walker.currentNode.textContent.trim();
      if (text && el && getComputedStyle(el).display !== 'none') out.push(text);
    }
    for (const el of root.querySelectorAll('[aria-label],[title],img[alt]'))
      for (const a of ['aria-label', 'title', 'alt']) { const v = (el.getAttribute(a) || '').trim(); if (v) out.push(v); }
  }
  return out;
}"""


def _ckan(pytestconfig, *args):
    """A `ckan` command on the test configuration (the live server's database)."""
    ckan = [str(pathlib.Path(sys.executable).with_name("ckan")), "-c", pytestconfig.getoption("ckan_ini")]
    subprocess.run([*ckan, *args], check=True, capture_output=True)


def _check_accessible(page):
    for section in page.locator("section[aria-labelledby]").all():
        heading = section.get_attribute("aria-labelledby")
        assert page.locator(f"#{heading}").count() == 1, heading
    assert page.locator("[role=main] img:not([alt])").count() == 0
    for link in page.locator("[role=main] a[href]").all():
        name = (link.inner_text() or link.get_attribute("aria-label") or link.get_attribute("title") or "").strip()
        assert name or link.locator("img[alt]").count(), link.evaluate("a => a.outerHTML")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_discovery_pages_speak_the_pages_language(demo_catalog, page, lang):
    prefix = "" if lang == "ja" else "/en"
    for name, path in PAGES.items():
        page.goto(demo_catalog + prefix + path)
        assert page.locator("html").get_attribute("lang") == lang, name
        texts = page.evaluate(TEXTS_JS, OURS)
        assert texts, name
        for word in NOTHING_FOUND.split():  # the visitor's own words, repeated in the suggestions
            texts = [t.replace(word, "") for t in texts]
        if lang == "en":
            leaks = [t for t in texts if JAPANESE.search(t)]
        else:
            leaks = [t for t in texts if set(ENGLISH_WORD.findall(t)) - ALLOWED_IN_JAPANESE]
        assert not leaks, (name, leaks)
        _check_accessible(page)
        screenshot(page, f"discovery-{name}-{lang}")


def test_cards_zero_results_and_directories_say_what_they_should(demo_catalog, page, pytestconfig):
    _ckan(pytestconfig, "db", "upgrade", "-p", "tokyo_validation")  # the reset database lacks the table
    _ckan(pytestconfig, "tokyo", "validate", "--dataset", DATASET, "--sync")  # its badge on the card
    page.goto(demo_catalog + "/dataset/?q=トイレ")
    card = page.locator(".dataset-item", has_text="新宿区公衆トイレ一覧")
    assert "公開者" in card.inner_text() and "新宿区" in card.inner_text() and "最終更新" in card.inner_text()
    assert card.locator("[data-validation-status]").count() == 1

    page.goto(demo_catalog + "/dataset/?q=" + NOTHING_FOUND)
    suggestions = page.locator(".tokyo-suggestions")
    assert suggestions.get_by_role("link", name="「公園」だけで検索").is_visible()
    suggestions.get_by_role("link", name="「公園」だけで検索").click()
    assert page.locator(".dataset-item").count() >= 1

    page.goto(demo_catalog + "/en/organization")
    sections = page.locator(".tokyo-organization-section h2").all_inner_texts()
    assert sections == ["Bureaus of the Tokyo Metropolitan Government", "Municipalities"]
    page.goto(demo_catalog + "/group")
    assert page.locator("#category-section-1 + ul .media-heading").first.inner_text() == "医療・福祉"


def test_a_visit_in_the_browser_is_counted_as_a_page_view(demo_catalog, browser, pytestconfig):
    def views(pg):
        return int(pg.locator('[data-usage="views"]').inner_text())

    context = browser.new_context(locale="ja-JP", user_agent="discovery-test-visitor")
    visitor = context.new_page()
    visitor.goto(demo_catalog + f"/dataset/{DATASET}")
    before = views(visitor)
    time.sleep(1)  # tracking.js posts the view (and gives up waiting after 300 ms)
    context.close()
    _ckan(pytestconfig, "tokyo", "usage", "update")
    context = browser.new_context(locale="ja-JP")
    page = context.new_page()
    page.goto(demo_catalog + f"/dataset/{DATASET}")
    assert views(page) > before  # this visit and any earlier test's, once counted
    context.close()
