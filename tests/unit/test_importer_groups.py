"""The importer's mapping of the catalog's groups to categories (CKAN-free)."""
from ckanext.tokyo import importer


def _record(*groups):
    return {"name": "t000003d0000000001", "title": "人口", "organization": {"name": "t000003"},
            "groups": [{"name": g} for g in groups]}


def test_groups_become_categories_a_replaced_code_its_successor_once():
    report = importer.Report()
    out = importer.map_dataset(_record("c029", "c008", "c023", "tourism-old"), report)
    assert out["category"] == ["c029", "c023"]  # c008 観光 of 2021-22 is c023 today
    assert report.unknown_groups == {"tourism-old": 1}


def test_a_record_without_known_groups_has_no_category():
    report = importer.Report()
    assert "category" not in importer.map_dataset(_record("c999"), report)
    assert report.unknown_groups == {"c999": 1}
