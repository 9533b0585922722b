"""`ckan tokyo demo` with tokyo_inventory, tokyo_requests and tokyo_usecases:
the demo inventory comes in through the spreadsheet import, the requests
carry support, comments and answers (one linked to an inventory record,
one to a published dataset), the use cases link demo datasets; a second
run creates nothing."""
import pytest

import ckan.tests.helpers as helpers

from ckanext.tokyo import demo

PLUGINS = ("activity scheming_datasets scheming_organizations tokyo_schema "
           "tokyo_inventory tokyo_requests tokyo_usecases")


@pytest.mark.ckan_config("ckan.plugins", PLUGINS)
@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
def test_demo_inventory_requests_and_use_cases_once(migrate_db_for):
    migrate_db_for("activity")
    migrate_db_for("tokyo_requests")
    first = demo.load()
    assert (first.inventory_created, first.requests_created, first.usecases_created) == (7, 5, 3)

    records = helpers.call_action("package_search", fq="dataset_type:inventory", include_private=True, rows=20)
    assert records["count"] == 7 and all(r["private"] for r in records["results"])
    found = helpers.call_action("tokyo_data_request_list", sort="support")
    assert found["count"] == 5 and found["results"][0]["votes"] == 3
    statuses = {r["title"]: (r["status"], (r["package"] or {}).get("type")) for r in found["results"]}
    assert statuses["新宿区の公衆トイレのバリアフリー情報"] == ("published", "dataset")
    assert statuses["公衆無線LANの利用状況（月別）"] == ("planned", "inventory")
    assert statuses["区市町村別・月別の救急搬送件数"] == ("received", None)
    usecases = helpers.call_action("package_search", fq="dataset_type:usecase")
    assert usecases["count"] == 3

    second = demo.load()
    assert (second.inventory_created, second.requests_created, second.usecases_created) == (0, 0, 0)
    assert second.datasets_created == 0
