"""Organisations' English names (``title_en``, an extra of the Tokyo
organisation schema) for pages in English: the dataset page's sidebar and
breadcrumb, and the organisation facet; and /organization as a directory of
bureaus and municipalities (``sections``)."""
from __future__ import annotations

from typing import Iterable

import ckan.plugins.toolkit as tk

from ckanext.tokyo import compat
from ckanext.tokyo.base import identifiers

TITLE_EN = "title_en"


def titles_en(names: Iterable[str]) -> dict[str, str]:
    """name → title_en of the active organisations among ``names`` that have
    one (one or two queries)."""
    groups = compat.group_extras(names=names)
    return {name: group["extras"][TITLE_EN].strip() for name, group in groups.items()
            if (group["extras"].get(TITLE_EN) or "").strip()}


SECTION_ORDER = ("bureau", "ward", "city", "town_village", "other")


def _section_titles() -> dict[str, str]:
    return {"bureau": tk._("Bureaus of the Tokyo Metropolitan Government"),
            "municipality": tk._("Municipalities"),
            "ward": tk._("Special wards"), "city": tk._("Cities"),
            "town_village": tk._("Towns and villages"), "other": tk._("Other organisations")}


def _dataset_counts() -> dict[str, int]:
    """Datasets per organisation id that the current user may see."""
    result = tk.get_action("package_search")({}, {
        "rows": 0, "include_private": True, "facet.field": ["owner_org"], "facet.limit": -1})
    return result.get("facets", {}).get("owner_org", {})


def sections(lang: str) -> list[dict]:
    """/organization as a directory: the bureaus of the Tokyo Metropolitan
    Government, then the municipalities (special wards, cities, towns and
    villages, in the order of their codes), then any other organisation.
    [{heading, parts: [{heading or None, organizations: [{name, title, count}]}]}]"""
    names = tk.get_action("organization_list")({}, {"limit": 1000})
    groups = compat.group_extras(names=names)
    counts = _dataset_counts()
    by_kind: dict[str, list[tuple[str, dict]]] = {kind: [] for kind in SECTION_ORDER}
    for name, group in groups.items():
        extras = group["extras"]
        lg_code = extras.get("local_government_code") or ""
        kind = identifiers.organization_kind(name, lg_code, extras.get("parent_organization") or "")
        title = group["title"] or name
        if lang == "en" and (extras.get(TITLE_EN) or "").strip():
            title = extras[TITLE_EN].strip()
        sort_key = lg_code if kind in ("ward", "city", "town_village") and lg_code else name
        by_kind[kind].append((sort_key, {"name": name, "title": title, "count": counts.get(group["id"], 0)}))
    titles = _section_titles()

    def part(kind: str, heading: str | None) -> dict:
        return {"heading": heading, "organizations": [org for _, org in sorted(by_kind[kind], key=lambda x: x[0])]}

    out = [{"heading": titles["bureau"], "parts": [part("bureau", None)]},
           {"heading": titles["municipality"],
            "parts": [part(k, titles[k]) for k in ("ward", "city", "town_village")]},
           {"heading": titles["other"], "parts": [part("other", None)]}]
    for section in out:
        section["parts"] = [p for p in section["parts"] if p["organizations"]]
    return [s for s in out if s["parts"]]
