"""The per-page memo of `tokyo_dcat_ap`: what the profile has written to one
graph (a catalog page or one dataset), so that each vocabulary IRI is typed
and labelled once per graph and "is it there yet?" is a set look-up instead
of a graph look-up.

Sound because nothing removes these triples afterwards: the profile only
removes ``euro_dcat_ap_3`` output (and forgets any node it removes whole,
see ``GraphBuilder._drop_node``). Kept as long as the graph lives.
"""
from __future__ import annotations

import weakref

from ckanext.dcat.utils import catalog_uri


class PageMemo:
    def __init__(self):
        self.types: dict = {}      # node -> rdf:types known to be in the graph
        self.labelled: set = set()  # coded-value IRIs whose labels were checked
        self.located: set = set()   # SAC IRIs described (type, label, identifier)
        self.orgs: dict = {}        # organisation id -> stored fields, 法人番号
        self.fallbacks: dict = {}   # organisation id -> ckanext-dcat's publisher IRI
        self.catalog = catalog_uri()
        self.bound = False          # namespace prefixes bound
        self.page = False           # a catalog page (not one dataset's document)


_MEMOS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def of(graph) -> PageMemo:
    """The memo of a graph (a new one for a new graph)."""
    found = _MEMOS.get(graph)
    if found is None:
        found = _MEMOS[graph] = PageMemo()
    return found
