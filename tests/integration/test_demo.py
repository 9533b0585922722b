"""The demo loader `make run` uses: datasets land with their CSV uploads,
and a second run creates nothing."""
import pytest

import ckan.tests.helpers as helpers

from ckanext.tokyo import demo


@pytest.mark.ckan_config("ckan.plugins", "scheming_datasets scheming_organizations tokyo_schema")
@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
def test_demo_loads_tokyo_catalog_once():
    expected = demo.catalog()
    first = demo.load()
    assert first.organizations_created == len(expected["organizations"]) >= 3
    assert first.datasets_created == len(expected["datasets"]) >= 10

    orgs = helpers.call_action("organization_list")
    assert {"t000003", "t131041"} <= set(orgs)
    shinjuku = helpers.call_action("package_show", id="t131041d0000000001")
    assert shinjuku["title"] == "新宿区公衆トイレ一覧"
    assert shinjuku["title_translated"] == {"ja": "新宿区公衆トイレ一覧", "en": "Public toilets in Shinjuku City"}
    assert shinjuku["spatial_coverage"] == [
        {"uri": "http://data.e-stat.go.jp/lod/sac/C13104", "text": "新宿区"}]
    assert shinjuku["conforms_to"] == ["current-13-public-toilet"]
    assert shinjuku["frequency"].endswith("/frequency/ANNUAL")
    org = helpers.call_action("organization_show", id="t131041")
    assert (org["corporate_number"], org["local_government_code"]) == ("7000020131041", "131041")
    bureau = helpers.call_action("organization_show", id="t000003")
    assert (bureau["corporate_number"], bureau["parent_organization"]) == ("8000020130001", "130001")
    [res] = shinjuku["resources"]
    assert res["url_type"] == "upload" and res["format"] == "CSV"
    assert res["url"].endswith("131041_public_toilet.csv")
    assert res["name_translated"] == {"ja": "公衆トイレ一覧"} and res["name"] == "公衆トイレ一覧"
    assert res["modified"] == shinjuku["modified"]

    found = helpers.call_action("package_search", q="*:*", rows=0)
    assert found["count"] == len(expected["datasets"])

    second = demo.load()
    assert (second.organizations_created, second.datasets_created) == (0, 0)
    assert second.datasets_existing == len(expected["datasets"])
