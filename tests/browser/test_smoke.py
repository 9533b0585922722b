"""Home page and a dataset page in Japanese, through a real browser."""
import pytest

from .conftest import screenshot

pytestmark = pytest.mark.browser


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
