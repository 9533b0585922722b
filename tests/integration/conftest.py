"""Fixtures shared by the integration tests."""
import pytest


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


@pytest.fixture
def loopback_direct(monkeypatch):
    """127.0.0.1 straight, whatever proxy the shell names."""
    for var in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(var, "127.0.0.1")
