"""What to validate and how a resource records its status.

``validation_status`` and ``validation_timestamp`` (the names
ckanext-validation uses) are not stored on the resource: resource_status.py
reads them from the validation table whenever a dataset is shown, searched or
indexed.

The functions here take resource and dataset dicts as ``package_show`` gives
them; ``as_saved`` gives the same fields from a save in progress.
"""
from __future__ import annotations

import os
from typing import Any, Optional
from urllib.parse import unquote, urlsplit

import ckan.model as model
from ckan.lib.dictization import model_dictize

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


def as_saved(package_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The dataset's standard and its active resources, as package_show gives
    them, read from the session inside a save (which has flushed them): what
    ``eligible`` and ``fingerprint`` read, without validating the whole
    dataset again for its show. ({}, []) when the dataset is not there."""
    package = model.Package.get(package_id)
    if package is None:
        return {}, []
    shown = {"id": package.id, "name": package.name, "conforms_to": (package.extras or {}).get("conforms_to")}
    active = [model_dictize.resource_dictize(resource, {"model": model})
              for resource in package.resources_all if resource.state == "active"]
    # in package_show's order (CKAN 2.11 loads the collection unordered)
    return shown, sorted(active, key=lambda r: r.get("position") or 0)
