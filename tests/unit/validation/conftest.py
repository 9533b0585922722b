"""Helpers: write a small table in a chosen encoding and validate it."""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Callable, Optional

import pytest

from ckanext.tokyo.base import standards
from ckanext.tokyo.validation import Options, Report, validate

TOILET = "current-13-public-toilet"

# One correct row of 13 公衆トイレ一覧, keyed by item name.
TOILET_ROW = {
    "全国地方公共団体コード": "131041", "ID": "T0001", "地方公共団体名": "東京都新宿区",
    "名称": "新宿中央公園トイレ", "名称_カナ": "シンジュクチュウオウコウエントイレ",
    "名称_英語": "Shinjuku Chuo Park Toilet", "所在地_全国地方公共団体コード": "131041",
    "町字ID": "0008-001", "所在地_連結表記": "東京都新宿区西新宿二丁目11",
    "所在地_都道府県": "東京都", "所在地_市区町村": "新宿区", "所在地_町字": "西新宿二丁目",
    "所在地_番地以下": "11", "建物名等(方書)": "", "設置位置": "公園北側",
    "緯度": "35.689634", "経度": "139.692101", "高度の種別": "階数", "高度の値": "1",
    "男性トイレ総数": "6", "男性トイレ数（小便器）": "2", "男性トイレ数（和式）": "2",
    "男性トイレ数（洋式）": "2", "女性トイレ総数": "4", "女性トイレ数（和式）": "2",
    "女性トイレ数（洋式）": "2", "男女共用トイレ総数": "4", "男女共用トイレ数（和式）": "2",
    "男女共用トイレ数（洋式）": "2", "バリアフリートイレ数": "2",
    "車椅子使用者用トイレ有無": "有", "乳幼児用設備設置トイレ有無": "無",
    "オストメイト設置トイレ有無": "有", "利用開始時間": "09:00", "利用終了時間": "18:00",
    "利用可能時間特記事項": "", "画像": "https://www.city.shinjuku.lg.jp/image/toilet1.jpg",
    "画像_ライセンス": "CC BY 4.0", "備考": "",
}


def toilet_header() -> list[str]:
    return [f["name"] for f in standards.descriptor(TOILET)["fields"]]


def to_csv(rows: list[list[str]], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    def write(rows: list[list[str]], encoding: str = "utf-8", name: str = "data.csv",
              delimiter: str = ",") -> Path:
        path = tmp_path / name
        path.write_bytes(to_csv(rows, delimiter).encode(encoding))
        return path
    return write


@pytest.fixture
def check(write: Callable[..., Path]) -> Callable[..., set[tuple[str, Optional[int], Optional[str]]]]:
    """Findings (code, row, field) of a table given as header + rows, general rules only."""
    def check(header: list[str], *rows: list[str], schema: Optional[str] = None,
              options: Optional[Options] = None) -> set[tuple[str, Optional[int], Optional[str]]]:
        report: Report = validate(write([header, *rows]), schema=schema, options=options)
        return {(f.code, f.row, f.field) for f in report.findings if f.severity != "info"}
    return check
