"""Home page and a dataset page in Japanese, through a real browser."""
import pytest

from ckanext.tokyo import demo

from .conftest import configured_plugins, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo_catalog(reset_db_module, live_server):
    with configured_plugins():  # the demo is stored through the Tokyo schema
        demo.load()
    return live_server


@pytest.fixture(scope="module")
def reset_db_module():
    from ckan.lib.search import clear_all
    from ckan.tests.helpers import reset_db

    reset_db()
    clear_all()


def test_home_and_dataset_page_in_japanese(demo_catalog, page):
    page.goto(demo_catalog + "/")
    assert page.locator("html").get_attribute("lang") == "ja"
    assert "東京都オープンデータカタログ" in page.title()
    assert page.get_by_role("link", name="データセット").first.is_visible()
    assert screenshot(page, "home").stat().st_size > 10_000

    page.goto(demo_catalog + "/dataset/t131041d0000000001")
    assert page.locator("[role=main] h1").first.inner_text().strip() == "新宿区公衆トイレ一覧"
    assert page.get_by_text("公衆トイレ一覧").first.is_visible()
    assert screenshot(page, "dataset").stat().st_size > 10_000


def test_english_is_available(demo_catalog, page):
    page.goto(demo_catalog + "/en/dataset")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Datasets" in page.content()
