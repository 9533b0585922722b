"""Fixtures shared by the integration tests."""
import pytest


@pytest.fixture
def cli_plugin_tables(ckan_config):
    """The CLI builds its app from the ini file, with all its plugins: give
    their tables to the freshly reset database."""
    from tests import plugin_tables

    plugin_tables.migrate_for_ini(ckan_config["__file__"])


@pytest.fixture
def loopback_direct(monkeypatch):
    """127.0.0.1 straight, whatever proxy the shell names."""
    for var in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(var, "127.0.0.1")
