"""Suite-wide settings. CKAN's own pytest plugin (ckan.tests.pytest_ckan)
provides the fixtures: clean_db, clean_index, with_plugins, app, ckan_config.
tests/unit must not import CKAN: `make test-unit` runs them without it."""
