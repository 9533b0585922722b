"""The catalog and dataset documents as served: ckanext-dcat builds the graph
(its serializer and our profile), this module writes it.

What it changes against ckanext-dcat's own actions, graph unchanged:
- paging links (Hydra ``first``/``next``/…) carry ``q``, ``fq`` and the other
  parameters percent-encoded, so a query with a space or ``&`` gives valid
  IRIs (ckanext-dcat joins them raw);
- the feed's prefixes are bound (``prefixes``), so Turtle is written with
  prefixed names and JSON-LD gets an ``@context``.
"""
from __future__ import annotations

import re
from urllib.parse import quote, urlencode

from ckanext.dcat.processors import DCAT, RDFSerializer
from ckanext.dcat.utils import catalog_uri, url_to_rdflib_format

from ckanext.tokyo.dcat import prefixes

# The request parameters ckanext-dcat carries into paging links.
PAGED_PARAMS = ("modified_since", "profiles", "q", "fq")
PAGING_LINKS = ("current", "first", "last", "next", "previous")
_PAGE = re.compile(r"[?&]page=(\d+)$")


def page_url(path: str, args, page: int) -> str:
    """``<site><path>?<params>&page=N`` with every value percent-encoded."""
    params = [(k, v) for k, v in args.items(multi=True) if k in PAGED_PARAMS and k != "page"]
    params.append(("page", str(page)))
    return f"{catalog_uri().rstrip('/')}{path}?{urlencode(params, quote_via=quote)}"


def encoded_paging(info: dict, path: str, args) -> dict:
    """ckanext-dcat's pagination info with its links rebuilt encoded."""
    out = dict(info)
    for key in PAGING_LINKS:
        match = _PAGE.search(out.get(key) or "")
        if match:
            out[key] = page_url(path, args, int(match.group(1)))
    return out


def serialize(graph, fmt: str | None) -> str:
    """A graph in a URL format (ttl, rdf, jsonld, n3), prefixes bound."""
    catalog = catalog_uri()
    prefixes.bind(graph, catalog)
    rdflib_format = url_to_rdflib_format(fmt or "xml")
    if rdflib_format == "json-ld":
        return graph.serialize(format="json-ld", context=prefixes.jsonld_context(catalog),
                               auto_compact=True)
    return graph.serialize(format=rdflib_format)


def catalog_graph(dataset_dicts, profiles=None, pagination_info=None):
    """The graph of a catalog page (as ``RDFSerializer.serialize_catalog``
    builds it, without writing it)."""
    serializer = RDFSerializer(profiles=profiles)
    catalog_ref = serializer.graph_from_catalog({})
    for dataset_dict in dataset_dicts or []:
        dataset_ref = serializer.graph_from_dataset(dataset_dict)
        if not serializer._add_source_catalog(catalog_ref, dataset_dict, dataset_ref):
            serializer.g.add((catalog_ref, DCAT.dataset, dataset_ref))
    if pagination_info:
        serializer._add_pagination_triples(pagination_info)
    return serializer.g


def dataset_graph(dataset_dict, profiles=None):
    serializer = RDFSerializer(profiles=profiles)
    serializer.graph_from_dataset(dataset_dict)
    return serializer.g
