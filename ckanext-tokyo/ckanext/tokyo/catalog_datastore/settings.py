"""Config options of tokyo_datastore (declared through IConfigDeclaration)."""
from __future__ import annotations

from typing import Any

from ckanext.tokyo.plugin_options import PluginOptions

PREFIX = "ckanext.tokyo.datastore."

# name: (default, kind, help)
OPTIONS: dict[str, tuple[Any, str, str]] = {
    "load_invalid": (False, "bool",
                     "Also load files whose validation found errors (by default only files that pass, "
                     "warnings allowed, are loaded)."),
    "repaired": (["tokyo/encoding-not-utf8"], "list",
                 "Validation errors that do not keep a table out because loading repairs them "
                 "(the DataStore holds UTF-8 whatever the file's encoding)."),
    "max_bytes": (100 * 1024 * 1024, "int", "Largest file loaded, in bytes."),
    "max_rows": (1_000_000, "int", "Most rows loaded from one file; a longer file is not loaded."),
    "queue": ("default", "str", "Background job queue of the loads."),
    "timeout": (900, "int", "Seconds one load may take before its job is stopped."),
    "map_points": (5000, "int", "Most points the map view draws."),
}

_OPTIONS = PluginOptions(PREFIX, "tokyo_datastore: validated tables in the DataStore", OPTIONS)
declare, get = _OPTIONS.declare, _OPTIONS.get
