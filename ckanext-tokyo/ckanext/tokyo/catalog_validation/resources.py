"""What to validate and how a resource records its status.

``validation_status`` and ``validation_timestamp`` (the names
ckanext-validation uses) are not stored on the resource: resource_status.py
reads them from the validation table whenever a dataset is shown, searched or
indexed.
"""
from __future__ import annotations

import os
from typing import Any, Optional
from urllib.parse import urlsplit

from ckanext.tokyo.validation import registry

from . import settings

STATUS_KEY = "validation_status"
TIMESTAMP_KEY = "validation_timestamp"

# Worst first: the dataset-level status shown in search is the worst of its resources.
SEVERITY = ("error", "failure", "running", "pending", "success")


def resource_format(resource: dict[str, Any]) -> str:
    fmt = (resource.get("format") or "").strip().lower().lstrip(".")
    if fmt:
        return {"text/csv": "csv", "text/tab-separated-values": "tsv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx"}.get(fmt, fmt)
    path = urlsplit(resource.get("url") or "").path
    return os.path.splitext(path)[1].lower().lstrip(".")


def eligible(resource: dict[str, Any]) -> bool:
    """A CSV/TSV/XLSX (configurable) with a file or URL behind it."""
    return bool(resource.get("url")) and resource_format(resource) in settings.formats()


def declared_schema(resource: dict[str, Any], package: Optional[dict[str, Any]] = None) -> Optional[str]:
    """The standard the resource declares (``conforms_to``: a string, a list or
    a JSON list), else the dataset's; None means auto-detect."""
    for source in (resource, package or {}):
        for value in _values(source.get("conforms_to")):
            known = registry.schema_ids()
            if value in known:
                return value
            tail = value.rstrip("/").rsplit("/", 1)[-1]  # a URI ending in the id
            if tail in known:
                return tail
            return value  # unknown: the report says so (tokyo/unknown-schema)
    return None


def _values(raw: Any) -> list[str]:
    if raw is None:
        return []
    if isinstance(raw, str):
        text = raw.strip()
        if text.startswith("["):
            import json
            try:
                return _values(json.loads(text))
            except ValueError:
                pass
        return [v.strip() for v in text.split(",") if v.strip()] if text else []
    if isinstance(raw, (list, tuple)):
        return [str(v).strip() for v in raw if v is not None and str(v).strip()]
    return [str(raw)]


def fingerprint(resource: dict[str, Any], package: Optional[dict[str, Any]] = None) -> str:
    """What the validation result depends on: a change here means validate again."""
    parts = [resource.get("url_type") or "", resource.get("url") or "",
             str(resource.get("last_modified") or ""), str(resource.get("size") or ""),
             resource_format(resource), declared_schema(resource, package) or "auto"]
    return "|".join(parts)


def worst(statuses: list[Optional[str]]) -> Optional[str]:
    known = [s for s in statuses if s in SEVERITY]
    return min(known, key=SEVERITY.index) if known else None
