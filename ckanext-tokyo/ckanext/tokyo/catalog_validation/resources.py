"""What to validate and how a resource records its status.

``validation_status`` and ``validation_timestamp`` (the names
ckanext-validation uses) are not stored on the resource: resource_status.py
reads them from the validation table whenever a dataset is shown, searched or
indexed.
"""
from __future__ import annotations

import os
from typing import Any, Optional
from urllib.parse import unquote, urlsplit

from ckanext.tokyo.base import formats, standards
from ckanext.tokyo.base.values import value_list

from . import settings

STATUS_KEY = "validation_status"
TIMESTAMP_KEY = "validation_timestamp"


def resource_format(resource: dict[str, Any]) -> str:
    """The format's code (base.formats) from ``format``, else from the URL's file extension."""
    fmt = formats.normalise(resource.get("format"))
    if fmt:
        return fmt
    path = urlsplit(resource.get("url") or "").path
    return formats.normalise(os.path.splitext(path)[1])


def file_name(resource: dict[str, Any]) -> str:
    """The resource's file name as published (an upload's name, or the URL's
    last part): the validator reads the standard file name from it."""
    return unquote(os.path.basename(urlsplit(resource.get("url") or "").path))


def eligible(resource: dict[str, Any]) -> bool:
    """A CSV/TSV/XLSX (configurable) with a file or URL behind it."""
    return bool(resource.get("url")) and resource_format(resource) in settings.formats()


def declared_schema(resource: dict[str, Any], package: Optional[dict[str, Any]] = None) -> Optional[str]:
    """The standard the resource declares (``conforms_to``: a string, a list or
    a JSON list), else the dataset's; None means auto-detect."""
    for source in (resource, package or {}):
        for value in value_list(source.get("conforms_to")):
            known = standards.schema_ids()
            if value in known:
                return value
            tail = value.rstrip("/").rsplit("/", 1)[-1]  # a URI ending in the id
            if tail in known:
                return tail
            return value  # unknown: the report says so (tokyo/unknown-schema)
    return None


def fingerprint(resource: dict[str, Any], package: Optional[dict[str, Any]] = None) -> str:
    """What the validation result depends on: a change here means validate again."""
    parts = [resource.get("url_type") or "", resource.get("url") or "",
             str(resource.get("last_modified") or ""), str(resource.get("size") or ""),
             # lower case, as in the fingerprints stored before the format table
             resource_format(resource).lower(), declared_schema(resource, package) or "auto"]
    return "|".join(parts)


