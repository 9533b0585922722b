"""Feeds and API pages read through the guarded HTTP client of the
validation jobs (catalog_validation/fetch.py): http(s) only, no private,
loopback or metadata addresses (unless allowed by
``ckanext.tokyo.harvest.allow_hosts``), redirects vetted hop by hop, size
and time capped."""
from __future__ import annotations

import io

from ckanext.tokyo.catalog_validation.fetch import FetchError, FetchRefused, GuardedClient
from ckanext.tokyo.harvest import settings

RDF_ACCEPT = ("text/turtle, application/rdf+xml;q=0.9, application/ld+json;q=0.8, "
              "application/n-triples;q=0.7, */*;q=0.1")
JSON_ACCEPT = "application/json"

__all__ = ["FetchError", "FetchRefused", "fetch"]


def fetch(url: str, accept: str) -> tuple[bytes, str]:
    """(body, Content-Type) of a URL; raises FetchRefused / FetchError."""
    client = GuardedClient(max_bytes=settings.get("max_bytes"), timeout=float(settings.get("fetch_timeout")),
                           allow_hosts=settings.allow_hosts(), accept=accept,
                           user_agent="ckanext-tokyo-harvester/1.0")
    out = io.BytesIO()
    fetched = client.fetch(url, out)
    return out.getvalue(), fetched.content_type
