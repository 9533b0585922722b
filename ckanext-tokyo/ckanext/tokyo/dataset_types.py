"""Dataset types that are not published datasets: inventory records
(tokyo_inventory) and use cases (tokyo_usecases).

CKAN's search finds every type. The dataset search page asks for its own
type, but organisation pages, the API, the home page's counts and the DCAT
catalog do not: they would list use cases as datasets, and show inventory
records to organisation members among the published data. A search that
does not name such a type leaves it out; one that asks for it
(``fq=dataset_type:inventory``, the type's own search page) gets it.
"""
from __future__ import annotations

import re
from typing import Any


def asks_for(search_params: dict[str, Any], dataset_type: str) -> bool:
    """Whether q, fq or fq_list name the type in a dataset_type filter."""
    texts = [str(search_params.get(key) or "") for key in ("q", "fq")]
    texts += [str(item) for item in search_params.get("fq_list") or []]
    name = re.escape(dataset_type)
    pattern = re.compile(rf'dataset_type:(?:"?{name}"?(?![\w-])|\([^)]*(?<![\w-]){name}(?![\w-])[^)]*\))')
    return any(pattern.search(text) for text in texts)


def leave_out_unless_asked(search_params: dict[str, Any], dataset_type: str) -> dict[str, Any]:
    """before_dataset_search: add ``-dataset_type:<type>`` unless asked for."""
    if not asks_for(search_params, dataset_type):
        search_params["fq_list"] = [*(search_params.get("fq_list") or []), f"-dataset_type:{dataset_type}"]
    return search_params


def no_files_guard(dataset_type: str):
    """A before_request of the app for a type without files: CKAN's "new"
    form goes on to "add a file" when it is done; that page shows the record."""

    def guard():
        import ckan.plugins.toolkit as tk

        if tk.request.endpoint == f"{dataset_type}_resource.new" and tk.request.method == "GET":
            return tk.redirect_to(f"{dataset_type}.read", id=(tk.request.view_args or {}).get("id"))
        return None

    return guard


# Singular and plural names of our types in the page's language, for CKAN's
# humanize_entity_type (buttons, breadcrumbs, titles of the type's pages).
PLURAL_PURPOSES = ("breadcrumb", "content tab", "facet label", "main nav", "page title")


def humanize(next_helper: Any, entity_type: str, object_type: str, purpose: str,
             names: dict[str, tuple[str, str]]) -> Any:
    """A chained ``humanize_entity_type`` for the dataset types in ``names``
    (type → (singular, plural), already translated)."""
    import ckan.plugins.toolkit as tk

    if entity_type != "package" or object_type not in names:
        return next_helper(entity_type, object_type, purpose)
    name, plural = names[object_type]
    if purpose in PLURAL_PURPOSES:
        return plural
    texts = {
        "add link": tk._("Add %(name)s"), "create label": tk._("Create %(name)s"),
        "create title": tk._("Create %(name)s"), "edit label": tk._("Edit %(name)s"),
        "update label": tk._("Update %(name)s"), "save label": tk._("Save %(name)s"),
        "search placeholder": tk._("Search %(plural)s..."),
        "delete confirmation": tk._("Are you sure you want to delete this %(name)s?"),
    }
    text = texts.get(purpose)
    return text % {"name": name, "plural": plural} if text else next_helper(entity_type, object_type, purpose)
