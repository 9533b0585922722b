"""tokyo_schema on ckanext-scheming: the fields, their labels, the bilingual
values and the organisation identifiers (docs/metadata-fields.md)."""
import ckan.tests.helpers as helpers
import pytest
from ckan.logic import ValidationError

pytestmark = [
    pytest.mark.ckan_config("ckan.plugins", "scheming_datasets scheming_organizations tokyo_schema"),
    pytest.mark.usefixtures("with_plugins"),
]

DATASET_FIELDS = {
    "title_translated", "notes_translated", "tags_translated", "maintainer", "category", "theme",
    "frequency", "issued", "modified", "temporal_coverage", "spatial_coverage", "language",
    "conforms_to", "contact", "access_rights", "provenance", "version", "documentation", "license_id",
}
RESOURCE_FIELDS = {"name_translated", "description_translated", "format", "encoding", "conforms_to",
                   "modified", "language", "size"}
ORG_FIELDS = {"corporate_number", "local_government_code", "url", "contact_name", "contact_email",
              "contact_telephone", "parent_organization", "title_en"}
F = "http://publications.europa.eu/resource/authority/"


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
    assert len(areas) == 63 and areas["http://data.e-stat.go.jp/lod/sac/C13104"] == "新宿区（131041）"
    standards = {c["value"] for c in h.scheming_field_choices(fields["conforms_to"])}
    assert "current-13-public-toilet" in standards


@pytest.mark.usefixtures("clean_db", "clean_index")
@pytest.mark.parametrize("corporate_number, code, ok", [
    ("7000020131041", "131041", True),   # 新宿区
    ("8000020131041", "131041", False),  # the example: wrong check digit
    ("7000020131041", "131042", False),  # wrong check digit in the code
    ("8000020130001", "131041", False),  # valid, but 東京都's number, not 新宿区's
])
def test_organization_identifiers_are_checked(corporate_number, code, ok):
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
    assert "検査数字" in message or "法人番号は" in message, message
    assert " / " in message  # Japanese / English


@pytest.mark.usefixtures("clean_db", "clean_index")
def test_wrong_check_digit_message_names_the_field_in_both_languages():
    with pytest.raises(ValidationError) as e:
        _as_sysadmin("organization_create", name="t131041", title="新宿区",
                            corporate_number="8000020131041")
    [message] = e.value.error_dict["corporate_number"]
    assert message.startswith("法人番号: 法人番号の検査数字")
    assert "Corporate number: Wrong check digit" in message and "7" in message


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
def test_japanese_title_and_resource_modified_are_required():
    _as_sysadmin("organization_create", name="t131041", title="新宿区")
    with pytest.raises(ValidationError) as e:
        _as_sysadmin("package_create", name="t131041d0000000098", owner_org="t131041",
                            title_translated={"en": "Only English"}, notes_translated={"ja": "説明"},
                            resources=[{"url": "https://example.invalid/a.csv",
                                        "name_translated": {"ja": "a"}}])
    errors = e.value.error_dict
    assert "タイトル（日本語）は必須です" in errors["title_translated"][0]
    assert "必須項目" in str(errors["resources"])
