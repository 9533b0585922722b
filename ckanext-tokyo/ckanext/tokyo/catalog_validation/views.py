"""Pages: the report of one resource, and the catalog quality page."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, send_file

import ckan.plugins.toolkit as tk

from ckanext.tokyo.metadata import organizations
from ckanext.tokyo.validation import messages

from . import fixed_copies, helpers, resources

validation = Blueprint("tokyo_validation", __name__)


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
    try:
        run = tk.get_action("resource_validation_show")(dict(context), {"resource_id": resource_id})
    except tk.ObjectNotFound:
        run = None
    except tk.NotAuthorized:
        return tk.abort(403, tk._("Unauthorized to read resource %s") % resource_id)
    language = helpers.lang()
    fixed = tk.get_action("resource_fixed_show")(dict(context), {"resource_id": resource_id})
    for change in ((fixed.get("log") or {}).get("changes") or []):
        change["title"] = messages.title(change["code"], language)
    return tk.render("tokyo_validation/report.html", extra_vars={
        "fixed": fixed,
        "pkg": package, "pkg_dict": package, "res": resource, "run": run,
        "groups": helpers.group_findings((run or {}).get("report"), language),
        "status": (run or {}).get("status") or resource.get("validation_status"),
        "can_run": helpers.can_run(package) and resources.eligible(resource),
        "en": language == "en",
    })


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


def _fixed_show(id: str, resource_id: str) -> dict[str, Any]:
    try:
        package = tk.get_action("package_show")(_context(), {"id": id})
        fixed = tk.get_action("resource_fixed_show")(_context(), {"resource_id": resource_id})
    except tk.ObjectNotFound:
        return tk.abort(404, tk._("Resource not found"))
    except tk.NotAuthorized:
        return tk.abort(403, tk._("Unauthorized to read resource %s") % resource_id)
    if not any(r["id"] == resource_id for r in package.get("resources") or []):
        return tk.abort(404, tk._("Resource not found"))
    return fixed


def fixed_download(id: str, resource_id: str):
    """The fixed copy of the file the report is about."""
    fixed = _fixed_show(id, resource_id)
    if not fixed["available"]:
        return tk.abort(404, tk._("No fixed copy of this file has been made."))
    resource = tk.get_action("resource_show")(_context(), {"id": resource_id})
    return send_file(fixed_copies.fixed_path(fixed["sha256"]), mimetype="text/csv", as_attachment=True,
                     download_name=fixed_copies.fixed_name(resources.file_name(resource)))


def original_download(id: str, resource_id: str):
    """The original file kept when the resource was replaced by its fixed copy."""
    original = _fixed_show(id, resource_id)["original"]
    if not original:
        return tk.abort(404, tk._("No original file is kept for this resource."))
    return send_file(fixed_copies.original_path(original["sha256"]), as_attachment=True,
                     download_name=original["name"] or "original")


def replace(id: str, resource_id: str):
    try:
        tk.get_action("resource_fixed_replace")(_context(), {"resource_id": resource_id})
    except tk.NotAuthorized:
        return tk.abort(403, tk._("Unauthorized to update dataset"))
    except tk.ObjectNotFound:
        return tk.abort(404, tk._("Resource not found"))
    except tk.ValidationError as error:
        tk.h.flash_error(" ".join(str(m) for ms in error.error_dict.values() for m in ms))
    else:
        tk.h.flash_success(tk._("The resource now holds the fixed copy; the original file is kept. "
                                "It is being validated again."))
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
validation.add_url_rule("/dataset/<id>/resource/<resource_id>/validation/fixed.csv", view_func=fixed_download)
validation.add_url_rule("/dataset/<id>/resource/<resource_id>/validation/original", view_func=original_download)
validation.add_url_rule("/dataset/<id>/resource/<resource_id>/validation/replace", view_func=replace,
                        methods=["POST"])
validation.add_url_rule("/tokyo/quality", view_func=quality)


def blueprints() -> list[Blueprint]:
    return [validation]
