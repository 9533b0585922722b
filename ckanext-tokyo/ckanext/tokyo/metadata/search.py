"""Facets, indexing and querying of the Tokyo fields (IFacets,
IPackageController).

The coded fields are indexed into multi-valued ``vocab_tokyo_*`` Solr fields
(the ``vocab_*`` dynamic field), and facet items get their ja/en labels
(licences and organisations too: ``title_en`` on English pages). The
English, reading and category fields: ``search_fields``.
"""
from __future__ import annotations

import json
from collections import OrderedDict

from ckan.common import _
from ckan.lib.i18n import get_lang

from ckanext.tokyo.base.values import value_list
from ckanext.tokyo.metadata import helpers, organizations, search_fields

# index field → the dataset field it comes from
INDEXED = {
    "vocab_tokyo_category": "category",
    "vocab_tokyo_frequency": "frequency",
    "vocab_tokyo_conforms_to": "conforms_to",
}


def facet_titles() -> OrderedDict[str, str]:
    return OrderedDict([
        ("vocab_tokyo_category", _("Category")),
        ("organization", _("Organizations")),
        ("vocab_tokyo_frequency", _("Update frequency")),
        ("vocab_tokyo_conforms_to", _("Standard dataset")),
        ("license_id", _("Licenses")),
        ("res_format", _("Formats")),
    ])


def dataset_facets(facets_dict):
    """Our facets first, in order; any added by other plugins (e.g.
    validation status) stay after them."""
    ours = facet_titles()
    for key, title in facets_dict.items():
        if key not in ours and key not in ("tags", "groups"):
            ours[key] = title
    facets_dict.clear()
    facets_dict.update(ours)
    return facets_dict


def before_dataset_index(pkg_dict: dict) -> dict:
    for index_field, field in INDEXED.items():
        values = value_list(pkg_dict.get(field), split=None)
        if values:
            pkg_dict[index_field] = values
    pkg_dict["groups"] = search_fields.groups_with_categories(
        pkg_dict.get("groups"), pkg_dict.get("vocab_tokyo_category") or [])
    pkg_dict.update(search_fields.english_fields(pkg_dict))
    # Repeating subfields (contact, spatial_coverage, temporal_coverage) reach
    # the index as lists of dicts, which Solr would take for child documents:
    # store them as JSON text (what scheming_nerf_index does), and the areas
    # as their own multi-valued field (the index gets them as scheming's
    # stored JSON text, or as lists).
    areas = [a["uri"] for a in value_list(pkg_dict.get("spatial_coverage")) if isinstance(a, dict) and a.get("uri")]
    if areas:
        pkg_dict["vocab_tokyo_spatial"] = areas
    for key, value in list(pkg_dict.items()):
        if isinstance(value, dict) or (isinstance(value, list) and any(isinstance(v, dict) for v in value)):
            pkg_dict[key] = json.dumps(value, ensure_ascii=False)
    return pkg_dict


def before_dataset_search(search_params: dict) -> dict:
    """Query the English and reading fields too (unless the caller chose
    its own query fields)."""
    search_params.setdefault("qf", search_fields.QUERY_FIELDS)
    return search_params


def after_dataset_search(search_results: dict, search_params: dict) -> dict:
    try:
        lang = get_lang()
    except Exception:  # outside a request
        lang = "ja"
    facets = search_results.get("search_facets") or {}
    for index_field, field in INDEXED.items():
        for item in facets.get(index_field, {}).get("items", []):
            item["display_name"] = helpers.tokyo_value_label(field, item["name"], lang)
    for item in facets.get("license_id", {}).get("items", []):
        item["display_name"] = helpers.tokyo_license_title(item["name"], lang) or item["display_name"]
    if lang == "en":  # CKAN shows the organisations' (Japanese) titles
        items = facets.get("organization", {}).get("items", [])
        results = [r["organization"] for r in search_results.get("results") or [] if r.get("organization")]
        titles = organizations.titles_en([item["name"] for item in items] + [org["name"] for org in results])
        for item in items:
            item["display_name"] = titles.get(item["name"], item["display_name"])
        for org in results:  # the publisher on each result (one query for the page)
            org.setdefault("title_en", titles.get(org["name"], ""))
    return search_results

