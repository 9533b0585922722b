"""Options of the Tokyo harvesters (``ckanext.tokyo.harvest.*``), read at
call time so tests and operators can change them without a restart."""
from __future__ import annotations

from typing import Any

import ckan.plugins.toolkit as tk

from ckanext.tokyo.harvest.safe_rdf import Limits

PREFIX = "ckanext.tokyo.harvest."

# name: (default, help)
OPTIONS: dict[str, tuple[Any, str]] = {
    "sources_sysadmin_only": (True, "Only sysadmins create or change harvest sources (a source makes "
                                    "the catalog fetch any URL on a schedule)."),
    "parse_seconds": (60, "Wall-clock seconds to parse one harvested document."),
    "parse_cpu_seconds": (60, "CPU seconds to parse one harvested document."),
    "parse_memory_mb": (1024, "Memory (MB) of the process parsing one harvested document."),
    "max_entities": (64, "Entity declarations allowed in an RDF/XML DTD."),
    "max_bytes": (50 * 1024 * 1024, "Largest feed or API page read, in bytes."),
    "fetch_timeout": (120, "Seconds to read one feed or API page, redirects included."),
    "allow_hosts": ("", "host or host:port exempt from the private-address guard (tests, an intranet "
                        "mirror); empty by default."),
    "sources_file": ("", "CSV of the municipal catalogs (empty: schemas/harvest_sources.csv of the package)."),
}


def declare(declaration: Any, key: Any) -> None:
    group = key.ckanext.tokyo.harvest
    for name, (default, help_text) in OPTIONS.items():
        option_key = getattr(group, name)
        if isinstance(default, bool):
            option = declaration.declare_bool(option_key, default)
        elif isinstance(default, int):
            option = declaration.declare_int(option_key, default)
        else:
            option = declaration.declare(option_key, default)
        option.set_description(help_text)


def get(name: str) -> Any:
    default = OPTIONS[name][0]
    value = tk.config.get(PREFIX + name)
    if value is None or value == "":
        return default
    if isinstance(default, bool):
        return tk.asbool(value)
    if isinstance(default, int):
        return int(value)
    return value


def limits() -> Limits:
    return Limits(seconds=float(get("parse_seconds")), cpu_seconds=get("parse_cpu_seconds"),
                  memory_mb=get("parse_memory_mb"), max_entities=get("max_entities"))


def allow_hosts() -> list[str]:
    return tk.aslist(get("allow_hosts"))
