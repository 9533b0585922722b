"""Template helpers of tokyo_requests: labels in the page's language, the
choices of the request form, and the recent requests for the home page
(``tokyo_requests/snippets/recent_requests.html``)."""
from __future__ import annotations

from typing import Any

import ckan.plugins.toolkit as tk

from ckanext.tokyo.base import codelists, data_requests as workflow, identifiers
from ckanext.tokyo.metadata.helpers import page_lang

from . import labels


def _lang() -> str:
    return "en" if page_lang() == "en" else "ja"


def category_label(code: str) -> str:
    category = codelists.category(code)
    return category.label[_lang()] if category else code


def area_label(code: str) -> str:
    lg = identifiers.tokyo_local_government(code)
    return lg.name_in(_lang()) if lg else code


def organization_title(org: dict[str, Any] | None) -> str:
    """An organisation's title on this page (``title_en`` on English pages)."""
    if not org:
        return ""
    return (org.get("title_en") if _lang() == "en" else None) or org.get("title") or org.get("name") or ""


def package_title(pkg: dict[str, Any] | None) -> str:
    if not pkg:
        return ""
    translated = pkg.get("title_translated") or {}
    return translated.get(_lang()) or translated.get("ja") or pkg.get("title") or pkg.get("name") or ""


def organizations() -> list[dict[str, Any]]:
    """The organisations a request can go to, by title in the page's language."""
    from ckanext.tokyo.compat import group_extras

    names = tk.get_action("organization_list")({"ignore_auth": True}, {})
    groups = group_extras(names=names)
    items = [{"id": g["id"], "name": g["name"], "title": g["title"],
              "title_en": g["extras"].get("title_en") or ""} for g in groups.values()]
    return sorted(items, key=lambda o: o["name"])


def choices(kind: str) -> list[dict[str, str]]:
    """value/label pairs for the form's selects and the list's filters."""
    if kind == "status":
        return [{"value": s, "label": labels.status(s)} for s in workflow.STATUSES]
    if kind == "answer":
        return [{"value": s, "label": labels.status(s)} for s in workflow.STATUSES if s != workflow.RECEIVED]
    if kind == "user_types":
        return [{"value": u, "label": labels.user_type(u)} for u in workflow.USER_TYPES]
    if kind == "categories":
        return [{"value": c.code, "label": c.label[_lang()]} for c in codelists.categories()]
    if kind == "areas":
        return [{"value": lg.code, "label": lg.name_in(_lang())} for lg in identifiers.tokyo_local_governments()]
    if kind == "sort":
        return [{"value": s, "label": labels.sort(s)} for s in workflow.SORTS]
    if kind == "moderation":
        return [{"value": r, "label": labels.moderation_reason(r)} for r in workflow.MODERATION_REASONS]
    if kind == "organizations":
        return [{"value": o["name"], "label": organization_title(o)} for o in organizations()]
    raise ValueError(kind)


def join_labels(kind: str, codes: list[str]) -> str:
    """The labels of some codes, listed the page's way (、 or ", ")."""
    label = {"user_types": labels.user_type, "categories": category_label, "areas": area_label}[kind]
    return ("、" if _lang() == "ja" else ", ").join(label(code) for code in codes or [])


def recent(limit: int = 5, sort: str = "newest") -> list[dict[str, Any]]:
    """Requests for the home page; [] when the tables are not there yet."""
    try:
        return tk.get_action("tokyo_data_request_list")(
            {"user": tk.current_user.name if tk.current_user.is_authenticated else ""},
            {"limit": limit, "sort": sort})["results"]
    except tk.ValidationError:
        return []


def can(action: str, request_id: str) -> bool:
    return tk.h.check_access(action, {"id": request_id})


def get_helpers() -> dict[str, Any]:
    return {
        "tokyo_request_status_label": labels.status,
        "tokyo_request_status_css": lambda code: labels.STATUS_CSS.get(code, "bg-secondary"),
        "tokyo_request_user_type_label": labels.user_type,
        "tokyo_request_moderation_label": labels.moderation_reason,
        "tokyo_request_field_label": labels.field,
        "tokyo_request_category_label": category_label,
        "tokyo_request_area_label": area_label,
        "tokyo_request_org_title": organization_title,
        "tokyo_request_package_title": package_title,
        "tokyo_request_choices": choices,
        "tokyo_request_labels": join_labels,
        "tokyo_request_can": can,
        "tokyo_recent_requests": recent,
    }
