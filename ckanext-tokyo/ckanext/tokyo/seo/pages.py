"""The pages tokyo_seo adds or changes: the JSON-LD of a dataset page (a
template helper), /sitemap.xml (every public dataset, category and
organisation, in Japanese and English) and /robots.txt (CKAN's template,
with the sitemap; templates/home/robots.txt)."""
from __future__ import annotations

from typing import Any, Iterator
from xml.sax.saxutils import escape, quoteattr

from flask import Blueprint, Response, stream_with_context

import ckan.plugins.toolkit as tk

from ckanext.tokyo import compat
from ckanext.tokyo.base import codelists
from ckanext.tokyo.dcat import vocab
from ckanext.tokyo.metadata.helpers import page_lang
from ckanext.tokyo.seo import structured_data

LANGUAGES = structured_data.LANGUAGES
PAGE_ROWS = 1000  # datasets per search while writing the sitemap
MAX_AGE = 3600  # seconds crawlers and proxies may keep the sitemap


def _url(route: str, lang: str, **kwargs) -> str:
    """An absolute URL of a route in a language (Japanese is the default, no prefix)."""
    if lang != "ja":
        kwargs["locale"] = lang
    return tk.h.url_for(route, qualified=True, **kwargs)


def _catalog_name(lang: str) -> str:
    from ckanext.tokyo.dcat.graph import catalog_text  # the catalog's name in ja and en, configured once

    return catalog_text("title", lang)


def dataset_jsonld(pkg_dict: dict[str, Any]) -> str:
    """The JSON-LD (text for a script element) of a dataset page."""
    from ckanext.dcat.utils import dataset_uri

    lang = "en" if page_lang() == "en" else "ja"
    org = pkg_dict.get("organization") or {}
    found = compat.group_extras(ids=[org["id"]]) if org.get("id") else {}
    organization = next(({**g["extras"], "title": g["title"], "name": g["name"]} for g in found.values()), {})
    site = structured_data.Site(
        lang=lang, catalog_name=_catalog_name(lang), home_url=_url("home.index", lang),
        dataset_url=lambda name, in_lang: _url("dataset.read", in_lang, id=name),
        organization_url=lambda name: _url("organization.read", lang, id=name),
        dataset_uri=dataset_uri(pkg_dict), organization=organization,
        short_description=tk._("{title}: a dataset published by {publisher} in the {catalog}."),
    )
    licence = vocab.licence(pkg_dict.get("license_id"))
    licence_url = pkg_dict.get("license_url") or (licence.iri if licence else "")
    return structured_data.script_json(structured_data.dataset_jsonld(pkg_dict, site, licence_url))


# ------------------------------------------------------------------ sitemap

def _entry(urls: dict[str, str], lastmod: str = "") -> str:
    """One <url> per language version, each naming all of them (hreflang)."""
    links = "".join(f"<xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href={quoteattr(url)}/>"
                    for lang, url in urls.items())
    modified = f"<lastmod>{escape(lastmod[:10])}</lastmod>" if lastmod else ""
    return "".join(f"<url><loc>{escape(url)}</loc>{modified}{links}</url>\n" for url in urls.values())


def _public_datasets() -> Iterator[dict[str, Any]]:
    """name and metadata_modified of every public, active dataset, as an
    anonymous visitor finds them (no private, draft or deleted dataset)."""
    start = 0
    while True:
        result = tk.get_action("package_search")({"user": "", "ignore_auth": True}, {
            "q": "*:*", "fl": "name,metadata_modified", "rows": PAGE_ROWS, "start": start,
            "sort": "name asc", "include_private": False, "include_drafts": False})
        yield from result["results"]
        start += PAGE_ROWS
        if start >= result["count"] or not result["results"]:
            return


def _sitemap() -> Iterator[str]:
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n')
    for route in ("home.index", "dataset.search", "group.index", "organization.index"):
        yield _entry({lang: _url(route, lang) for lang in LANGUAGES})
    groups = tk.get_action("group_list")({}, {"limit": 1000})
    for name in groups:
        if codelists.category(name):
            yield _entry({lang: _url("group.read", lang, id=name) for lang in LANGUAGES})
    for name in tk.get_action("organization_list")({}, {"limit": 1000}):
        yield _entry({lang: _url("organization.read", lang, id=name) for lang in LANGUAGES})
    for dataset in _public_datasets():
        yield _entry({lang: _url("dataset.read", lang, id=dataset["name"]) for lang in LANGUAGES},
                     dataset.get("metadata_modified") or "")
    yield "</urlset>\n"


def sitemap() -> Response:
    response = Response(stream_with_context(_sitemap()), mimetype="application/xml")
    response.headers["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response


def blueprint() -> Blueprint:
    bp = Blueprint("tokyo_seo", __name__)
    bp.add_url_rule("/sitemap.xml", view_func=sitemap)
    return bp
