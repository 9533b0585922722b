"""Pages: the report of one resource, and the catalog quality page."""
from __future__ import annotations

from typing import Any, Optional

from flask import Blueprint, Response, send_file

import ckan.plugins.toolkit as tk
from ckan.lib.pagination import Page

from ckanext.tokyo.metadata import organizations
from ckanext.tokyo.validation import messages

from . import fixed_copies, helpers, report_frame, resources
from .statuses import PENDING, RUNNING

validation = Blueprint("tokyo_validation", __name__)
REPORT_PAGE = 200  # findings per report page
EXPORT_FINDINGS = 1000  # findings in a CSV/Excel export (resource_validation_show's maximum)


def _context() -> dict[str, Any]:
    return {"user": tk.current_user.name if tk.current_user.is_authenticated else None}


def _lookup(id: str, resource_id: str, page: Optional[int] = None) -> tuple[dict[str, Any], dict[str, Any], Any]:
    """(dataset, resource, latest run or None) as the user may see them, the
    run with the findings of `page` only when given; aborts with 404/403
    otherwise."""
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
    paging = {"findings_offset": (page - 1) * REPORT_PAGE, "findings_limit": REPORT_PAGE} if page \
        else {"findings_limit": EXPORT_FINDINGS}
    try:
        run = tk.get_action("resource_validation_show")(dict(context), dict(paging, resource_id=resource_id))
    except tk.ObjectNotFound:
        run = None
    except tk.NotAuthorized:
        return tk.abort(403, tk._("Unauthorized to read resource %s") % resource_id)
    return package, resource, run


def report(id: str, resource_id: str):
    page = max(tk.h.get_page_number(tk.request.args), 1)
    package, resource, run = _lookup(id, resource_id, page)
    language = helpers.lang()
    status = (run or {}).get("status") or resource.get("validation_status")
    checking = status in (PENDING, RUNNING)
    run_report = (run or {}).get("report") or {}
    # while a check runs, the findings of the previous one are not shown
    groups = [] if checking else helpers.group_findings(run_report, language)
    for group in groups:  # findings no page lists (the report's caps)
        group["unlisted"] = group["total"] - (run or {}).get("findings_by_code", {}).get(group["code"], 0)
    fixed = tk.get_action("resource_fixed_show")(_context(), {"resource_id": resource_id})
    for change in ((fixed.get("log") or {}).get("changes") or []):
        change["title"] = messages.title(change["code"], language)
    return tk.render("tokyo_validation/report.html", extra_vars={
        "fixed": fixed,
        "pkg": package, "pkg_dict": package, "res": resource, "run": run,
        "groups": groups,
        # findings are paged only where the report has no summary by column
        "pager": None if any(g["columns"] for g in groups) else _pager(run, page, id, resource_id),
        "status": status, "checking": checking,
        "standard": report_frame.standard(run_report.get("schema") or (run or {}).get("schema")),
        "validated_at": report_frame.local_time((run or {}).get("finished") or (run or {}).get("created")),
        "reason": report_frame.reason_text((run or {}).get("reason")),
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
def findings(id: str, resource_id: str, fmt: str):
    """The listed findings of the latest run as CSV or Excel, in the page's language."""
    package, resource, run = _lookup(id, resource_id)
    if not run or run.get("status") in (PENDING, RUNNING) or not run.get("report"):
        return tk.abort(404, tk._("No validation report exists for this resource yet"))
    rows = report_frame.finding_rows(run["report"], helpers.lang() == "en", helpers.severity_label)
    name = f"validation-{package['name']}-{resource_id[:8]}"
    if fmt == "xlsx":
        body = report_frame.to_xlsx(rows, tk._("Findings"))
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        body, mimetype = report_frame.to_csv(rows), "text/csv; charset=utf-8"
    return Response(body, mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})


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


def _figures(**data: Any) -> dict[str, Any]:
    try:
        figures = tk.get_action("tokyo_validation_summary")(_context(), {k: v for k, v in data.items() if v})
    except tk.ObjectNotFound:
        return tk.abort(404, tk._("Organization not found"))
    if helpers.lang() == "en":  # organisations by their English names (title_en) where set
        titles = organizations.titles_en(org["name"] for org in figures["organizations"])
        for org in figures["organizations"]:
            org["title"] = titles.get(org["name"], org["title"])
    return figures


def quality():
    organization = tk.request.args.get("organization") or None
    figures = _figures(organization=organization)
    language = helpers.lang()
    top = figures["by_code"][:20]
    peak = max([c["count"] for c in top] or [1])
    for item in top:
        item["title"] = messages.title(item["code"], language)
        item["severity_label"] = helpers.severity_label(item["severity"])
        item["percent"] = round(100 * item["count"] / peak, 1)
    return tk.render("tokyo_validation/quality.html", extra_vars={
        "figures": figures, "chart": top, "organization": organization,
        "organization_title": next((o["title"] for o in figures["organizations"] if o["name"] == organization),
                                   organization),
    })


def quality_rule():
    """The resources with findings of one rule, each linking to its report."""
    code = tk.request.args.get("code") or ""
    if code not in messages.MESSAGES:
        return tk.abort(404, tk._("Rule not found"))
    organization = tk.request.args.get("organization") or None
    figures = _figures(organization=organization, code=code)
    return tk.render("tokyo_validation/quality_rule.html", extra_vars={
        "code": code, "title": messages.title(code, helpers.lang()),
        "severity_label": helpers.severity_label(messages.MESSAGES[code].severity),
        "hint": messages.rule_hint(code, helpers.lang()), "affected": figures.get("affected", []),
        "organization": organization,
    })


validation.add_url_rule("/dataset/<id>/resource/<resource_id>/validation", view_func=report)
validation.add_url_rule("/dataset/<id>/resource/<resource_id>/validation/run", view_func=run, methods=["POST"])
validation.add_url_rule("/dataset/<id>/resource/<resource_id>/validation/fixed.csv", view_func=fixed_download)
validation.add_url_rule("/dataset/<id>/resource/<resource_id>/validation/original", view_func=original_download)
validation.add_url_rule("/dataset/<id>/resource/<resource_id>/validation/replace", view_func=replace,
                        methods=["POST"])
validation.add_url_rule("/dataset/<id>/resource/<resource_id>/validation/findings.<any(csv, xlsx):fmt>",
                        view_func=findings)
validation.add_url_rule("/tokyo/quality", view_func=quality)
validation.add_url_rule("/tokyo/quality/rule", view_func=quality_rule)


def blueprints() -> list[Blueprint]:
    return [validation]
