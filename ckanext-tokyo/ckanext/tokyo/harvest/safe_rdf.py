"""Parse a harvested RDF document without letting it take the harvester down.

A feed is attacker-controlled input. Parsed as it comes, a 1.5 KB RDF/XML
file of nested entities ("billion laughs") keeps a process busy for minutes,
and a JSON-LD ``@context`` URL makes the parser fetch it (a request from
inside the catalog's network, chosen by the feed). So, before and around
rdflib:

* RDF/XML: the DTD is read first; external entities, entities that refer
  to other entities (the only way to grow exponentially) and more than
  ``max_entities`` declarations are refused.
* JSON-LD: every ``@context`` must be inline; a URL (remote or ``file:``)
  or an ``@import`` is refused. The parse runs with sockets disabled, so
  nothing in the parser can open a connection either.
* Any format: the parse runs in a child process with a CPU-time, memory
  and wall-clock limit; past them the child is killed and the document
  refused. The result comes back as N-Triples, which the caller parses in
  linear time.

CKAN-free (rdflib and the standard library), so the bounds are testable
without a catalog and reusable by a benchmark.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import resource
import signal
import socket
import tempfile
import time
import xml.parsers.expat
from dataclasses import dataclass

FORMATS = {  # media type or short name -> rdflib parser
    "application/rdf+xml": "xml", "rdf": "xml", "xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/turtle": "turtle", "ttl": "turtle", "turtle": "turtle", "application/x-turtle": "turtle",
    "application/ld+json": "json-ld", "jsonld": "json-ld", "json-ld": "json-ld", "application/json": "json-ld",
    "application/n-triples": "nt", "nt": "nt", "text/n3": "n3", "n3": "n3", "nt11": "nt",
}


class RefusedFeed(ValueError):
    """The document is refused; the message says why (for the harvest job's errors)."""


@dataclass(frozen=True)
class Limits:
    seconds: float = 60.0  # wall clock for the whole parse
    cpu_seconds: int = 60
    memory_mb: int = 1024  # address space of the parsing process
    max_entities: int = 64  # entity declarations in an RDF/XML DTD


def rdflib_format(content_type: str | None, url: str = "") -> str | None:
    """The rdflib parser for a media type (or, failing that, the URL's suffix)."""
    media = (content_type or "").split(";")[0].strip().lower()
    if media in FORMATS:
        return FORMATS[media]
    suffix = url.rsplit("?", 1)[0].rsplit(".", 1)[-1].lower() if "." in url else ""
    return FORMATS.get(suffix)


# ---------------------------------------------------------------- checks


def check_dtd(data: bytes, limits: Limits) -> None:
    """Refuse an XML document whose DTD could expand without bound or reach out."""
    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    count = 0

    def entity(name, is_parameter, value, base, system_id, public_id, notation):
        nonlocal count
        count += 1
        if count > limits.max_entities:
            raise RefusedFeed(f"more than {limits.max_entities} XML entity declarations")
        if system_id or public_id:
            raise RefusedFeed(f"external XML entity {name!r} (refused)")
        if is_parameter:
            raise RefusedFeed(f"XML parameter entity {name!r} (refused)")
        if value and ("&" in value or "%" in value):
            raise RefusedFeed(f"XML entity {name!r} refers to other entities (refused: entity expansion)")

    def stop_at_root(name, attrs):
        raise _DTDRead()

    parser.EntityDeclHandler = entity
    parser.StartElementHandler = stop_at_root  # the DTD comes before the root element
    try:
        parser.Parse(data, True)
    except _DTDRead:
        return
    except xml.parsers.expat.ExpatError as e:
        raise RefusedFeed(f"not well-formed XML: {e}") from None


class _DTDRead(Exception):
    pass


def check_jsonld(data: bytes) -> None:
    """Refuse JSON-LD whose contexts are not all inline."""
    try:
        doc = json.loads(data)
    except RecursionError:
        raise RefusedFeed("JSON nested too deeply (refused)") from None
    except ValueError as e:
        raise RefusedFeed(f"not JSON: {e}") from None
    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key == "@context":
                    _check_context(value)
                stack.append(value)


def _check_context(value) -> None:
    for ctx in value if isinstance(value, list) else [value]:
        if isinstance(ctx, str):
            scheme = ctx.split(":", 1)[0].lower() if ":" in ctx else "relative"
            raise RefusedFeed(f"JSON-LD @context {ctx!r} is a {scheme} reference "
                              "(refused: only inline contexts are read)")
        if isinstance(ctx, dict) and "@import" in ctx:
            raise RefusedFeed("JSON-LD @context with @import (refused: only inline contexts are read)")


# ---------------------------------------------------------------- the bounded parse


def _no_network(*args, **kwargs):
    raise OSError("network access is disabled while parsing a harvested document")


def _child(data: bytes, fmt: str, limits: Limits, out_path: str) -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
    memory = limits.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    socket.socket.connect = _no_network  # type: ignore[method-assign]
    socket.create_connection = _no_network  # type: ignore[assignment]
    socket.getaddrinfo = _no_network  # type: ignore[assignment]
    import rdflib

    try:
        graph = rdflib.Graph()
        graph.parse(data=data, format=fmt)
        graph.serialize(destination=out_path, format="nt", encoding="utf-8")
    except MemoryError:
        os._exit(3)
    except BaseException as e:  # report the parser's message to the parent
        with open(out_path + ".error", "w", encoding="utf-8") as f:
            f.write(f"{type(e).__name__}: {e}"[:500])
        os._exit(2)
    os._exit(0)


@dataclass
class Parsed:
    ntriples: str
    triples: int
    seconds: float


def parse(data: bytes, fmt: str, limits: Limits = Limits()) -> Parsed:
    """Parse ``data`` (rdflib format name) within ``limits``; N-Triples back.
    Raises RefusedFeed with the reason."""
    if fmt not in set(FORMATS.values()):
        raise RefusedFeed(f"unknown RDF format {fmt!r}")
    if fmt == "xml":
        check_dtd(data, limits)
    elif fmt == "json-ld":
        check_jsonld(data)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="tokyo-harvest-") as tmp:
        out_path = os.path.join(tmp, "graph.nt")
        child = multiprocessing.get_context("fork").Process(
            target=_child, args=(data, fmt, limits, out_path), daemon=True)
        child.start()
        child.join(limits.seconds)
        if child.is_alive():
            child.kill()
            child.join()
            raise RefusedFeed(f"parsing took longer than {limits.seconds:g} s (stopped)")
        seconds = time.monotonic() - started
        if child.exitcode == 3:
            raise RefusedFeed(f"parsing needed more than {limits.memory_mb} MB (stopped)")
        if child.exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
            raise RefusedFeed(f"parsing used more than {limits.cpu_seconds} s of CPU (stopped)")
        if child.exitcode != 0:
            error = ""
            if os.path.exists(out_path + ".error"):
                with open(out_path + ".error", encoding="utf-8") as f:
                    error = f.read()
            if "MemoryError" in error:
                raise RefusedFeed(f"parsing needed more than {limits.memory_mb} MB (stopped)")
            raise RefusedFeed(f"not valid {fmt}: {error or 'the parser stopped (exit ' + str(child.exitcode) + ')'}")
        with open(out_path, encoding="utf-8") as f:
            text = f.read()
    return Parsed(text, sum(1 for line in text.splitlines() if line.strip()), seconds)
