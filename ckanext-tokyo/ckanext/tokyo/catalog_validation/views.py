"""Pages: the report of one resource, and the catalog quality page."""
from __future__ import annotations

from typing import Any

from flask import Blueprint

import ckan.plugins.toolkit as tk
from ckan.lib.pagination import Page

from ckanext.tokyo.metadata import organizations
from ckanext.tokyo.validation import messages

from . import helpers, resources

validation = Blueprint("tokyo_validation", __name__)
REPORT_PAGE = 200  # findings per report page


def _context() -> dict[str, Any]:
    return {"user": tk.current_user.name if tk.current_user.is_authenticated else None}


def report(id: str, resource_id: str):
    context = _context()
    try:
        package = tk.get_action("package_show")(dict(context), {"id": id})
        resource = tk.get_action("resource_show")(dict(context), {"id": resource_id})
    except tk.ObjectNotFound:
        return tk.abort(404, tk._("Resource not found"))
    except tk.NotAuthorized:
        return tk.abort(403, tk._("Unauthorized to read resource %s") % resource_id)
    if resource.get("package_id") != package["id"]:
        return tk.abort(404, tk._("Resource not found"))
    page = max(tk.h.get_page_number(tk.request.args), 1)
    try:
        run = tk.get_action("resource_validation_show")(dict(context), {
            "resource_id": resource_id, "findings_offset": (page - 1) * REPORT_PAGE,
            "findings_limit": REPORT_PAGE})
    except tk.ObjectNotFound:
        run = None
    except tk.NotAuthorized:
        return tk.abort(403, tk._("Unauthorized to read resource %s") % resource_id)
    language = helpers.lang()
    groups = helpers.group_findings((run or {}).get("report"), language)
    for group in groups:  # findings no page lists (the report's caps)
        group["unlisted"] = group["total"] - (run or {}).get("findings_by_code", {}).get(group["code"], 0)
    return tk.render("tokyo_validation/report.html", extra_vars={
        "pkg": package, "pkg_dict": package, "res": resource, "run": run,
        "groups": groups,
        "pager": _pager(run, page, id, resource_id),
        "status": (run or {}).get("status") or resource.get("validation_status"),
        "can_run": helpers.can_run(package) and resources.eligible(resource),
        "en": language == "en",
    })


def _pager(run: Any, page: int, id: str, resource_id: str) -> Any:
    """CKAN's pager over the findings the report lists (None for one page)."""
    listed = (run or {}).get("findings_total") or 0
    if listed <= REPORT_PAGE:
        return None
    return Page(collection=range(listed), page=page, items_per_page=REPORT_PAGE, item_count=listed,
                url=lambda q=None, page=1: tk.h.url_for("tokyo_validation.report", id=id,
                                                         resource_id=resource_id, page=page))


def run(id: str, resource_id: str):
    try:
        tk.get_action("resource_validation_run")(_context(), {"resource_id": resource_id})
    except tk.NotAuthorized:
        return tk.abort(403, tk._("Unauthorized to update dataset"))
    except tk.ObjectNotFound:
        return tk.abort(404, tk._("Resource not found"))
    except tk.ValidationError as error:
        tk.h.flash_error(str(error.error_summary))
    return tk.redirect_to("tokyo_validation.report", id=id, resource_id=resource_id)


def quality():
    context = _context()
    organization = tk.request.args.get("organization") or None
    data = {"organization": organization} if organization else {}
    try:
        figures = tk.get_action("tokyo_validation_summary")(dict(context), data)
    except tk.ObjectNotFound:
        return tk.abort(404, tk._("Organization not found"))
    language = helpers.lang()
    if language == "en":  # organisations by their English names (title_en) where set
        titles = organizations.titles_en(org["name"] for org in figures["organizations"])
        for org in figures["organizations"]:
            org["title"] = titles.get(org["name"], org["title"])
    top = figures["by_code"][:20]
    peak = max([c["count"] for c in top] or [1])
    for item in top:
        item["title"] = messages.title(item["code"], language)
        item["percent"] = round(100 * item["count"] / peak, 1)
    return tk.render("tokyo_validation/quality.html", extra_vars={
        "figures": figures, "chart": top, "organization": organization, "en": language == "en",
    })


validation.add_url_rule("/dataset/<id>/resource/<resource_id>/validation", view_func=report)
validation.add_url_rule("/dataset/<id>/resource/<resource_id>/validation/run", view_func=run, methods=["POST"])
validation.add_url_rule("/tokyo/quality", view_func=quality)


def blueprints() -> list[Blueprint]:
    return [validation]
