"""Hostile harvest feeds: generators for the harvest-hardening tests and for
bench/hostile.py (import ``FEEDS``: name -> (media type, body bytes, what the
harvester must do)). Each is small; the harm is in what a naive parser does
with it."""
from __future__ import annotations

from typing import Callable

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def billion_laughs_rdfxml(levels: int = 10, fan_out: int = 10) -> bytes:
    """About 1.5 KB of nested entities expanding to fan_out**levels copies
    of "lol" (10**10 by default) inside an rdfs:label."""
    decls = ['<!ENTITY lol0 "lol">']
    for n in range(1, levels):
        decls.append(f'<!ENTITY lol{n} "' + f"&lol{n - 1};" * fan_out + '">')
    return ('<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n' + "\n".join(decls) + "\n]>\n"
            f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">\n'
            f'<rdf:Description rdf:about="http://example.org/x"><rdfs:label>&lol{levels - 1};'
            "</rdfs:label></rdf:Description>\n</rdf:RDF>\n").encode()


def quadratic_blowup_rdfxml(size: int = 100_000, uses: int = 2_000) -> bytes:
    """One large flat entity referenced many times (no nesting): bounded only
    by the parser's time and memory limits."""
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [<!ENTITY a "{"a" * size}">]>\n'
            f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">\n'
            f'<rdf:Description rdf:about="http://example.org/x"><rdfs:label>{"&a;" * uses}'
            "</rdfs:label></rdf:Description>\n</rdf:RDF>\n").encode()


def external_entity_rdfxml(target: str = "file:///etc/passwd") -> bytes:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [<!ENTITY x SYSTEM "{target}">]>\n'
            f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">\n'
            '<rdf:Description rdf:about="http://example.org/x"><rdfs:label>&x;</rdfs:label>'
            "</rdf:Description>\n</rdf:RDF>\n").encode()


def remote_context_jsonld(context_url: str = "http://169.254.169.254/latest/meta-data/") -> bytes:
    """A JSON-LD feed whose @context a naive parser fetches (blind SSRF)."""
    return ('{"@context": "%s", "@id": "http://example.org/x", "title": "x"}' % context_url).encode()


def file_context_jsonld(path: str = "/etc/passwd") -> bytes:
    return ('{"@context": ["file://%s"], "@id": "http://example.org/x"}' % path).encode()


def import_context_jsonld(url: str = "http://127.0.0.1:1/ctx.jsonld") -> bytes:
    return ('{"@context": {"@import": "%s"}, "@id": "http://example.org/x"}' % url).encode()


def deep_json_jsonld(depth: int = 200_000) -> bytes:
    """Nesting deep enough to exhaust a recursive parser's stack."""
    return b'{"@context": {}, "@graph": ' + b"[" * depth + b"]" * depth + b"}"


# name -> (media type, generator, expected outcome)
FEEDS: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "billion-laughs.rdf": ("application/rdf+xml", billion_laughs_rdfxml, "refused: entity expansion"),
    "quadratic-blowup.rdf": ("application/rdf+xml", quadratic_blowup_rdfxml, "bounded: time and memory limits"),
    "external-entity.rdf": ("application/rdf+xml", external_entity_rdfxml, "refused: external entity"),
    "remote-context.jsonld": ("application/ld+json", remote_context_jsonld, "refused: remote @context"),
    "file-context.jsonld": ("application/ld+json", file_context_jsonld, "refused: file @context"),
    "import-context.jsonld": ("application/ld+json", import_context_jsonld, "refused: @import"),
    "deep-nesting.jsonld": ("application/ld+json", deep_json_jsonld, "refused: not parseable within limits"),
}
