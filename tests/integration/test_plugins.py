import pytest

import ckan.plugins as p


@pytest.mark.ckan_config("ckan.plugins", "tokyo_schema tokyo_dcat tokyo_validation")
@pytest.mark.usefixtures("with_plugins")
def test_the_three_plugins_load():
    for name in ("tokyo_schema", "tokyo_dcat", "tokyo_validation"):
        assert p.plugin_loaded(name)


@pytest.mark.parametrize("name", ["tokyo_schema", "tokyo_dcat", "tokyo_validation"])
def test_each_plugin_loads_alone(name):
    p.load(name)
    try:
        assert p.plugin_loaded(name)
    finally:
        p.unload(name)
