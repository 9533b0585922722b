"""HTTP around ckanext-dcat's endpoints: conditional GET and a shared cache
for catalog pages, ``Vary: Accept`` where content is negotiated, and the
full-catalog dump file.

Catalog pages (``/catalog.<fmt>`` and ``/`` negotiated to RDF) get an
``ETag`` and ``Last-Modified`` from the catalog's state — how many public
datasets there are and when the last one changed — and the request (format,
query, page). A request whose ``If-None-Match``/``If-Modified-Since`` still
matches gets 304 without any serialisation; otherwise the page is served
from Redis (shared by every web worker) or built and stored there. Any
dataset change moves the state, so a cached page is never stale for longer
than the index is.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os

from flask import Response, make_response, request, send_file

import ckan.plugins.toolkit as tk

from ckanext.dcat.utils import CONTENT_TYPES, check_access_header

from ckanext.tokyo.dcat import dump

CACHE_SECONDS = 24 * 3600
CACHE_PREFIX = "tokyo:dcat:page:"
# Bumped when the output of the same catalog changes (profile, prefixes).
FEED_VERSION = "3"
NEGOTIATED = {"dcat.read_catalog", "dcat.read_dataset"}


def _redis():
    from ckan.lib.redis import connect_to_redis

    return connect_to_redis()


def catalog_state() -> tuple[int, str]:
    """(public datasets, newest metadata_modified) from the search index."""
    result = tk.get_action("package_search")({"ignore_auth": False}, {
        "q": "*:*", "rows": 1, "sort": "metadata_modified desc", "fl": "metadata_modified",
        "fq_list": ["-dataset_type:harvest"]})
    newest = result["results"][0]["metadata_modified"] if result["results"] else ""
    return result["count"], newest


def _http_date(iso: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(iso[:19]).replace(tzinfo=dt.timezone.utc)
    except ValueError:
        return None


def page_etag(fmt: str, state: tuple[int, str]) -> str:
    parts = [FEED_VERSION, fmt, tk.config.get("ckan.site_url"), str(state),
             request.path, request.query_string.decode("latin-1")]
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:32]


def cached_catalog_page():
    """before_request: answer a catalog page from its ETag or the cache;
    None lets ckanext-dcat's view build it (and ``remember`` stores it)."""
    if request.endpoint != "dcat.read_catalog" or request.method != "GET":
        return None
    fmt = (request.view_args or {}).get("_format") or check_access_header()
    if fmt not in CONTENT_TYPES:
        return None  # the HTML home page, or ckanext-dcat's own error
    state = catalog_state()
    etag = page_etag(fmt, state)
    request.environ["tokyo.dcat.etag"] = (etag, state[1])
    modified = _http_date(state[1])
    response = Response(mimetype=CONTENT_TYPES[fmt].split(";")[0])
    response.set_etag(etag)
    if modified:
        response.last_modified = modified
    if request.if_none_match.contains(etag) or (
            not request.if_none_match and modified and request.if_modified_since
            and modified <= request.if_modified_since):
        response.status_code = 304
        return response
    try:
        body = _redis().get(CACHE_PREFIX + etag)
    except Exception:  # Redis down: build the page, as without a cache
        body = None
    if body is None:
        return None
    response.headers["Content-Type"] = CONTENT_TYPES[fmt]
    response.set_data(body)
    response.headers["X-Tokyo-Cache"] = "hit"
    return response


def remember(response):
    """after_request: store a built catalog page; ETag and Vary headers."""
    if request.endpoint not in NEGOTIATED:
        return response
    if not (request.view_args or {}).get("_format"):
        response.vary.add("Accept")  # same URL, HTML or RDF by Accept
    found = request.environ.get("tokyo.dcat.etag")
    if found and response.status_code == 200:
        etag, newest = found
        response.set_etag(etag)
        modified = _http_date(newest)
        if modified:
            response.last_modified = modified
        if "X-Tokyo-Cache" not in response.headers:
            try:
                _redis().set(CACHE_PREFIX + etag, response.get_data(), ex=CACHE_SECONDS)
            except Exception:
                pass  # no cache, still a correct answer
    return response


def full_catalog(_format: str):
    """The whole catalog in one file (written by ``ckan tokyo dcat-dump``),
    with ETag and Last-Modified for conditional GET."""
    if _format not in dump.FORMATS:
        return tk.abort(404, tk._("Not found"))
    path = dump.path_for(_format)
    if not os.path.exists(path):
        return tk.abort(404, tk._("The full catalog file has not been written yet"))
    response = send_file(path, mimetype=CONTENT_TYPES[_format].split(";")[0], conditional=True,
                         etag=True, last_modified=os.path.getmtime(path), max_age=300)
    return make_response(response)
