"""`ckan tokyo import` on a JSON-lines sample in the shape Tokyo's catalog
publishes (package_show records with the free-text 更新頻度 extra)."""
import pathlib

import ckan.tests.helpers as helpers
import pytest
from ckan.cli.cli import ckan

SAMPLE = pathlib.Path(__file__).resolve().parents[1] / "data" / "tokyo_catalog_sample.jsonl"
F = "http://publications.europa.eu/resource/authority/frequency/"

pytestmark = [
    pytest.mark.ckan_config("ckan.plugins", "scheming_datasets scheming_organizations tokyo_schema"),
    pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index", "cli_plugin_tables"),
]


@pytest.fixture
def cli_plugin_tables(ckan_config):
    """The CLI builds its app from the ini file, with all its plugins: give
    their tables (activity's columns) to the freshly reset database."""
    from ckan.cli import load_config
    from ckan.cli.db import _run_migrations

    configured = load_config(ckan_config["__file__"]).get("ckan.plugins", "")
    if "activity" in configured.split():
        import ckan.plugins as p

        loaded = p.plugin_loaded("activity")
        p.load("activity")
        try:
            _run_migrations("activity")
        finally:
            if not loaded:
                p.unload("activity")


def _import(cli):
    result = cli.invoke(ckan, ["tokyo", "import", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    return result.output


def test_import_lands_reports_and_is_idempotent(cli):
    out = _import(cli)
    assert "datasets: 7 created, 0 updated, 0 unchanged, 0 failed; organisations: 4 created" in out
    assert "unmapped 更新頻度: '国勢調査実施年の翌年' (1 datasets)" in out
    assert "unmapped 更新頻度: '予算編成時' (1 datasets)" in out
    assert "unknown group (not a category): 'tourism-old'" in out

    pop = helpers.call_action("package_show", id="t000003d0000000011")
    assert pop["title_translated"] == {"ja": "住民基本台帳による東京都の世帯と人口"}
    assert pop["frequency"] == F + "ANNUAL" and pop["frequency_note"] == "年1回"
    assert pop["category"] == ["c001", "c029"]
    assert pop["spatial_coverage"][0]["text"] == "東京都"
    assert [r["format"] for r in pop["resources"]] == ["CSV", "XLSX"]
    assert all(r["modified"] == "2025-05-20" for r in pop["resources"])
    spellings = {name: helpers.call_action("package_show", id=name)["frequency"] for name in (
        "t000003d0000000012", "t000029d0000000011", "t131041d0000000011", "t131041d0000000012")}
    assert spellings == {"t000003d0000000012": F + "ANNUAL", "t000029d0000000011": F + "AS_NEEDED",
                         "t131041d0000000011": F + "IRREG", "t131041d0000000012": F + "MONTHLY"}
    assert "frequency" not in helpers.call_action("package_show", id="t131032d0000000011")

    bureau = helpers.call_action("organization_show", id="t000029")
    assert (bureau["corporate_number"], bureau["parent_organization"]) == ("8000020130001", "130001")
    minato = helpers.call_action("organization_show", id="t131032")
    assert (minato["corporate_number"], minato["local_government_code"]) == ("8000020131032", "131032")

    before = {d["name"]: d["metadata_modified"] for d in
              helpers.call_action("package_search", q="*:*", rows=100)["results"]}
    assert len(before) == 7
    out = _import(cli)
    assert "datasets: 0 created, 0 updated, 7 unchanged, 0 failed; organisations: 0 created" in out
    after = {d["name"]: d["metadata_modified"] for d in
             helpers.call_action("package_search", q="*:*", rows=100)["results"]}
    assert after == before
