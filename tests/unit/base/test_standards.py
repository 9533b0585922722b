"""ckanext.tokyo.base.standards without CKAN."""
from __future__ import annotations

import dataclasses

import frictionless
import pytest

from ckanext.tokyo.base import standards

TOILET_13 = [
    "全国地方公共団体コード", "ID", "地方公共団体名", "名称", "名称_カナ", "名称_英語",
    "所在地_全国地方公共団体コード", "町字ID", "所在地_連結表記", "所在地_都道府県",
    "所在地_市区町村", "所在地_町字", "所在地_番地以下", "建物名等(方書)", "設置位置",
    "緯度", "経度", "高度の種別", "高度の値", "男性トイレ総数", "男性トイレ数（小便器）",
    "男性トイレ数（和式）", "男性トイレ数（洋式）", "女性トイレ総数", "女性トイレ数（和式）",
    "女性トイレ数（洋式）", "男女共用トイレ総数", "男女共用トイレ数（和式）",
    "男女共用トイレ数（洋式）", "バリアフリートイレ数", "車椅子使用者用トイレ有無",
    "乳幼児用設備設置トイレ有無", "オストメイト設置トイレ有無", "利用開始時間",
    "利用終了時間", "利用可能時間特記事項", "画像", "画像_ライセンス", "備考",
]
LEGACY_AED = [
    "都道府県コード又は市区町村コード", "NO", "都道府県名", "市区町村名", "名称", "名称_カナ",
    "住所", "方書", "緯度", "経度", "設置位置", "電話番号", "内線番号", "法人番号", "団体名",
    "利用可能曜日", "開始時間", "終了時間", "利用可能日時特記事項", "小児対応設備の有無",
    "URL", "備考",
]


def test_schema_ids_are_unique_and_sorted():
    ids = standards.schema_ids()
    assert len(ids) == len(set(ids))
    assert "current-13-public-toilet" in ids and "legacy2020-01-aed" in ids


def test_every_schema_loads():
    for schema_id in standards.schema_ids():
        schema = standards.load(schema_id)
        assert isinstance(schema, frictionless.Schema)
        assert schema.custom["x-tokyo"]["dataset_number"]
        assert standards.descriptor(schema_id)["name"] == schema_id


def test_descriptor_is_a_copy():
    d = standards.descriptor("current-13-public-toilet")
    d["fields"].clear()
    assert len(standards.descriptor("current-13-public-toilet")["fields"]) == 39


def test_unknown_schema_lists_ids():
    with pytest.raises(standards.UnknownSchema) as exc:
        standards.descriptor("no-such-schema")
    assert isinstance(exc.value, KeyError)
    assert "no-such-schema" in str(exc.value)
    assert "current-13-public-toilet" in str(exc.value)
    with pytest.raises(KeyError):
        standards.load("no-such-schema")


def test_info():
    meta = standards.info("current-13-public-toilet")
    assert dataclasses.is_dataclass(meta)
    assert (meta.id, meta.title, meta.title_en, meta.dataset_number, meta.layout,
            meta.edition, meta.completeness) == (
        "current-13-public-toilet", "公衆トイレ一覧", "Public toilets", "13", "current",
        "2026-08-01", "complete")
    assert meta.family == "自治体標準オープンデータセット"
    assert "デジタル庁" in meta.source
    with pytest.raises(dataclasses.FrozenInstanceError):
        meta.title = "x"  # type: ignore[misc]
    legacy = standards.info("legacy2020-01-aed")
    assert (legacy.layout, legacy.family, legacy.dataset_number) == ("legacy2020", "推奨データセット", "01")


def test_field_requirements_and_formats():
    req = standards.field_requirements("current-13-public-toilet")
    assert len(req) == 39
    assert req["名称"] == "required"
    assert req["名称_カナ"] == "recommended"
    assert req["バリアフリートイレ数"] == "recommended"  # written with 〇 in the sheet
    assert req["町字ID"] == "optional"
    fmt = standards.field_formats("current-13-public-toilet")
    assert fmt["全国地方公共団体コード"] == "lg-code"
    assert fmt["緯度"] == "latitude" and fmt["経度"] == "longitude"
    assert fmt["利用開始時間"] == "time"
    assert "名称" not in fmt
    legacy = standards.field_formats("legacy2020-01-aed")
    assert legacy["法人番号"] == "corporate-number"
    assert legacy["利用可能曜日"] == "weekdays"
    assert legacy["電話番号"] == "phone"


@pytest.mark.parametrize("raw, canon", [
    ("\ufeff全国地方公共団体コード", "全国地方公共団体コード"),
    (" 名称　", "名称"),
    ("建物名等（方書）", "建物名等(方書)"),
    ("所在地＿連結表記", "所在地_連結表記"),
    ("ＩＤ", "ID"),
    ("緯度 (世界測地系)", "緯度(世界測地系)"),
])
def test_canonical_header(raw, canon):
    assert standards.canonical_header(raw) == canon


def _check_reasons(found):
    assert found.reason and found.reason_en
    assert found.reason != found.reason_en


def test_detect_exact_current_header():
    found = standards.detect(TOILET_13)
    assert found is not None
    assert found.schema_id == "current-13-public-toilet"
    assert found.score == pytest.approx(1.0)
    assert found.mapping == {h: h for h in TOILET_13}
    _check_reasons(found)
    assert "39列中39列" in found.reason and "公衆トイレ一覧" in found.reason
    assert "39 of 39 headings" in found.reason_en


def test_detect_with_heading_variant():
    header = [("名称_英字" if h == "名称_英語" else h) for h in TOILET_13]
    header[0] = "\ufeff" + header[0]
    header[13] = "建物名等（方書）"
    found = standards.detect(header)
    assert found is not None and found.schema_id == "current-13-public-toilet"
    assert found.mapping["名称_英字"] == "名称_英語"
    assert found.mapping["\ufeff全国地方公共団体コード"] == "全国地方公共団体コード"
    assert found.mapping["建物名等（方書）"] == "建物名等(方書)"
    assert "名称_英字" in found.reason and "名称_英字" in found.reason_en
    _check_reasons(found)


def test_detect_with_missing_recommended_column():
    header = [h for h in TOILET_13 if h != "画像_ライセンス"]
    found = standards.detect(header)
    assert found is not None and found.schema_id == "current-13-public-toilet"
    assert found.score < 1.0
    assert "画像_ライセンス" not in found.mapping.values()
    assert "38 of 39 schema items" in found.reason_en
    _check_reasons(found)


def test_detect_legacy_aed():
    found = standards.detect(LEGACY_AED)
    assert found is not None and found.schema_id == "legacy2020-01-aed"
    assert "2020" in found.reason and "2020" in found.reason_en
    _check_reasons(found)


def test_detect_legacy_toilet_is_not_the_current_one():
    legacy = [f["name"] for f in standards.descriptor("legacy2020-08-public-toilet")["fields"]]
    assert standards.detect(legacy).schema_id == "legacy2020-08-public-toilet"


@pytest.mark.parametrize("header", [
    ["a", "b", "c"], [], [""], ["", "  "],
    ["名称", "住所", "緯度", "経度", "備考"],  # too generic to name a standard
    ["日付", "件数", "金額"],
])
def test_detect_nothing(header):
    assert standards.detect(header) is None


def test_every_schema_detects_itself():
    for schema_id in standards.schema_ids():
        names = [f["name"] for f in standards.descriptor(schema_id)["fields"]]
        found = standards.detect(names)
        assert found is not None and found.schema_id == schema_id, schema_id


def test_detect_limited_candidates():
    found = standards.detect(TOILET_13, candidates=["legacy2020-08-public-toilet"])
    assert found is None  # the layout marker says "current"


def test_match_heading_kinds():
    legacy = "legacy2020-13-preschool"
    assert standards.match_heading(legacy, "都道府県コード又は市区町村コード") == (
        "都道府県コード又は市区町村コード", "exact")
    assert standards.match_heading(legacy, "都道府県コ―ド又は市区町村コ―ド")[1] == "typo"  # ― for ー
    assert standards.match_heading(legacy, "都道府県コード又は\n市区町村コード")[1] == "exact"  # spaces: headings rule
    assert standards.match_heading(legacy, "市区町村コード") == ("都道府県コード又は市区町村コード", "variant")
    assert standards.match_heading("legacy2020-10-evacuation-space", "災害種別_崖崩れ_土石流及び地滑り") == (
        "災害種別_崖崩れ、土石流及び地滑り", "typo")
    assert standards.match_heading("current-13-public-toilet", "localgov_code") == ("全国地方公共団体コード", "exact")
    assert standards.match_heading("current-13-public-toilet", "name_kana") == ("名称_カナ", "exact")  # physical name
    assert standards.match_heading("current-13-public-toilet", "localGovernmentCode") == (
        "全国地方公共団体コード", "english")
    assert standards.match_heading("current-13-public-toilet", "備考欄です") == (None, "")


def test_detect_reports_variants():
    header = [h.replace("コード", "コ―ド") if h == "全国地方公共団体コード" else h for h in TOILET_13]
    found = standards.detect(header)
    assert found.schema_id == "current-13-public-toilet"
    assert found.variants == (("全国地方公共団体コ―ド", "全国地方公共団体コード"),)


def test_detect_by_standard_file_name():
    header = ["全国地方公共団体コード", "ID", "地方公共団体名", "名称", "所在地_連結表記", "緯度", "経度"]
    assert standards.detect(header) is None  # only items every facility list has
    found = standards.detect(header, name="122033_public_facility.csv")
    assert found.schema_id == "current-01-public-facility" and found.named
    assert standards.detect(header, name="012041_aed_2024.csv").schema_id == "current-08-aed-location"
    assert standards.detect(header, name="132128_aed_location.csv").schema_id == "current-08-aed-location"


def test_newer_lists_are_detected():
    for schema_id in ("current-06-open-data-list", "current-09-care-service", "current-02-cultural-property",
                      "current-04-population", "current-10-hospital"):
        names = [f["name"] for f in standards.descriptor(schema_id)["fields"]]
        # a published file: most items, some left out, a local extra column
        header = names[: len(names) * 3 // 4] + ["独自の列"]
        assert standards.detect(header).schema_id == schema_id, schema_id


def test_close_standards_share_only_common_rules():
    # only items an AED list and a toilet list both have: either could it be
    from ckanext.tokyo.validation.layout import shared_rules
    aed = [f["name"] for f in standards.descriptor("current-08-aed-location")["fields"]]
    toilet = {f["name"] for f in standards.descriptor("current-13-public-toilet")["fields"]}
    header = [name for name in aed if name in toilet]
    found = standards.detect(header)
    assert found.schema_id == "current-08-aed-location"
    assert [sid for sid, _ in found.alternatives] == ["current-13-public-toilet"]
    assert "両方に共通するルールだけ" in found.reason and "only the rules both share" in found.reason_en
    merged = shared_rules(standards.descriptor(found.schema_id), dict(found.mapping), found.alternatives)
    assert merged["x-tokyo"]["completeness"] == "partial"
    assert {f["name"] for f in merged["fields"]} == set(found.mapping.values())


def test_file_stems():
    assert standards.file_stems("current-08-aed-location") == ["aed_location", "aed"]
    assert standards.file_stems("current-10-hospital") == ["hospital"]
