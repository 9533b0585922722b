"""The tables of the plugins a CKAN process built from the test ini loads
(the CLI, the browser tests' live server), on a database a test has just
reset: without them activity's columns and ckanext-harvest's harvest_object
(read on every package_show) and the quality scores' tables are missing."""
from __future__ import annotations

NEEDED = ("activity", "harvest", "tokyo_quality", "tracking")


def migrate(plugin_names) -> None:
    import ckan.plugins as p
    from ckan.cli.db import _run_migrations

    for name in NEEDED:
        if name not in plugin_names:
            continue
        loaded = p.plugin_loaded(name)
        if not loaded:
            p.load(name)
        try:
            _run_migrations(name)
        finally:
            if not loaded:
                p.unload(name)


def migrate_for_ini(ini: str) -> None:
    from ckan.cli import load_config

    migrate(load_config(ini).get("ckan.plugins", "").split())
