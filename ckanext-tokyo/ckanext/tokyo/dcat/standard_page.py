"""``/standard/<id>``: a standard dataset's definition, the target of
``dct:conformsTo``. Programs get its Table Schema as JSON (``Accept:
application/json``, anything not asking for HTML, or ``/standard/<id>.json``);
people get a page of its items: name, English name, type, whether required,
format and an example."""
from __future__ import annotations

import json

from flask import Response

import ckan.plugins.toolkit as tk

from ckanext.tokyo.base import standards
from ckanext.tokyo.base.i18n import N_
from ckanext.tokyo.metadata.helpers import page_lang, standard_label

REQUIREMENTS = {"required": N_("Required"), "recommended": N_("Recommended"), "optional": N_("Optional")}
# x-format of an item → (what it is, an example of a valid value)
FORMATS = {
    "number": (N_("Number"), "120"),
    "url": (N_("URL"), "https://www.city.shinjuku.lg.jp/"),
    "lg-code": (N_("Local government code, 6 digits"), "131041"),
    "corporate-number": (N_("Corporate number, 13 digits"), "7000020131041"),
    "time": (N_("Time"), "09:00"),
    "date": (N_("Date (YYYY-MM-DD)"), "2024-04-01"),
    "latitude": (N_("Latitude in decimal degrees"), "35.693840"),
    "longitude": (N_("Longitude in decimal degrees"), "139.703549"),
    "phone": (N_("Telephone number with hyphens"), "03-3209-1111"),
    "postal-code": (N_("Postal code"), "160-8484"),
    "email": (N_("Email address"), "info@example.jp"),
    "kana": (N_("Full-width katakana"), "シンジュククヤクショ"),
    "yes-no": (N_("Yes or no, written 有 or 無"), "有"),
    "weekdays": (N_("Days of the week"), "月火水木金"),
    "town-id": (N_("Town ID of the address base registry"), "0001001"),
    "poi-code": (N_("Facility type code"), ""),
}


def _wants_html() -> bool:
    best = tk.request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "text/html" and tk.request.accept_mimetypes["text/html"] > tk.request.accept_mimetypes[
        "application/json"]


def standard(schema_id: str):
    as_json = schema_id.endswith(".json")
    schema_id = schema_id.removesuffix(".json")
    try:
        descriptor = standards.descriptor(schema_id)
    except KeyError:
        return tk.abort(404, tk._("Standard not found"))
    if as_json or not _wants_html():
        response = Response(json.dumps(descriptor, ensure_ascii=False, indent=2), mimetype="application/json")
        response.headers["Vary"] = "Accept"
        return response
    info = standards.info(schema_id)
    lang = "en" if page_lang() == "en" else "ja"
    items = []
    for number, field in enumerate(descriptor["fields"], start=1):
        kind, example = FORMATS.get(field.get("x-format") or "", ("", ""))
        items.append({
            "number": number, "name": field["name"], "name_en": field.get("title_en") or "",
            "type": field.get("type", "string"), "requirement": field.get("x-requirement", "optional"),
            "requirement_label": tk._(REQUIREMENTS.get(field.get("x-requirement", "optional"), "Optional")),
            "format": tk._(kind) if kind else "", "example": example,
            "enum": (field.get("constraints") or {}).get("enum") or [],
            "description": field.get("description") or "",
        })
    response = Response(tk.render("tokyo_dcat/standard.html", extra_vars={
        "schema_id": schema_id, "info": info, "title": standard_label(schema_id)[lang], "items": items,
        "json_url": tk.h.url_for("tokyo_dcat.standard", schema_id=schema_id + ".json"),
    }))
    response.headers["Vary"] = "Accept"
    return response
