"""The prefixes of the feed: every namespace `tokyo_dcat_ap` writes IRIs in,
bound on each graph it builds and used as the JSON-LD ``@context``.

Why bound: rdflib's Turtle writer looks for a prefixed name for every IRI it
writes; for an IRI in no bound namespace it splits the IRI and searches the
bindings again each time (nothing is cached for a miss), which was most of
the extra cost of a catalog page. Bound, each IRI is one cached look-up and
the document is smaller. The graph itself does not change.
"""
from __future__ import annotations

import functools

from rdflib import Namespace
from rdflib.namespace import OWL, RDF, RDFS, XSD

from ckanext.dcat.profiles.base import namespaces as DCAT_NAMESPACES

from ckanext.tokyo.base import codelists, identifiers
from ckanext.tokyo.dcat import vocab

HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
DQV = Namespace("http://www.w3.org/ns/dqv#")

# Site-independent namespaces (prefix -> IRI).
FIXED = {
    **{prefix: str(ns) for prefix, ns in DCAT_NAMESPACES.items()},
    "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "owl": str(OWL),
    "hydra": str(HYDRA), "dqv": str(DQV),
    "tokyo": str(vocab.TOKYO),
    "hojin": identifiers.HOJIN_BASE,
    "gbizinfo": identifiers.HOJIN_RECORD_BASE,
    "sac": identifiers.SAC_BASE.rsplit("/", 1)[0] + "/",
    "eulang": codelists.EU_AUTHORITY + "language/",
    "eufreq": codelists.EU_AUTHORITY + "frequency/",
    "eufiletype": vocab.FILE_TYPE_BASE,
    "eulicence": vocab.LICENCE_BASE,
    "eutheme": vocab.THEME_SCHEME + "/",
    "euaccess": codelists.EU_AUTHORITY + "access-right/",
    "iana": vocab.IANA_BASE,
    "licencetype": vocab.ADMS_LICENCE_TYPE,
    "publishertype": vocab.ADMS_PUBLISHER_TYPE,
    "pv": vocab.METRIC_BASE,
}


@functools.lru_cache(maxsize=8)
def of_catalog(catalog: str) -> dict[str, str]:
    """All prefixes of a catalog's feed: the fixed ones and its own."""
    base = catalog.rstrip("/")
    return {
        **FIXED,
        "dataset": f"{base}/dataset/",
        "category": f"{base}/group/",
        "standard": f"{base}/standard/",
        "format": f"{base}/format/",
    }


def bind(graph, catalog: str) -> None:
    """Bind the feed's prefixes on a graph (replacing rdflib's defaults)."""
    manager = graph.namespace_manager
    for prefix, namespace in of_catalog(catalog).items():
        manager.bind(prefix, namespace, override=True, replace=True)


def jsonld_context(catalog: str) -> dict[str, str]:
    """The ``@context`` of the JSON-LD feed: the same prefixes."""
    return dict(of_catalog(catalog))
