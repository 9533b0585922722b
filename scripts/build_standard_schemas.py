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
STAGED_DIR = Path(__file__).resolve().parent / "standard_items"

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

# Item lists of the other current datasets, kept in scripts/standard_items/
# (facts from public readers, importers and published files; sources in its
# README). number -> (stem, title, English title, reliability, source note).
# Their 掲載区分 is unknown, so every item is optional (partial schemas).
STAGED = {
    "02": ("cultural_property", "文化財一覧", "Cultural properties", "low",
           "Item names from readers of current-format files and the 2020 list; order reconstructed "
           "(legacy 2020 order with the current head and location block)."),
    "04": ("population", "地域・年齢別人口", "Population by area and age", "medium",
           "Item names from readers of current-format files and a published file's mirrored header; "
           "the order of the age bands is not certain."),
    "06": ("open_data_list", "オープンデータ一覧", "Open data list", "medium",
           "42 columns in the order of importers of current-format files (one row per file), plus "
           "three names one importer also reads; seven spellings are reconstructed."),
    "09": ("care_service", "介護サービス事業所一覧", "Long-term care service providers", "low",
           "Item names from readers of current-format files and the 2020 list; order reconstructed."),
    "10": ("hospital", "医療機関一覧", "Medical institutions", "low",
           "Item names from readers of current-format files and the 2020 list; order reconstructed."),
    "11": ("tourism", "観光施設一覧", "Tourist facilities", "low",
           "Items 1–7 from the official sheet (掲載区分 not rendered); the rest names from readers "
           "of current-format files and the 2020 list, order reconstructed."),
    "12": ("event", "イベント一覧", "Events", "low",
           "Item names in the listing order of a reader of current-format files, plus the location "
           "block; order partly reconstructed."),
    "15": ("food_business", "食品等営業許可・届出一覧", "Food business permits and notifications", "low",
           "Nine columns in the order of a published file, the rest names from readers; the split "
           "施設所在地_* names conflict between sources."),
    "17": ("school_district", "小中学校通学区域情報", "School districts", "low",
           "Names a reader of current-format files reads (定義書A); order unknown."),
    "22": ("support_system", "支援制度情報", "Support schemes", "low",
           "Names a reader of current-format files reads (定義書B); order unknown."),
    "23": ("emergency_radio", "防災行政無線設置一覧", "Emergency radio loudspeakers", "low",
           "Names a reader of current-format files reads (定義書C); order unknown."),
    "24": ("educational_institution", "教育機関一覧", "Educational institutions", "low",
           "Names a reader of current-format files reads (定義書C); order unknown."),
    "26": ("bicycle_parking", "公営駐輪場一覧", "Public bicycle parking", "low",
           "Names a reader of current-format files reads (定義書C); order unknown."),
    "27": ("polling_place", "投票所一覧", "Polling places", "low",
           "Names a reader of current-format files reads (定義書C/D); order unknown."),
    "28": ("garbage_separation", "ゴミの分別方法一覧", "Garbage separation", "low",
           "Names a reader of current-format files reads (定義書C/D); order unknown."),
    "30": ("garbage_collection_place", "ゴミ集積場所一覧", "Garbage collection points", "low",
           "Names a reader of current-format files reads (定義書C); order unknown."),
}
STAGED_SOURCE = {"OFFICIAL": "official-sheet", "PUBLISHED-HEADER": "published-file-header",
                 "READER-NAMES": "importer-names", "RECONSTRUCTED": "reconstructed"}
# Other file-name stems in use for a dataset (08: 日野市 and an importer use `aed`).
STEM_ALIASES = {"08": ["aed"]}

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
    # 06: 練馬区 publishes ファイル形式, a newer importer reads ファイル_形式 first.
    "ファイル形式": ["ファイル_形式"],
}

# Headings seen in published files that differ from the definition's item
# name: mapped to the item, but reported as a header variant (with the name
# to use). 市区町村コード is the pre-2020 template's wording of the first
# column of the 2020 lists (山口県内 files of 2021–2023).
VARIANTS = {
    "都道府県コード又は市区町村コード": ["市区町村コード"],
}

# The physical names of sheet 13 (2026-08-01), used as the CSV header by
# 福井県内 municipalities and 会津若松市: aliases of the items.
PHYSICAL_13 = {
    "全国地方公共団体コード": "localgov_code", "ID": "id", "地方公共団体名": "localgov_name",
    "名称": "name", "名称_カナ": "name_kana", "名称_英語": "name_english",
    "所在地_全国地方公共団体コード": "seat_localgov_code", "町字ID": "choaza_id",
    "所在地_連結表記": "seat_copulative_spell", "所在地_都道府県": "seat_prefecture",
    "所在地_市区町村": "seat_city", "所在地_町字": "seat_choaza", "所在地_番地以下": "seat_after_address",
    "建物名等(方書)": "buillding_name_etc", "設置位置": "set_position", "緯度": "latitude",
    "経度": "longitude", "高度の種別": "advanced_classification", "高度の値": "advanced_value",
    "男性トイレ総数": "male_wc_total", "男性トイレ数（小便器）": "male_wc_urinal",
    "男性トイレ数（和式）": "male_wc_jstyle", "男性トイレ数（洋式）": "male_wc_wstyle",
    "女性トイレ総数": "female_wc_total", "女性トイレ数（和式）": "female_wc_jstyle",
    "女性トイレ数（洋式）": "female_wc_wstyle", "男女共用トイレ総数": "unisex_wc_total",
    "男女共用トイレ数（和式）": "unisex_wc_jstyle", "男女共用トイレ数（洋式）": "unisex_wc_wstyle",
    "バリアフリートイレ数": "barrier_free_wc", "車椅子使用者用トイレ有無": "wheelchair_wc",
    "乳幼児用設備設置トイレ有無": "infant_wc", "オストメイト設置トイレ有無": "ostomate_wc",
    "利用開始時間": "available_start_time", "利用終了時間": "available_end_time",
    "利用可能時間特記事項": "available_time_note", "画像": "image", "画像_ライセンス": "image_licence",
    "備考": "note",
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

# The staged lists' items the tables above do not name (06, 10, 15 and the
# 定義書B/C lists); prefixed names (データセット_タイトル) are composed from
# EN_PREFIX and the rest of the name.
EN_STAGED = {
    "ID": "identifier", "タイトル": "title", "サブタイトル": "subtitle", "キーワード": "keyword",
    "ユニバーサルメニュー": "universalMenu", "公開日": "issued", "バージョン": "version",
    "言語": "language", "準拠する標準": "conformsTo", "関連ドキュメント": "relatedDocument",
    "来歴情報": "provenance", "対象地域": "spatial", "対象期間": "temporal", "作成者": "creator",
    "アクセスURL": "accessUrl", "ダウンロードURL": "downloadUrl", "ステータス": "status",
    "サイズ": "byteSize", "利用規約": "termsOfUse", "著作権表記": "rights", "ファイル形式": "fileFormat",
    "連絡先名称": "contactPointName", "連絡先電話番号": "contactPointPhoneNumber",
    "連絡先内線番号": "contactPointExtension", "災害拠点分類": "disasterBaseType", "状況": "status",
    "施設名称": "facilityName", "施設名称_カナ": "facilityNameKana", "施設名称_英字": "facilityNameEn",
    "営業の種類": "businessType", "業態": "businessStyle", "施設方書": "facilityBuildingNameEtc",
    "施設電話番号": "facilityPhoneNumber", "法人名": "legalEntityName", "許可番号": "permitNumber",
    "初回許可年月日": "firstPermitDate", "許可年月日": "permitDate", "許可開始日": "permitStartDate",
    "許可満了日": "permitEndDate", "廃業年月日": "closureDate", "申請区分": "applicationType",
    "許可条件": "permitConditions", "都道府県": "prefecture", "都道府県名": "prefectureName",
    "市区町村": "city", "市区町村名": "cityName", "町字": "streetAddress", "番地以下": "cityBlock",
    "郡名": "countyName", "行政区名": "wardName", "学校ID": "schoolId", "学校コード": "schoolCode",
    "学校名称": "schoolName", "学校名称_カナ": "schoolNameKana", "行政サービス拠点種別": "serviceBaseType",
    "登録年月日": "registrationDate", "廃止日": "abolitionDate", "通学区域の住所": "districtAddresses",
    "特記事項": "remarks", "ファイル名": "fileName", "地方公共団体の名称": "localGovernmentName",
    "タイトル（制度名）": "title", "サブタイトル（通称名）": "alternativeTitle", "支援制度種別": "schemeType",
    "対象者": "target", "用途・対象費": "eligibleCosts", "制度概要": "summary", "内容": "content",
    "給付金額": "benefitAmount", "補助率": "subsidyRate", "受付開始日": "applicationStartDate",
    "受付終了日": "applicationEndDate", "利用・申請方法": "applicationMethod",
    "【人生の制度】ライフステージ分類": "lifeStage", "申請方法URL": "applicationUrl",
    "詳細参照先": "seeAlso", "問い合わせ先": "contact", "名称_カナ": "nameKana", "名称_英字": "nameEn",
    "座標参照系": "crs", "座標参照系コード": "crsCode", "地区名": "districtName", "学校種": "schoolType",
    "都道府県番号": "prefectureNumber", "設置区分": "establishmentType", "設置者情報": "establisher",
    "本分校": "mainOrBranch", "本校学校コード": "mainSchoolCode", "本校学校名": "mainSchoolName",
    "学校名": "schoolName", "学校名カナ表記": "schoolNameKana", "学校略称": "schoolShortName",
    "学校所在地（市区町村）": "city", "学校所在地（町字）": "streetAddress",
    "学校所在地（番地以下）": "cityBlock", "属性情報設定年月日": "attributesSetDate",
    "属性情報廃止年月日": "attributesAbolishedDate", "旧学校調査番号": "formerSurveyNumber",
    "移行後の学校コード": "newSchoolCode", "屋内外": "indoorOutdoor", "最大駐輪台数": "capacity",
    "最寄駅": "nearestStation", "開設日": "openingDate", "投票区番号": "votingDistrictNumber",
    "投票所区分": "pollingPlaceType", "投票区名": "votingDistrictName", "選挙区分": "electionType",
    "建物名等_方書": "buildingNameEtc", "ゴミの品目": "item", "ゴミの品目_カナ": "itemKana",
    "ゴミの品目_英字": "itemEn", "分別区分": "separationType", "注意点": "notes",
    "粗大ごみ回収料金": "bulkyWasteFee", "ゴミ種類": "garbageType", "ゴミ収集日": "collectionDays",
    "自治体のページURL": "pageUrl", "注意事項": "notes", "名称": "name", "名称_英語": "nameEn",
}
EN_PREFIX = {
    "データセット": "dataset", "ファイル": "file", "情報の管理主体": "owner", "学校所在地": "school",
    "通学区域": "district", "ポリゴン": "polygon", "防災行政無線": "radio", "施設": "facility",
    "設備": "equipment", "教育機関": "institution", "公営駐輪場": "bicycleParking",
    "投票所": "pollingPlace", "ゴミ集積場所": "collectionPoint", "施設所在地": "facility",
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
# 1 or empty (対応あり：1、対応なし：空文字): blank means "no", never "missing".
FLAG_1_NAMES_RE = re.compile(r"^(災害種別_.+|指定避難所との重複)$")
# Written 文字列 in the sheets but holding a quantity: a number is checked (標高
# in metres; 想定収容人数, "収容可能な人数", example 810).
NUMBER_TEXT_NAMES = {"標高", "想定収容人数"}


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


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


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


def staged_format(name: str, marker: str) -> str | None:
    """x-format of an item of the staged lists: its marker, else the name rules
    (also for names with a prefix, 防災行政無線_緯度, 投票所_全国地方公共団体コード)."""
    by_marker = {"weekdays": "weekdays", "yes-no": "yes-no", "date": "date", "time": "time",
                 "flag": "flag", "number": "number"}
    if marker in by_marker:
        return by_marker[marker]
    found = x_format(name)
    if found:
        return found
    suffixes = [("_全国地方公共団体コード", "lg-code"), ("_緯度", "latitude"), ("_経度", "longitude"),
                ("電話番号", "phone"), ("郵便番号", "postal-code"), ("メールアドレス", "email"),
                ("URL", "url"), ("（カナ）", "kana"), ("カナ表記", "kana")]
    return next((fmt for suffix, fmt in suffixes if name.endswith(suffix)), None)


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

    def english(self, name: str, compose: bool = False) -> str:
        for table in (self.en13, EN_EXTRA, EN_STAGED if compose else {}):
            if table.get(name):
                return table[name]
        if name in self.gif_en:
            return self.gif_en[name]
        if compose and "_" in name:
            # 防災行政無線_名称（カナ）: the prefix's word, then the item's name
            head, _, rest = name.partition("_")
            if head in EN_PREFIX:
                return EN_PREFIX[head] + upper_first(self.english(rest.replace("（", "_").rstrip("）")
                                                                  if rest.endswith("）") and rest.startswith("名称")
                                                                  else rest, compose))
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
              aliases=None, fmt=None, source=None, constraints=None, title_en=None):
        f: dict = {"name": name}
        fmt = fmt if fmt is not None else x_format(name, hint)
        f["type"] = type_ or "string"
        if description:
            f["description"] = description
        f["title_en"] = title_en or self.english(name)
        f["x-requirement"] = requirement
        if fmt:
            f["x-format"] = fmt
        al = aliases_for(name, aliases)
        if al:
            f["x-aliases"] = al
        if VARIANTS.get(name):
            f["x-variants"] = list(VARIANTS[name])
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
                description=clean_desc(r["description"]), hint=fmt_text, type_=type_,
                aliases=[PHYSICAL_13[name]] if name in PHYSICAL_13 else None))
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
                fmt = "flag"
            elif name in NUMBER_TEXT_NAMES:
                fmt = "number"
            fields.append(self.field(name, requirement=req[r["掲載区分"].strip()], description=desc,
                                     hint=fmt_text, constraints=constraints, fmt=fmt))
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

    def current_staged(self, number: str) -> dict:
        stem, title, title_en, reliability, note = STAGED[number]
        rows = read_csv(STAGED_DIR / f"{number}_{stem}.csv")
        fields, seen = [], set()
        for r in rows:
            name = r["item"].strip()
            if name in seen:
                continue
            seen.add(name)
            fmt = staged_format(name, r["marker"])
            type_ = "integer" if fmt == "number" else "string"
            english = r["english_name"] or self.english(name, compose=True)
            fields.append(self.field(
                name, requirement="optional", description=GENERIC_DESC.get(name, ""),
                hint=r["format"], type_=type_, fmt=fmt or "", title_en=english,
                source=STAGED_SOURCE[r["basis"]]))
            if not fmt:
                fields[-1].pop("x-format", None)
        return self.schema(
            f"current-{number}-{stem.replace('_', '-')}", title, number, "current",
            edition="unverified", completeness="partial", reliability=reliability, stem=stem,
            source=note + f" Numbering per データ項目定義書A (2026-08-01); item list "
                          f"scripts/standard_items/{number}_{stem}.csv.",
            licence="PDL1.0",
            licence_note="underlying specification: 公共データ利用規約（第1.0版）(PDL1.0), デジタル庁",
            fields=fields, title_en=title_en,
            notes="Partial: the official sheet could not be read, so 掲載区分 is unknown and every "
                  "item is optional; extra columns are not reported as unknown. x-source on each "
                  "field says where the heading comes from.")

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
                constraints = None
                if FLAG_1_NAMES_RE.match(name):
                    # The 2020 list says what to write only for a site that
                    # takes the disaster (対応している災害) or overlaps a
                    # shelter: 1, as in the current sheet, blank otherwise.
                    fmt, constraints = "flag", {"enum": ["1"]}
                elif name in NUMBER_TEXT_NAMES:
                    fmt = "number"
                if r["json_type"] == "number" and name not in ("緯度", "経度"):
                    if name in INTEGER_COUNT_NAMES or re.search(r"歳.*(男性|女性)$", name) \
                            or name.endswith("トイレ総数") or "トイレ数" in name:
                        type_ = "integer"
                    else:
                        type_ = "number"
                    fmt = "number"
                fields.append(self.field(
                    name, requirement="required" if r["required"] == "required" else "optional",
                    description=clean_desc(r["description"]), hint=hint, type_=type_, fmt=fmt,
                    constraints=constraints))
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
        # an alias or variant must never point at two fields of one schema
        owner: dict[str, str] = {}
        for f in fields:
            owner[canonical(f["name"])] = f["name"]
        for key in ("x-aliases", "x-variants"):
            for f in fields:
                keep = []
                for a in f.get(key, []):
                    c = canonical(a)
                    if c in owner and owner[c] != f["name"]:
                        continue
                    owner[c] = f["name"]
                    keep.append(a)
                if keep:
                    f[key] = keep
                else:
                    f.pop(key, None)
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
                **({"file_stem_aliases": STEM_ALIASES[number]}
                   if layout == "current" and number in STEM_ALIASES else {}),
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
        schemas += [self.current_staged(n) for n in sorted(STAGED)]
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
