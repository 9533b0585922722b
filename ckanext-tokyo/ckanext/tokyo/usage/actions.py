"""``tokyo_usage_show``: page views and downloads per day, for the catalog,
its organisations and categories."""
from __future__ import annotations

import ckan.plugins.toolkit as tk

from . import stats

PERIODS = (7, 30, 90)


def _series(series: stats.Series) -> dict:
    return {"key": series.key, "label": series.label, "views": series.views, "downloads": series.downloads,
            "total_views": series.total_views, "total_downloads": series.total_downloads}


@tk.side_effect_free
def usage_show(context, data_dict):
    """days: 7, 30 (default) or 90. Returns {days: [YYYY-MM-DD], catalog,
    organizations: [...], categories: [...]}, each with daily ``views``
    (distinct visitors of dataset pages) and ``downloads``."""
    tk.check_access("tokyo_usage_show", context, data_dict)
    try:
        days = int(data_dict.get("days", 30))
    except (TypeError, ValueError):
        days = 0
    if days not in PERIODS:
        raise tk.ValidationError({"days": [tk._("Choose 7, 30 or 90 days.")]})
    found = stats.daily(days)
    return {"days": [d.isoformat() for d in found["days"]], "catalog": _series(found["catalog"]),
            "organizations": [_series(s) for s in found["organizations"]],
            "categories": [_series(s) for s in found["categories"]]}


def get_actions() -> dict:
    return {"tokyo_usage_show": usage_show}
