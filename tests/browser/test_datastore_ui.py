"""tokyo_datastore through a real browser: the demo catalog is validated and
loaded by the worker (`ckan jobs worker` on the test config); the 公衆トイレ
resource page shows the table preview (datatables_view, paging, sorting,
filtering) and the map of its points, in Japanese and English, also on a
phone-sized screen, with the Data API examples. No network: the map draws
points without tiles. Screenshots: tests/artifacts/datastore-*.png"""
from __future__ import annotations

import pathlib
import subprocess
import sys
import urllib.parse
import urllib.request

import pytest

import ckan.model as model
import ckan.tests.helpers as helpers

from ckanext.tokyo import demo
from ckanext.tokyo.catalog_datastore.model import ResourceLoad

from tests.integration.validation_support import start_worker, wait_for

from .conftest import ARTIFACTS, screenshot, unload_plugins

pytestmark = pytest.mark.browser

DATASET = "t131041d0000000001"  # the demo's 公衆トイレ一覧 of 新宿区


@pytest.fixture(scope="module")
def catalog(pytestconfig, live_server):
    from sqlalchemy import orm

    import ckan.plugins
    from ckan.lib.search import clear_all
    from ckan.tests.helpers import reset_db

    from ckanext.datastore.backend.postgres import get_write_engine
    from ckanext.datastore.tests.helpers import clear_db

    ckan.plugins.load_all()
    reset_db()
    clear_all()
    clear_db(orm.scoped_session(orm.sessionmaker(bind=get_write_engine())))
    ini = str(pathlib.Path(pytestconfig.getoption("ckan_ini")).resolve())
    ckan_bin = pathlib.Path(sys.executable).with_name("ckan")
    subprocess.run([str(ckan_bin), "-c", ini, "db", "upgrade"], check=True, capture_output=True)  # plugin tables
    demo.load()  # validation jobs queued; each one queues its load when it ends
    resource = helpers.call_action("package_show", id=DATASET)["resources"][0]
    model.Session.remove()
    worker = start_worker(ini, ARTIFACTS / "datastore-worker.log")

    def loaded():
        model.Session.remove()
        row = ResourceLoad.get(resource["id"])
        return row is not None and row.status == "loaded"

    try:
        wait_for(loaded, timeout=180, every=1)
        yield live_server, resource
    finally:
        worker.terminate()
        worker.wait(30)
        unload_plugins()


def _resource_page(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state()


def test_table_preview_map_and_data_api(catalog, page):
    site, resource = catalog
    url = f"{site}/dataset/{DATASET}/resource/{resource['id']}"
    _resource_page(page, url)
    tabs = page.locator(".nav-tabs .view-item")
    assert sorted(t.strip() for t in tabs.all_inner_texts()) == sorted(["テーブル", "地図"])

    table = page.frame_locator("iframe").first.locator("table#dtprv")
    table.locator("tbody tr").first.wait_for(timeout=30_000)
    assert table.locator("tbody tr").count() == 3
    headings = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    assert "名称" in headings and "緯度" in headings
    assert "新宿中央公園トイレ" in table.locator("tbody").inner_text()
    screenshot(page, "datastore-table-ja")
    # sorting: a click on a heading asks datastore_search for that order
    heading = page.frame_locator("iframe").first.locator("thead th").filter(has_text="名称").first
    for first in ("大久保公園トイレ", "新宿中央公園トイレ"):  # ascending, then descending (code point order)
        heading.click()
        page.wait_for_timeout(1500)
        assert first in table.locator("tbody tr").first.inner_text()
    # filtering: CKAN's filters (the フィルター追加 button) narrow the table
    _resource_page(page, url + "?filters=" + urllib.parse.quote("名称:大久保公園トイレ"))
    table.locator("tbody tr").first.wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    assert table.locator("tbody tr").count() == 1 and "大久保公園トイレ" in table.locator("tbody").inner_text()

    api = page.locator("#data-api")
    assert "データAPI" in api.inner_text() and "datastore_search?resource_id=" in api.inner_text()
    link = api.locator("a[href*='datastore_search?']").first.get_attribute("href")
    with urllib.request.urlopen(link, timeout=30) as answer:
        assert answer.status == 200 and b'"success": true' in answer.read()

    page.locator(".nav-tabs .view-item-tokyo_map_view").click()
    page.wait_for_load_state()
    points = page.locator(".tokyo-map svg circle")
    assert points.count() == 3
    points.first.click()
    assert "トイレ" in page.locator(".tokyo-map-caption").inner_text()
    screenshot(page, "datastore-map-ja")


def test_english_page_and_phone(catalog, browser):
    site, resource = catalog
    context = browser.new_context(locale="en-US", viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    try:
        _resource_page(page, f"{site}/en/dataset/{DATASET}/resource/{resource['id']}")
        tabs = sorted(t.strip() for t in page.locator(".nav-tabs .view-item").all_inner_texts())
        assert tabs == ["Map", "Table"]
        api = page.locator("#data-api").inner_text()
        assert "Data API" in api and "The first 5 rows" in api and "データAPI" not in api
        table = page.frame_locator("iframe").first.locator("table#dtprv")
        table.locator("tbody tr").first.wait_for(timeout=30_000)
        screenshot(page, "datastore-table-phone-en")
        page.locator(".nav-tabs .view-item-tokyo_map_view").click()
        page.wait_for_load_state()
        svg = page.locator(".tokyo-map svg")
        box = svg.bounding_box()
        assert box and box["width"] <= 390  # fits the phone's width
        page.locator(".tokyo-map svg circle").nth(1).tap()
        assert "Toilet" in page.locator(".tokyo-map-caption").inner_text() or "トイレ" in page.locator(
            ".tokyo-map-caption").inner_text()
        screenshot(page, "datastore-map-phone-en")
    finally:
        context.close()
