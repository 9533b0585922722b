"""The whole catalog in one Turtle (or N-Triples) file, streamed page by page:
``ckan tokyo dcat-dump`` writes it for aggregators and for the
``/catalog/full.<fmt>`` endpoint.

Each page of datasets is built as the feed builds a catalog page (same
serializer and profiles, no paging triples) and written as soon as it is
serialised, so memory stays that of one page whatever the size of the
catalog. Turtle allows ``@prefix`` anywhere before use: the feed's prefixes
are written once at the top and a page's own (rdflib may add one for an
unbound predicate) where they first occur. Triples shared by pages (the
catalog, publishers, places, vocabulary) are written again per page; RDF
is a set of triples, so the document means the same.
"""
from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass
from typing import Callable, Iterator

import ckan.plugins.toolkit as tk

from ckanext.dcat.utils import catalog_uri

from ckanext.tokyo.dcat import feed, prefixes

FORMATS = {"ttl": "turtle", "nt": "nt"}


@dataclass
class DumpReport:
    datasets: int = 0
    pages: int = 0
    bytes: int = 0
    seconds: float = 0.0


def path_for(fmt: str) -> str:
    """Where the dump of a format lives (ckanext.tokyo.dcat.dump_dir, else
    <storage_path>/dcat)."""
    folder = tk.config.get("ckanext.tokyo.dcat.dump_dir") or os.path.join(
        tk.config.get("ckan.storage_path") or tempfile.gettempdir(), "dcat")
    return os.path.join(folder, f"catalog.{fmt}")


def public_datasets(rows: int) -> Iterator[list[dict]]:
    """Every public, active dataset, a page at a time, in a stable order."""
    search = tk.get_action("package_search")
    start = 0
    while True:
        result = search({"ignore_auth": True}, {
            "q": "*:*", "rows": rows, "start": start, "sort": "id asc",
            "fq_list": ["-dataset_type:harvest", "-dataset_type:showcase"],
            "include_private": False})
        batch = result["results"]
        if not batch:
            return
        yield batch
        start += len(batch)


def _prefix_lines(text: str) -> tuple[list[str], str]:
    lines = text.split("\n")
    n = 0
    while n < len(lines) and (lines[n].startswith("@prefix") or not lines[n].strip()):
        n += 1
    return [line for line in lines[:n] if line.startswith("@prefix")], "\n".join(lines[n:])


def write(out, pages: Iterator[list[dict]], fmt: str = "ttl",
          progress: Callable[[DumpReport], None] | None = None, profiles: list[str] | None = None) -> DumpReport:
    """Stream the catalog into a text file object."""
    report = DumpReport()
    started = time.perf_counter()
    catalog = catalog_uri()
    written: set[str] = set()
    if fmt == "ttl":
        for prefix, namespace in prefixes.of_catalog(catalog).items():
            line = f"@prefix {prefix}: <{namespace}> ."
            written.add(line)
            out.write(line + "\n")
        out.write("\n")
    for page in pages:
        graph = feed.catalog_graph(page, profiles)
        prefixes.bind(graph, catalog)
        text = graph.serialize(format=FORMATS[fmt])
        if fmt == "ttl":
            found, text = _prefix_lines(text)
            for line in found:
                if line not in written:
                    written.add(line)
                    out.write(line + "\n")
        out.write(text.rstrip("\n") + "\n\n")
        report.datasets += len(page)
        report.pages += 1
        if progress:
            progress(report)
    report.seconds = time.perf_counter() - started
    return report


def dump(fmt: str = "ttl", path: str | None = None, rows: int = 100,
         progress: Callable[[DumpReport], None] | None = None) -> tuple[str, DumpReport]:
    """Write the dump to ``path`` atomically (a reader never sees half a file)."""
    path = path or path_for(fmt)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".catalog-", dir=os.path.dirname(os.path.abspath(path)))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            report = write(out, public_datasets(rows), fmt, progress)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    report.bytes = os.path.getsize(path)
    return path, report
