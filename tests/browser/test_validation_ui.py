"""tokyo_validation through a real browser: an editor uploads a defective
CSV with the resource form, the worker (`ckan jobs worker` on the test
config) validates it, the badge appears and the report page lists the
findings by rule, each in its row. Screenshots: tests/artifacts/validation-*.png"""
from __future__ import annotations

import pathlib
import subprocess
import sys

import pytest

import ckan.model as model
import ckan.tests.helpers as helpers

from ckanext.tokyo import demo

from tests.integration.validation_support import (
    BAD_CSV,
    site_context,
    start_worker,
    status_row,
    upload,
    wait_for,
)

from .conftest import ARTIFACTS, screenshot, unload_plugins

pytestmark = pytest.mark.browser

DATASET = "t131041d0000000003"  # the demo's nursery list of Shinjuku
PASSWORD = "Steward-Pass-2026"


@pytest.fixture(scope="module")
def catalog(pytestconfig, live_server):
    import ckan.plugins
    from ckan.lib.jobs import get_queue
    from ckan.lib.search import clear_all
    from ckan.tests.helpers import reset_db

    ckan.plugins.load_all()  # what with_plugins does, for the whole module
    reset_db()
    clear_all()
    # jobs queued by earlier tests are for datasets no longer there: the
    # worker would spend seconds on each before reaching this test's upload
    get_queue().empty()
    ini = str(pathlib.Path(pytestconfig.getoption("ckan_ini")).resolve())
    ckan_bin = pathlib.Path(sys.executable).with_name("ckan")
    subprocess.run([str(ckan_bin), "-c", ini, "db", "upgrade"], check=True, capture_output=True)  # plugin tables
    demo.load()  # the demo catalog; its uploads are queued for the worker too
    org = helpers.call_action("package_show", id=DATASET)["organization"]
    helpers.call_action("user_create", site_context(), name="steward", email="steward@example.invalid",
                        password=PASSWORD)
    helpers.call_action("organization_member_create", site_context(), id=org["name"], username="steward",
                        role="editor")
    model.Session.remove()
    worker = start_worker(ini, ARTIFACTS / "validation-worker.log")
    yield live_server
    worker.terminate()
    worker.wait(30)
    unload_plugins()


def sign_in(page, catalog):
    page.goto(catalog + "/user/login")
    page.fill("#field-login", "steward")
    page.fill("#field-password", PASSWORD)
    with page.expect_navigation():
        page.press("#field-password", "Enter")
    assert "steward" in page.content()


def test_upload_bad_csv_see_badge_and_report(catalog, page, tmp_path):
    bad = tmp_path / "保育園一覧_sjis.csv"
    bad.write_bytes(BAD_CSV)

    sign_in(page, catalog)

    page.goto(f"{catalog}/dataset/{DATASET}/resource/new")
    page.set_input_files("input[name=upload]", str(bad))
    page.fill("[name='name_translated-ja']", "保育園一覧（検証テスト）")
    if page.locator("[name=modified]").count():  # required by tokyo_schema
        page.fill("[name=modified]", "2026-06-01")
    assert screenshot(page, "validation-upload-form").stat().st_size > 10_000
    with page.expect_navigation():
        page.locator("button[name=save]").last.click()

    # the worker validates it; the dataset page shows the badge
    item = page.locator(".resource-item", has_text="保育園一覧（検証テスト）")
    badge = item.locator(".tokyo-validation-badge")
    for _ in range(120):  # the demo's files are queued before it: on a slow machine, minutes
        page.goto(f"{catalog}/dataset/{DATASET}")
        if badge.count() and badge.first.get_attribute("data-validation-status") in ("failure", "success", "error"):
            break
        page.wait_for_timeout(1000)
    assert badge.first.get_attribute("data-validation-status") == "failure"
    assert badge.first.inner_text().strip() == "不適合"
    assert screenshot(page, "validation-dataset-badge").stat().st_size > 10_000

    item.locator("a.heading").first.click()  # the resource page: badge and link to the report
    page.wait_for_load_state()
    assert page.locator(".tokyo-validation-summary .tokyo-validation-badge").inner_text().strip() == "不適合"
    screenshot(page, "validation-resource-page")
    page.locator(".tokyo-validation-summary .tokyo-validation-badge").click()
    page.wait_for_load_state()
    assert page.url.endswith("/validation")
    assert page.locator("#validation-status").inner_text().strip() == "不適合"
    rules = page.locator("section.tokyo-validation-rule")
    codes = [rules.nth(i).get_attribute("data-code") for i in range(rules.count())]
    assert {"tokyo/encoding-not-utf8", "tokyo/wareki-date", "tokyo/phone-format"} <= set(codes)
    # each rule headed by its short title (messages.title), never a template
    heading = lambda code: page.locator(f"section[data-code='{code}'] h3").inner_text()  # noqa: E731
    assert "日付が和暦で書かれている" in heading("tokyo/wareki-date")
    assert "文字コードがUTF-8でない" in heading("tokyo/encoding-not-utf8")
    assert not any("…" in text or "{" in text for text in page.locator("section.tokyo-validation-rule h3").all_inner_texts())
    wareki = page.locator("section[data-code='tokyo/wareki-date'] tbody tr").first
    assert [c.strip() for c in wareki.locator("td").all_inner_texts()[:3]] == ["4", "開設日", "令和2年4月1日"]
    # the offending row as written in the file, the finding's cell marked in words
    context = wareki.locator("details.tokyo-row-context")
    context.locator("summary").click()
    assert context.locator("summary").inner_text().strip() == "ファイルの4行目"
    here = context.locator("tr.tokyo-row-context-here")
    assert here.locator("th").inner_text().strip() == "開設日"
    assert here.locator("td").inner_text().strip() == "令和2年4月1日 （この項目）"
    assert "新宿第三保育園" in context.inner_text()  # the row's other cells
    # the planted markup is shown as text, never run
    assert page.locator("td > code", has_text="<script>alert(1)</script>").first.is_visible()
    assert screenshot(page, "validation-report").stat().st_size > 10_000

    page.goto(f"{catalog}/en/dataset/{DATASET}/resource/"
              + page.url.split("/resource/")[1].split("/")[0] + "/validation")
    assert page.locator("#validation-status").inner_text().strip() == "Invalid"
    assert "Findings by rule" in page.content()
    assert "Date in the Japanese era calendar" in heading("tokyo/wareki-date")
    assert "Not UTF-8" in heading("tokyo/encoding-not-utf8")
    screenshot(page, "validation-report-en")

    page.goto(catalog + "/tokyo/quality")
    assert page.locator("#quality-organizations tbody tr").count() >= 1
    assert "日付が和暦で書かれている" in page.locator("#quality-chart").inner_text()
    screenshot(page, "validation-quality")
    page.goto(catalog + "/en/tokyo/quality")
    assert "Date in the Japanese era calendar" in page.locator("#quality-chart").inner_text()
    assert "Shinjuku City" in page.locator("#quality-organizations").inner_text()
    screenshot(page, "validation-quality-en")


def noisy_csv(rows: int = 5000) -> bytes:
    """A file with 10,000 findings: every row has a 和暦 date and a full-width phone number."""
    lines = ["名称,電話番号,開設日"] + [f"施設{n},０３-１２３４-５６７８,令和2年4月{n % 28 + 1}日" for n in range(rows)]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def test_report_of_10000_findings_reads_in_a_page(catalog, page):
    """The report page sums a file's findings up by rule and column: a file
    with 10,000 findings is a page with a line per column, each with its
    count, first rows and example values."""
    resource = upload(DATASET, noisy_csv(), "10000-findings.csv", modified="2026-06-01",
                      name_translated={"ja": "指摘1万件のファイル", "en": "A file with 10,000 findings"})
    wait_for(lambda: (status_row(resource["id"]) or None) and status_row(resource["id"]).status in ("failure", "error"),
             timeout=120)
    page.goto(f"{catalog}/dataset/{DATASET}/resource/{resource['id']}/validation")
    assert page.locator("#validation-status").inner_text().strip() == "不適合"
    wareki = page.locator("section[data-code='tokyo/wareki-date']")
    assert "5000" in wareki.locator("h3").inner_text()
    lines = wareki.locator("tr.tokyo-validation-column")
    assert lines.count() == 1  # one column: one line, not 5,000
    cells = [c.strip() for c in lines.first.locator(":scope > td").all_inner_texts()]
    assert cells[0].startswith("2, 3, 4") and cells[0].endswith("…") and cells[1] == "開設日"
    assert cells[3] == "5000" and "令和2年4月" in cells[2]
    zenkaku = page.locator("section[data-code='tokyo/zenkaku-alnum'] tr.tokyo-validation-column")
    assert zenkaku.count() == 1 and "5000" in zenkaku.first.inner_text()
    assert page.locator("section.tokyo-validation-rule tr.tokyo-validation-column").count() < 20
    assert screenshot(page, "validation-report-10000").stat().st_size > 10_000
    page.goto(f"{catalog}/en/dataset/{DATASET}/resource/{resource['id']}/validation")
    assert page.get_by_role("columnheader", name="Count").first.is_visible()


def test_download_the_fixed_copy_and_replace_the_file_with_it(catalog, page, tmp_path):
    """The worker makes the fixed copy with the validation; the editor downloads
    it, reads the change log, replaces the file; the original stays downloadable
    and the resource is validated again."""
    resource = upload(DATASET, BAD_CSV, "fix_me_sjis.csv", modified="2026-06-01",
                      name_translated={"ja": "修正テスト", "en": "Fix test"})
    wait_for(lambda: (status_row(resource["id"]) or None) and status_row(resource["id"]).status == "failure",
             timeout=120)
    first_sha = status_row(resource["id"]).report["stats"]["sha256"]
    sign_in(page, catalog)
    report_url = f"{catalog}/dataset/{DATASET}/resource/{resource['id']}/validation"
    page.goto(report_url)
    section = page.locator("#tokyo-fixed-copy")
    assert "修正版" in section.locator("h2").inner_text()
    with page.expect_download() as download:
        page.click("#tokyo-fixed-download")
    fixed = tmp_path / "fixed.csv"
    download.value.save_as(fixed)
    assert download.value.suggested_filename == "fix_me_sjis.csv"
    assert "新宿第三保育園,03-1234-5679,2020-04-01,80,131041" in fixed.read_text(encoding="utf-8")
    section.locator("summary").click()  # the change log
    row = section.locator("tr", has_text="令和2年4月1日").first
    assert [c.strip() for c in row.locator("td").all_inner_texts()][:4] == ["4", "開設日", "令和2年4月1日", "2020-04-01"]
    assert screenshot(page, "validation-fixed-copy").stat().st_size > 10_000

    with page.expect_navigation():
        page.click("#tokyo-fixed-replace button")
    assert "修正版で置き換えました" in page.content()
    with page.expect_download() as original:
        page.click("#tokyo-original-download")
    assert pathlib.Path(original.value.path()).read_bytes() == BAD_CSV
    # validated again by the worker: a new report, about the fixed bytes
    wait_for(lambda: status_row(resource["id"]).report
             and status_row(resource["id"]).report["stats"]["sha256"] != first_sha, timeout=120)
    page.goto(report_url)
    codes = {page.locator("section.tokyo-validation-rule").nth(i).get_attribute("data-code")
             for i in range(page.locator("section.tokyo-validation-rule").count())}
    assert "tokyo/phone-format" in codes and not codes & {"tokyo/wareki-date", "tokyo/encoding-not-utf8"}
    assert page.locator("#tokyo-original-download").is_visible()
    screenshot(page, "validation-fixed-replaced")
    page.goto(report_url.replace(catalog, catalog + "/en"))
    assert "This resource holds a fixed copy" in page.content() and "元のファイル" not in page.content()
