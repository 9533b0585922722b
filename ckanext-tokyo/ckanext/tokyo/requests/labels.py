"""What people read for the codes of the data-request workflow (gettext;
Japanese in i18n/ja), and the wording of its problems."""
from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.tokyo.base import data_requests as workflow


def status(code: str) -> str:
    return {
        workflow.RECEIVED: tk._("Received"),
        workflow.CONSIDERING: tk._("Under consideration"),
        workflow.PLANNED: tk._("Publication planned"),
        workflow.PUBLISHED: tk._("Published"),
        workflow.REJECTED: tk._("Cannot be published"),
    }.get(code, code)


STATUS_CSS = {
    workflow.RECEIVED: "bg-secondary", workflow.CONSIDERING: "bg-info text-dark",
    workflow.PLANNED: "bg-primary", workflow.PUBLISHED: "bg-success", workflow.REJECTED: "bg-dark",
}


def user_type(code: str) -> str:
    return {
        "business": tk._("Businesses"),
        "civic_tech": tk._("Civic tech"),
        "research": tk._("Research and education"),
        "media": tk._("Media"),
        "citizen": tk._("Residents"),
        "government": tk._("Public sector"),
        "other": tk._("Other"),
    }.get(code, code)


def moderation_reason(code: str) -> str:
    return {
        "spam": tk._("Spam"),
        "personal_data": tk._("Personal data"),
        "offensive": tk._("Offensive content"),
        "other": tk._("Other"),
    }.get(code, code)


def sort(code: str) -> str:
    return {"support": tk._("Most supported"), "newest": tk._("Newest"),
            "updated": tk._("Recently updated")}.get(code, code)


def field(name: str) -> str:
    return {
        "title": tk._("What data"), "description": tk._("Details"), "purpose": tk._("Why"),
        "user_types": tk._("Who would use it"), "categories": tk._("Category"), "areas": tk._("Area"),
        "organization": tk._("Organisation"), "status": tk._("Status"), "note": tk._("Note"),
        "dataset": tk._("Dataset"), "text": tk._("Comment"), "reason": tk._("Reason"),
    }.get(name, name)


def problem(item: workflow.Problem) -> str:
    limit = workflow.LIMITS.get(item.field, 0)
    return {
        "required": tk._("Please fill this in"),
        "too_long": tk._("Please use at most %(limit)s characters") % {"limit": limit},
        "unknown_value": tk._("Unknown value"),
        "transition": tk._("This status cannot follow the current one"),
        "reason_required": tk._("Give the reason why the data cannot be published"),
        "dataset_required": tk._("Link the published dataset"),
    }.get(item.code, item.code)


def errors(problems: list[workflow.Problem]) -> dict[str, list[str]]:
    """ValidationError's shape: field → messages."""
    out: dict[str, list[str]] = {}
    for item in problems:
        out.setdefault(item.field, []).append(problem(item))
    return out
