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
    "queue": ("default", "str", "Background job queue (`ckan jobs worker` listens on `default`)."),
    "max_bytes": (100 * 1024 * 1024, "int", "Largest file validated or downloaded, in bytes."),
    "max_rows": (2_000_000, "int", "Rows checked per file."),
    "timeout": (300, "int", "Seconds for one validation; the job is killed after timeout + job_grace."),
    "job_grace": (120, "int", "Extra seconds a job may run past `timeout` (download, storing) before it is an error."),
    "max_findings": (1000, "int", "Findings kept per report (all are counted)."),
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
                   timeout=float(get("timeout")), max_findings=get("max_findings"))


def job_timeout() -> int:
    """RQ job timeout: validation + download + grace."""
    return get("timeout") + get("fetch_timeout") + get("job_grace")
