"""The public face (issue 13) with the catalog's plugins as configured (the
ini's ckan.plugins, in its order: the Tokyo templates must come before
scheming's): home and about pages in both languages, the steward's report
page (the standard by name and linked, times in JST, the offending row in
context, why a run failed in the page's language, reloading while a check
runs, the findings as CSV and Excel), the files behind a rule, and the
translation catalogues. One demo catalog for the module."""
from __future__ import annotations

import csv
import io
import pathlib
import re
import subprocess
import sys

import pytest

import ckan.model as model
import ckan.plugins as p
import ckan.tests.helpers as helpers

from ckanext.tokyo import demo
from ckanext.tokyo.catalog_validation.model import ResourceValidation

from tests import plugin_tables
from tests.integration.validation_support import ROOT, site_context

TOILETS = "t131041d0000000001"  # a file of the standard 公衆トイレ一覧, valid
NURSERIES = "t131041d0000000003"  # an old Shift_JIS file with defects
PLACEHOLDERS = ("CKANへようこそ", "Welcome to CKAN", "Lorem ipsum", "ckan-logo", "Powered by")
I18N = ROOT / "ckanext-tokyo/ckanext/tokyo/i18n"


@pytest.fixture(scope="module")
def catalog():
    from ckan.lib.search import clear_all

    p.load_all()
    try:
        helpers.reset_db()
        clear_all()
        plugin_tables.migrate_configured()
        demo.load()
        files = {}
        for name in (TOILETS, NURSERIES):
            resource = helpers.call_action("package_show", id=name)["resources"][0]
            helpers.call_action("resource_validation_run", site_context(), resource_id=resource["id"],
                                **{"async": False})
            files[name] = resource["id"]
        model.Session.remove()
        yield files
    finally:
        getattr(p, "unload_non_system_plugins", p.unload_all)()


@pytest.fixture
def app(catalog):
    return helpers._get_test_app()


def _page(app, lang: str, path: str) -> str:
    return app.get(("/en" if lang == "en" else "") + path).body


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_home_page(app, lang):
    html = _page(app, lang, "/")
    assert not [text for text in PLACEHOLDERS if text in html]
    assert 'role="search"' in html and 'id="tokyo-home-q"' in html
    health = "医療・福祉" if lang == "ja" else "Health and welfare"
    assert re.search(r'<span class="tokyo-category-name">' + health + "</span>", html)
    assert ("新着データセット" if lang == "ja" else "New datasets") in html
    assert "新宿区公衆トイレ一覧" in html or "Public toilets" in html  # a demo dataset in the lists
    assert 'class="tokyo-home-pass-rate"' in html  # the share of files that meet the standards
    assert ("東京都オープンデータカタログ" if lang == "ja" else "Tokyo Open Data Catalog") in html
    assert "tokyo-home-use-cases" not in html  # no use cases configured: no empty section


@pytest.mark.ckan_config("ckanext.tokyo.portal.use_cases_ja", "**保育園マップ**: 区の保育園一覧から。")
@pytest.mark.ckan_config("ckanext.tokyo.portal.use_cases_en", "**Nursery map**: from the ward's list.")
def test_home_page_use_cases_are_configuration(app):
    assert "<strong>保育園マップ</strong>" in _page(app, "ja", "/")
    html = _page(app, "en", "/")
    assert "<strong>Nursery map</strong>" in html and "保育園マップ" not in html


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_about_page_explains_licences_api_and_feeds(app, lang):
    html = _page(app, lang, "/about")
    assert not [text for text in PLACEHOLDERS if text in html]
    assert "CC BY 4.0" in html and "PDL1.0" in html
    assert "/api/3/action/package_search" in html and "/catalog.ttl" in html
    assert ("利用条件" if lang == "ja" else "Terms of use") in html


def test_resource_page_shows_no_internal_keys(app, catalog):
    """Regression: with tokyo_dcat's templates in ../templates, scheming's
    resource page won over ours and listed "State: active" and the like."""
    html = _page(app, "ja", f"/dataset/{TOILETS}/resource/{catalog[TOILETS]}")
    more = re.findall(r'<tr class="toggle-more"><th scope="row">([^<]+)</th>', html)
    assert more == ["リソースID", "データセットID", "メディアタイプ"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_report_page_names_the_standard_and_shows_jst(app, catalog, lang):
    html = _page(app, lang, f"/dataset/{TOILETS}/resource/{catalog[TOILETS]}/validation")
    title = "公衆トイレ一覧（自治体標準オープンデータセット 13）" if lang == "ja" else \
        "Public toilets (local government standard open dataset 13)"
    prefix = "/en" if lang == "en" else ""
    assert f'<a href="{prefix}/standard/current-13-public-toilet">{title}</a>' in html
    time = re.search(r'id="validation-time">([^<]*)<', html).group(1)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d JST", time), time
    assert "tokyo-validation-refresh" not in html


def test_report_page_shows_the_offending_row(app, catalog):
    html = _page(app, "ja", f"/dataset/{NURSERIES}/resource/{catalog[NURSERIES]}/validation")
    section = html[html.index('data-code="tokyo/wareki-date"'):]
    assert "<summary>ファイルの2行目</summary>" in section
    assert re.search(r'<tr class="tokyo-row-context-here"><th scope="row">開設日</th>\s*'
                     r"<td><mark>令和2年4月1日</mark> <strong>（この項目）</strong></td></tr>", section)
    assert "<td>新宿区立西新宿保育園</td>" in section  # the row's other cells


def _set_run(resource_id: str, **fields):
    row = ResourceValidation.get(resource_id)
    for key, value in fields.items():
        setattr(row, key, value)
    model.Session.commit()
    model.Session.remove()


def test_report_page_while_checking_and_after_an_error(app, catalog):
    resource = catalog[NURSERIES]
    path = f"/dataset/{NURSERIES}/resource/{resource}/validation"
    before = ResourceValidation.get(resource)
    saved = {"status": before.status, "reason": before.reason}
    try:
        _set_run(resource, status="running")
        html = _page(app, "ja", path)
        assert 'data-module="tokyo-validation-refresh"' in html  # reloads itself when the result is in
        assert "tokyo-validation-rule" not in html  # no findings of the previous check meanwhile
        _set_run(resource, status="error", reason="download refused or failed: HTTP 404 Not Found")
        ja, en = _page(app, "ja", path), _page(app, "en", path)
        assert "ファイルをダウンロードできませんでした。サーバーの応答: 404 Not Found" in ja
        assert "The file could not be downloaded: the server answered 404 Not Found." in en
        assert "download refused" not in ja + en
    finally:
        _set_run(resource, **saved)


def test_findings_download_as_csv_and_excel(app, catalog):
    from openpyxl import load_workbook

    base = f"/dataset/{NURSERIES}/resource/{catalog[NURSERIES]}/validation/findings"
    body = app.get(base + ".csv").data
    assert body.startswith("\ufeff".encode())  # Excel reads the Japanese as UTF-8
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0] == ["ルール", "ルールのコード", "重大度", "行", "列", "値", "指摘", "修正方法"]
    assert ["日付が和暦で書かれている", "tokyo/wareki-date", "エラー", "2", "開設日", "令和2年4月1日"] == rows[
        next(n for n, r in enumerate(rows) if r[1] == "tokyo/wareki-date")][:6]
    english = list(csv.reader(io.StringIO(app.get("/en" + base + ".csv").data.decode("utf-8-sig"))))
    assert english[0][:3] == ["Rule", "Rule code", "Severity"] and len(english) == len(rows)
    book = load_workbook(io.BytesIO(app.get(base + ".xlsx").data), read_only=True)
    sheet = list(book.active.values)
    assert list(sheet[0]) == rows[0] and len(sheet) == len(rows)


def test_rule_page_lists_the_files_with_links_to_their_reports(app, catalog):
    html = _page(app, "ja", "/tokyo/quality/rule?code=tokyo/wareki-date")
    assert "日付が和暦で書かれている" in html
    assert f'href="/dataset/{NURSERIES}/resource/{catalog[NURSERIES]}/validation"' in html
    assert TOILETS not in html
    app.get("/tokyo/quality/rule?code=no-such-rule", status=404)
    quality = _page(app, "en", "/tokyo/quality")
    assert re.search(r'href="/en/tokyo/quality/rule\?code=tokyo(/|%2F)wareki-date"', quality)
    assert 'role="progressbar" aria-label="Pass rate of Shinjuku City"' in quality


def test_translation_catalogues_are_current_and_complete(tmp_path):
    """Every msgid of our code is in the .pot, and both catalogues translate
    every one of them (scripts/i18n.sh, `make i18n`)."""
    from babel.messages.pofile import read_po

    pot = tmp_path / "now.pot"
    pybabel = str(pathlib.Path(sys.executable).with_name("pybabel"))
    subprocess.run([pybabel, "-q", "extract", "-F", "babel.cfg", "-k", "N_", "--no-location",
                    "-o", str(pot), "."], cwd=ROOT, check=True)
    with open(pot, "rb") as f:
        extracted = {m.id for m in read_po(f) if m.id}
    with open(I18N / "ckanext-tokyo.pot", "rb") as f:
        committed = {m.id for m in read_po(f) if m.id}
    assert extracted == committed, ("run scripts/i18n.sh", extracted ^ committed)
    for lang in ("ja", "en"):
        with open(I18N / lang / "LC_MESSAGES/ckanext-tokyo.po", "rb") as f:
            catalogue = {m.id: m.string for m in read_po(f) if m.id}
        assert set(catalogue) == committed, lang
        missing = [m for m, s in catalogue.items() if not (all(s) if isinstance(s, tuple) else s)]
        assert not missing, (lang, missing)

