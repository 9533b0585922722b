"""tokyo_schema on ckanext-scheming: the fields, their labels, the bilingual
values and the organisation identifiers (docs/metadata-fields.md)."""
import pytest

import ckan.tests.helpers as helpers
from ckan.logic import ValidationError

# tokyo_schema before the scheming plugins, as in ckan.plugins: its templates
# (templates/scheming/…, the dataset/resource/organisation pages) then take
# precedence over scheming's own of the same name.
pytestmark = [
    pytest.mark.ckan_config("ckan.plugins", "tokyo_schema scheming_datasets scheming_organizations"),
    pytest.mark.usefixtures("with_plugins"),
]

DATASET_FIELDS = {
    "title_translated", "notes_translated", "tags_translated", "maintainer", "category", "theme",
    "frequency", "issued", "modified", "temporal_coverage", "spatial_coverage", "language",
    "conforms_to", "contact", "access_rights", "provenance", "version", "documentation", "license_id",
}
RESOURCE_FIELDS = {"tokyo_held_upload", "name_translated", "description_translated", "format", "encoding", "conforms_to",
                   "modified", "language", "size"}
ORG_FIELDS = {"corporate_number", "local_government_code", "url", "contact_name", "contact_email",
              "contact_telephone", "parent_organization", "title_en"}
F = "http://publications.europa.eu/resource/authority/"


@pytest.fixture(params=["ja", "en"])
def page_language(request, app):
    """A request in Japanese or English around the test: error messages come
    in the request's language (CKAN sets CKAN_LANG from the URL)."""
    with app.flask_app.test_request_context("/", environ_overrides={"CKAN_LANG": request.param}):
        yield request.param


def _as_sysadmin(action, **data):
    site_user = helpers.call_action("get_site_user")
    return helpers.call_action(action, context={"user": site_user["name"]}, **data)


def _texts(fields):
    """Every label and help text, subfields included."""
    for f in fields:
        for key in ("label", "help_text"):
            if key in f:
                yield f"{f['field_name']}.{key}", f[key]
        yield from _texts(f.get("repeating_subfields", []))


def _bilingual_share(fields):
    texts = list(_texts(fields))
    both = [name for name, t in texts if isinstance(t, dict) and t.get("ja") and t.get("en")]
    return len(both) / len(texts), [name for name, t in texts if name not in both]


def test_dataset_schema_exposes_the_fields_with_ja_and_en_labels():
    schema = helpers.call_action("scheming_dataset_schema_show", type="dataset")
    assert DATASET_FIELDS <= {f["field_name"] for f in schema["dataset_fields"]}
    assert RESOURCE_FIELDS <= {f["field_name"] for f in schema["resource_fields"]}
    share, missing = _bilingual_share(schema["dataset_fields"] + schema["resource_fields"])
    assert share >= 0.9, missing
    multilingual = [f["field_name"] for f in schema["dataset_fields"]
                    if any(v.startswith("fluent") for v in f.get("validators", "").split())]
    assert {"title_translated", "notes_translated", "tags_translated"} <= set(multilingual)


def test_organization_schema_exposes_identifiers_with_ja_and_en_labels():
    schema = helpers.call_action("scheming_organization_schema_show", type="organization")
    assert ORG_FIELDS <= {f["field_name"] for f in schema["fields"]}
    share, missing = _bilingual_share(schema["fields"])
    assert share >= 0.9, missing


def test_choices_come_from_the_code_lists():
    from ckan.lib.helpers import helper_functions as h

    schema = helpers.call_action("scheming_dataset_schema_show", type="dataset")
    fields = {f["field_name"]: f for f in schema["dataset_fields"]}
    freq = {c["value"]: c["label"] for c in h.scheming_field_choices(fields["frequency"])}
    assert freq[F + "frequency/ANNUAL"] == {"ja": "毎年", "en": "Annual"}
    uri = {s["field_name"]: s for s in fields["spatial_coverage"]["repeating_subfields"]}["uri"]
    areas = {c["value"]: c["label"] for c in h.scheming_field_choices(uri)}
    assert len(areas) == 63 and areas["http://data.e-stat.go.jp/lod/sac/C13104"] == {
        "ja": "新宿区（131041）", "en": "Shinjuku City (131041)"}
    standards = {c["value"] for c in h.scheming_field_choices(fields["conforms_to"])}
    assert "current-13-public-toilet" in standards


@pytest.mark.usefixtures("clean_db", "clean_index")
@pytest.mark.parametrize("corporate_number, code, ok", [
    ("7000020131041", "131041", True),   # 新宿区
    ("8000020131041", "131041", False),  # the example: wrong check digit
    ("7000020131041", "131042", False),  # wrong check digit in the code
    ("8000020130001", "131041", False),  # valid, but 東京都's number, not 新宿区's
])
def test_organization_identifiers_are_checked(corporate_number, code, ok, page_language):
    data = {"name": "t131041", "title": "新宿区", "corporate_number": corporate_number,
            "local_government_code": code}
    if ok:
        org = _as_sysadmin("organization_create", **data)
        assert (org["corporate_number"], org["local_government_code"]) == (corporate_number, code)
        return
    with pytest.raises(ValidationError) as e:
        _as_sysadmin("organization_create", **data)
    errors = e.value.error_dict
    field = "local_government_code" if code == "131042" else "corporate_number"
    [message] = errors[field]
    assert " / " not in message  # one language, the request's
    if page_language == "en":
        assert not any("\u3040" <= c <= "\u9fff" for c in message), message
    else:
        assert "検査数字" in message or "法人番号は" in message, message


@pytest.mark.usefixtures("clean_db", "clean_index")
def test_wrong_check_digit_message_in_the_request_language_only(page_language):
    with pytest.raises(ValidationError) as e:
        _as_sysadmin("organization_create", name="t131041", title="新宿区",
                            corporate_number="8000020131041")
    [message] = e.value.error_dict["corporate_number"]
    # the form shows the field's label beside it: the message does not repeat it
    if page_language == "ja":
        assert message.startswith("法人番号の検査数字") and "7" in message
        assert "Corporate number" not in message and " / " not in message
    else:
        assert message == "Wrong check digit in the corporate number (the first digit should be 7)."


@pytest.mark.usefixtures("clean_db", "clean_index")
def test_corporate_number_set_from_the_code_and_telephone_half_width():
    org = _as_sysadmin("organization_create", name="t131041", title="新宿区", local_government_code="131041",
                       contact_telephone="０３－３２０９－１１１１")
    assert org["corporate_number"] == "7000020131041"
    assert org["contact_telephone"] == "03-3209-1111"
    with pytest.raises(ValidationError) as e:
        _as_sysadmin("organization_create", name="t131032", title="", local_government_code="131032")
    assert "title" in e.value.error_dict  # an organisation has a name


@pytest.mark.usefixtures("clean_db", "clean_index")
def test_dataset_with_bilingual_values_and_code_lists():
    _as_sysadmin("organization_create", name="t131041", title="新宿区",
                        corporate_number="7000020131041", local_government_code="131041")
    ds = helpers.call_action(
        "package_create", name="t131041d0000000099", owner_org="t131041",
        title_translated={"ja": "新宿区公衆トイレ一覧", "en": "Public toilets in Shinjuku City"},
        notes_translated={"ja": "公衆トイレの一覧です。", "en": ""},
        tags_translated={"ja": ["トイレ", "バリアフリー"], "en": ["toilets"]},
        category=["c005"], frequency="年1回", spatial_coverage=[{"uri": "131041"}],
        conforms_to=["current-13-public-toilet"], issued="2024/04/01",
        temporal_coverage=[{"start": "2024-04-01", "end": "2025-03-31"}],
        contact=[{"name": "新宿区総合政策部", "email": "info@example.invalid"}],
        license_id="CC-BY-4.0",
        resources=[{"url": "https://example.invalid/toilet.csv", "name_translated": {"ja": "公衆トイレ一覧"},
                    "format": "csv", "modified": "2025-05-20", "encoding": "cp932"}],
    )
    assert ds["title"] == "新宿区公衆トイレ一覧" and ds["notes"] == "公衆トイレの一覧です。"
    assert ds["notes_translated"] == {"ja": "公衆トイレの一覧です。"}
    assert sorted(t["name"] for t in ds["tags"]) == ["トイレ", "バリアフリー"]
    assert ds["tags_translated"] == {"ja": ["トイレ", "バリアフリー"], "en": ["toilets"]}
    assert ds["frequency"] == F + "frequency/ANNUAL"
    assert ds["theme"] == [F + "data-theme/HEAL", F + "data-theme/SOCI"]
    assert ds["language"] == [F + "language/JPN"]
    assert ds["access_rights"] == F + "access-right/PUBLIC"
    assert ds["spatial_coverage"] == [{"uri": "http://data.e-stat.go.jp/lod/sac/C13104", "text": "新宿区"}]
    assert ds["issued"] == "2024-04-01"
    [res] = ds["resources"]
    assert (res["name"], res["format"], res["encoding"], res["modified"]) == (
        "公衆トイレ一覧", "CSV", "Shift_JIS", "2025-05-20")

    found = helpers.call_action("package_search", q="トイレ",
                                facet="true", **{"facet.field": '["vocab_tokyo_frequency", "vocab_tokyo_category"]'})
    assert found["count"] == 1
    [item] = found["search_facets"]["vocab_tokyo_frequency"]["items"]
    assert item["display_name"] == "毎年"


@pytest.mark.usefixtures("clean_db", "clean_index")
def test_japanese_title_and_resource_modified_are_required(page_language):
    _as_sysadmin("organization_create", name="t131041", title="新宿区")
    with pytest.raises(ValidationError) as e:
        _as_sysadmin("package_create", name="t131041d0000000098", owner_org="t131041",
                            title_translated={"en": "Only English"}, notes_translated={"ja": "説明"},
                            resources=[{"url": "https://example.invalid/a.csv",
                                        "name_translated": {"ja": "a"}}])
    errors = e.value.error_dict
    if page_language == "ja":
        assert errors["title_translated"] == ["日本語の入力は必須です。"]
        assert "必須項目" in str(errors["resources"])
    else:
        assert errors["title_translated"] == ["The Japanese text is required."]
        assert "Missing value" in str(errors["resources"])


def test_display_labels_come_from_the_code_lists_in_the_page_language():
    from ckanext.tokyo.metadata import helpers as th

    schema = helpers.call_action("scheming_dataset_schema_show", type="dataset")
    fields = {f["field_name"]: f for f in schema["dataset_fields"]}
    themes = [F + "data-theme/HEAL", F + "data-theme/SOCI"]
    assert th.tokyo_display_labels(fields["theme"], themes, "ja") == ["健康", "人口・社会"]
    assert th.tokyo_display_labels(fields["theme"], json_text(themes), "en") == ["Health", "Population and society"]
    assert th.tokyo_display_labels(fields["category"], ["c005"], "ja") == ["医療・福祉"]
    assert th.tokyo_display_labels(fields["language"], [F + "language/JPN"], "en") == ["Japanese"]
    assert th.tokyo_display_labels(fields["frequency"], F + "frequency/ANNUAL", "ja") == ["毎年"]
    assert th.tokyo_display_labels(fields["access_rights"], F + "access-right/PUBLIC", "en") == ["Public"]
    assert th.tokyo_display_labels(fields["conforms_to"], ["current-13-public-toilet"], "ja") == [
        "公衆トイレ一覧（自治体標準オープンデータセット 13）"]
    assert th.tokyo_display_labels(fields["conforms_to"], ["current-13-public-toilet"], "en") == [
        "Public toilets (local government standard open dataset 13)"]
    # a value outside the code list is shown as it is, not dropped
    assert th.tokyo_display_labels(fields["theme"], ["http://example.org/t"], "ja") == ["http://example.org/t"]
    for empty in (None, "", [], {}, "[]", [{"start": "", "end": ""}], {"ja": ""}):
        assert th.tokyo_is_empty(empty), empty
    for shown in (0, "x", ["a"], [{"start": "2024-04-01"}]):
        assert not th.tokyo_is_empty(shown), shown


def json_text(value):
    import json

    return json.dumps(value)


def _rows(html: str, table_marker: str) -> dict[str, str]:
    """label → text of the rows of the table after ``table_marker``."""
    import re

    table = html[html.index(table_marker):]
    table = table[table.index("<tbody"):table.index("</table>")]
    out = {}
    for th, td in re.findall(r"<th[^>]*>(.*?)</th>\s*<td[^>]*>(.*?)</td>", table, re.S):
        strip = lambda t: " ".join(re.sub(r"<[^>]+>", " ", t).split())  # noqa: E731
        out[strip(th)] = strip(td)
    return out


@pytest.mark.usefixtures("clean_db", "clean_index")
def test_dataset_resource_and_organization_pages_show_labels_and_no_empty_rows(app):
    _as_sysadmin("organization_create", name="t000003", title="総務局", title_en="Bureau of General Affairs",
                 corporate_number="8000020130001", local_government_code="130001",
                 parent_organization="130001")
    ds = _as_sysadmin(
        "package_create", name="t000003d0000000001", owner_org="t000003",
        title_translated={"ja": "人口の推移", "en": "Population"}, notes_translated={"ja": "人口です。"},
        category=["c004"], frequency="毎年", spatial_coverage=[{"uri": "130001"}],
        temporal_coverage=[{"start": "2020-01-01", "end": ""}],
        contact=[{"name": "総務局統計部", "url": "https://www.toukei.metro.tokyo.lg.jp/"}],
        conforms_to=["legacy2020-11-population"],
        resources=[{"url": "https://example.invalid/p.csv", "name_translated": {"ja": "人口"},
                    "format": "csv", "modified": "2025-01-31", "encoding": "UTF-8"}],
    )

    html = app.get("/dataset/" + ds["name"]).body
    info = _rows(html, 'class="additional-info"')
    assert "publications.europa.eu" not in str(info), info
    assert info["カテゴリ"] == "人口減少・少子高齢化" and info["テーマ（EU）"] == "人口・社会"
    assert info["更新頻度"] == "毎年" and info["言語"] == "日本語" and info["アクセス権"] == "公開"
    assert info["対象地域"] == "東京都（130001）" and info["対象期間"] == "2020-01-01 〜"
    assert info["準拠する標準"] == "地域・年齢別人口（推奨データセット 11）"
    assert info["連絡先"] == "総務局統計部 URL: https://www.toukei.metro.tokyo.lg.jp/"
    assert all(info.values()), info
    assert not {"更新頻度（補足）", "バージョン", "来歴", "関連文書", "ランディングページ"} & set(info)

    info = _rows(app.get("/en/dataset/" + ds["name"]).body, 'class="additional-info"')
    assert info["Category"] == "Population decline and ageing" and info["Theme (EU)"] == "Population and society"
    assert info["Conforms to"] == "Population by area and age (recommended dataset 11)"
    assert info["Spatial coverage"] == "Tokyo Metropolis (130001)" and info["Language"] == "Japanese"

    res = ds["resources"][0]
    info = _rows(app.get(f"/dataset/{ds['name']}/resource/{res['id']}").body, "data-module=\"table-toggle-more\"")
    assert info["文字コード"] == "UTF-8（BOMなし）" and info["最終更新日"] == "2025-01-31" and info["言語"] == "日本語"
    assert not any("translated" in k.lower() or "publications.europa.eu" in v for k, v in info.items()), info

    html = app.get("/organization/about/t000003").body
    about = _rows(html, "tokyo-organization-fields")
    assert about == {"英語名称": "Bureau of General Affairs", "法人番号": "8000020130001",
                     "全国地方公共団体コード": "東京都（130001）", "上位団体": "東京都（130001）"}
    html = app.get("/en/organization/about/t000003").body
    assert "<h1>Bureau of General Affairs</h1>" in html
    about = _rows(html, "tokyo-organization-fields")
    assert about["Name"] == "総務局" and about["Parent body"] == "Tokyo Metropolis (130001)"
