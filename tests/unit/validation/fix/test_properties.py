"""What holds for any file: the copy has no more findings than the original
and none of a kind fixed in it, fixing it again changes nothing, and its data
rows are the original's (blank and note rows aside)."""
from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from ckanext.tokyo.validation import Options, validate
from ckanext.tokyo.validation.fix import fix_file

ALL = Options(max_findings=0)
# Columns with a format each fixer knows, and values right, fixable and unfixable for them.
COLUMNS = {
    "名称": ["公園", " 公園", "ｺｳｴﾝ", "ｺｳｴﾝ ", "東京都庁", "１丁目", "   ", "", "ｿﾞｳ"],
    "全国地方公共団体コード": ["131041", "13104", "92011", "1100", "１３１０４１", "131042", "abc", ""],
    "開設日": ["2020-04-01", "令和2年4月1日", "R2.4.1", "2020/4/1", "43922", "平成31年5月1日", "令和2年", "昭和"],
    "人口（人）": ["100", "1,200", "1,200人", "約300", "▲12", " 12", "１２", "-", "3人（1人）", "1,200円"],
    "緯度": ["35.68", "139.69", "51.5", "北緯35度", "３５.６８", ""],
    "経度": ["139.69", "35.68", "-0.12", "", "１３９.６９"],
    "名称_カナ": ["コウエン", "ｺｳｴﾝ", "こうえん", ""],
}
HEADERS = st.lists(st.sampled_from(sorted(COLUMNS)), min_size=2, max_size=5, unique=True)
# No shrinking: a failing table is small already, and shrinking one takes minutes.
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                    phases=[Phase.explicit, Phase.reuse, Phase.generate])


@st.composite
def tables(draw):
    header = draw(HEADERS)
    rows = draw(st.lists(st.tuples(*[st.sampled_from(COLUMNS[h]) for h in header]).map(list),
                         min_size=1, max_size=12))
    for _ in range(draw(st.integers(0, 2))):  # blank and note rows in between
        extra = draw(st.sampled_from([[], ["※注：区の調べ"] + [""] * (len(header) - 1)]))
        rows.insert(draw(st.integers(0, len(rows))), extra)
    title = draw(st.sampled_from([[], [["公園一覧（令和2年4月1日現在）"]]]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp932"]))
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(title + [header] + rows)
    return buffer.getvalue().encode(encoding)


def total(report) -> int:
    return sum(report.stats["by_code"].values())


@SETTINGS
@given(tables())
def test_fixing_never_adds_findings_and_fixed_ones_are_gone(data):
    with tempfile.TemporaryDirectory() as folder:
        source, out, again = Path(folder, "data.csv"), Path(folder, "fixed.csv"), Path(folder, "again.csv")
        source.write_bytes(data)
        before = validate(str(source), options=ALL)
        result = fix_file(str(source), str(out))
        after = validate(str(out), options=ALL)
        assert total(after) <= total(before)
        # No cell it changed is reported for what it fixed; file and row fixes are complete.
        left = {(f.code, f.field, f.value) for f in after.findings}
        for change in result.changes:
            if change.column and change.after is not None and change.row != before.stats["header_row"]:
                assert (change.code, change.column, change.after) not in left
            else:
                assert change.code not in after.stats["by_code"]
        # The same data rows: all rows but the blank and note ones set aside.
        removed = sum(1 for c in result.changes if c.after is None and c.row > before.stats["header_row"])
        assert after.stats["rows"] == result.data_rows == before.stats["rows"] - removed
        # Idempotent: fixing the fixed copy changes nothing.
        assert fix_file(str(out), str(again)).changes == []
        assert again.read_bytes() == out.read_bytes()
