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
    "queue": ("default", "str", "Background job queue of bulk runs (imports, harvests, `ckan tokyo validate`)."),
    "priority_queue": ("priority", "str", "Queue of runs an editor started (a save in the web or the API, "
                                          "`Validate again`); workers listen on it first: "
                                          "`ckan jobs worker priority default`. Empty: one queue for all."),
    "max_bytes": (100 * 1024 * 1024, "int", "Largest file validated or downloaded, in bytes."),
    "max_rows": (2_000_000, "int", "Rows checked per file."),
    "timeout": (300, "int", "Seconds for one validation; the job is killed after timeout + job_grace."),
    "job_grace": (120, "int", "Extra seconds a job may run past `timeout` (download, storing) before it is an error."),
    "max_findings": (1000, "int", "Findings kept per report (all are counted)."),
    "max_report_bytes": (1024 * 1024, "int", "Size of a stored report's findings in bytes; past it the "
                                             "report says it was truncated."),
    "max_columns": (2000, "int", "Widest table validated (columns)."),
    "index_retry": ([10, 30, 60, 120, 300, 600], "list", "Seconds between attempts to index a dataset "
                                                         "whose result was stored while Solr was unreachable."),
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
                   timeout=float(get("timeout")), max_findings=get("max_findings"),
                   max_columns=get("max_columns"), max_report_bytes=get("max_report_bytes"))


def queue(bulk: bool) -> str:
    """The queue of a run: bulk runs wait behind what editors started."""
    return get("queue") if bulk or not get("priority_queue") else get("priority_queue")


def job_timeout() -> int:
    """RQ job timeout: validation + download + grace."""
    return get("timeout") + get("fetch_timeout") + get("job_grace")
