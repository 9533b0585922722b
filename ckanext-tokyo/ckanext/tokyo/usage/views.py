"""/tokyo/usage: the operator's page of daily page views and downloads per
organisation and category (sysadmins); ?format=csv gives the same numbers
as one row per day and organisation or category."""
from __future__ import annotations

import csv
import io
from typing import Any

from flask import Blueprint, Response

import ckan.plugins.toolkit as tk

from ckanext.tokyo.metadata.helpers import page_lang

usage = Blueprint("tokyo_usage", __name__)


def _context() -> dict[str, Any]:
    return {"user": tk.current_user.name if tk.current_user.is_authenticated else None}


def _label(series: dict, lang: str) -> str:
    return (series["label"] or {}).get(lang) or (series["label"] or {}).get("ja") or series["key"]


def _csv(figures: dict, lang: str) -> Response:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["date", "dimension", "key", "label", "page_views", "downloads"])
    rows = [("catalog", figures["catalog"])]
    rows += [("organization", s) for s in figures["organizations"]]
    rows += [("category", s) for s in figures["categories"]]
    for dimension, series in rows:
        for n, day in enumerate(figures["days"]):
            writer.writerow([day, dimension, series["key"], _label(series, lang) if series["key"] else "",
                             series["views"][n], series["downloads"][n]])
    response = Response(out.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="usage-{figures["days"][-1]}.csv"'
    return response


def page():
    days = tk.request.args.get("days") or 30
    try:
        figures = tk.get_action("tokyo_usage_show")(_context(), {"days": days})
    except tk.NotAuthorized:
        return tk.abort(403, tk._("Only sysadmins can see the catalog's usage figures."))
    except tk.ValidationError as error:
        return tk.abort(400, "; ".join(m for ms in error.error_dict.values() for m in ms))
    lang = "en" if page_lang() == "en" else "ja"
    if tk.request.args.get("format") == "csv":
        return _csv(figures, lang)
    for series in [figures["catalog"], *figures["organizations"], *figures["categories"]]:
        series["title"] = _label(series, lang)
        peak = max(series["views"] + series["downloads"] + [1])
        series["bars"] = [round(100 * v / peak) for v in series["views"]]
    return tk.render("tokyo_usage/usage.html", extra_vars={"figures": figures, "days": int(days)})


usage.add_url_rule("/tokyo/usage", view_func=page)


def blueprints() -> list[Blueprint]:
    return [usage]
