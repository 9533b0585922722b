#!/usr/bin/env python3
"""Build schemas/standard/*.json from the reference item lists.

Usage (from the repository root)::

    python scripts/build_standard_schemas.py [REFERENCE_DIR] [--out schemas/standard]

REFERENCE_DIR defaults to ``../shared/reference`` relative to the repository
root. The JSON files this writes are committed data; the runtime never reads
the reference folder. Conventions: docs/table-schemas.md.

Only the standard library is used, so the script runs anywhere.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CURRENT_FAMILY = "自治体標準オープンデータセット"
LEGACY_FAMILY = "推奨データセット"
# the families' English names, written beside them (x-tokyo.family_en)
FAMILY_EN = {CURRENT_FAMILY: "local government standard open dataset",
             LEGACY_FAMILY: "recommended dataset"}

# --------------------------------------------------------------------------
# Dataset-level facts
# --------------------------------------------------------------------------

CURRENT_TITLE_EN = {
    "01": "Public facilities",
    "03": "Designated emergency evacuation sites",
    "05": "Childcare facilities",
    "07": "Public wireless LAN access points",
    "08": "AED locations",
    "13": "Public toilets",
    "14": "Fire-fighting water supply facilities",
}

# legacy dataset name -> (number in the 2020 list, id stem, English title)
LEGACY_META = {
    "AED設置箇所一覧": ("aed", "AED locations"),
    "介護サービス事業所一覧": ("care-service", "Long-term care service providers"),
    "医療機関一覧": ("hospital", "Medical institutions"),
    "文化財一覧": ("cultural-property", "Cultural properties"),
    "観光施設一覧": ("tourism", "Tourist facilities"),
    "イベント一覧": ("event", "Events"),
    "公衆無線LANアクセスポイント一覧": ("public-wireless-lan", "Public wireless LAN access points"),
    "公衆トイレ一覧": ("public-toilet", "Public toilets"),
    "消防水利施設一覧": ("fire-hydrant", "Fire-fighting water supply facilities"),
    "指定緊急避難場所一覧": ("evacuation-space", "Designated emergency evacuation sites"),
    "地域・年齢別人口": ("population", "Population by area and age"),
    "公共施設一覧": ("public-facility", "Public facilities"),
    "子育て施設一覧": ("preschool", "Childcare facilities"),
    "オープンデータ一覧": ("open-data-list", "Open data list"),
}

# Partial current definitions that are included, with the reliability verdict
# (see docs/table-schemas.md, "Which schemas, and how reliable").
PARTIAL_INCLUDED = {
    "01": ("public_facility", "low",
           "29 headings in file order from a third-party DDL that mirrors a published "
           "431001_public_facility.csv (some headings renamed by the DDL author and "
           "restored here to the official spelling), plus POIコード/説明/バリアフリー情報 "
           "read from a standard file by another importer (order unknown). The reference "
           "rates the list LOW CONFIDENCE: the mirrored file lacks columns of the standard."),
    "05": ("preschool", "medium",
           "53 headings in file order from a third-party DDL that mirrors a published "
           "431001_preschool.csv (renamed headings restored); 種別/収容定員/受入年齢/"
           "一時預かりの有無/病児保育の有無/認可等年月日 cross-checked with a second reader."),
    "07": ("public_wireless_lan", "medium",
           "28 headings in file order from a third-party DDL that mirrors a published "
           "431001_public_wireless_lan.csv (renamed headings restored); the leading "
           "全国地方公共団体コード,法人番号,ID order matches the official sheet of 11."),
    "08": ("aed_location", "medium",
           "Items 1–7 from the official 08_AED設置箇所一覧.xlsx sheet (掲載区分 not "
           "rendered); the rest are headings a third-party importer reads from "
           "current-format AED files (order unknown); 町字ID inferred."),
    "14": ("fire_hydrant", "high",
           "The complete header of a published file (462209 南さつま市) copied verbatim "
           "into a third-party test fixture; 掲載区分 unknown."),
}

# Partial lists deliberately left out (documented in docs/table-schemas.md).
PARTIAL_EXCLUDED = ("02", "04", "06", "09", "11", "12", "15")

# --------------------------------------------------------------------------
# Item-level knowledge
# --------------------------------------------------------------------------

# Headings renamed by the authors of third-party DDLs, restored to the official
# spelling used in the official/reconstructed sheets (13, 03, 08, 11). The DDL
# spelling is kept as an alias.
RESTORE = {
    "自治体コード": "全国地方公共団体コード",
    "所在地_自治体コード": "所在地_全国地方公共団体コード",
    "所在地_連結標記": "所在地_連結表記",
    "建物名等": "建物名等(方書)",
    "メールアドレス": "連絡先メールアドレス",
    "連絡先備考": "連絡先備考（その他、SNSなど）",
    "利用可能日時特記": "利用可能日時特記事項",
    "画像ライセンス": "画像_ライセンス",
    # 05: DDL has 許可等年月日; a second reader and the 2020 list use 認可等年月日.
    "許可等年月日": "認可等年月日",
}

# Heading variants (applied to any field of that name, in every schema).
# Each is justified by a reference file: the partial lists' DDL spellings,
# the 2020 list vs the current sheets, GIF item names, and docs/japanese-standards.md.
ALIASES = {
    "名称_英語": ["名称_英字", "名称（英字）"],
    "名称_英字": ["名称_英語", "名称（英字）"],
    "名称_カナ": ["名称（カナ）"],
    "名称_通称": ["通称"],
    "全国地方公共団体コード": ["自治体コード"],
    "所在地_全国地方公共団体コード": ["所在地_自治体コード"],
    "所在地_連結表記": ["所在地_連結標記", "住所", "連結表記"],
    "住所": ["所在地_連結表記", "所在地_連結標記"],
    "建物名等(方書)": ["建物名等", "方書", "所在地_方書"],
    "方書": ["所在地_方書", "建物名等(方書)", "建物名等"],
    "緯度": ["緯度(世界測地系)"],
    "経度": ["経度(世界測地系)"],
    "連絡先メールアドレス": ["メールアドレス"],
    "連絡先備考（その他、SNSなど）": ["連絡先備考"],
    "利用可能日時特記事項": ["利用可能日時特記"],
    "画像_ライセンス": ["画像ライセンス"],
    "開始時間": ["開始時刻"],
    "終了時間": ["終了時刻"],
    "バリアフリートイレ数": ["多機能トイレ数"],
    "多機能トイレ数": ["バリアフリートイレ数"],
    "認可等年月日": ["許可等年月日"],
    "介護サービス事業所名称": ["名称"],
}

# English item names. The 13 sheet's english_name column is used where it is
# right; items 25-27 there are shifted by one row (25 女性トイレ数（和式） is
# given "urinalFemaleToilet", 27 男女共用トイレ総数 "westernStyleFemaleToilet"),
# so these three are corrected. Everything else follows the 13 sheet, then the
# GIF core data model (項目名（英語）), then this table.
EN_FIX_13 = {
    "女性トイレ数（和式）": "japaneseStyleFemaleToilet",
    "女性トイレ数（洋式）": "westernStyleFemaleToilet",
    "男女共用トイレ総数": "totalUnisexToilet",
}
EN_EXTRA = {
    "都道府県コード又は市区町村コード": "localGovernmentCode",
    "NO": "number",
    "都道府県名": "prefectureName",
    "市区町村名": "cityName",
    "住所": "address",
    "方書": "buildingNameEtc",
    "内線番号": "extensionNumber",
    "FAX番号": "faxNumber",
    "団体名": "organizationName",
    "法人の名称": "legalEntityName",
    "法人番号": "legalEntityNumber",
    "利用可能曜日": "availableDays",
    "利用可能日時特記事項": "availabilityRemarks",
    "利用可能曜日特記事項": "availableDaysRemarks",
    "小児対応設備の有無": "pediatricSupport",
    "URL": "url",
    "介護サービス事業所名称": "name",
    "介護サービス事業所名称_カナ": "nameKana",
    "実施サービス": "services",
    "事業所番号": "businessPlaceNumber",
    "定員": "capacity",
    "医療機関の種類": "medicalInstitutionType",
    "医療機関コード": "medicalInstitutionCode",
    "診療曜日": "consultationDays",
    "診療開始時間": "consultationStartTime",
    "診療終了時間": "consultationEndTime",
    "診療日時特記事項": "consultationRemarks",
    "時間外における対応": "afterHoursService",
    "診療科目": "departments",
    "病床数": "numberOfBeds",
    "名称_通称": "alternateName",
    "名称_英語": "nameEn",
    "名称_英字": "nameEn",
    "文化財分類": "culturalPropertyCategory",
    "種類": "kind",
    "場所名称": "locationName",
    "員数（数）": "quantity",
    "員数（単位）": "quantityUnit",
    "所有者等": "owner",
    "文化財指定日": "designationDate",
    "開始時間": "startTime",
    "終了時間": "endTime",
    "画像": "pictureUrl",
    "画像_ライセンス": "pictureLicense",
    "概要": "abstract",
    "概要_英語": "abstractEn",
    "説明": "description",
    "説明_英語": "descriptionEn",
    "POIコード": "poiCode",
    "料金(基本)": "fee",
    "料金(詳細)": "feeRemarks",
    "アクセス方法": "accessMethod",
    "駐車場情報": "parkingInformation",
    "バリアフリー情報": "accessibilityInformation",
    "連絡先名称": "contactPointName",
    "連絡先電話番号": "contactPointPhoneNumber",
    "連絡先内線番号": "contactPointExtension",
    "イベント名": "eventName",
    "イベント名_カナ": "eventNameKana",
    "イベント名_英語": "eventNameEn",
    "開始日": "startDate",
    "終了日": "endDate",
    "開始日時特記事項": "dateTimeRemarks",
    "主催者": "organizer",
    "参加申込終了日": "applicationDeadlineDate",
    "参加申込終了時間": "applicationDeadlineTime",
    "参加申込方法": "applicationMethod",
    "設置者": "installer",
    "電話番号": "phoneNumber",
    "SSID": "ssid",
    "提供エリア": "serviceArea",
    "多機能トイレ数": "numberOfMultipurposeToilet",
    "種別": "type",
    "口径": "diameter",
    "標高": "elevation",
    "市区町村コード": "cityCode",
    "災害種別_洪水": "disasterFlood",
    "災害種別_崖崩れ、土石流及び地滑り": "disasterLandslide",
    "災害種別_高潮": "disasterStormSurge",
    "災害種別_地震": "disasterEarthquake",
    "災害種別_津波": "disasterTsunami",
    "災害種別_大規模な火事": "disasterLargeFire",
    "災害種別_内水氾濫": "disasterInlandFlooding",
    "災害種別_火山現象": "disasterVolcano",
    "指定避難所との重複": "overlapWithDesignatedShelter",
    "想定収容人数": "expectedCapacity",
    "対象となる町会・自治会": "targetNeighbourhoodAssociations",
    "地域コード": "areaCode",
    "調査年月日": "surveyDate",
    "地域名": "areaName",
    "総人口": "totalPopulation",
    "男性": "male",
    "女性": "female",
    "世帯数": "numberOfHouseholds",
    "収容定員": "capacity",
    "受入年齢": "acceptedAges",
    "認可等年月日": "authorizationDate",
    "一時預かりの有無": "temporaryChildcare",
    "病児保育の有無": "sickChildCare",
    "データ名称": "datasetName",
    "データ概要": "datasetDescription",
    "データ形式": "fileFormat",
    "分類": "category",
    "更新頻度": "updateFrequency",
    "API対応有無": "apiAvailable",
    "ライセンス": "license",
    "登録日": "registrationDate",
    "最終更新日": "lastModifiedDate",
    "備考": "remarks",
    "地方公共団体名": "localGovernmentName",
    "郵便番号": "postalCode",
    "連絡先メールアドレス": "contactPointEmailAddress",
    "連絡先FormURL": "contactPointFormUrl",
    "連絡先備考（その他、SNSなど）": "contactPointRemarks",
    "高度の種別": "heightType",
    "高度の値": "height",
    "画像1": "pictureUrl1",
    "画像1_ライセンス": "pictureLicense1",
    "画像2": "pictureUrl2",
    "画像2_ライセンス": "pictureLicense2",
    "外部利用不可": "notForExternalUse",
    "子供預かり料金種別": "childCareType",
    "子供預かり料金": "childCareFee",
    "子供預かり料金備考": "childCareFeeRemarks",
    "子供預かり開所時間": "childCareOpeningHours",
    "子供預かり閉所時間": "childCareClosingHours",
    "授乳室": "nursery",
    "おむつ替えコーナー": "diaperChangingCorner",
    "飲食可否": "foodAndDrinkAvailable",
    "ベビーカー貸出": "strollerRental",
    "ベビーカー利用": "strollerUse",
}

# Generic short descriptions for items of the partial lists (worded after the
# 13/03 sheets and the GIF core data model).
GENERIC_DESC = {
    "全国地方公共団体コード": "情報の管理主体である団体の全国地方公共団体コード（6桁）。",
    "ID": "情報の管理主体である地方公共団体内でデータが一意に決まるID。",
    "地方公共団体名": "情報の管理主体である地方公共団体名。",
    "法人番号": "管理・運営主体の法人番号（13桁）。",
    "名称": "施設等の通称や建物等の名前。",
    "名称_カナ": "名称の読み（全角カナ）。",
    "名称_英語": "名称の英語表記。",
    "名称_英字": "名称の英字表記。",
    "所在地_全国地方公共団体コード": "所在地の全国地方公共団体コード（6桁）。",
    "町字ID": "所在地の町字ID（アドレス・ベース・レジストリ、7桁）。",
    "所在地_連結表記": "所在地（都道府県から建物名等までを連結した表記）。",
    "所在地_都道府県": "所在地の都道府県。",
    "所在地_市区町村": "所在地の市区町村（郡名・政令市の区名を含む）。",
    "所在地_町字": "所在地の町字。",
    "所在地_番地以下": "所在地の番地以下。",
    "建物名等(方書)": "所在地の方書（建物名等）。",
    "緯度": "緯度（世界測地系、10進数）。",
    "経度": "経度（世界測地系、10進数）。",
    "高度の種別": "高度の種別（階数・標高・地表高）。",
    "高度の値": "高度の値（階数、またはメートル単位）。",
    "電話番号": "連絡先電話番号（ハイフン区切り）。",
    "内線番号": "連絡先の内線番号。",
    "FAX番号": "FAX番号。",
    "連絡先メールアドレス": "連絡先メールアドレス。",
    "連絡先FormURL": "問合せフォームのURL。",
    "連絡先備考（その他、SNSなど）": "連絡先に関する備考（SNS等）。",
    "郵便番号": "郵便番号（7桁）。",
    "団体名": "管理・設置団体の名称。",
    "利用可能曜日": "利用可能な曜日（月火水木金土日の順）。",
    "開始時間": "開始時間（hh:mm）。",
    "終了時間": "終了時間（hh:mm）。",
    "利用可能日時特記事項": "利用可能曜日・時間の特記事項・例外。",
    "URL": "情報源となるWebページのURL。",
    "画像": "画像の格納先URL。",
    "画像_ライセンス": "画像のライセンス。",
    "備考": "特記事項。",
    "種別": "種別。",
    "POIコード": "GIF POIコード表のコード。",
    "説明": "説明。",
    "バリアフリー情報": "バリアフリー情報（「;」区切り）。",
    "設置位置": "施設内の詳細な設置位置。",
    "小児対応設備の有無": "小児対応設備の有無（有/無）。",
    "設置者": "設置組織。",
    "SSID": "公衆無線LANのSSID。",
    "提供エリア": "施設内の提供エリア。",
    "口径": "消防水利の口径（ミリメートル）。",
    "標高": "標高（メートル）。",
    "想定収容人数": "想定される収容人数。",
    "アクセス方法": "公共交通や車でのアクセス方法。",
    "駐車場情報": "駐車・駐輪スペースの情報。",
    "収容定員": "収容できる定員。",
    "受入年齢": "利用可能年齢。",
    "認可等年月日": "認可又は認定を受けた年月日。",
    "一時預かりの有無": "一時預かりの有無（有/無）。",
    "病児保育の有無": "病児保育の有無（有/無）。",
    "授乳室": "授乳室の有無（有/無）。",
    "おむつ替えコーナー": "おむつ替えコーナーの有無（有/無）。",
    "飲食可否": "飲食の可否（有/無）。",
    "ベビーカー貸出": "ベビーカー貸出の有無（有/無）。",
    "ベビーカー利用": "ベビーカー利用の可否（有/無）。",
    "子供預かり料金種別": "子供預かりの料金種別（無料/有料）。",
    "子供預かり料金": "子供預かりの料金。",
    "子供預かり料金備考": "子供預かりの料金に関する備考。",
    "子供預かり開所時間": "子供預かりの開所時間（hh:mm）。",
    "子供預かり閉所時間": "子供預かりの閉所時間（hh:mm）。",
    "画像1": "画像1の格納先URL。",
    "画像1_ライセンス": "画像1のライセンス。",
    "画像2": "画像2の格納先URL。",
    "画像2_ライセンス": "画像2のライセンス。",
    "外部利用不可": "外部利用不可の印（取込みツールは TRUE または 有 を受け付ける）。",
}

LG_CODE_NAMES = {"全国地方公共団体コード", "所在地_全国地方公共団体コード",
                 "都道府県コード又は市区町村コード", "市区町村コード"}
PHONE_NAMES = {"電話番号", "FAX番号", "連絡先電話番号"}
EMAIL_NAMES = {"連絡先メールアドレス"}
WEEKDAY_NAMES = {"利用可能曜日", "診療曜日"}
# 有無 columns whose format says 有/無 (GIF Accessibility/ChildcareService
# examples, 13 sheet 統制語彙, partial lists' notes).
YES_NO_NAMES = {"授乳室", "おむつ替えコーナー", "飲食可否", "ベビーカー貸出", "ベビーカー利用"}
INTEGER_COUNT_NAMES = {"定員", "病床数", "総人口", "男性", "女性", "世帯数", "収容定員",
                       "員数（数）", "料金(基本)", "多機能トイレ数"}
FLAG_1_NAMES_RE = re.compile(r"^(災害種別_.+|指定避難所との重複)$")


def x_format(name: str, hint: str = "") -> str | None:
    """The semantic format of an item, from its name and format text."""
    if name in LG_CODE_NAMES:
        return "lg-code"
    if name == "法人番号":
        return "corporate-number"
    if name == "町字ID":
        return "town-id"
    if name == "緯度":
        return "latitude"
    if name == "経度":
        return "longitude"
    if name in PHONE_NAMES:
        return "phone"
    if name == "郵便番号":
        return "postal-code"
    if name in EMAIL_NAMES:
        return "email"
    if name == "POIコード":
        return "poi-code"
    if name.endswith("_カナ"):
        return "kana"
    if name in ("高度の値", "標高"):
        return "number"
    if name in WEEKDAY_NAMES:
        return "weekdays"
    if name.endswith("有無") or name in YES_NO_NAMES or "統制語彙" in hint:
        return "yes-no"
    if hint in ("uri",) or hint.startswith("URI") or name == "URL" or name.endswith("URL") \
            or re.fullmatch(r"画像\d?", name):
        return "url"
    if hint == "date" or "日付" in hint or name.endswith("年月日") or name in (
            "開始日", "終了日", "登録日", "最終更新日", "参加申込終了日", "文化財指定日"):
        return "date"
    if hint == "time" or "時刻" in hint or re.search(r"(開始|終了|開所|閉所)時間$", name):
        return "time"
    if "数値" in hint or "半角数字" in hint and name not in LG_CODE_NAMES:
        return "number"
    return None


def clean_desc(text: str) -> str:
    """Short description: drop 「※…」 cross-references and (注n) markers."""
    text = re.sub(r"※.*$", "", text)
    text = re.sub(r"[（(]注[0-9０-９、,]+[)）]", "", text)
    text = re.sub(r"[（(]No\.\d+[)）]", "", text)
    return text.strip()


def canonical(name: str) -> str:
    """Same normalisation as ckanext.tokyo.validation.registry.canonical_header."""
    name = name.replace("\ufeff", "")
    name = unicodedata.normalize("NFKC", name)
    return re.sub(r"\s+", "", name)


def aliases_for(name: str, extra: list[str] | None = None) -> list[str]:
    out: list[str] = []
    for a in (extra or []) + ALIASES.get(name, []):
        if canonical(a) != canonical(name) and a not in out:
            out.append(a)
    return out


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def gif_english(ref: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in sorted((ref / "gif").glob("*.csv")):
        if part.name in ("core_codelists.csv", "poi_codes.csv"):
            continue
        for row in read_csv(part):
            item, en = row.get("項目名", ""), row.get("項目名（英語）", "")
            if item and en:
                out.setdefault(item, en)
    return out


class Builder:
    def __init__(self, ref: Path):
        self.ref = ref
        self.gif_en = gif_english(ref)
        sd = ref / "standard-datasets"
        self.t13 = read_csv(sd / "current_13_public_toilet.csv")
        self.en13 = {r["name"]: EN_FIX_13.get(r["name"], r["english_name"]) for r in self.t13}
        self.numbering = {r["number"]: r for r in read_csv(sd / "numbering.csv")}

    def english(self, name: str) -> str:
        for table in (self.en13, EN_EXTRA):
            if table.get(name):
                return table[name]
        if name in self.gif_en:
            return self.gif_en[name]
        m = re.fullmatch(r"(\d+)-(\d+)歳の(男性|女性)", name) or re.fullmatch(
            r"(\d+)-(\d+)歳(男性|女性)", name)
        if m:
            return f"{'male' if m.group(3) == '男性' else 'female'}Aged{m.group(1)}to{m.group(2)}"
        m = re.fullmatch(r"(\d+)歳以上の?(男性|女性)", name)
        if m:
            return f"{'male' if m.group(2) == '男性' else 'female'}Aged{m.group(1)}AndOver"
        raise SystemExit(f"no English name for {name!r}: add it to EN_EXTRA")

    # ---------------------------------------------------------------- fields
    def field(self, name, *, requirement, description, hint="", type_=None,
              aliases=None, fmt=None, source=None, constraints=None):
        f: dict = {"name": name}
        fmt = fmt if fmt is not None else x_format(name, hint)
        f["type"] = type_ or "string"
        if description:
            f["description"] = description
        f["title_en"] = self.english(name)
        f["x-requirement"] = requirement
        if fmt:
            f["x-format"] = fmt
        al = aliases_for(name, aliases)
        if al:
            f["x-aliases"] = al
        if constraints:
            f["constraints"] = constraints
        if source:
            f["x-source"] = source
        return f

    # -------------------------------------------------------------- schemas
    def current_13(self) -> dict:
        req = {"◎": "required", "○": "recommended", "〇": "recommended", "": "optional"}
        fields = []
        for r in self.t13:
            name, fmt_text = r["name"], r["format"]
            type_ = "integer" if fmt_text.startswith("数値") else "string"
            fields.append(self.field(
                name, requirement=req[r["classification"].strip()],
                description=clean_desc(r["description"]), hint=fmt_text, type_=type_))
        num = self.numbering["13"]
        return self.schema(
            "current-13-public-toilet", "公衆トイレ一覧", "13", "current",
            edition="2026-08-01", completeness="complete", reliability="official",
            stem=num["file_name_stem"],
            source="デジタル庁 自治体標準オープンデータセット データ項目定義書A (2026-08-01)「13 公衆トイレ一覧」, "
                   "39 items as extracted in tsunagu-bosai/open-infra-japan schema/standard/public-toilet/schema.csv",
            licence="PDL1.0",
            licence_note="公共データ利用規約（第1.0版）(PDL1.0), デジタル庁; compatible with CC BY 4.0",
            fields=fields,
            notes="English item names follow the sheet except items 25–27, whose english_name "
                  "values are shifted by one row in the source and are corrected here.")

    def current_03(self) -> dict:
        req = {"必須": "required", "推奨": "recommended", "任意": "optional"}
        rows = read_csv(self.ref / "standard-datasets" / "current_03_evacuation_space_reconstructed.csv")
        desc13 = {r["name"]: clean_desc(r["description"]) for r in self.t13}
        fields = []
        for r in rows:
            name, fmt_text = r["name"], r["format"]
            desc = r["note"].strip() or GENERIC_DESC.get(name) or ""
            if not desc and name in desc13:
                desc = desc13[name].replace("公衆トイレ（No.4）の", "").replace("公衆トイレの", "")
            constraints = None
            fmt = None
            if FLAG_1_NAMES_RE.match(name):
                desc = (desc + " " if desc else "") + f"{fmt_text}。"
                constraints = {"enum": ["1"]}
                fmt = ""
            elif name in ("標高",):
                fmt = "number"
            f = self.field(name, requirement=req[r["掲載区分"].strip()], description=desc,
                           hint=fmt_text, constraints=constraints, fmt=fmt)
            if fmt == "":
                f.pop("x-format", None)
            fields.append(f)
        num = self.numbering["03"]
        return self.schema(
            "current-03-evacuation-space", "指定緊急避難場所一覧", "03", "current",
            edition="unverified", completeness="complete", reliability="reconstructed",
            stem=num["file_name_stem"],
            source="「03 指定緊急避難場所一覧」 current layout, 39 columns with 掲載区分, reconstructed from "
                   "municipal converter code that quotes the specification; not yet checked against the "
                   "official デジタル庁 sheet",
            licence="PDL1.0",
            licence_note="underlying specification: 公共データ利用規約（第1.0版）(PDL1.0), デジタル庁",
            fields=fields,
            notes="Reconstructed: the item list claims to be complete (39 columns) but has not been "
                  "verified against the official sheet. 災害種別_* and 指定避難所との重複 take 1 or empty.")

    def current_partial(self, number: str) -> dict:
        stem, reliability, note = PARTIAL_INCLUDED[number]
        path = self.ref / "standard-datasets" / "partial" / f"{number}_{stem}.csv"
        rows = read_csv(path)
        num = self.numbering[number]
        fields, seen = [], set()
        for r in rows:
            raw = r["item_name_ja"].strip()
            name = RESTORE.get(raw, raw)
            if name in seen:
                continue
            seen.add(name)
            src = r["source"]
            if src.startswith("pages:"):
                prov = "official-sheet"
            elif src.startswith("INFERRED"):
                prov = "inferred"
            elif "ORDER UNKNOWN" in src:
                prov = "importer-names"
            else:
                prov = "published-file-header"
            rule = r["format_rule"].strip()
            desc = GENERIC_DESC.get(name, "")
            if not desc:
                desc = re.sub(r"\s*\(INFERRED[^)]*\)", "", rule).strip()
            type_ = "string"
            fmt = None
            if name == "口径":
                fmt = "number"
            if name == "収容定員":
                fmt = ""  # numbers and prose mixed in published data
            f = self.field(name, requirement="optional", description=desc,
                           hint=rule, type_=type_, fmt=fmt,
                           aliases=[raw] if raw != name else None, source=prov)
            if fmt == "":
                f.pop("x-format", None)
            fields.append(f)
        return self.schema(
            f"current-{number}-{stem.replace('_', '-')}", num["dataset"], number, "current",
            edition="unverified", completeness="partial", reliability=reliability,
            stem=stem,
            source=note + f" Numbering per データ項目定義書A (2026-08-01); reference list partial/{path.name}.",
            licence="PDL1.0",
            licence_note="underlying specification: 公共データ利用規約（第1.0版）(PDL1.0), デジタル庁",
            fields=fields,
            notes="Partial: 掲載区分 unknown, so every item is optional; extra columns are not "
                  "reported as unknown. x-source on each field says where the heading comes from.")

    def legacy(self) -> list[dict]:
        rows = read_csv(self.ref / "standard-datasets" / "legacy_2020_recommended_14.csv")
        by_folder: dict[str, list[dict]] = {}
        for r in rows:
            by_folder.setdefault(r["folder"], []).append(r)
        out = []
        for folder, items in by_folder.items():
            number, dataset = folder.split("_", 1)
            stem, title_en = LEGACY_META[dataset]
            fields = []
            for r in sorted(items, key=lambda x: int(x["order"])):
                name, hint = r["column"], r["format"]
                type_ = "string"
                fmt = None
                if r["json_type"] == "number" and name not in ("緯度", "経度"):
                    if name in INTEGER_COUNT_NAMES or re.search(r"歳.*(男性|女性)$", name) \
                            or name.endswith("トイレ総数") or "トイレ数" in name:
                        type_ = "integer"
                    else:
                        type_ = "number"
                    fmt = "number"
                fields.append(self.field(
                    name, requirement="required" if r["required"] == "required" else "optional",
                    description=clean_desc(r["description"]), hint=hint, type_=type_, fmt=fmt))
            out.append(self.schema(
                f"legacy2020-{number}-{stem}", dataset, number, "legacy2020",
                edition="2020", completeness="complete", reliability="transcribed",
                stem=stem.replace("-", "_"),
                source="推奨データセット (2019/2020 edition), 内閣官房IT総合戦略室; column lists as "
                       f"transcribed in NEC-FIWARE/smart-data-models cio/*/model.yaml ({folder})",
                licence="CC-BY-4.0",
                licence_note="original definitions under 政府標準利用規約（第2.0版）(CC BY 4.0 compatible; "
                             "superseded by PDL1.0); transcription MIT (smart-data-models)",
                fields=fields, title_en=title_en,
                notes="The 2020 layout marks items 必須 (required) or not; there is no recommended "
                      "level. Files begin 都道府県コード又は市区町村コード,NO,都道府県名,市区町村名."))
        return out

    def schema(self, id_, title, number, layout, *, edition, completeness, reliability,
               stem, source, licence, licence_note, fields, notes="", title_en=None) -> dict:
        family = CURRENT_FAMILY if layout == "current" else LEGACY_FAMILY
        title_en = title_en or CURRENT_TITLE_EN[number]
        # an alias must never point at two fields of one schema
        owner: dict[str, str] = {}
        for f in fields:
            owner[canonical(f["name"])] = f["name"]
        for f in fields:
            keep = []
            for a in f.get("x-aliases", []):
                c = canonical(a)
                if c in owner and owner[c] != f["name"]:
                    continue
                owner[c] = f["name"]
                keep.append(a)
            if keep:
                f["x-aliases"] = keep
            else:
                f.pop("x-aliases", None)
        desc = f"{family}「{number} {title}」のTable Schema。"
        return {
            "name": id_,
            "title": title,
            "description": desc,
            "x-tokyo": {
                "dataset_number": number,
                "family": family,
                "family_en": FAMILY_EN[family],
                "layout": layout,
                "edition": edition,
                "completeness": completeness,
                "reliability": reliability,
                "title_en": title_en,
                "file_stem": stem,
                "source": source,
                "licence": licence,
                "licence_note": licence_note,
                "notes": notes,
                "generated_by": "scripts/build_standard_schemas.py",
            },
            "fields": fields,
        }

    def all(self) -> list[dict]:
        schemas = [self.current_13(), self.current_03()]
        schemas += [self.current_partial(n) for n in sorted(PARTIAL_INCLUDED)]
        schemas += self.legacy()
        return schemas


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reference", nargs="?", default=str(REPO.parent / "shared" / "reference"),
                    help="reference folder (default: ../shared/reference from the repository root)")
    ap.add_argument("--out", default=str(REPO / "schemas" / "standard"))
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if a committed file differs")
    args = ap.parse_args(argv)
    ref, out = Path(args.reference), Path(args.out)
    if not (ref / "standard-datasets").is_dir():
        ap.error(f"not a reference folder: {ref}")
    schemas = Builder(ref).all()
    ids = [s["name"] for s in schemas]
    assert len(ids) == len(set(ids)), "duplicate schema ids"
    differ = 0
    out.mkdir(parents=True, exist_ok=True)
    for s in schemas:
        text = json.dumps(s, ensure_ascii=False, indent=2) + "\n"
        path = out / f"{s['name']}.json"
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                print(f"differs: {path.name}")
                differ += 1
            continue
        path.write_text(text, encoding="utf-8")
        print(f"{path.name}: {len(s['fields'])} fields")
    if not args.check:
        for stale in sorted(set(p.stem for p in out.glob("*.json")) - set(ids)):
            print(f"note: {stale}.json is not produced by this script", file=sys.stderr)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
