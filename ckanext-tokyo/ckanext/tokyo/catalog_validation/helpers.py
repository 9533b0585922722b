"""Template helpers, the search-index field and facet labels, and the
grouping of a report's findings by rule for the report page."""
from __future__ import annotations

import time
from collections import OrderedDict
from typing import Any, Optional

import ckan.plugins.toolkit as tk

from ckanext.tokyo.base.i18n import N_
from ckanext.tokyo.metadata.helpers import page_lang
from ckanext.tokyo.validation import messages

from . import resources, statuses, summary

FACET = "validation_status"  # dataset-level: the worst status of its resources

SEVERITY_ORDER = ("error", "warning", "info")
SEVERITY_LABELS = {"error": N_("Error"), "warning": N_("Warning"), "info": N_("Notice")}


def lang() -> str:
    """The page's language as "en" or "ja" (any other: "ja"): which of a
    report's message/message_en (data) to show."""
    return "en" if page_lang() == "en" else "ja"


def facet_title() -> str:
    return tk._("Data validation")


def status_label(status: Optional[str]) -> str:
    return tk._(statuses.label(status))


def badge(resource: dict[str, Any]) -> Optional[dict[str, str]]:
    """{"status", "label", "css"} for a resource with a validation status."""
    status = resource.get(resources.STATUS_KEY)
    if not status:
        return None
    return {"status": status, "label": status_label(status), "css": statuses.badge_class(status)}


def dataset_badge(package: dict[str, Any]) -> Optional[dict[str, str]]:
    """The badge of a dataset: the worst status of its resources (as the
    validation_status facet counts it), for the search results."""
    status = statuses.worst(r.get(resources.STATUS_KEY) for r in package.get("resources") or [])
    return badge({resources.STATUS_KEY: status}) if status else None


def can_run(package: dict[str, Any]) -> bool:
    return tk.h.check_access("package_update", {"id": package.get("id")})


def severity_label(severity: str) -> str:
    return tk._(SEVERITY_LABELS[severity]) if severity in SEVERITY_LABELS else severity


# Search index and facets


def label_facet_items(search_results: dict[str, Any]) -> dict[str, Any]:
    facet = (search_results.get("search_facets") or {}).get(FACET)
    if facet:
        for item in facet.get("items", []):
            item["display_name"] = status_label(item.get("name"))
    return search_results


# Report page

def rule_text(code: str, language: Optional[str] = None) -> tuple[str, str]:
    """(title, general fix hint) of a rule, from the messages module."""
    language = "en" if (language or lang()) == "en" else "ja"
    return messages.title(code, language), messages.rule_hint(code, language)


def row_context(context: dict[str, Any], row: Optional[int], field: Optional[str]) -> list[dict[str, Any]]:
    """The finding's row as written in the file, one {"label", "value",
    "here"} per column ("here": the finding's column); [] when the report
    kept no copy of the row (only the first rows with findings are kept)."""
    cells = (context.get("rows") or {}).get(str(row)) if row is not None else None
    if not cells:
        return []
    header = list(context.get("header") or [])
    header += [""] * (len(cells) - len(header))
    here = header.index(field) if field in header else None
    return [{"label": label, "value": cells[n] if n < len(cells) else "", "here": n == here}
            for n, label in enumerate(header)]


def group_findings(report: Optional[dict[str, Any]], language: Optional[str] = None) -> list[dict[str, Any]]:
    """Findings grouped by rule, errors first, each rule with its title, fix
    hint and total count.

    A rule's `columns` are the report's summary (`groups`: one per rule and
    column, with its count, first rows and example values) — what the page
    shows, however many findings a file has. Reports stored before the
    summary existed have none; the page then lists the rule's `items`, the
    findings as stored (each with its own `value` and `hint` where the
    report has them, and its row as written: `context`). The rule's hint is
    the one its findings share, else the rule's general hint."""
    if not report:
        return []
    en = (language or lang()) == "en"
    totals = (report.get("stats") or {}).get("by_code") or {}
    context = report.get("context") or {}
    groups: OrderedDict[str, dict[str, Any]] = OrderedDict()

    def rule(code: str, severity: str) -> dict[str, Any]:
        group = groups.get(code)
        if group is None:
            group = groups[code] = {"code": code, "severity": severity or "error", "items": [], "columns": []}
        return group

    for finding in report.get("findings") or []:
        rule(finding.get("code") or "?", finding.get("severity"))["items"].append({
            "row": finding.get("row"), "field": finding.get("field"),
            "value": finding.get("value"),
            "hint": finding.get("hint_en" if en else "hint") or "",
            "message": finding.get("message_en" if en else "message") or finding.get("message") or "",
            "context": row_context(context, finding.get("row"), finding.get("field")),
        })
    for column in report.get("groups") or []:
        count = int(column.get("count") or 0)
        rows = list(column.get("rows") or [])
        rule(column.get("code") or "?", column.get("severity"))["columns"].append({
            "field": column.get("field"), "count": count, "values": list(column.get("values") or []),
            "first_row": rows[0] if rows else None,
            "context": row_context(context, rows[0], column.get("field")) if rows else [],
            "rows": ", ".join(str(r) for r in rows) + (" …" if count > len(rows) and rows else ""),
            "hint": column.get("hint_en" if en else "hint") or "",
            "message": column.get("message_en" if en else "message") or column.get("message") or "",
        })
    for group in groups.values():
        title, general_hint = rule_text(group["code"], "en" if en else "ja")
        hints = {item["hint"] for item in group["columns"] or group["items"]}
        group["title"] = title
        group["hint"] = hints.pop() if len(hints) == 1 and "" not in hints else general_hint
        group["total"] = max(int(totals.get(group["code"], 0) or 0), len(group["items"]),
                             sum(c["count"] for c in group["columns"]))
        group["severity_label"] = severity_label(group["severity"])
    order = {s: n for n, s in enumerate(SEVERITY_ORDER)}
    return sorted(groups.values(), key=lambda g: (order.get(g["severity"], 9), -g["total"], g["code"]))


TOTALS_TTL = 300  # seconds: the home page shows the public figures, a little late at worst
_totals: dict[str, Any] = {}


def public_totals() -> dict[str, Any]:
    """The catalog-wide figures over public datasets (the home page's share
    of files that meet the standard), computed at most every TOTALS_TTL s
    per process."""
    if not _totals or time.monotonic() - _totals["at"] > TOTALS_TTL:
        _totals.update(at=time.monotonic(), value=summary.summary(summary.Scope())["totals"])
    return _totals["value"]


def get_helpers() -> dict[str, Any]:
    return {
        "tokyo_validation_totals": public_totals,
        "tokyo_validation_badge": badge,
        "tokyo_validation_dataset_badge": dataset_badge,
        "tokyo_validation_badge_class": statuses.badge_class,
        "tokyo_validation_status_label": status_label,
        "tokyo_validation_can_run": can_run,
        "tokyo_validation_eligible": resources.eligible,
    }
