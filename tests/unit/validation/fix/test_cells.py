"""Each cell fixer: before → after, and what it leaves (never a guess)."""
from __future__ import annotations

import pytest

from tests.unit.validation.conftest import TOILET, TOILET_ROW, toilet_header

HEADER = ["区分", "人口（人）"]


def cell_changes(result):
    return [(c.code, c.row, c.column, c.before, c.after) for c in result.changes if c.column]


@pytest.mark.parametrize("value, after, code", [
    ("67,000", "67000", "tokyo/number-comma"),
    ("▲120", "-120", "tokyo/number-triangle"),
    (" 12", "12", "tokyo/number-space"),
    ("1,200人", "1200", "tokyo/number-unit"),  # the heading's own unit
    ("１２", "12", "tokyo/zenkaku-alnum"),
])
def test_numbers(fixed, value, after, code):
    rows, result = fixed(HEADER, ["a", "100"], ["b", "200"], ["c", value])
    assert rows[3] == ["c", after]
    assert cell_changes(result) == [(code, 4, "人口（人）", value, after)]


@pytest.mark.parametrize("value", ["約300", "1,200円", "¥1200", "3人（1世帯あたり1人）"])
def test_numbers_that_would_be_a_guess_stay(fixed, value):
    rows, result = fixed(HEADER, ["a", "100"], ["b", "200"], ["c", "300"], ["d", "400"], ["e", value])
    assert rows[5] == ["e", value]
    assert cell_changes(result) == []


@pytest.mark.parametrize("value, after, code", [
    ("令和2年4月1日", "2020-04-01", "tokyo/wareki-date"),
    ("R2.4.1", "2020-04-01", "tokyo/wareki-date"),
    ("平成31年5月1日", "2019-05-01", "tokyo/wareki-out-of-era"),
    ("2020/4/1", "2020-04-01", "tokyo/date-format"),
    ("43922", "2020-04-01", "tokyo/date-format"),  # an Excel serial
])
def test_dates(fixed, value, after, code):
    rows, result = fixed(["名称", "開設日"], ["a", "2020-01-01"], ["b", value])
    assert rows[2] == ["b", after]
    assert cell_changes(result) == [(code, 3, "開設日", value, after)]


@pytest.mark.parametrize("value", ["令和2年", "2020/2/30", "123"])
def test_dates_that_cannot_be_fixed_stay(fixed, value):
    rows, result = fixed(["名称", "開設日"], ["a", "2020-01-01"], ["c", "2020-02-01"], ["b", value])
    assert rows[3] == ["b", value]
    assert cell_changes(result) == []


def test_full_width_date_becomes_iso_in_two_steps(fixed):
    rows, result = fixed(["名称", "開設日"], ["a", "2020-01-01"], ["b", "２０２０/４/１"])
    assert rows[2] == ["b", "2020-04-01"]
    assert [c.after for c in result.changes if c.column] == ["2020-04-01"]


@pytest.mark.parametrize("value, after, code", [
    ("13104", "131041", "tokyo/lg-code-missing-check-digit"),
    ("92011", "092011", "tokyo/lg-code-leading-zero-dropped"),
    ("1100", "011002", "tokyo/lg-code-format"),
    ("１３１０４１", "131041", "tokyo/zenkaku-alnum"),
])
def test_local_government_codes(fixed, value, after, code):
    rows, result = fixed(["全国地方公共団体コード", "名称"], [value, "a"])
    assert rows[1] == [after, "a"]
    assert cell_changes(result) == [(code, 2, "全国地方公共団体コード", value, after)]


@pytest.mark.parametrize("value", ["131042", "99999", "12a"])
def test_local_government_codes_that_read_two_ways_or_none_stay(fixed, value):
    rows, result = fixed(["全国地方公共団体コード", "名称"], [value, "a"])
    assert rows[1] == [value, "a"]
    assert cell_changes(result) == []


def test_half_width_kana_and_spaces(fixed):
    rows, result = fixed(["名称", "名称_カナ"], [" ｽﾎﾟｰﾂ公園", "ｽﾎﾟｰﾂｺｳｴﾝ"])
    assert rows[1] == ["スポーツ公園", "スポーツコウエン"]
    assert {c.code for c in result.changes} == {"tokyo/hankaku-kana", "tokyo/surrounding-space"}


def test_a_cell_of_spaces_only_stays(fixed):
    rows, result = fixed(["名称", "備考"], ["a", "   "])
    assert rows[1] == ["a", "   "]
    assert result.changes == []


def test_swapped_coordinates(fixed):
    rows, result = fixed(["名称", "緯度", "経度"], ["a", "139.69", "35.68"], ["b", "35.6", "139.7"])
    assert rows[1:] == [["a", "35.68", "139.69"], ["b", "35.6", "139.7"]]
    assert cell_changes(result) == [("tokyo/coordinates-swapped", 2, "緯度", "139.69", "35.68"),
                                    ("tokyo/coordinates-swapped", 2, "経度", "35.68", "139.69")]


def test_coordinates_outside_japan_stay(fixed):
    rows, result = fixed(["名称", "緯度", "経度"], ["a", "51.5", "-0.12"])
    assert rows[1] == ["a", "51.5", "-0.12"]
    assert result.changes == []


def test_schema_columns(fixed):
    header = toilet_header()
    row = dict(TOILET_ROW, 全国地方公共団体コード="13104", 緯度="139.692101", 経度="35.689634",
               男性トイレ総数="１２")
    rows, result = fixed(header, [row[h] for h in header], schema=TOILET)
    out = dict(zip(rows[0], rows[1]))
    assert (out["全国地方公共団体コード"], out["緯度"], out["経度"], out["男性トイレ総数"]) == \
        ("131041", "35.689634", "139.692101", "12")
