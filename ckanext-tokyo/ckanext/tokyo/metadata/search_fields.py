"""What the dataset search indexes beyond CKAN's fields, and the fields it
queries (CKAN-free, so bench/japanese_search_eval.py builds the same index
documents and queries as the catalog).

* ``title_en`` / ``notes_en`` / ``text_en``: the English parts of the
  bilingual fields, analysed as English (config/solr/build_schema.py);
  ``title`` and ``notes`` (the Japanese parts) keep the Japanese analysis.
* ``title_reading``: the title's readings in katakana, filled by Solr from
  ``title``; a query in kana finds a title in kanji or katakana.
* ``groups``: the dataset's categories, so a category page (a CKAN group)
  lists the datasets whose ``category`` field names it.
"""
from __future__ import annotations

from typing import Any

from ckanext.tokyo.base.values import translated

# CKAN's qf (ckan/lib/search/query.py: "name^4 title^4 tags^2 groups^2 text")
# plus the English and reading fields.
QUERY_FIELDS = "name^4 title^4 title_en^4 title_reading^2 tags^2 groups^2 text text_en"

ENGLISH = "en"


def _texts(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [v.strip() for v in items if isinstance(v, str) and v.strip()]


def english_fields(pkg_dict: dict) -> dict[str, Any]:
    """title_en, notes_en and text_en (English keywords) of a dataset dict,
    for those it has."""
    out: dict[str, Any] = {}
    for field, index_field in (("title_translated", "title_en"), ("notes_translated", "notes_en")):
        texts = _texts(translated(pkg_dict.get(field)).get(ENGLISH))
        if texts:
            out[index_field] = texts[0]
    keywords = _texts(translated(pkg_dict.get("tags_translated")).get(ENGLISH))
    if keywords:
        out["text_en"] = keywords
    return out


def groups_with_categories(groups: list[str] | None, categories: list[str]) -> list[str]:
    """The index's ``groups``: CKAN's memberships plus the category codes."""
    out = list(groups or [])
    out += [code for code in categories if code not in out]
    return out
