import pytest

import ckan.plugins as p


@pytest.mark.ckan_config("ckan.plugins", "tokyo_schema tokyo_dcat tokyo_validation")
@pytest.mark.usefixtures("with_plugins")
def test_the_three_plugins_load():
    for name in ("tokyo_schema", "tokyo_dcat", "tokyo_validation"):
        assert p.plugin_loaded(name)


@pytest.mark.parametrize("name", ["tokyo_schema", "tokyo_dcat", "tokyo_validation", "tokyo_quality",
                                  "tokyo_harvest"])
def test_each_plugin_loads_alone(name):
    p.load(name)
    try:
        assert p.plugin_loaded(name)
    finally:
        p.unload(name)


@pytest.mark.ckan_config("ckan.plugins", "harvest tokyo_harvest tokyo_dcat_harvester tokyo_ckan_harvester")
@pytest.mark.usefixtures("with_plugins")
def test_the_harvesters_are_found_by_ckanext_harvest():
    from ckanext.harvest.logic.action.get import harvesters_info_show

    names = {h["name"] for h in harvesters_info_show({}, {})}
    assert {"tokyo_dcat", "tokyo_ckan"} <= names
