"""オープンデータ一覧 rows from dataset dicts (CKAN-free): the mapping, the
CSV/XLSX writers, and a list that our validator passes with 0 errors."""
from __future__ import annotations

import csv
import io

from ckanext.tokyo.base import opendata_list
from ckanext.tokyo.validation.engine import validate

ORGS = {
    "org-shinjuku": {"title": "新宿区", "local_government_code": "131041"},
    "org-bureau": {"title": "総務局", "local_government_code": "130001", "parent_organization": "130001"},
}
LINKS = opendata_list.Links(dataset=lambda pkg: f"https://catalog.example/dataset/{pkg['name']}",
                            resource=lambda pkg, res: f"https://catalog.example/dataset/{pkg['name']}/resource/{res['id']}")
DATASET = {
    "name": "t131041d0000000001", "owner_org": "org-shinjuku",
    "title_translated": {"ja": "新宿区公衆トイレ一覧", "en": "Public toilets"},
    "notes_translated": {"ja": "区内の公衆トイレ。"},
    "tags_translated": {"ja": ["トイレ", "公衆トイレ"]},
    "category": ["c005"], "frequency": "http://publications.europa.eu/resource/authority/frequency/ANNUAL",
    "issued": "2024-04-01", "modified": "2026-01-05",
    "language": ["http://publications.europa.eu/resource/authority/language/JPN"],
    "conforms_to": ["current-13-public-toilet", "no-such-standard"],
    "temporal_coverage": [{"start": "2025-04-01", "end": "2026-03-31"}],
    "spatial_coverage": [{"uri": "http://data.e-stat.go.jp/lod/sac/C13104", "text": "新宿区"}],
    "contact": [{"name": "新宿区みどり公園課", "email": "midori@example.invalid", "telephone": "03-3209-1111"}],
    "license_id": "CC-BY-4.0", "license_title": "クリエイティブ・コモンズ 表示 4.0 国際",
    "resources": [
        {"id": "r1", "name_translated": {"ja": "公衆トイレ一覧"}, "url": "https://catalog.example/r1.csv",
         "format": "CSV", "size": 2048, "created": "2024-04-01T09:00:00.123", "modified": "2026-01-05",
         "datastore_active": True},
        {"id": "r2", "name": "地図", "url": "https://catalog.example/r2.pdf", "format": "PDF"},
    ],
}
BUREAU_DATASET = {"name": "t000003d0000000001", "owner_org": "org-bureau", "title": "東京都の人口", "resources": []}


def _rows() -> list[dict]:
    body = opendata_list.rows([DATASET, BUREAU_DATASET], ORGS.__getitem__, LINKS)
    return [dict(zip(opendata_list.columns(), row)) for row in body]


def test_one_row_per_resource_mapped_from_the_metadata():
    first, second, bureau = _rows()
    assert (first["全国地方公共団体コード"], first["地方公共団体名"]) == ("131041", "東京都新宿区")
    assert first["データセット_キーワード"] == "トイレ;公衆トイレ"
    assert first["データセット_分類"] == "医療・福祉"
    assert first["データセット_更新頻度"] == "毎年" and first["データセット_言語"] == "ja"
    assert first["データセット_準拠する標準"] == "公衆トイレ一覧"
    assert first["データセット_対象期間"] == "2025-04-01/2026-03-31"
    assert first["データセット_URL"] == "https://catalog.example/dataset/t131041d0000000001"
    assert first["ファイル_アクセスURL"].endswith("/resource/r1")
    assert (first["ファイル_サイズ"], first["ファイル_公開日"], first["API対応有無"]) == (2048, "2024-04-01", "有")
    assert (second["ファイル_タイトル"], second["ファイル形式"], second["API対応有無"]) == ("地図", "PDF", "無")
    # A dataset without resources: one row, the file columns empty.
    assert (bureau["全国地方公共団体コード"], bureau["地方公共団体名"]) == ("130001", "東京都")
    assert bureau["データセット_タイトル"] == "東京都の人口" and bureau["ファイル_タイトル"] == ""


def test_csv_and_xlsx_pass_our_validator():
    header = opendata_list.columns()
    body = b"".join(opendata_list.csv_chunks(header, opendata_list.rows([DATASET, BUREAU_DATASET],
                                                                        ORGS.__getitem__, LINKS), rows_per_chunk=1))
    assert list(csv.reader(io.StringIO(body.decode("utf-8"))))[0] == header
    xlsx = io.BytesIO()
    opendata_list.write_xlsx(header, opendata_list.rows([DATASET], ORGS.__getitem__, LINKS), xlsx, sheet="list")
    for data, name in ((body, "open_data_list.csv"), (xlsx.getvalue(), "open_data_list.xlsx")):
        report = validate(io.BytesIO(data), opendata_list.SCHEMA_ID, name=name)
        assert report.schema == opendata_list.SCHEMA_ID
        assert [f.code for f in report.findings if f.severity == "error"] == []


def test_file_names():
    assert opendata_list.file_name(None, "csv") == "open_data_list.csv"
    assert opendata_list.file_name("t131041", "xlsx") == "t131041_open_data_list.xlsx"
