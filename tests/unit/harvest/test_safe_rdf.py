"""Bounded, refusing RDF parsing of harvested feeds (no CKAN). The refusals
need only the standard library; the bounded parses need rdflib (skipped in
the core venv, which has none)."""
import time

import pytest

from ckanext.tokyo.harvest import safe_rdf

from tests import hostile_feeds


@pytest.mark.parametrize("body", [hostile_feeds.billion_laughs_rdfxml(), hostile_feeds.external_entity_rdfxml()])
def test_dangerous_dtds_are_refused_before_parsing(body):
    started = time.monotonic()
    with pytest.raises(safe_rdf.RefusedFeed, match="refused"):
        safe_rdf.check_dtd(body, safe_rdf.Limits())
    assert time.monotonic() - started < 1
    assert len(hostile_feeds.billion_laughs_rdfxml()) < 1500


def test_harmless_entities_and_no_dtd_pass():
    plain = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xsd "http://www.w3.org/2001/XMLSchema#">]><r a="&xsd;"/>'
    safe_rdf.check_dtd(plain, safe_rdf.Limits())
    safe_rdf.check_dtd(b"<r/>", safe_rdf.Limits())
    many = "".join(f'<!ENTITY e{n} "x">' for n in range(65))
    with pytest.raises(safe_rdf.RefusedFeed, match="more than 64"):
        safe_rdf.check_dtd(f"<!DOCTYPE r [{many}]><r/>".encode(), safe_rdf.Limits())


@pytest.mark.parametrize("body", [hostile_feeds.remote_context_jsonld(), hostile_feeds.file_context_jsonld(),
                                  hostile_feeds.import_context_jsonld(), hostile_feeds.deep_json_jsonld(),
                                  b'{"@graph": [{"@context": "http://x/"}]}'])
def test_jsonld_contexts_must_be_inline(body):
    with pytest.raises(safe_rdf.RefusedFeed):
        safe_rdf.check_jsonld(body)
    safe_rdf.check_jsonld(b'{"@context": {"dct": "http://purl.org/dc/terms/"}, "@id": "http://x/"}')


def test_formats_from_media_types_and_suffixes():
    assert safe_rdf.rdflib_format("text/turtle; charset=utf-8") == "turtle"
    assert safe_rdf.rdflib_format("application/octet-stream", "https://x/catalog.rdf") == "xml"
    assert safe_rdf.rdflib_format(None, "https://x/catalog") is None


def test_parses_are_bounded_in_time_and_memory():
    pytest.importorskip("rdflib")
    doc = ("@prefix ex: <http://example.org/> .\n"
           + "".join(f'ex:s{i} ex:p "{"x" * 100}{i}" .\n' for i in range(100_000))).encode()
    with pytest.raises(safe_rdf.RefusedFeed, match="longer than 0.5 s"):
        safe_rdf.parse(doc, "turtle", safe_rdf.Limits(seconds=0.5))
    with pytest.raises(safe_rdf.RefusedFeed, match="more than 120 MB"):
        safe_rdf.parse(doc, "turtle", safe_rdf.Limits(seconds=60, memory_mb=120))
    small = safe_rdf.parse(b'<http://x/a> <http://x/b> "c" .', "turtle")
    assert small.triples == 1 and small.ntriples.startswith("<http://x/a>")
    with pytest.raises(safe_rdf.RefusedFeed, match="not valid turtle"):
        safe_rdf.parse(b"this is not turtle", "turtle")
