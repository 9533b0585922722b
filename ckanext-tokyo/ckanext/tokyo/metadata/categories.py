"""Categories as pages: one CKAN group per category of the code list
(``ckan tokyo categories sync``), found by the IRIs the DCAT feed writes
(``codelists.category_uri``: ``<site>/group/<code>``).

Membership is not stored twice: a dataset's ``category`` field is the truth
and ``search.before_dataset_index`` adds its codes to the index's ``groups``,
so a category page, its dataset count and the group list all follow the
field. Labels come from the code list, in the page's language.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import ckan.plugins.toolkit as tk

from ckanext.tokyo.base import codelists


@dataclass
class SyncResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    # c0NN groups of the site that the code list does not have (left alone)
    unknown: list[str] = field(default_factory=list)


def group_dict(cat: codelists.Category) -> dict:
    """What the CKAN group of a category holds (Japanese, the site's default
    language; the pages read both languages from the code list)."""
    return {"name": cat.code, "title": cat.ja,
            "description": (cat.description or {}).get("ja", "")}


def sync(context: dict) -> SyncResult:
    """Create or update the group of every category (idempotent)."""
    result = SyncResult()
    # names only: group_list with all_fields stops at 25 groups (ckan.group_and_organization_list_all_fields_max)
    existing = set(tk.get_action("group_list")(dict(context), {"limit": 1000}))
    wanted = {cat.code: group_dict(cat) for cat in codelists.categories()}
    for code, data in wanted.items():
        have = tk.get_action("group_show")(dict(context), {"id": code}) if code in existing else None
        if have is None:
            tk.get_action("group_create")(dict(context), data)
            result.created.append(code)
        elif any((have.get(k) or "") != v for k, v in data.items()):
            tk.get_action("group_patch")(dict(context), dict(data, id=have["id"]))
            result.updated.append(code)
        else:
            result.unchanged.append(code)
    result.unknown = sorted(n for n in existing if n not in wanted and codelists.CATEGORY_CODE.match(n))
    return result


def category_of_group(group: dict) -> codelists.Category | None:
    return codelists.category((group or {}).get("name") or "")


def title(group: dict, lang: str) -> str:
    """A group's name in the page's language: the code list's for a category."""
    cat = category_of_group(group)
    if cat:
        return cat.en if lang == "en" else cat.ja
    return (group or {}).get("display_name") or (group or {}).get("title") or (group or {}).get("name", "")


def description(group: dict, lang: str) -> str:
    cat = category_of_group(group)
    if cat:
        return (cat.description or {}).get(lang, "")
    return (group or {}).get("description") or ""


def sections(groups: list[dict]) -> list[tuple[str, list[dict]]]:
    """The group list of /group in sections: today's categories, those of
    the 2021-22 catalog, other groups; empty sections left out."""
    def status(group):
        cat = category_of_group(group)
        return cat.status if cat else None

    groups = sorted(groups, key=lambda g: g.get("name") or "")
    out = [(tk._("Categories"), [g for g in groups if status(g) == "current"]),
           (tk._("Categories of the 2021-22 catalog"), [g for g in groups if status(g) == "historic"]),
           (tk._("Other groups"), [g for g in groups if status(g) is None])]
    return [(heading, items) for heading, items in out if items]
