"""package_create → package_search through the real Solr core."""
import pytest

import ckan.tests.factories as factories
import ckan.tests.helpers as helpers


@pytest.mark.usefixtures("clean_db", "clean_index")
def test_created_dataset_is_found_by_search():
    org = factories.Organization(name="t131041", title="新宿区")
    helpers.call_action(
        "package_create", name="t131041d0000000099", title="新宿区公衆トイレ一覧",
        notes="区内の公衆トイレ", owner_org=org["id"],
    )
    result = helpers.call_action("package_search", q="公衆トイレ")
    assert [d["name"] for d in result["results"]] == ["t131041d0000000099"]
    facets = helpers.call_action("package_search", q="*:*", **{"facet.field": '["organization"]'})
    assert facets["search_facets"]["organization"]["items"][0]["name"] == "t131041"


def test_search_is_served_by_solr(ckan_config):
    from ckan.lib.search.common import is_available, make_connection

    assert ckan_config["solr_url"].endswith("/solr/ckan")
    assert is_available()
    assert make_connection().ping()
