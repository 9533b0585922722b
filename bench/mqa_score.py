"""Metadata quality of the DCAT export, by data.europa.eu's Metadata Quality
Assessment method: the demo catalog as `euro_dcat_ap_3 tokyo_dcat_ap` writes
it against `euro_dcat_ap_3` alone on the same datasets, same run.

    .venv/bin/python bench/mqa_score.py -c config/test.ini [--unreachable]

Needs a running stack for that config (PostgreSQL, Solr). Loads the demo
catalog (idempotent), writes each demo dataset's DCAT document with both
profile lists and scores the *graph* the way MQA scores a harvested record:
the 23 indicators of ckanext.tokyo.quality.mqa (same keys and points), each
read from the RDF (dcat:keyword, dcat:theme, dct:format as an EU file-type
IRI, dct:license in the EU licence table, …); "DCAT-AP compliance" is 0
SHACL violations of the dataset's document against the DCAT-AP 3.0.1 shapes
(pySHACL, the cleaned shapes of tests/data). There is no network here, so
the two URL-reachability indicators count every URL as reachable for both
profiles (`--unreachable`: as unreachable). Prints each profile's mean and
per-dimension means, and the catalog's own stored scores
(ckanext.tokyo.quality, computed from the dataset dicts) for comparison.
Results go to docs/benchmarks.md, section "Metadata quality".
"""
from __future__ import annotations

import argparse
import pathlib
import statistics
import sys

PLUGINS = "scheming_datasets scheming_organizations tokyo_schema dcat tokyo_dcat"
PROFILES = {
    "euro_dcat_ap_3": ["euro_dcat_ap_3"],
    "euro_dcat_ap_3 + tokyo_dcat_ap": ["euro_dcat_ap_3", "tokyo_dcat_ap"],
}
SHAPES = pathlib.Path(__file__).resolve().parents[1] / "tests" / "data" / "dcat-ap-3.0.1-SHACL.cleaned.ttl"
EU = "http://publications.europa.eu/resource/authority/"
IANA = "https://www.iana.org/assignments/media-types/"


def graph_shares(g, ref, conforms: bool, reachable: bool) -> dict[str, float]:
    """Share (0..1) met of each MQA indicator, read from a dataset's graph."""
    from rdflib import URIRef
    from rdflib.namespace import DCAT, DCTERMS as DCT

    from ckanext.tokyo.base import formats

    def has(subject, predicate):
        return (subject, predicate, None) in g

    def share(test):
        return sum(1 for d in dists if test(d)) / len(dists) if dists else 0.0

    def fmt(d):
        value = g.value(d, DCT["format"])
        return formats.for_file_type(str(value)) if isinstance(value, URIRef) else None

    dists = list(g.objects(ref, DCAT.distribution))
    rights = g.value(ref, DCT.accessRights)
    return {
        "keywordAvailability": float(has(ref, DCAT.keyword)),
        "categoryAvailability": float(has(ref, DCAT.theme)),
        "spatialAvailability": float(has(ref, DCT.spatial)),
        "temporalAvailability": float(has(ref, DCT.temporal)),
        "accessUrlStatusCode": share(lambda d: has(d, DCAT.accessURL) and reachable),
        "downloadUrlAvailability": share(lambda d: has(d, DCAT.downloadURL)),
        "downloadUrlStatusCode": share(lambda d: has(d, DCAT.downloadURL) and reachable),
        "formatAvailability": share(lambda d: has(d, DCT["format"])),
        "mediaTypeAvailability": share(lambda d: has(d, DCAT.mediaType)),
        "formatMediaTypeVocabularyAlignment": share(lambda d: fmt(d) is not None or str(
            g.value(d, DCAT.mediaType) or "").startswith(IANA)),
        "formatMediaTypeNonProprietary": share(lambda d: bool(fmt(d) and fmt(d).non_proprietary)),
        "formatMediaTypeMachineInterpretable": share(lambda d: bool(fmt(d) and fmt(d).machine_readable)),
        "dcatApCompliance": float(conforms),
        "licenceAvailability": share(lambda d: has(d, DCT.license)),
        "knownLicence": share(lambda d: str(g.value(d, DCT.license) or "").startswith(EU + "licence/")),
        "accessRightsAvailability": float(rights is not None),
        "accessRightsVocabularyAlignment": float(str(rights or "").startswith(EU + "access-right/")),
        "contactPointAvailability": float(has(ref, DCAT.contactPoint)),
        "publisherAvailability": float(has(ref, DCT.publisher)),
        "rightsAvailability": share(lambda d: has(d, DCT.rights)),
        "byteSizeAvailability": share(lambda d: has(d, DCAT.byteSize)),
        "dateIssuedAvailability": float(has(ref, DCT.issued)),
        "dateModifiedAvailability": float(has(ref, DCT.modified)),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-c", "--config", required=True, help="CKAN ini of a running stack")
    ap.add_argument("--unreachable", action="store_true", help="count resource URLs as unreachable")
    args = ap.parse_args(argv)

    from ckan.cli import load_config
    from ckan.config.middleware import make_app

    conf = load_config(args.config)
    conf["ckan.plugins"] = PLUGINS
    app = make_app(conf)
    with app._wsgi_app.test_request_context():
        import pyshacl
        import rdflib
        from rdflib.namespace import DCAT, RDF

        import ckan.plugins.toolkit as tk

        from ckanext.dcat.processors import RDFSerializer

        from ckanext.tokyo import demo
        from ckanext.tokyo.quality import mqa

        demo.load()
        shapes = rdflib.Graph().parse(SHAPES, format="turtle")
        datasets = [tk.get_action("package_show")({"ignore_auth": True}, {"id": ds["name"]})
                    for ds in demo.catalog()["datasets"]]
        scores: dict[str, list[mqa.Score]] = {name: [] for name in PROFILES}
        for ds in datasets:
            for name, profiles in PROFILES.items():
                serializer = RDFSerializer(profiles=profiles)
                ref = serializer.graph_from_dataset(ds)
                g = rdflib.Graph().parse(data=serializer.g.serialize(format="turtle"), format="turtle")
                assert (ref, RDF.type, DCAT.Dataset) in g
                conforms = pyshacl.validate(g, shacl_graph=shapes, inference="none", advanced=False,
                                            meta_shacl=False, allow_warnings=True)[0]
                shares = graph_shares(g, ref, conforms, not args.unreachable)
                scores[name].append(mqa.Score([mqa.Result(i, shares[i.key]) for i in mqa.INDICATORS]))
        links = {} if args.unreachable else None
        stored = [mqa.score(ds, links if links is not None else {
            (r.get("url") or "").strip(): True for r in ds.get("resources") or []}) for ds in datasets]

    print(f"demo catalog: {len(datasets)} datasets, MQA points (max {mqa.MAX}), resource URLs counted "
          f"{'unreachable' if args.unreachable else 'reachable'}")
    rows = [*scores.items(), ("catalog's own score (tokyo_quality, from the dicts)", stored)]
    for name, found in rows:
        mean = statistics.mean(s.total for s in found)
        dims = {d: statistics.mean(s.dimensions()[d][0] for s in found) for d in mqa.DIMENSIONS}
        ratings = {r: sum(1 for s in found if s.rating == r) for _, r in mqa.RATINGS}
        print(f"  {name:52s} mean {mean:6.1f}  " + "  ".join(f"{d[:4]} {v:5.1f}" for d, v in dims.items())
              + "  ratings " + ", ".join(f"{r} {n}" for r, n in ratings.items() if n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
