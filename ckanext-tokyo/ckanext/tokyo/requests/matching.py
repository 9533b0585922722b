"""Which inventory records and datasets may answer a data request.

The request's title and details go through the catalog's own Japanese
analysis (Solr's field type ``text``: Kuromoji, docs/japanese-search.md) by
Solr's field-analysis handler, so 避難所 gives the tokens 避難 / 所 exactly
as an indexed 指定緊急避難場所一覧 gives 指定 / 緊急 / 避難 / 場所 / 一覧.
The useful tokens (base.data_requests.match_terms) become one query through
``package_search``, so CKAN's permission labels decide what the caller may
see: inventory records only inside the city, private datasets only in their
organisation. Shared categories and areas raise a record's rank.
"""
from __future__ import annotations

from typing import Any

import requests

import ckan.plugins.toolkit as tk
from ckan.lib.search.common import make_connection

from ckanext.tokyo.base import data_requests as workflow, identifiers

# The types searched: published datasets and inventory records (the latter
# only exist with tokyo_inventory).
TYPES = ("dataset", "inventory")
FIELD_TYPE = "text"


class MatchingUnavailable(Exception):
    """Solr could not analyse the request's text."""


def analysed_tokens(text: str) -> list[str]:
    """The tokens Solr's index analysis of the ``text`` field type gives: the
    request's own words, without the query-time synonyms (which would let
    住所 match every 所在地 list)."""
    conn = make_connection()
    try:
        response = requests.get(
            conn.url.rstrip("/") + "/analysis/field",
            params={"analysis.fieldtype": FIELD_TYPE, "analysis.fieldvalue": text, "wt": "json"},
            timeout=conn.timeout or 10)
        response.raise_for_status()
        stages = response.json()["analysis"]["field_types"][FIELD_TYPE]["index"]
    except (requests.RequestException, ValueError, KeyError) as error:
        raise MatchingUnavailable(str(error)) from error
    final = next((stage for stage in reversed(stages) if isinstance(stage, list)), [])
    return [token["text"] for token in final if token.get("text")]


def _area_uris(codes: list[str]) -> list[str]:
    return [identifiers.sac_uri(code) for code in codes if identifiers.is_lg_code(code)]


def matches(request: Any, context: dict[str, Any], limit: int) -> dict[str, Any]:
    try:
        terms = workflow.match_terms(analysed_tokens(f"{request.title}\n{request.description}"))
    except MatchingUnavailable:
        raise tk.ValidationError(
            {"matching": [tk._("The search service is not available; try again later")]}) from None
    query = workflow.match_query(terms, list(request.categories or []), _area_uris(list(request.areas or [])))
    if not query:
        return {"terms": [], "results": []}
    found = tk.get_action("package_search")(
        {"user": context.get("user"), "ignore_auth": context.get("ignore_auth")},
        {"q": query, "defType": "lucene", "fq": "+dataset_type:({})".format(" OR ".join(TYPES)),
         "include_private": True, "rows": 2 * limit, "sort": "score desc"})
    categories, areas = set(request.categories or []), set(_area_uris(list(request.areas or [])))
    results = []
    for pkg in found["results"]:
        text = " ".join(str(pkg.get(k) or "") for k in ("title", "notes")).lower()
        matched = [t for t in terms if t.lower() in text]
        if not matched:
            continue  # found through a search synonym only (住所 → 所在地): the request's own words decide
        pkg_areas = {a.get("uri") for a in pkg.get("spatial_coverage") or [] if isinstance(a, dict)}
        results.append({
            "id": pkg["id"], "name": pkg["name"], "type": pkg.get("type"), "title": pkg.get("title"),
            "title_translated": pkg.get("title_translated") or {}, "private": pkg.get("private"),
            "organization": {k: (pkg.get("organization") or {}).get(k) for k in ("id", "name", "title")},
            "openness": pkg.get("openness"),
            "matched_terms": matched,
            "shared_categories": sorted(categories & set(pkg.get("category") or [])),
            "shared_areas": sorted(areas & pkg_areas),
        })
    return {"terms": terms, "results": results[:limit]}
