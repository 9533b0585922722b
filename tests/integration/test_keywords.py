"""Keywords as Tokyo's catalog writes them (issue 12 item 2): 2.1% of its
datasets were refused for a keyword with ・ (青少年・治安対策本部). Kept as
written in tags_translated (page, DCAT), CKAN's core tags hold their search
form; the importer refuses none of them."""
import json

import pytest

import ckan.tests.helpers as helpers
from ckan.cli.cli import ckan
from ckan.logic import ValidationError

pytestmark = [
    pytest.mark.ckan_config("ckan.plugins", "tokyo_schema scheming_datasets scheming_organizations"),
    pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index"),
]
WRITTEN = ["青少年・治安対策本部", "スタートアップ・国際金融都市戦略室", "（仮称）中央公園", "子育て／教育", "ＣＳＶ", "水"]


def _as_sysadmin(action, **data):
    return helpers.call_action(action, context={"user": helpers.call_action("get_site_user")["name"]}, **data)


def _dataset(**fields):
    _as_sysadmin("organization_create", name="t000070", title="青少年・治安対策本部")
    return _as_sysadmin("package_create", name="t000070d0000000001", owner_org="t000070",
                        title_translated={"ja": "治安対策の統計"}, notes_translated={"ja": "統計です。"},
                        license_id="CC-BY-4.0", **fields)


def test_keywords_are_kept_as_written_and_searched_in_their_search_form(app):
    dataset = _dataset(tags_translated={"ja": WRITTEN, "en": ["Youth & Safety"]})
    assert dataset["tags_translated"] == {"ja": WRITTEN, "en": ["Youth & Safety"]}
    assert sorted(t["name"] for t in dataset["tags"]) == sorted(
        ["青少年 治安対策本部", "スタートアップ 国際金融都市戦略室", "仮称 中央公園", "子育て 教育", "CSV"])
    for query in ({"fq": 'tags:"青少年 治安対策本部"'}, {"q": "治安対策本部"}, {"q": "国際金融都市戦略室"}):
        assert helpers.call_action("package_search", **query)["count"] == 1, query

    page = _keywords(app.get(f"/dataset/{dataset['name']}").body)
    assert ">青少年・治安対策本部</a>" in page and ">（仮称）中央公園</a>" in page  # as written
    assert "/dataset/?tags=%E9%9D%92%E5%B0%91%E5%B9%B4+%E6%B2%BB%E5%AE%89" in page  # linked by search form
    english = _keywords(app.get(f"/en/dataset/{dataset['name']}").body)
    assert ">Youth &amp; Safety</a>" in english and "青少年・治安対策本部" not in english


def _keywords(page):
    return page[page.index('<section class="tags">'):].split("</section>")[0]


def test_a_keyword_with_control_characters_or_too_long_is_refused_clearly():
    with pytest.raises(ValidationError) as refused:
        _dataset(tags_translated={"ja": ["良い", "悪い\x1b[2J"]})
    [message] = refused.value.error_dict["tags_translated"]
    assert "悪い" in message and "control characters" in message  # (in Japanese on a Japanese page)


@pytest.mark.usefixtures("cli_plugin_tables")
def test_import_refuses_no_dataset_for_its_keywords(cli, tmp_path):
    record = {"name": "t000070d0000000002", "title": "治安対策の統計", "notes": "統計です。",
              "organization": {"name": "t000070", "title": "青少年・治安対策本部"}, "license_id": "CC-BY-4.0",
              "tags": [{"name": t} for t in WRITTEN], "resources": []}
    source = tmp_path / "catalog.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    result = cli.invoke(ckan, ["tokyo", "import", str(source)])
    assert "1 created, 0 updated, 0 unchanged, 0 failed" in result.output, (result.output, repr(result.exception))
    assert helpers.call_action("package_show", id=record["name"])["tags_translated"] == {"ja": WRITTEN}
