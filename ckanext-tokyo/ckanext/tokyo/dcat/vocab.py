"""Vocabulary IRIs for the Japanese DCAT-AP 3 profile, and value <-> IRI maps.

CKAN-free (rdflib + the ground floor). Code lists themselves (frequencies,
languages, access rights, categories) live in ``ckanext.tokyo.base.codelists``,
formats in ``base.formats``; identifiers (法人番号, 全国地方公共団体コード,
their URIs) in ``base.identifiers``. This module only adds what the RDF side
needs on top: authority-table IRIs for licences, file types and media types
as IRIs, the labels of the EU data themes, checksum algorithms and the URIs
of the standard datasets.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple
from urllib.parse import quote

from rdflib import Namespace

from ckanext.tokyo.base import codelists, formats

# Namespaces not exported by ckanext.dcat.profiles.
CNT = Namespace("http://www.w3.org/2011/content#")
ORG = Namespace("http://www.w3.org/ns/org#")
# Tokyo-only properties with no DCAT-AP equivalent (site-independent, so a
# harvester reads them back from any Tokyo catalog).
TOKYO = Namespace("urn:ckanext-tokyo:dcat#")

EU = codelists.EU_AUTHORITY
LICENCE_BASE = EU + "licence/"
FILE_TYPE_BASE = formats.FILE_TYPE_BASE
THEME_SCHEME = EU + "data-theme"
IANA_BASE = "https://www.iana.org/assignments/media-types/"
ADMS_LICENCE_TYPE = "http://purl.org/adms/licencetype/"
ADMS_PUBLISHER_TYPE = "http://purl.org/adms/publishertype/"
SPDX_ALGORITHM = "http://spdx.org/rdf/terms#checksumAlgorithm_"
# The metrics of data.europa.eu's Metadata Quality Assessment (DQV).
METRIC_BASE = "https://piveau.eu/ns/voc#"
QUALITY_METRIC_DEFINITIONS = {
    "score": "Metadata quality points of the dataset by the Metadata Quality Assessment method of "
             "data.europa.eu (0 to 405).",
    "findability": "Points for findability (keywords, themes, spatial and temporal coverage; 0 to 100).",
    "accessibility": "Points for accessibility (reachable access and download URLs; 0 to 100).",
    "interoperability": "Points for interoperability (formats, media types, open and machine-readable "
                        "formats, DCAT-AP compliance; 0 to 110).",
    "reusability": "Points for reusability (licence, access rights, contact point, publisher; 0 to 75).",
    "contextuality": "Points for contextuality (rights, file size, dates; 0 to 20).",
}

PDL_URL = "https://www.digital.go.jp/resources/open_data/public_data_license_v1.0"

TOKYO_NAME = {"ja": "東京都", "en": "Tokyo Metropolitan Government"}


class Licence(NamedTuple):
    ckan_id: str
    iri: str
    types: tuple[str, ...]  # ADMS licence types
    rights: str  # the human-readable terms (dct:rights, a dct:RightsStatement)


# CKAN licence id (config/licenses.json) -> IRI. EU authority table where it
# has the licence; PDL1.0 has none, so its official URL.
LICENCES = (
    Licence("CC-BY-4.0", LICENCE_BASE + "CC_BY_4_0", ("Attribution",),
            "https://creativecommons.org/licenses/by/4.0/deed.ja"),
    Licence("PDL-1.0", PDL_URL, ("Attribution",), PDL_URL),
    Licence("CC0-1.0", LICENCE_BASE + "CC0", ("PublicDomain",),
            "https://creativecommons.org/publicdomain/zero/1.0/deed.ja"),
    Licence("ODbL-1.0", LICENCE_BASE + "ODC_BL", ("Attribution", "ShareAlike"),
            "https://opendatacommons.org/licenses/odbl/1-0/"),
)
# What each licence lets anyone do, as the dct:rights statement's labels.
LICENCE_RIGHTS = {
    "CC-BY-4.0": {"ja": "出典を表示すれば、商用利用・改変・再配布を含め自由に利用できます（CC BY 4.0）。",
                  "en": "Free to use, adapt and redistribute, commercially too, with attribution (CC BY 4.0)."},
    "PDL-1.0": {"ja": "出典を表示すれば、商用利用・改変・再配布を含め自由に利用できます（公共データ利用規約 第1.0版）。",
                "en": "Free to use, adapt and redistribute, commercially too, with attribution "
                      "(Public Data License 1.0)."},
    "CC0-1.0": {"ja": "権利を放棄しています。どのような目的にも自由に利用できます（CC0 1.0）。",
                "en": "No rights reserved: free to use for any purpose (CC0 1.0)."},
    "ODbL-1.0": {"ja": "出典を表示し、派生データベースを同じ条件で共有すれば自由に利用できます（ODbL 1.0）。",
                 "en": "Free to use with attribution; derived databases are shared alike (ODbL 1.0)."},
}
# CKAN's built-in ids still found on old records: one-way, to the same IRIs.
LEGACY_LICENCE_IDS = {"cc-by": "CC-BY-4.0", "cc-zero": "CC0-1.0", "odc-odbl": "ODbL-1.0"}
ADMS_LICENCE_TYPE_LABELS = {
    "Attribution": "Attribution",
    "PublicDomain": "Public domain",
    "ShareAlike": "Share alike",
}

_LICENCE_BY_ID = {lic.ckan_id: lic for lic in LICENCES}
_LICENCE_BY_IRI = {lic.iri: lic for lic in LICENCES}


def licence(ckan_id: str | None) -> Licence | None:
    ckan_id = LEGACY_LICENCE_IDS.get(ckan_id or "", ckan_id or "")
    return _LICENCE_BY_ID.get(ckan_id)


def licence_id_for_iri(iri: str) -> str | None:
    lic = _LICENCE_BY_IRI.get(iri)
    return lic.ckan_id if lic else None


# File types and media types: the format table (base.formats,
# schemas/codes/formats.csv), as IRIs.

@functools.lru_cache(maxsize=1024)
def file_type(fmt: str | None) -> tuple[str | None, str | None]:
    """(EU file-type IRI, IANA media-type IRI) of a resource format, or Nones."""
    known = formats.lookup(fmt)
    if not known:
        return None, None
    return known.file_type_uri, (IANA_BASE + known.media_type if known.media_type else None)


def local_format_uri(base: str, fmt: str) -> str:
    """<catalog>/format/<code>: a format the EU file-type table lacks."""
    return f"{base.rstrip('/')}/format/{quote(formats.normalise(fmt) or fmt, safe='')}"


def format_for_file_type(iri: str) -> str | None:
    """The format code of an EU file-type IRI."""
    known = formats.for_file_type(iri)
    return known.code if known else None


def media_type_of(iri: str) -> str:
    return iri[len(IANA_BASE):] if iri.startswith(IANA_BASE) else iri


# EU data themes: their ja/en labels are a code list (codelists.themes(),
# schemas/codes/eu_themes.csv), shared with the dataset page.
theme_labels = codelists.theme_labels


# Tokyo's categories as themes: their IRIs are codelists.category_uri /
# category_of (one IRI scheme, shared with the category pages).


# The standard datasets (schemas/standard/<id>.json): <catalog>/standard/<id>.
_STANDARD = re.compile(r"/standard/([a-z0-9][a-z0-9-]*)(?:\.json)?$")


def standard_uri(base: str, schema_id: str) -> str:
    return f"{base.rstrip('/')}/standard/{schema_id}"


def standard_id_of(iri: str) -> str | None:
    m = _STANDARD.search(iri)
    return m.group(1) if m else None


# Checksums: SPDX algorithm IRIs; the algorithm is named or known by length.
_HEX = re.compile(r"^[0-9a-fA-F]+$")
_BY_LENGTH = {32: "md5", 40: "sha1", 64: "sha256", 128: "sha512"}
_ALGORITHMS = ("md5", "sha1", "sha224", "sha256", "sha384", "sha512")


def checksum(value: str | None, algorithm: str | None = None) -> tuple[str, str] | None:
    """(hex value, SPDX algorithm IRI) or None when not a usable checksum.

    Accepts CKAN's `hash` as plain hex or `<algo>:<hex>`."""
    value = (value or "").strip()
    if ":" in value and not algorithm:
        algorithm, value = value.split(":", 1)
    if not value or not _HEX.match(value):
        return None
    algo = algorithm_name(algorithm or _BY_LENGTH.get(len(value), "")).lower().replace("-", "")
    if algo not in _ALGORITHMS:
        return None
    return value.lower(), SPDX_ALGORITHM + algo


def algorithm_name(iri: str) -> str:
    return iri[len(SPDX_ALGORITHM):] if iri.startswith(SPDX_ALGORITHM) else iri
