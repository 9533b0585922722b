"""What the home page shows: the categories with their dataset counts, the
newest and the most-used datasets (template helpers)."""
from __future__ import annotations

import logging
from typing import Any

import ckan.plugins.toolkit as tk
from ckan.lib.search import SearchError

from ckanext.tokyo.base import codelists
from ckanext.tokyo.metadata.helpers import page_lang

from . import site

log = logging.getLogger(__name__)
CATEGORY_FIELD = "vocab_tokyo_category"  # metadata/search.py indexes the categories here
SHOWN = 5


def _search(**params: Any) -> dict[str, Any]:
    return tk.get_action("package_search")({}, {"include_private": False, **params})


def categories() -> list[dict[str, Any]]:
    """Every category of the code list, with its name in the page's
    language, its dataset count and where it leads: its category page
    (the CKAN group of the same code) where one exists, else the search."""
    lang = page_lang()
    facets = _search(rows=0, **{"facet.field": [CATEGORY_FIELD], "facet.limit": -1})["facets"].get(CATEGORY_FIELD, {})
    groups = set(tk.get_action("group_list")({}, {}))
    out = []
    for category in codelists.categories():
        if category.code in groups:
            url = tk.h.url_for("group.read", id=category.code)
        else:
            url = tk.h.url_for("dataset.search", **{CATEGORY_FIELD: category.code})
        out.append({"code": category.code, "title": category.en if lang == "en" else category.ja,
                    "count": facets.get(category.code, 0), "url": url})
    return out


def newest(rows: int = SHOWN) -> list[dict[str, Any]]:
    return _search(rows=rows, sort="metadata_created desc")["results"]


def most_used(rows: int = SHOWN) -> dict[str, Any]:
    """{"ranked": bool, "datasets": [...]}: by page views (the configured
    sort, once some dataset has been viewed), else the recently updated."""
    sort = site.option("popular_sort")
    if sort:
        field = sort.split()[0]
        try:
            if _search(rows=0, fq=f"{field}:[1 TO *]")["count"]:  # page views counted
                return {"ranked": True, "datasets": _search(rows=rows, sort=sort)["results"]}
        except SearchError:
            log.debug("home page: the index cannot sort by %r; showing recent updates", sort)
    return {"ranked": False, "datasets": _search(rows=rows, sort="metadata_modified desc")["results"]}


def dataset_count() -> int:
    return _search(rows=0)["count"]


def helpers() -> dict[str, Any]:
    return {
        "tokyo_home_categories": categories,
        "tokyo_home_newest": newest,
        "tokyo_home_most_used": most_used,
        "tokyo_home_dataset_count": dataset_count,
        "tokyo_site_text": site.text,
    }
