"""The map view (tokyo_map_view): which tables get one, and its points, read
through datastore_search as the viewer (so a private table stays private)."""
from __future__ import annotations

from typing import Any, Optional

import ckan.plugins.toolkit as tk

from . import map as drawing, settings
from .model import ResourceLoad, table_exists
from .table import coordinates

LABEL_FIELDS = ("名称", "名前", "施設名", "name")


def _columns(resource_id: str) -> list[dict[str, Any]]:
    row = ResourceLoad.get(resource_id) if table_exists() else None
    return (row.columns or []) if row is not None else []


def can_view(resource: dict[str, Any]) -> bool:
    return bool(resource.get("datastore_active")) and coordinates(_columns(resource["id"])) is not None


def _label_column(columns: list[dict[str, Any]]) -> Optional[str]:
    for column in columns:
        if column.get("field") in LABEL_FIELDS or column["id"] in LABEL_FIELDS:
            return column["id"]
    return next((c["id"] for c in columns if c.get("type") == "text"), None)


def template_variables(context: dict[str, Any], data_dict: dict[str, Any]) -> dict[str, Any]:
    resource = data_dict["resource"]
    columns = _columns(resource["id"])
    found = coordinates(columns)
    if not found:
        return {"drawing": None}
    lat, lon = found
    label = _label_column(columns)
    fields = [lat, lon] + ([label] if label else [])
    limit = settings.get("map_points")
    result = tk.get_action("datastore_search")(
        {"user": context.get("user")},
        {"resource_id": resource["id"], "fields": fields, "limit": limit, "sort": "_id"})
    records = result.get("records") or []
    picture = drawing.draw((r.get(lat), r.get(lon), r.get(label) if label else "") for r in records)
    return {"drawing": picture, "total": result.get("total", len(records)), "lat_column": lat, "lon_column": lon}
