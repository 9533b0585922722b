"""The catalog as the standard dataset オープンデータ一覧 on the real
PostgreSQL and Solr: the demo catalog's list (whole and per organisation,
CSV and XLSX) passes our own validator with 0 errors against
current-06-open-data-list, and a private dataset never appears in it."""
from __future__ import annotations

import csv
import io

import pytest

import ckan.tests.helpers as helpers

from ckanext.tokyo import demo, site_user
from ckanext.tokyo.base import opendata_list
from ckanext.tokyo.validation.engine import validate

pytestmark = [
    pytest.mark.ckan_config("ckan.plugins", "scheming_datasets scheming_organizations tokyo_schema"),
    pytest.mark.usefixtures("with_plugins"),
]

PRIVATE = "t131041d9999999999"


@pytest.fixture
def catalog(clean_db, clean_index):
    """The demo catalog `make run` loads, plus a private dataset of 新宿区."""
    demo.load()
    helpers.call_action("package_create", site_user.context(), name=PRIVATE, owner_org="t131041", private=True,
                        title_translated={"ja": "非公開の下書き"}, notes_translated={"ja": "公開前"},
                        license_id="CC-BY-4.0", modified="2026-01-01",
                        resources=[{"url": "https://example.invalid/private.csv", "format": "CSV",
                                    "name_translated": {"ja": "非公開"}, "modified": "2026-01-01"}])
    return demo.catalog()


def _csv_rows(body: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body.decode("utf-8"))))


def _errors(body: bytes, name: str) -> list:
    report = validate(io.BytesIO(body), opendata_list.SCHEMA_ID, name=name)
    assert report.readable and report.schema == opendata_list.SCHEMA_ID
    return [f.to_dict() for f in report.findings if f.severity == "error"]


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_whole_catalog_validates_without_private_datasets(app, catalog, extension):
    response = app.get(f"/opendata-list.{extension}")
    assert response.status_code == 200
    body = response.data
    assert _errors(body, f"open_data_list.{extension}") == []
    if extension == "csv":
        assert response.headers["Content-Type"].startswith("text/csv")
        rows = _csv_rows(body)
    else:
        rows = _xlsx_rows(body)
    ids = {r["データセット_ID"] for r in rows}
    assert ids == {d["name"] for d in catalog["datasets"]}
    assert PRIVATE not in ids and PRIVATE not in body.decode("utf-8", "replace")
    assert len(rows) == sum(max(1, len(d["resources"])) for d in catalog["datasets"])


def test_columns_and_values_of_one_organisation(app, catalog):
    response = app.get("/opendata-list/t131041.csv")
    assert response.status_code == 200
    assert 'filename="t131041_open_data_list.csv"' in response.headers["Content-Disposition"]
    assert _errors(response.data, "t131041_open_data_list.csv") == []
    header = response.data.decode("utf-8").splitlines()[0].split(",")
    assert header == opendata_list.columns()
    rows = _csv_rows(response.data)
    expected = [d for d in catalog["datasets"] if d["owner_org"] == "t131041"]
    assert {r["データセット_ID"] for r in rows} == {d["name"] for d in expected} and PRIVATE not in response.data.decode()
    toilets = next(r for r in rows if r["データセット_ID"] == "t131041d0000000001")
    assert (toilets["全国地方公共団体コード"], toilets["地方公共団体名"]) == ("131041", "東京都新宿区")
    assert toilets["データセット_タイトル"] == "新宿区公衆トイレ一覧"
    assert toilets["データセット_更新頻度"] == "毎年"
    assert toilets["データセット_準拠する標準"] == "公衆トイレ一覧"
    assert toilets["データセット_URL"].endswith("/dataset/t131041d0000000001")
    assert toilets["ファイル_ダウンロードURL"].endswith("131041_public_toilet.csv")
    assert toilets["ファイル形式"] == "CSV" and toilets["API対応有無"] == "無"
    assert toilets["ファイル_ステータス"] == "配信中"


def test_bureau_is_tokyo_and_xlsx_twin(app, catalog):
    response = app.get("/opendata-list/t000003.xlsx")
    assert response.status_code == 200
    rows = _xlsx_rows(response.data)
    assert rows and {(r["全国地方公共団体コード"], r["地方公共団体名"]) for r in rows} == {("130001", "東京都")}


def test_linked_from_the_organisation_page_and_the_footer(app, catalog):
    assert app.get("/opendata-list/no-such-org.csv", status=404).status_code == 404
    page = app.get("/organization/t131041").body
    assert "/opendata-list/t131041.csv" in page and "/opendata-list/t131041.xlsx" in page
    assert "オープンデータ一覧（標準データセット）" in page
    home = app.get("/").body
    assert "/opendata-list.csv" in home and "/opendata-list.xlsx" in home
    english = app.get("/en/organization/t131041").body
    assert "Open data list" in english and "オープンデータ一覧（標準データセット）" not in english


def _xlsx_rows(body: bytes) -> list[dict[str, str]]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(body), read_only=True).worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    header = list(values[0])
    assert header == opendata_list.columns()
    return [{h: ("" if v is None else str(v)) for h, v in zip(header, row)} for row in values[1:]]
