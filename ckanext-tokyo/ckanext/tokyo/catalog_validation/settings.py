"""Config options of tokyo_validation (declared through IConfigDeclaration).

Read at call time, not at import, so tests and operators can change them
without reloading the plugin.
"""
from __future__ import annotations

from typing import Any

import ckan.plugins.toolkit as tk

from ckanext.tokyo.base import formats as format_table
from ckanext.tokyo.validation import Options

PREFIX = "ckanext.tokyo.validation."

# name: (default, kind, help)
OPTIONS: dict[str, tuple[Any, str, str]] = {
    "run_sync": (False, "bool", "Validate inside the request instead of on a background job (tests, small sites)."),
    "formats": (format_table.validatable(), "list", "Resource formats that are validated."),
    "queue": ("default", "str", "Background job queue (`ckan jobs worker` listens on `default`)."),
    "max_bytes": (100 * 1024 * 1024, "int", "Largest file validated or downloaded, in bytes."),
    "max_rows": (2_000_000, "int", "Rows checked per file."),
    "timeout": (300, "int", "Seconds for one validation; the job is killed after timeout + job_grace."),
    "job_grace": (120, "int", "Extra seconds a job may run past `timeout` (download, storing) before it is an error."),
    "max_findings": (1000, "int", "Findings kept per report (all are counted)."),
    "fetch_timeout": (60, "int", "Seconds to download a linked (URL) resource, all redirects included."),
    "fetch_max_redirects": (5, "int", "Redirects followed for a linked resource."),
    "allow_hosts": ([], "list", "host or host:port exempt from the private-address guard "
                                "(tests, intranet mirror). Empty by default."),
}


def declare(declaration: Any, key: Any) -> None:
    declaration.annotate("tokyo_validation: resource validation against Japan's standard data formats")
    group = key.ckanext.tokyo.validation
    for name, (default, kind, help_text) in OPTIONS.items():
        option_key = getattr(group, name)
        if kind == "bool":
            option = declaration.declare_bool(option_key, default)
        elif kind == "int":
            option = declaration.declare_int(option_key, default)
        elif kind == "list":
            option = declaration.declare_list(option_key, default)
        else:
            option = declaration.declare(option_key, default)
        option.set_description(help_text)


def get(name: str) -> Any:
    default, kind, _ = OPTIONS[name]
    value = tk.config.get(PREFIX + name, default)
    if value is None:
        value = default
    if kind == "bool":
        return tk.asbool(value)
    if kind == "int":
        return int(value)
    if kind == "list":
        return [str(v) for v in tk.aslist(value)] if isinstance(value, str) else list(value)
    return value


def formats() -> set[str]:
    """The codes (base.formats) of the formats that are validated."""
    return {code for code in map(format_table.normalise, get("formats")) if code}


def options() -> Options:
    return Options(max_bytes=get("max_bytes"), max_rows=get("max_rows"),
                   timeout=float(get("timeout")), max_findings=get("max_findings"))


def job_timeout() -> int:
    """RQ job timeout: validation + download + grace."""
    return get("timeout") + get("fetch_timeout") + get("job_grace")
