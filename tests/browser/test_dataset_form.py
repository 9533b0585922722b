"""An editor creates a dataset through the Japanese form, with a CSV upload,
and sees it on the dataset page (tokyo_schema fields, fluent inputs)."""
import pathlib

import pytest

from .conftest import configured_plugins, screenshot

pytestmark = pytest.mark.browser

CSV = pathlib.Path(__file__).resolve().parents[2] / "ckanext-tokyo/ckanext/tokyo/demo/files/131041_public_toilet.csv"
PASSWORD = "editor-pass-1234"


@pytest.fixture(scope="module")
def editor_site(live_server):
    """Clean database, 新宿区 with an editor; the plugins loaded in-process
    so the organisation is stored through the Tokyo schema."""
    from ckan.lib.search import clear_all
    from ckan.tests import factories
    from ckan.tests.helpers import call_action, reset_db

    reset_db()
    clear_all()
    with configured_plugins():
        user = factories.User(name="shinjuku-editor", password=PASSWORD)
        site_user = call_action("get_site_user")
        call_action("organization_create", context={"user": site_user["name"]},
                    name="t131041", title="新宿区", title_en="Shinjuku City",
                    corporate_number="7000020131041", local_government_code="131041",
                    users=[{"name": user["name"], "capacity": "editor"}])
    return live_server


def test_editor_creates_dataset_in_japanese_with_csv_upload(editor_site, page):
    base = editor_site
    page.goto(base + "/user/login")
    page.fill("#field-login", "shinjuku-editor")
    page.fill("#field-password", PASSWORD)
    page.press("#field-password", "Enter")
    page.wait_for_load_state()

    page.goto(base + "/dataset/new")
    assert page.locator("html").get_attribute("lang") == "ja", page.url
    assert page.get_by_text("タイトル（日本語）").first.is_visible()
    page.fill("#field-title_translated-ja", "新宿区公衆トイレ一覧（ブラウザ）")
    page.fill("#field-title_translated-en", "Public toilets in Shinjuku City (browser)")
    if not page.locator("#field-name").is_visible():
        page.locator(".slug-preview button, .slug-preview a").first.click()
    page.fill("#field-name", "t131041d0000000777")
    page.fill("#field-notes_translated-ja", "新宿区内の公衆トイレの一覧です。")
    page.fill("#field-tags_translated-ja", "トイレ, バリアフリー")
    page.select_option("#field-organizations", label="新宿区", force=True)
    page.fill("#field-maintainer", "新宿区総合政策部")
    page.select_option("#field-frequency", label="毎年")
    page.select_option("#field-category", label="c005 医療・福祉")
    page.select_option("#field-conforms_to", value="current-13-public-toilet")
    page.select_option("#field-spatial_coverage-0-uri", label="新宿区（131041）")
    page.fill("#field-issued", "2024-04-01")
    page.select_option("#field-license_id", value="CC-BY-4.0", force=True)
    screenshot(page, "dataset-form-ja")
    page.locator("button[name=save]").last.click()
    page.wait_for_load_state()

    # stage 2: the resource, with the CSV uploaded
    assert "/resource/new" in page.url, page.url
    page.set_input_files("#field-resource-upload", str(CSV))
    page.fill("#field-name_translated-ja", "公衆トイレ一覧")
    page.fill("#field-modified", "2025-05-20")
    page.select_option("#field-encoding", value="UTF-8")
    screenshot(page, "resource-form-ja")
    page.locator("button[name=save][value=go-metadata]").click()
    page.wait_for_load_state()

    assert page.url.rstrip("/").endswith("/dataset/t131041d0000000777"), page.url
    assert page.locator("h1").first.inner_text().strip() == "新宿区公衆トイレ一覧（ブラウザ）"
    assert page.get_by_text("公衆トイレ一覧").first.is_visible()
    assert page.get_by_text("毎年").first.is_visible()
    assert page.get_by_text("新宿区（131041）").first.is_visible()
    assert page.get_by_text("クリエイティブ・コモンズ 表示 4.0").first.is_visible()
    assert screenshot(page, "dataset-created-ja").stat().st_size > 10_000

    # the upload landed
    res_link = page.locator("a.heading, .resource-item a").first
    assert res_link.is_visible()
    # the facets, with Japanese titles and value labels
    page.goto(base + "/dataset/")
    facets = page.locator("section.module-narrow, nav[aria-label]").all_inner_texts()
    text = " ".join(facets) or page.content()
    for title in ("カテゴリ", "組織", "更新頻度", "標準データセット", "ライセンス", "形式"):
        assert title in text, title
    for label in ("医療・福祉", "毎年", "公衆トイレ一覧"):
        assert label in text, label
    screenshot(page, "dataset-search-facets-ja")

    page.goto(base + "/en/dataset/t131041d0000000777")
    assert "Public toilets in Shinjuku City (browser)" in page.locator("h1").first.inner_text()
    screenshot(page, "dataset-created-en")
