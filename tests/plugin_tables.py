"""The tables of the plugins a CKAN process built from the test ini loads
(the CLI, the browser tests' live server, the public pages' catalog), on a
database a test has just reset: without them activity's columns,
ckanext-harvest's harvest_object (read on every package_show), the quality
scores', the data requests' and the DataStore loads' tables are missing."""
from __future__ import annotations

import os


def migrate(plugin_names) -> None:
    """Run the migrations of each named plugin that has any (those not
    loaded are loaded together for the while, in the given order: some
    stand on others)."""
    import ckan.plugins as p
    from ckan.cli.db import _resolve_alembic_config, _run_migrations

    names = list(plugin_names)
    missing = [name for name in names if not p.plugin_loaded(name)]
    if missing:
        p.load(*missing)
    try:
        for name in names:
            if os.path.exists(_resolve_alembic_config(name)):
                _run_migrations(name)
    finally:
        if missing:
            p.unload(*reversed(missing))


def migrate_for_ini(ini: str) -> None:
    from ckan.cli import load_config

    migrate(load_config(ini).get("ckan.plugins", "").split())


def migrate_configured() -> None:
    """The plugins of the running configuration (after ``load_all``)."""
    import ckan.plugins.toolkit as tk

    names = tk.config.get("ckan.plugins") or []
    migrate(names.split() if isinstance(names, str) else names)
