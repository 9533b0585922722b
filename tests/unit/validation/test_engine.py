import subprocess
import sys

import pytest

from ckanext.tokyo.validation import Options, validate

from tests.unit.validation.conftest import TOILET, TOILET_ROW, toilet_header

GOOD = {
    "全国地方公共団体コード": "131041", "法人番号": "8000020130001", "名称": "新宿中央公園",
    "名称_カナ": "シンジュクチュウオウコウエン", "開設日": "2020-04-01", "開始時刻": "09:00",
    "緯度": "35.689634", "経度": "139.692101", "電話番号": "03-1234-5678", "郵便番号": "160-0023",
    "駐車場有無": "有", "開館曜日": "月火水木金", "URL": "https://www.city.shinjuku.lg.jp/",
    "利用者数": "1200", "備考": "",
}
HEADER = list(GOOD)

# One defect per row: (changes to the good row, expected code, field); None = whole row.
DEFECTS = [
    ({"利用者数": "１２００"}, "tokyo/zenkaku-alnum", "利用者数"),
    ({"開設日": "令和2年4月1日"}, "tokyo/wareki-date", "開設日"),
    ({"開設日": "R2.4.1"}, "tokyo/wareki-date", "開設日"),
    ({"開設日": "2020/04/01"}, "tokyo/date-format", "開設日"),
    ({"開始時刻": "9時"}, "tokyo/time-format", "開始時刻"),
    ({"開始時刻": "25:00"}, "tokyo/time-invalid", "開始時刻"),
    ({"名称": "第①公園"}, "tokyo/platform-dependent-char", "名称"),
    ({"備考": "管理は㈱東京"}, "tokyo/platform-dependent-char", "備考"),
    ({"名称_カナ": "ｼﾝｼﾞｭｸ"}, "tokyo/hankaku-kana", "名称_カナ"),
    ({"利用者数": "1200人"}, "tokyo/number-unit", "利用者数"),
    ({"利用者数": "67,000"}, "tokyo/number-comma", "利用者数"),
    ({"利用者数": "▲5"}, "tokyo/number-triangle", "利用者数"),
    ("※ 令和2年4月1日現在", "tokyo/note-row", None),
    ("", "tokyo/blank-row", None),
    ({"全国地方公共団体コード": "131040"}, "tokyo/lg-code-check-digit", "全国地方公共団体コード"),
    ({"全国地方公共団体コード": "13104"}, "tokyo/lg-code-missing-check-digit", "全国地方公共団体コード"),
    ({"全国地方公共団体コード": "11002"}, "tokyo/lg-code-leading-zero-dropped", "全国地方公共団体コード"),
    ({"法人番号": "9000020130001"}, "tokyo/corporate-number-check-digit", "法人番号"),
    ({"緯度": "139.692101", "経度": "35.689634"}, "tokyo/coordinates-swapped", "緯度"),
    ({"緯度": "51.5072"}, "tokyo/coordinate-outside-japan", "緯度"),
    ({"駐車場有無": "あり"}, "tokyo/yes-no", "駐車場有無"),
    ({"開館曜日": "月曜日～金曜日"}, "tokyo/weekdays", "開館曜日"),
    ({"電話番号": "0312345678"}, "tokyo/phone-format", "電話番号"),
    ({"郵便番号": "〒160-0023"}, "tokyo/postal-code-format", "郵便番号"),
    ({"URL": "www.city.shinjuku.lg.jp"}, "tokyo/url-format", "URL"),
]


def defect_rows():
    rows = [[GOOD[h] for h in HEADER]]
    for change, _, _ in DEFECTS:
        if isinstance(change, str):
            rows.append([change] + [""] * (len(HEADER) - 1))
        else:
            rows.append([dict(GOOD, **change)[h] for h in HEADER])
    return rows


def test_correct_toilet_file_is_valid(write):
    path = write([toilet_header(), [TOILET_ROW[h] for h in toilet_header()]] * 1)
    report = validate(path)
    assert report.valid, report.findings
    assert report.schema == TOILET and report.encoding == "UTF-8"
    assert [f for f in report.findings if f.severity != "info"] == []


def test_every_defect_class_in_cp932_is_found_at_its_row_and_field(write):
    report = validate(write([HEADER, *defect_rows()], encoding="cp932"), schema=None)
    found = {(f.code, f.row, f.field) for f in report.findings if f.severity != "info"}
    expected = {(code, row, field) for row, (_, code, field) in enumerate(DEFECTS, start=3)}
    assert found - expected == {("tokyo/encoding-not-utf8", None, None)}
    assert expected - found == set()
    assert report.exit_code == 1


def test_toilet_file_in_cp932_with_defects_is_detected_and_checked(write):
    header = toilet_header()
    header[header.index("名称_英語")] = "名称_英字"  # a known variant
    rows = [dict(TOILET_ROW, **change) for change in (
        {},
        {"緯度": "139.692101", "経度": "35.689634"},
        {"車椅子使用者用トイレ有無": "○"},
        {"男性トイレ総数": "６"},
        {"利用開始時間": "9:00"},
        {"所在地_全国地方公共団体コード": "13104"},
        {"設置位置": ""},
    )]
    rows = [{("名称_英字" if k == "名称_英語" else k): v for k, v in r.items()} | {"ID": f"T{n:04d}"}
            for n, r in enumerate(rows, start=1)]  # each record its own ID
    report = validate(write([header, *[[r[h] for h in header] for r in rows]], encoding="cp932"))
    assert report.schema == TOILET
    assert "名称_英字" in report.stats["schema_reason"] or report.stats["schema_reason"]
    found = {(f.code, f.row, f.field) for f in report.findings if f.severity != "info"}
    assert found == {
        ("tokyo/encoding-not-utf8", None, None),
        ("tokyo/coordinates-swapped", 3, "緯度"),
        ("tokyo/yes-no", 4, "車椅子使用者用トイレ有無"),
        ("tokyo/zenkaku-alnum", 5, "男性トイレ総数"),
        ("tokyo/time-format", 6, "利用開始時間"),
        ("tokyo/lg-code-missing-check-digit", 7, "所在地_全国地方公共団体コード"),
        ("tokyo/required-value-missing", 8, "設置位置"),
    }


def test_print_style_statistics_table(write):
    rows = [
        ["令和2年 区別人口統計表", "", "", ""],
        ["（単位：人）", "", "", ""],
        ["", "", "", ""],
        ["区分", "年次", "人口", "増減"],
        ["千代田区", "令和2年", "67,000", "▲120"],
        ["中央区", "令和2年", "１６９１７９", "1200"],
        ["港区", "令和2年", "260486", "-35"],
        ["", "", "", ""],
        ["※ 令和2年1月1日現在", "", "", ""],
    ]
    report = validate(write(rows, encoding="cp932"))
    assert not report.valid and report.schema is None
    found = {(f.code, f.row, f.field) for f in report.findings if f.severity != "info"}
    assert found == {
        ("tokyo/encoding-not-utf8", None, None),
        ("tokyo/title-row", 1, None), ("tokyo/title-row", 2, None), ("tokyo/blank-row", 3, None),
        ("tokyo/wareki-date", 5, "年次"), ("tokyo/wareki-date", 6, "年次"), ("tokyo/wareki-date", 7, "年次"),
        ("tokyo/number-comma", 5, "人口"), ("tokyo/number-triangle", 5, "増減"),
        ("tokyo/zenkaku-alnum", 6, "人口"),
        ("tokyo/blank-row", 8, None), ("tokyo/note-row", 9, None),
    }
    assert report.stats["header_row"] == 4


@pytest.mark.parametrize("encoding, delimiter, name", [
    ("utf-8", ",", "UTF-8"),
    ("utf-8-sig", ",", "UTF-8 (BOM)"),
    ("cp932", ",", "CP932"),
    ("shift_jis", ",", "Shift_JIS"),
    ("utf-16", "\t", "UTF-16"),
    ("utf-16-le", "\t", "UTF-16LE"),
])
def test_encodings_decode(write, encoding, delimiter, name):
    text = "髙島屋" if name == "CP932" else "新宿中央公園"
    report = validate(write([["名称", "緯度"], [text, "35.68"]], encoding=encoding, delimiter=delimiter), schema=None)
    assert report.encoding == name
    assert report.stats["columns"] == 2 and report.stats["rows"] == 1
    assert ("tokyo/encoding-not-utf8" in report.codes()) == (not name.startswith("UTF-8"))
    wrong = {"tokyo/encoding-error", "tokyo/missing-cell", "tokyo/extra-cell", "tokyo/unreadable"}
    assert not report.codes() & wrong


def test_late_cp932_line_in_a_big_file_is_detected(write):
    rows = [["名称", "番号"]] + [["abc", str(i)] for i in range(40000)] + [["新宿", "1"]]
    report = validate(write(rows, encoding="cp932"), schema=None)
    assert report.encoding == "Shift_JIS" and report.stats["rows"] == 40001


def test_stream_input(write):
    path = write([toilet_header(), [TOILET_ROW[h] for h in toilet_header()]])
    with open(path, "rb") as stream:
        report = validate(stream)
    assert report.valid and report.schema == TOILET


def test_explicit_schema_and_unknown_schema(write):
    path = write([toilet_header(), [TOILET_ROW[h] for h in toilet_header()]])
    assert validate(path, schema=TOILET).schema == TOILET
    report = validate(path, schema="no-such-schema")
    assert report.exit_code == 2 and "tokyo/unknown-schema" in report.codes()


def test_no_match_runs_general_rules(write):
    report = validate(write([["品目", "価格"], ["りんご", "100"]]))
    assert report.schema is None and "tokyo/schema-not-detected" in report.codes() and report.valid


def test_row_limit_is_a_finding(write):
    report = validate(write([["名称"]] + [["a"]] * 50), schema=None, options=Options(max_rows=10))
    assert report.stats["rows"] == 10 and "tokyo/limit-rows" in report.codes() and not report.valid


def test_byte_limit_checks_the_beginning(write):
    path = write([["名称", "番号"]] + [["新宿中央公園", "1"]] * 1000, encoding="cp932")
    report = validate(path, schema=None, options=Options(max_bytes=2000))
    assert "tokyo/limit-bytes" in report.codes() and 0 < report.stats["rows"] < 1000
    # Cut at a line end: no half row, no half character.
    assert report.codes() == {"tokyo/limit-bytes", "tokyo/encoding-not-utf8"}


def test_a_line_longer_than_the_limit_is_refused_before_it_is_parsed(tmp_path):
    path = tmp_path / "one-line.csv"
    path.write_bytes(("名称," + "x" * 200_000).encode("cp932"))
    report = validate(str(path), schema=None, options=Options(max_line_bytes=100_000))
    (finding,) = [f for f in report.findings if f.code == "tokyo/limit-line"]
    assert not report.valid and not report.readable and report.stats["rows"] == 0
    assert "200005" in finding.message and "100000" in finding.message
    assert "200005 bytes" in finding.message_en and "limit of 100000" in finding.message_en


def test_a_cell_longer_than_the_limit_stops_the_check_at_its_row(tmp_path):
    path = tmp_path / "open-quote.csv"
    rows = ["名称,備考"] + [f"施設{n},a" for n in range(1, 501)]
    for at, row in ((2, None), (400, 401)):  # in the rows frictionless reads on opening, and past them
        lines = rows[:at] + ['施設,"' + "x\n" * 60_000] + rows[at:]
        path.write_bytes("\n".join(lines).encode())
        report = validate(str(path), schema=None, options=Options(max_line_bytes=65_536))
        (finding,) = [f for f in report.findings if f.code == "tokyo/limit-cell"]
        assert finding.row == row and "65536" in finding.message_en and report.stats["partial"]
        assert "tokyo/empty-file" not in report.codes() and "tokyo/limit-line" not in report.codes()


def test_lines_under_the_limit_are_checked_whatever_their_line_breaks(tmp_path):
    for newline in ("\n", "\r\n", "\r"):
        path = tmp_path / "lines.csv"
        path.write_bytes(newline.join(["名称,備考"] + [f"施設{n},{'x' * 40_000}" for n in range(20)]).encode())
        report = validate(str(path), schema=None, options=Options(max_line_bytes=65_536))
        assert "tokyo/limit-line" not in report.codes() and report.readable, newline


def test_time_limit_is_a_finding(write):
    report = validate(write([["名称"]] + [["a"]] * 2000), schema=None, options=Options(timeout=0))
    assert "tokyo/limit-time" in report.codes() and report.stats["rows"] < 2000


def test_findings_are_capped_but_counted(write):
    report = validate(write([["開設日", "x"]] + [["R2.4.1", "y"]] * 30), schema=None,
                      options=Options(max_findings=5))
    assert report.stats["by_code"]["tokyo/wareki-date"] == 30
    assert report.findings[-1].code == "tokyo/limit-findings" and len(report.findings) == 6


def test_rows_with_listed_findings_are_kept_as_written(write):
    rows = defect_rows()
    report = validate(write([HEADER, *rows], encoding="cp932"), schema=None)
    assert report.header == HEADER
    wareki = next(f for f in report.findings if f.code == "tokyo/wareki-date")
    assert report.rows[wareki.row] == rows[wareki.row - 2]  # the header is row 1
    assert report.rows[wareki.row][HEADER.index("開設日")] == "令和2年4月1日"
    assert 2 not in report.rows  # the good row has no finding
    context = report.to_dict()["context"]
    assert context["header"] == HEADER and context["rows"][str(wareki.row)] == rows[wareki.row - 2]
    # only the first rows with listed findings: bounded like the findings
    many = validate(write([["開設日", "x"]] + [["R2.4.1", "y"]] * 30), schema=None,
                    options=Options(max_findings=5))
    assert sorted(many.rows) == [2, 3, 4, 5, 6]


def test_unreadable_inputs(tmp_path):
    assert validate(tmp_path / "missing.csv").exit_code == 2
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert validate(empty).exit_code == 1


def test_imports_without_ckan():
    code = ("import sys; sys.modules['ckan'] = None; import ckanext.tokyo.validation as v; "
            "import ckanext.tokyo.validation.cli; assert v.validate")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_legacy_layout_is_detected_with_title_row_above(write):
    from ckanext.tokyo.base import standards
    header = [f["name"] for f in standards.descriptor("legacy2020-08-public-toilet")["fields"]]
    row = {h: "" for h in header} | {
        "都道府県コード又は市区町村コード": "131041", "NO": "1", "都道府県名": "東京都", "市区町村名": "新宿区",
        "名称": "新宿中央公園", "名称_カナ": "シンジュクチュウオウコウエン", "住所": "東京都新宿区西新宿二丁目11",
        "設置位置": "北側", "多機能トイレ数": "1", "車椅子使用者用トイレ有無": "有",
        "乳幼児用設備設置トイレ有無": "無", "オストメイト設置トイレ有無": "有", "利用開始時間": "9:00"}
    report = validate(write([["公衆トイレ一覧"] + [""] * (len(header) - 1), header, [row[h] for h in header]]))
    assert report.schema == "legacy2020-08-public-toilet" and report.stats["header_row"] == 2
    found = {(f.code, f.row, f.field) for f in report.findings if f.severity != "info"}
    assert found == {("tokyo/title-row", 1, None), ("tokyo/time-format", 3, "利用開始時間")}


REAL = __import__("pathlib").Path(__file__).resolve().parents[2] / "data" / "real" / "files"


def test_xls_workbook_is_read_and_named(tmp_path):
    # a published .xls (OLE2) saved under an .xlsx name
    report = validate(REAL / "ube__共通フォーマット_01.AED設置箇所一覧.xlsx")
    assert report.readable and report.schema == "legacy2020-01-aed" and report.stats["format"] == "xls"
    assert {"tokyo/xls-format", "tokyo/extension-mismatch", "tokyo/header-variant"} <= report.codes()
    assert report.stats["rows"] == 165


def test_euc_jp_is_read(write):
    path = write([toilet_header(), [TOILET_ROW[h] for h in toilet_header()]], encoding="euc_jp")
    report = validate(path)
    assert report.encoding == "EUC-JP" and report.schema == TOILET
    assert [f.code for f in report.findings if f.severity != "info"] == ["tokyo/encoding-not-utf8"]


def test_standard_file_name_decides_between_close_lists(write):
    # the head, location block and contact items alone fit many lists
    header = ["全国地方公共団体コード", "ID", "地方公共団体名", "名称", "名称_カナ", "所在地_連結表記", "緯度", "経度",
              "電話番号", "URL", "備考"]
    row = ["131041", "1", "東京都新宿区", "新宿中央公園", "シンジュクチュウオウコウエン", "東京都新宿区西新宿二丁目11",
           "35.689634", "139.692101", "03-1234-5678", "https://www.city.shinjuku.lg.jp/", ""]
    assert validate(write([header, row], name="131041_data.csv")).schema is None
    named = validate(write([header, row], name="131041_public_facility.csv"))
    assert named.schema == "current-01-public-facility"
    assert "ファイル名" in named.stats["schema_reason"]


def test_tab_separated_csv_is_named(write):
    report = validate(write([["名称", "備考"], ["a", "b"]], delimiter="\t", name="data.csv"), schema=None)
    assert "tokyo/tab-separated" in report.codes()


def test_groups_sum_up_every_finding_and_caps_apply_per_group(write):
    rows = [["開設日", "電話番号"]] + [["R2.4.1", "0312345678"]] * 300
    report = validate(write(rows), schema=None, options=Options(max_findings=100, max_group_findings=10))
    counts = {(g.code, g.field): g.count for g in report.groups}
    assert counts == {("tokyo/wareki-date", "開設日"): 300, ("tokyo/phone-format", "電話番号"): 300}
    listed = [f.code for f in report.findings if f.code != "tokyo/limit-findings"]
    assert listed.count("tokyo/wareki-date") == 10 and listed.count("tokyo/phone-format") == 10
    wareki = next(g for g in report.groups if g.code == "tokyo/wareki-date")
    assert wareki.rows == list(range(2, 12)) and wareki.values == ["R2.4.1"]
    everything = validate(write(rows), schema=None, options=Options(max_findings=0, max_group_findings=0))
    assert len(everything.findings) == 600
    data = report.to_dict()
    assert {"code", "severity", "field", "count", "rows", "values", "title", "title_en", "message", "hint"} \
        <= set(data["groups"][0])


def test_close_standards_apply_only_the_rules_both_share(write):
    from ckanext.tokyo.base import standards
    toilet = {f["name"] for f in standards.descriptor(TOILET)["fields"]}
    header = [f["name"] for f in standards.descriptor("current-08-aed-location")["fields"] if f["name"] in toilet]
    row = {h: TOILET_ROW.get(h, "") for h in header} | {"設置位置": ""}  # required (◎) in 13 only
    report = validate(write([header, [row[h] for h in header]]))
    assert report.stats["schema_alternatives"] == [TOILET]
    assert "tokyo/required-value-missing" not in report.codes()
    assert [f for f in report.findings if f.severity != "info"] == []
