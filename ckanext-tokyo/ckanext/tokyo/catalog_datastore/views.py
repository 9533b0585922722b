"""The resource views a loaded table gets: the table (CKAN's datatables_view,
responsive on phones) and, when it has numeric 緯度/経度 columns, the map
(tokyo_map_view). Which of them is made follows ``ckan.views.default_views``.

Titles are stored in English and shown through gettext (the view tabs are
in the page's language).
"""
from __future__ import annotations

from typing import Any

import ckan.plugins.toolkit as tk

from ckanext.tokyo import site_user

from .table import coordinates

TABLE_VIEW, MAP_VIEW = "datatables_view", "tokyo_map_view"
TITLES = {TABLE_VIEW: "Table", MAP_VIEW: "Map"}


def wanted(columns: list[dict[str, Any]]) -> list[str]:
    defaults = tk.aslist(tk.config.get("ckan.views.default_views") or "")
    kinds = [TABLE_VIEW] + ([MAP_VIEW] if coordinates(columns) else [])
    return [kind for kind in kinds if kind in defaults and _plugin_loaded(kind)]


def _plugin_loaded(view_type: str) -> bool:
    from ckan.lib.datapreview import get_view_plugin

    return get_view_plugin(view_type) is not None


def ensure(resource_id: str, columns: list[dict[str, Any]]) -> None:
    """Create the views the table should have and remove a map whose table
    lost its coordinates."""
    context = site_user.context()
    existing = tk.get_action("resource_view_list")(dict(context), {"id": resource_id})
    have = {view["view_type"]: view for view in existing}
    want = wanted(columns)
    for kind in want:
        if kind not in have:
            data = {"resource_id": resource_id, "view_type": kind, "title": TITLES[kind]}
            if kind == TABLE_VIEW:
                data["responsive"] = True
            tk.get_action("resource_view_create")(dict(context), data)
    if MAP_VIEW in have and MAP_VIEW not in want:
        tk.get_action("resource_view_delete")(dict(context), {"id": have[MAP_VIEW]["id"]})
