"""The fast CSV path (rows from the csv module, checks skimming batches of
rows) reports exactly what frictionless's row stream with every check on
every row reports: findings, their order, groups and stats."""
from __future__ import annotations

import random
import sys

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ckanext.tokyo.validation import Options, engine, validate

from tests.unit.validation.conftest import TOILET, TOILET_ROW, to_csv, toilet_header

ALL = Options(max_findings=0, max_group_findings=0)


def _slow_only(self, *args):
    raise engine._Unsure  # as if the fast reader met unreadable bytes at once


def reports(monkeypatch: pytest.MonkeyPatch, path, **kwargs) -> tuple[dict, dict]:
    fast = validate(path, **kwargs).to_dict()
    with monkeypatch.context() as patch:
        patch.setattr(engine._Run, "_csv_rows", _slow_only)
        slow = validate(path, **kwargs).to_dict()
    for report in (fast, slow):
        report["stats"].pop("seconds")
    return fast, slow


def toilet_rows(count: int) -> list[list[str]]:
    header = toilet_header()
    rows = []
    for n in range(1, count + 1):
        row = dict(TOILET_ROW, ID=f"T{n:05d}", 名称=f"第{n}公衆トイレ", 名称_カナ=f"ダイ{n}コウシュウトイレ",
                   画像=f"https://www.city.example.lg.jp/toilet/{n}.jpg", 町字ID=f"{n % 9999:04d}-001")
        rows.append([row[name] for name in header])
    return rows


def test_defects_at_batch_edges(write, monkeypatch):
    header = toilet_header()
    rows = toilet_rows(1200)
    col = {name: n for n, name in enumerate(header)}
    rows[299][col["ID"]] = rows[9][col["ID"]]  # a duplicate ID in a later batch
    rows[254] = [""] * len(header)  # blank rows across the first batch's end
    rows[255] = [""] * len(header)
    rows[256] = [""] * len(header)
    rows[400] = list(header)  # the header again
    rows[511] = ["※ 注記"] + [""] * (len(header) - 1)
    rows[600][col["名称"]] = " 前に空白"
    rows[601][col["名称"]] = "改行\nあり"
    rows[602][col["名称"]] = "ｶﾀｶﾅ"
    rows[603][col["画像"]] = "http://bad url"
    rows[604][col["緯度"]] = "139.7"
    rows[604][col["経度"]] = "35.6"
    rows[605][col["町字ID"]] = "０００８-００１"
    rows[606][col["名称_カナ"]] = "ひらがな"
    rows[607][col["ID"]] = ""
    rows[768] = rows[768][:5]  # a short row
    rows[900][col["緯度"]] = "35.6 "
    rows.extend([[""] * len(header)] * 3)  # trailing blank rows
    fast, slow = reports(monkeypatch, write([header, *rows]), schema=TOILET, options=ALL)
    assert fast == slow
    assert {"tokyo/duplicate-id", "tokyo/blank-row", "tokyo/multiple-tables", "tokyo/url-format",
            "tokyo/coordinates-swapped", "tokyo/kana-format", "tokyo/missing-cell",
            "tokyo/trailing-blank-rows"} <= set(fast["stats"]["by_code"])


def test_duplicates_past_the_memory_limit(write, monkeypatch):
    monkeypatch.setattr(sys.modules["ckanext.tokyo.validation.checks.duplicate_id"], "MAX_SEEN", 300)
    rows = toilet_rows(1000)
    rows[700][1] = rows[100][1]  # remembered: found
    rows[900][1] = rows[800][1]  # after the limit: not compared
    fast, slow = reports(monkeypatch, write([toilet_header(), *rows]), schema=TOILET, options=ALL)
    assert fast == slow
    assert fast["stats"]["by_code"]["tokyo/duplicate-id"] == 1
    assert "tokyo/duplicate-id-limit" in fast["stats"]["by_code"]


def test_row_limit_inside_a_batch(write, monkeypatch):
    path = write([toilet_header(), *toilet_rows(700)])
    fast, slow = reports(monkeypatch, path, schema=TOILET, options=Options(max_rows=300))
    assert fast == slow
    assert fast["stats"]["rows"] == 300


CELLS = ["", " ", "131041", "35.6", "139.7", "有", "ｶﾅ", "①", "６７", "※注", "a\nb", " x", "x ", "\u3000y",
         "https://a.example.jp/", "http://x y", "0008-001", "令和2年4月1日", "09:00", "T1"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=0, max_value=2 ** 32), st.sampled_from(["utf-8", "cp932"]),
       st.sampled_from([None, "auto", TOILET]))
def test_random_tables(write, monkeypatch, seed, encoding, schema):
    rnd = random.Random(seed)
    header = toilet_header()
    rows = toilet_rows(rnd.randint(1, 800))
    for _ in range(rnd.randint(0, 40)):  # defects anywhere, rows cut or lengthened
        row = rows[rnd.randrange(len(rows))]
        if rnd.random() < 0.1:
            del row[rnd.randrange(len(row)):]
        elif rnd.random() < 0.1:
            row.append(rnd.choice(CELLS))
        else:
            row[rnd.randrange(len(row))] = rnd.choice(CELLS)
    data = to_csv([header, *rows]).encode(encoding, errors="replace")
    path = write([])
    path.write_bytes(data)
    fast, slow = reports(monkeypatch, path, schema=schema, options=ALL)
    assert fast == slow
