"""An editor creates a dataset through the Japanese form, with a CSV upload,
and sees it on the dataset page (tokyo_schema fields, fluent inputs): coded
values by their ja/en labels, no empty rows; the resource and organisation
pages likewise."""
import pathlib

import pytest
from playwright.sync_api import expect

from .conftest import configured_plugins, screenshot

pytestmark = pytest.mark.browser

CSV = pathlib.Path(__file__).resolve().parents[2] / "ckanext-tokyo/ckanext/tokyo/demo/files/131041_public_toilet.csv"
PASSWORD = "editor-pass-1234"
EU = "publications.europa.eu"


def _table(page, selector: str) -> dict[str, str]:
    """A two-column table (label → value) of the page."""
    rows = page.locator(f"{selector} tbody tr:has(th)")
    out = {}
    for i in range(rows.count()):
        row = rows.nth(i)
        out[row.locator("th").inner_text().strip()] = row.locator("td").inner_text().strip()
    return out


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
                    url="https://www.city.shinjuku.lg.jp/",
                    users=[{"name": user["name"], "capacity": "editor"}])
        call_action("organization_create", context={"user": site_user["name"]},
                    name="t000003", title="総務局", title_en="Bureau of General Affairs",
                    corporate_number="8000020130001", local_government_code="130001",
                    parent_organization="130001")
    return live_server


def test_editor_creates_dataset_in_japanese_with_csv_upload(editor_site, page):
    base = editor_site
    page.goto(base + "/user/login")
    page.fill("#field-login", "shinjuku-editor")
    page.fill("#field-password", PASSWORD)
    page.press("#field-password", "Enter")
    page.wait_for_load_state()

    page.goto(base + "/dataset/new")
    page.wait_for_load_state("networkidle")  # CKAN's slug-preview hides the URL field once its script ran
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
    page.get_by_label("医療・福祉", exact=True).check()  # categories are check boxes by name
    page.select_option("#field-conforms_to", value="current-13-public-toilet")
    page.select_option("#field-spatial_coverage-0-uri", label="新宿区（131041）")
    page.fill("#field-issued", "2024-04-01")
    page.fill("#field-temporal_coverage-0-start", "2024-04-01")
    page.fill("#field-temporal_coverage-0-end", "2025-03-31")
    page.fill("#field-contact-0-name", "新宿区総合政策部企画政策課")
    page.fill("#field-contact-0-email", "kikaku@example.invalid")
    page.fill("#field-contact-0-telephone", "０３－３２０９－１１１１")  # stored half-width
    # CC BY 4.0, the catalog's standard licence, is chosen already
    assert page.locator("#field-license_id").input_value() == "CC-BY-4.0"
    screenshot(page, "dataset-form-ja")
    page.locator("button[name=save]").last.click()
    page.wait_for_load_state()

    # stage 2: the resource, with the CSV uploaded
    page.wait_for_url("**/resource/new")
    page.wait_for_load_state("load")  # the form's scripts are running
    page.set_input_files("#field-resource-upload", str(CSV))
    # the file's name is offered as the resource's name
    expect(page.locator("#field-name_translated-ja")).to_have_value("131041_public_toilet")
    # a form error keeps the chosen file: the required date is left out first
    with page.expect_navigation():
        page.locator("button[name=save][value=go-metadata]").click()
    assert page.locator(".tokyo-held-upload").is_visible(), page.url
    assert "131041_public_toilet.csv" in page.locator(".tokyo-held-upload").inner_text()
    screenshot(page, "resource-form-kept-file-ja")
    page.fill("#field-name_translated-ja", "公衆トイレ一覧")
    page.fill("#field-modified", "2025-05-20")
    page.select_option("#field-encoding", value="UTF-8")
    screenshot(page, "resource-form-ja")
    page.locator("button[name=save][value=go-metadata]").click()
    page.wait_for_load_state()

    assert page.url.rstrip("/").endswith("/dataset/t131041d0000000777"), page.url
    assert page.locator("[role=main] h1").first.inner_text().strip() == "新宿区公衆トイレ一覧（ブラウザ）"
    assert page.get_by_text("公衆トイレ一覧").first.is_visible()
    assert page.get_by_text("毎年").first.is_visible()
    assert page.get_by_text("新宿区（131041）").first.is_visible()
    assert page.get_by_text("クリエイティブ・コモンズ 表示 4.0").first.is_visible()
    assert page.locator("section.license").inner_text().count("クリエイティブ・コモンズ 表示 4.0 国際") == 1
    assert page.locator("#organization-info h1.heading").inner_text().strip() == "新宿区"
    assert "新宿区" in page.locator(".breadcrumb").inner_text()
    assert screenshot(page, "dataset-created-ja").stat().st_size > 10_000

    # "additional info": coded values by their Japanese labels, no raw EU URIs,
    # the repeating fields compact, and no rows for the empty optional fields
    info = _table(page, "section.additional-info")
    assert EU not in str(info), info
    assert info["カテゴリ"] == "医療・福祉"
    assert info["テーマ（EU）"].split("\n") == ["健康", "人口・社会"]
    assert info["更新頻度"] == "毎年" and info["言語"] == "日本語" and info["アクセス権"] == "公開"
    assert info["準拠する標準"] == "公衆トイレ一覧（自治体標準オープンデータセット 13）"
    assert info["対象地域"] == "新宿区（131041）"
    assert info["対象期間"] == "2024-04-01 〜 2025-03-31"
    assert info["連絡先"].split("\n") == [
        "新宿区総合政策部企画政策課", "メールアドレス: kikaku@example.invalid", "電話番号: 03-3209-1111"]
    assert info["状態"] == "有効"
    assert all(info.values()), info
    for empty in ("更新頻度（補足）", "最終更新日", "ランディングページ", "来歴", "バージョン", "関連文書"):
        assert empty not in info, empty

    # the upload landed
    res_link = page.locator("a.heading, .resource-item a").first
    assert res_link.is_visible()
    resource_url = res_link.get_attribute("href")

    # the resource page: labels, no empty rows
    page.goto(base + resource_url)
    res_info = _table(page, "table[data-module=table-toggle-more]")
    assert EU not in str(res_info), res_info
    assert res_info["文字コード"] == "UTF-8（BOMなし）"
    assert res_info["最終更新日"] == "2025-05-20"  # the resource's own, not CKAN's upload time
    assert page.get_by_role("rowheader", name="最終更新日", exact=True).count() == 1
    assert res_info["言語"] == "日本語"
    assert res_info["ライセンス"] == "クリエイティブ・コモンズ 表示 4.0 国際 (CC BY 4.0)"
    assert all(res_info.values()), res_info
    screenshot(page, "resource-page-ja")
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
    assert "Public toilets in Shinjuku City (browser)" in page.locator("[role=main] h1").first.inner_text()
    info = _table(page, "section.additional-info")
    assert EU not in str(info), info
    assert info["Category"] == "Health and welfare"
    assert info["Theme (EU)"].split("\n") == ["Health", "Population and society"]
    assert info["Update frequency"] == "Annual" and info["Language"] == "Japanese"
    assert info["Access rights"] == "Public" and info["State"] == "Active"
    assert info["Conforms to"] == "Public toilets (local government standard open dataset 13)"
    assert info["Spatial coverage"] == "Shinjuku City (131041)"
    assert info["Temporal coverage"] == "2024-04-01 – 2025-03-31"
    assert "Email: kikaku@example.invalid" in info["Contact points"]
    assert all(info.values()) and "Version" not in info, info
    # the licence, the organisation in the sidebar and the breadcrumb in English
    licence = page.locator("section.license").inner_text()
    assert "Creative Commons Attribution 4.0 International (CC BY 4.0)" in licence and "クリエイティブ" not in licence
    assert page.locator("#organization-info h1.heading").inner_text().strip() == "Shinjuku City"
    breadcrumb = page.locator(".breadcrumb").inner_text()
    assert "Shinjuku City" in breadcrumb and "新宿区" not in breadcrumb, breadcrumb
    screenshot(page, "dataset-created-en")

    page.goto(base + "/en" + resource_url)
    res_info = _table(page, "table[data-module=table-toggle-more]")
    assert res_info["Character encoding"] == "UTF-8 (no BOM)" and res_info["Language"] == "Japanese"
    assert res_info["License"] == "Creative Commons Attribution 4.0 International (CC BY 4.0)"
    assert "Shinjuku City" in page.locator(".breadcrumb").inner_text()
    screenshot(page, "resource-page-en")

    # the facets in English: organisation and licence by their English names
    page.goto(base + "/en/dataset/")
    text = " ".join(page.locator("section.module-narrow").all_inner_texts())
    for label in ("Shinjuku City", "Creative Commons", "Health and welfare"):
        assert label in text, label
    assert "新宿区" not in text and "クリエイティブ" not in text, text
    # the result list in English too: the dataset's English title
    results = page.locator("ul.dataset-list").inner_text()
    assert "Public toilets in Shinjuku City (browser)" in results, results
    # long labels are cut; the link's title (2.12: its tooltip) has the whole one
    whole = "Creative Commons Attribution 4.0 International (CC BY 4.0)"
    assert page.locator(f'a[title="{whole}"], a[data-bs-title="{whole}"]').count() == 1
    screenshot(page, "dataset-search-facets-en")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_organization_page_shows_identifiers_and_parent_by_name(editor_site, page, lang):
    prefix = "" if lang == "ja" else "/en"
    page.goto(editor_site + prefix + "/organization/about/t131041")
    about = _table(page, "table.tokyo-organization-fields")
    if lang == "ja":
        assert page.locator(".primary h1").first.inner_text().strip() == "新宿区"
        assert about["英語名称"] == "Shinjuku City"
        assert about["法人番号"] == "7000020131041"
        assert about["全国地方公共団体コード"] == "新宿区（131041）"
        assert about["ホームページ"] == "https://www.city.shinjuku.lg.jp/"
        assert "上位団体" not in about and "連絡先（メール）" not in about
    else:
        assert page.locator(".primary h1").first.inner_text().strip() == "Shinjuku City"
        assert about["Name"] == "新宿区"
        assert about["Corporate number"] == "7000020131041"
        assert about["Local government code"] == "Shinjuku City (131041)"
    assert all(about.values()), about
    screenshot(page, f"organization-about-{lang}")

    page.goto(editor_site + prefix + "/organization/about/t000003")
    about = _table(page, "table.tokyo-organization-fields")
    parent = "上位団体" if lang == "ja" else "Parent body"
    assert about[parent] == ("東京都（130001）" if lang == "ja" else "Tokyo Metropolis (130001)")
    name = "総務局" if lang == "ja" else "Bureau of General Affairs"
    assert page.locator("#organization-info h1.heading").inner_text().strip() == name
    assert page.locator(".breadcrumb li.active").inner_text().strip() == name
    screenshot(page, f"organization-about-bureau-{lang}")


def test_organization_form_suggests_the_corporate_number_from_the_code(editor_site, page):
    """The 法人番号 follows from the 全国地方公共団体コード: typed in, the code
    fills the empty corporate number field; another code replaces the suggestion."""
    from ckan.tests import factories

    from ckanext.tokyo.base.identifiers import corporate_number_of_local_government

    with configured_plugins():
        factories.Sysadmin(name="catalog-admin", password=PASSWORD)
    page.goto(editor_site + "/user/login")
    page.fill("#field-login", "catalog-admin")
    page.fill("#field-password", PASSWORD)
    with page.expect_navigation():
        page.press("#field-password", "Enter")
    page.goto(editor_site + "/organization/new")
    page.wait_for_load_state("load")
    number = page.locator("#field-corporate_number")
    page.fill("#field-local_government_code", "131016")  # 千代田区
    expect(number).to_have_value(corporate_number_of_local_government("131016"))
    expect(page.locator(".tokyo-corporate-number-hint")).to_contain_text("000020131016")
    page.fill("#field-local_government_code", "１３１０３２")  # 港区, typed full-width
    expect(number).to_have_value(corporate_number_of_local_government("131032"))
    screenshot(page, "organization-form-ja")
