"""What to validate and how a resource records its status.

``validation_status`` and ``validation_timestamp`` are resource extras (the
names ckanext-validation uses). They are written straight to the resource row,
not through ``resource_update``: no activity, no plugin hooks (so no
validation loop), no race with a user saving the dataset at the same time.
CKAN's domain-object observer reindexes the dataset on commit.
"""
from __future__ import annotations

import datetime
import os
from typing import Any, Optional
from urllib.parse import urlsplit

import ckan.model as model

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


def timestamp(at: Optional[datetime.datetime] = None) -> str:
    return (at or datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)).isoformat()


def write_status(resource_id: str, status: Optional[str], commit: bool = True,
                 at: Optional[datetime.datetime] = None) -> bool:
    """Set (or with None remove) validation_status/_timestamp (now, or `at`, UTC) on the resource row."""
    resource = model.Session.get(model.Resource, resource_id)
    if resource is None:
        return False
    extras = dict(resource.extras or {})
    if status is None:
        extras.pop(STATUS_KEY, None)
        extras.pop(TIMESTAMP_KEY, None)
    else:
        extras[STATUS_KEY] = status
        extras[TIMESTAMP_KEY] = timestamp(at)
    resource.extras = extras
    if commit:
        model.Session.commit()
    return True
