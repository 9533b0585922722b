"""schema.org ``Dataset`` JSON-LD for a dataset page, in the shape Google's
Dataset search reads (https://developers.google.com/search/docs/appearance/structured-data/dataset).

``dataset_jsonld`` is plain data in, plain data out: the page gives it the
dataset dict, the page's language and what it knows about the site and the
organisation. Bilingual: ``name`` and ``description`` in the page's language,
the other language's title as ``alternateName`` and its page as ``sameAs``.
What the metadata has no field for (citation of a paper, hasPart, isBasedOn,
measurementTechnique) is left out rather than guessed.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable

from ckanext.tokyo.base import codelists, formats, identifiers, standards
from ckanext.tokyo.base.values import translated, value_list

LANGUAGES = ("ja", "en")
BCP47 = {codelists.LANGUAGE_BASE + "JPN": "ja", codelists.LANGUAGE_BASE + "ENG": "en"}
DESCRIPTION_MIN, DESCRIPTION_MAX = 50, 5000  # Google's bounds


@dataclass
class Site:
    """What the page knows about the catalog, in the page's language."""

    lang: str
    catalog_name: str
    home_url: str
    dataset_url: Callable[[str, str], str]  # (name, lang) -> absolute page URL
    organization_url: Callable[[str], str]  # name -> absolute page URL
    dataset_uri: str = ""  # the dataset's IRI in the DCAT feed
    # a sentence for a description shorter than Google's minimum:
    # format(title=, publisher=, catalog=)
    short_description: str = "{title} ({publisher}, {catalog})"
    organization: dict[str, Any] = field(default_factory=dict)  # title, title_en and the org schema's extras


def _translated(pkg: dict, key: str) -> dict[str, str]:
    """{lang: text} of a bilingual field, or the core field as Japanese."""
    value = translated(pkg.get(f"{key}_translated")) or {"ja": pkg.get(key) or ""}
    return {lang: text.strip() for lang, text in value.items() if isinstance(text, str) and text.strip()}


def _pick(texts: dict, lang: str) -> str:
    return texts.get(lang) or texts.get("ja") or next(iter(texts.values()), "")


def _organization(site: Site, pkg: dict) -> dict | None:
    org = dict(pkg.get("organization") or {}, **site.organization)
    if not org.get("name"):
        return None
    name = (org.get("title_en") if site.lang == "en" else None) or org.get("title") or org["name"]
    out = {"@type": "GovernmentOrganization", "name": name, "url": site.organization_url(org["name"])}
    number = org.get("corporate_number") or ""
    if identifiers.is_corporate_number(number):
        out["identifier"] = number
        out["sameAs"] = identifiers.hojin_uri(number)
    return out


def _funder(site: Site) -> dict | None:
    """The local government that pays for the publishing body: Tokyo for its
    bureaus, the municipality for its own."""
    org = site.organization
    code = org.get("parent_organization") or org.get("local_government_code") or ""
    lg = identifiers.tokyo_local_government(code)
    if not lg:
        return None
    return {"@type": "GovernmentOrganization", "name": lg.name_in(site.lang),
            "identifier": lg.corporate_number, "sameAs": lg.hojin_uri}


def _places(site: Site, pkg: dict) -> list[dict]:
    out = []
    for item in value_list(pkg.get("spatial_coverage"), split=None):
        if not isinstance(item, dict):
            continue
        uri = (item.get("uri") or "").strip()
        lg = next((lg for lg in identifiers.tokyo_local_governments() if uri in (lg.sac_uri, lg.code)), None)
        if lg:
            out.append({"@type": "Place", "name": lg.name_in(site.lang), "identifier": lg.code,
                        "sameAs": lg.sac_uri})
        elif item.get("text"):
            out.append({"@type": "Place", "name": item["text"]})
    return out


def _periods(pkg: dict) -> list[str]:
    """ISO 8601 intervals; an open end is '..'."""
    out = []
    for item in value_list(pkg.get("temporal_coverage"), split=None):
        if isinstance(item, dict) and (item.get("start") or item.get("end")):
            out.append(f"{item.get('start') or '..'}/{item.get('end') or '..'}")
    return out


def _variables(pkg: dict) -> list[dict]:
    """The columns of the standard datasets the data conforms to."""
    out, seen = [], set()
    for schema_id in value_list(pkg.get("conforms_to")):
        try:
            fields = standards.descriptor(schema_id).get("fields", [])
        except KeyError:
            continue
        for f in fields:
            if f["name"] not in seen:
                seen.add(f["name"])
                variable = {"@type": "PropertyValue", "name": f["name"]}
                if f.get("title_en"):
                    variable["alternateName"] = f["title_en"]
                out.append(variable)
    return out


def _distribution(site: Site, res: dict) -> dict | None:
    url = (res.get("url") or "").strip()
    if not url:
        return None
    fmt = formats.lookup(res.get("format"))
    out = {"@type": "DataDownload", "contentUrl": url,
           "encodingFormat": (fmt.media_type if fmt and fmt.media_type else res.get("format") or "")}
    name = _pick(_translated(res, "name"), site.lang)
    if name:
        out["name"] = name
    if res.get("modified"):
        out["dateModified"] = res["modified"]
    return {k: v for k, v in out.items() if v}


def _description(site: Site, notes: str, title: str, publisher: str) -> str:
    text = " ".join(notes.split())
    if len(text) < DESCRIPTION_MIN:
        extra = site.short_description.format(title=title, publisher=publisher, catalog=site.catalog_name)
        text = f"{text} {extra}".strip()
    return text[:DESCRIPTION_MAX]


def dataset_jsonld(pkg: dict, site: Site, licence_url: str = "") -> dict:
    """The schema.org Dataset of a dataset dict (package_show output)."""
    lang, other = site.lang, next(lang for lang in LANGUAGES if lang != site.lang)
    titles, notes = _translated(pkg, "title"), _translated(pkg, "notes")
    title = _pick(titles, lang) or pkg["name"]
    publisher = _organization(site, pkg)
    publisher_name = publisher["name"] if publisher else site.catalog_name
    out: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "name": title,
        "description": _description(site, _pick(notes, lang), title, publisher_name),
        "url": site.dataset_url(pkg["name"], lang),
        "identifier": [pkg["name"]] + ([site.dataset_uri] if site.dataset_uri else []),
        "isAccessibleForFree": True,
        "includedInDataCatalog": {"@type": "DataCatalog", "name": site.catalog_name, "url": site.home_url},
    }
    if site.dataset_uri:
        out["@id"] = site.dataset_uri
    if titles.get(other) and titles[other] != title:
        out["alternateName"] = titles[other]
    same_as = [site.dataset_url(pkg["name"], other)]
    if (pkg.get("url") or "").startswith(("http://", "https://")):
        same_as.append(pkg["url"])
    out["sameAs"] = same_as
    languages = [BCP47[uri] for uri in value_list(pkg.get("language")) if uri in BCP47]
    if languages:
        out["inLanguage"] = languages if len(languages) > 1 else languages[0]
    keywords = value_list(_pick(translated(pkg.get("tags_translated")), lang)) or [
        t["name"] for t in pkg.get("tags") or [] if t.get("name")]
    for code in value_list(pkg.get("category")):
        cat = codelists.category(code)
        if cat:
            keywords.append(cat.en if lang == "en" else cat.ja)
    if keywords:
        out["keywords"] = keywords
    if licence_url:
        out["license"] = licence_url
    if publisher:
        out["publisher"] = publisher
        section = (pkg.get("maintainer") or "").strip()
        out["creator"] = ({"@type": "Organization", "name": section, "parentOrganization": publisher}
                          if section else publisher)
    funder = _funder(site)
    if funder:
        out["funder"] = funder
    places = _places(site, pkg)
    if places:
        out["spatialCoverage"] = places if len(places) > 1 else places[0]
    periods = _periods(pkg)
    if periods:
        out["temporalCoverage"] = periods if len(periods) > 1 else periods[0]
    for key, prop in (("issued", "datePublished"), ("modified", "dateModified"), ("version", "version")):
        if pkg.get(key):
            out[prop] = pkg[key]
    references = [u for u in value_list(pkg.get("documentation")) if u.startswith(("http://", "https://"))]
    if references:
        out["citation"] = references
    variables = _variables(pkg)
    if variables:
        out["variableMeasured"] = variables
    distribution = [d for d in (_distribution(site, r) for r in pkg.get("resources") or []) if d]
    if distribution:
        out["distribution"] = distribution
    return out


def script_json(data: dict) -> str:
    """JSON for a <script type="application/ld+json"> element (no '</')."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
