"""Config options of tokyo_validation (declared through IConfigDeclaration)."""
from __future__ import annotations

from typing import Any

from ckanext.tokyo.base import formats as format_table
from ckanext.tokyo.plugin_options import PluginOptions
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
    "max_group_findings": (50, "int", "Findings kept per rule and column, so that one noisy column never "
                                      "hides the others (0: no cap of its own)."),
    "max_report_bytes": (1024 * 1024, "int", "Size of a stored report's findings in bytes; past it the "
                                             "report says it was truncated."),
    "max_columns": (2000, "int", "Widest table validated (columns)."),
    "max_line_bytes": (1024 * 1024, "int", "Longest CSV line validated, in bytes, and longest cell, in "
                                          "characters (both are read whole)."),
    "index_retry": ([10, 30, 60, 120, 300, 600], "list", "Seconds between attempts to index a dataset "
                                                         "whose result was stored while Solr was unreachable."),
    "fetch_timeout": (60, "int", "Seconds to download a linked (URL) resource, all redirects included."),
    "fetch_max_redirects": (5, "int", "Redirects followed for a linked resource."),
    "fixed_dir": ("", "str", "Folder of the fixed copies and kept originals (default: "
                             "<ckan.storage_path>/tokyo_validation); shared by every worker and web process."),
    "allow_hosts": ([], "list", "host or host:port exempt from the private-address guard "
                                "(tests, intranet mirror). Empty by default."),
}


_OPTIONS = PluginOptions(PREFIX, "tokyo_validation: resource validation against Japan's standard data formats",
                         OPTIONS)
declare, get = _OPTIONS.declare, _OPTIONS.get


def formats() -> set[str]:
    """The codes (base.formats) of the formats that are validated."""
    return {code for code in map(format_table.normalise, get("formats")) if code}


def options() -> Options:
    return Options(max_bytes=get("max_bytes"), max_rows=get("max_rows"),
                   timeout=float(get("timeout")), max_findings=get("max_findings"),
                   max_group_findings=get("max_group_findings"),
                   max_columns=get("max_columns"), max_line_bytes=get("max_line_bytes"),
                   max_report_bytes=get("max_report_bytes"))


def queue(bulk: bool) -> str:
    """The queue of a run: bulk runs wait behind what editors started."""
    return get("queue") if bulk or not get("priority_queue") else get("priority_queue")


def job_timeout() -> int:
    """RQ job timeout: validation + download + grace."""
    return get("timeout") + get("fetch_timeout") + get("job_grace")
