"""Template helpers and labels of tokyo_quality (strings through gettext)."""
from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.tokyo.quality import model, mqa, store

FACET = "metadata_quality"


def rating_label(rating: str) -> str:
    return {"excellent": tk._("Excellent"), "good": tk._("Good"), "sufficient": tk._("Sufficient"),
            "bad": tk._("Bad")}.get(rating, rating)


def dimension_label(dimension: str) -> str:
    return {"findability": tk._("Findability"), "accessibility": tk._("Accessibility"),
            "interoperability": tk._("Interoperability"), "reusability": tk._("Reusability"),
            "contextuality": tk._("Contextuality")}.get(dimension, dimension)


def facet_title() -> str:
    return tk._("Metadata quality")


def dataset_quality(pkg_dict: dict) -> dict | None:
    """The stored score of a dataset for its page: rating, dimensions and
    what to add, the largest gain first."""
    if not pkg_dict or not pkg_dict.get("id") or not model.tables_exist():
        return None
    details = store.stored(pkg_dict["id"])
    if not details:
        return None
    hints = []
    for key, found in details["indicators"].items():
        gain = found["max"] - found["points"]
        if gain > 0:
            hint = tk._(mqa.BY_KEY[key].hint) if key in mqa.BY_KEY else key
            if not found.get("checked", True):
                hint = tk._("Resource URLs not checked yet")
            hints.append({"key": key, "gain": gain, "hint": hint})
    hints.sort(key=lambda h: -h["gain"])
    return {
        "score": details["score"], "max": details["max"], "rating": details["rating"],
        "rating_label": rating_label(details["rating"]),
        "dimensions": [{"name": d, "label": dimension_label(d), **details["dimensions"][d]}
                       for d in mqa.DIMENSIONS],
        "hints": hints,
    }


def label_facet_items(search_results: dict) -> dict:
    facet = (search_results.get("search_facets") or {}).get(FACET)
    for item in (facet or {}).get("items", []):
        item["display_name"] = rating_label(item["name"])
    return search_results


def helpers() -> dict:
    return {"tokyo_metadata_quality": dataset_quality,
            "tokyo_metadata_quality_summary": store.summary,
            "tokyo_metadata_rating_label": rating_label}
