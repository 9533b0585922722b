"""ckanext-dcat's actions, chained: only public, active datasets have an RDF
representation, and the documents are written by ``feed`` (encoded paging
links, bound prefixes, JSON-LD ``@context``)."""
from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.dcat import logic as dcat_logic

from ckanext.tokyo.dcat import feed


@tk.chained_action
@tk.side_effect_free
def dcat_dataset_show(up_func, context, data_dict):
    """Private and draft datasets are not found, for everyone."""
    tk.check_access("dcat_dataset_show", context, data_dict)
    try:
        pkg = tk.get_action("package_show")(dict(context), {"id": data_dict.get("id")})
    except tk.NotAuthorized:
        raise tk.ObjectNotFound() from None  # do not reveal that a private dataset exists
    if pkg.get("private") or pkg.get("state") != "active":
        raise tk.ObjectNotFound()
    graph = feed.dataset_graph(pkg, data_dict.get("profiles"))
    return feed.serialize(graph, data_dict.get("format"))


def catalog_page(context, data_dict) -> tuple[dict, object]:
    """(package_search result, graph) of one catalog page."""
    query = dcat_logic._search_ckan_datasets(context, data_dict)
    paging = dcat_logic._pagination_info(query, data_dict)
    if paging and tk.request:
        paging = feed.encoded_paging(paging, tk.request.path, tk.request.args)
    return query, feed.catalog_graph(query["results"], data_dict.get("profiles"), paging)


@tk.chained_action
@tk.side_effect_free
def dcat_catalog_show(up_func, context, data_dict):
    tk.check_access("dcat_catalog_show", context, data_dict)
    _query, graph = catalog_page(context, data_dict)
    return feed.serialize(graph, data_dict.get("format"))
