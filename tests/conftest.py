"""Suite-wide settings. CKAN's own pytest plugin (ckan.tests.pytest_ckan)
provides the fixtures: clean_db, clean_index, with_plugins, app, ckan_config.
tests/unit must not import CKAN: `make test-unit` runs them without it."""


def pytest_configure(config):
    # SQLAlchemy exists only in the CKAN venvs, not in the core's.
    try:
        import sqlalchemy  # noqa: F401
    except ImportError:
        return
    config.addinivalue_line("filterwarnings", "ignore::sqlalchemy.exc.SAWarning")
