"""What the dataset search suggests when it finds nothing: the query's
words one by one, the query without the filters chosen, and the categories
to browse; each with the number of datasets it finds, so a suggestion
never leads to another empty page."""
from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.tokyo.base import codelists

MAX_WORDS = 5


def _count(q: str = "", fq: str = "") -> int:
    data = {"q": q, "rows": 0, "include_private": True}
    if fq:
        data["fq"] = fq
    try:
        return tk.get_action("package_search")({}, data)["count"]
    except tk.ValidationError:  # a query Solr cannot parse
        return 0


def _category_counts() -> dict[str, int]:
    result = tk.get_action("package_search")({}, {
        "rows": 0, "include_private": True, "facet.field": ["vocab_tokyo_category"], "facet.limit": -1})
    return result.get("facets", {}).get("vocab_tokyo_category", {})


def suggestions(q: str, filtered: bool) -> dict:
    """{words: [{q, count}], without_filters: count or 0, categories: [{code, count}]}
    for a search (``q``, with facet filters or not) that found nothing."""
    q = (q or "").strip()
    words = []
    parts = q.split()
    if len(parts) > 1:
        for word in parts[:MAX_WORDS]:
            count = _count(word)
            if count:
                words.append({"q": word, "count": count})
    without = _count(q) if q and filtered else 0
    counts = _category_counts()
    categories = [{"code": c.code, "count": counts[c.code]} for c in codelists.categories() if counts.get(c.code)]
    categories.sort(key=lambda c: -c["count"])
    return {"words": words, "without_filters": without, "categories": categories}
