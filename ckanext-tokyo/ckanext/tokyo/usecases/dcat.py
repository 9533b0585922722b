"""RDF profile ``tokyo_usecases``: each dataset names the use cases built on
it with ``dct:isReferencedBy`` (DCAT-AP 3: "a related resource that
references, cites, or otherwise points to the dataset"); the use case is a
``dcat:Resource`` (its page in the catalog) with its title in Japanese and
English.

Chained after ``tokyo_dcat_ap`` (``ckanext.dcat.rdf.profiles``). The use
cases of a whole catalog page are read in one search and kept with the
graph, so a page of 100 datasets costs one query. Use cases themselves are
not datasets and are left out of the catalog (tokyo_usecases' search rule).
"""
from __future__ import annotations

import weakref
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF

import ckan.plugins.toolkit as tk

from ckanext.dcat.profiles import RDFProfile

from ckanext.tokyo.base.values import value_list

from . import TYPE

_BY_GRAPH: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def usecases_by_dataset() -> dict[str, list[dict[str, Any]]]:
    """dataset id → the public use cases that use it."""
    found = tk.get_action("package_search")({"user": ""}, {
        "fq": f"+dataset_type:{TYPE}", "rows": 1000, "sort": "metadata_created asc"})
    out: dict[str, list[dict[str, Any]]] = {}
    for usecase in found["results"]:
        for dataset_id in value_list(usecase.get("datasets")):
            out.setdefault(str(dataset_id), []).append(usecase)
    return out


class TokyoUsecasesProfile(RDFProfile):
    def graph_from_dataset(self, dataset_dict, dataset_ref):
        by_dataset = _BY_GRAPH.get(self.g)
        if by_dataset is None:
            by_dataset = _BY_GRAPH[self.g] = usecases_by_dataset()
        for usecase in by_dataset.get(dataset_dict.get("id"), []):
            page = URIRef(tk.url_for(f"{TYPE}.read", id=usecase["name"], _external=True))
            self.g.add((dataset_ref, DCTERMS.isReferencedBy, page))
            if (page, RDF.type, DCAT.Resource) in self.g:
                continue
            self.g.add((page, RDF.type, DCAT.Resource))
            titles = usecase.get("title_translated") or {"ja": usecase.get("title")}
            for lang, text in titles.items():
                if text:
                    self.g.add((page, DCTERMS.title, Literal(text, lang=lang)))
