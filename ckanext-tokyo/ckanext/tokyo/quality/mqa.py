"""The metadata quality score of a dataset, by data.europa.eu's Metadata
Quality Assessment (MQA) method: 23 indicators in five dimensions,
405 points in all; Excellent from 351, Good from 221, Sufficient from 121.

CKAN-free: a tokyo_schema dataset dict (docs/metadata-fields.md) and what
the link checker found for its resource URLs are enough. Each indicator is
scored on what the DCAT export (dcat/graph.py) writes for that dict, the way
MQA scores a harvested DCAT-AP record; distribution indicators count the
share of distributions that have it (MQA's method). Where the export always
writes a property (publisher from the organisation, dates with their
metadata fallbacks) the dataset always gets the points.

Metric IRIs are those MQA publishes its DQV measurements with
(https://piveau.eu/ns/voc#…).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping

from ckanext.tokyo.base import codelists, formats
from ckanext.tokyo.base.i18n import N_

METRICS = "https://piveau.eu/ns/voc#"
EU_LICENCE = codelists.EU_AUTHORITY + "licence/"
PDL_URL = "https://www.digital.go.jp/resources/open_data/public_data_license_v1.0"
LICENCES_IN_EU_TABLE = {"CC-BY-4.0", "CC0-1.0", "ODbL-1.0", "cc-by", "cc-zero", "odc-odbl"}
KNOWN_LICENCES = LICENCES_IN_EU_TABLE | {"PDL-1.0"}

RATINGS = ((351, "excellent"), (221, "good"), (121, "sufficient"), (0, "bad"))
DIMENSIONS = ("findability", "accessibility", "interoperability", "reusability", "contextuality")


@dataclass(frozen=True)
class Indicator:
    key: str  # MQA metric local name
    dimension: str
    points: int  # the most it gives
    hint: str  # what to add (English msgid, translated where shown)


@dataclass
class Result:
    indicator: Indicator
    share: float  # 0..1: met, or the share of distributions that meet it
    checked: bool = True  # False: not known yet (URLs not checked)

    @property
    def points(self) -> int:
        return round(self.indicator.points * self.share)


@dataclass
class Score:
    results: list[Result] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(r.points for r in self.results)

    @property
    def rating(self) -> str:
        return next(name for floor, name in RATINGS if self.total >= floor)

    def dimensions(self) -> dict[str, tuple[int, int]]:
        """dimension -> (points, most)."""
        out = {d: [0, 0] for d in DIMENSIONS}
        for r in self.results:
            out[r.indicator.dimension][0] += r.points
            out[r.indicator.dimension][1] += r.indicator.points
        return {d: (a, b) for d, (a, b) in out.items()}

    def missing(self) -> list[Result]:
        """Indicators short of their points, the largest gain first."""
        short = [r for r in self.results if r.points < r.indicator.points]
        return sorted(short, key=lambda r: r.points - r.indicator.points)

    def as_dict(self) -> dict:
        return {"score": self.total, "rating": self.rating, "max": MAX,
                "dimensions": {d: {"points": a, "max": b} for d, (a, b) in self.dimensions().items()},
                "indicators": {r.indicator.key: {"points": r.points, "max": r.indicator.points,
                                                 "share": round(r.share, 3), "checked": r.checked}
                               for r in self.results}}

INDICATORS = (
    Indicator("keywordAvailability", "findability", 30, N_("Add keywords (tags)")),
    Indicator("categoryAvailability", "findability", 30, N_("Choose a category or a data theme")),
    Indicator("spatialAvailability", "findability", 20, N_("Add the spatial coverage (the area the data covers)")),
    Indicator("temporalAvailability", "findability", 20, N_("Add the temporal coverage (the period the data covers)")),
    Indicator("accessUrlStatusCode", "accessibility", 50, N_("Fix resource URLs that do not answer")),
    Indicator("downloadUrlAvailability", "accessibility", 20,
              N_("Link the files themselves (a file format, not a web page)")),
    Indicator("downloadUrlStatusCode", "accessibility", 30, N_("Fix download URLs that do not answer")),
    Indicator("formatAvailability", "interoperability", 20, N_("Give every resource its format")),
    Indicator("mediaTypeAvailability", "interoperability", 10, N_("Use formats with a registered media type")),
    Indicator("formatMediaTypeVocabularyAlignment", "interoperability", 10,
              N_("Use formats from the EU file-type list (CSV, XLSX, JSON, …)")),
    Indicator("formatMediaTypeNonProprietary", "interoperability", 20,
              N_("Also publish an open format (CSV rather than XLS)")),
    Indicator("formatMediaTypeMachineInterpretable", "interoperability", 20,
              N_("Also publish a machine-readable format (CSV, JSON, XML rather than PDF)")),
    Indicator("dcatApCompliance", "interoperability", 30,
              N_("Fill the required fields (title, description, resource URLs)")),
    Indicator("licenceAvailability", "reusability", 20, N_("Choose a licence")),
    Indicator("knownLicence", "reusability", 10,
              N_("Use a licence from the EU licence list (CC BY 4.0 rather than PDL1.0)")),
    Indicator("accessRightsAvailability", "reusability", 10, N_("Set the access rights")),
    Indicator("accessRightsVocabularyAlignment", "reusability", 5, N_("Set the access rights from the list")),
    Indicator("contactPointAvailability", "reusability", 20, N_("Add a contact point")),
    Indicator("publisherAvailability", "reusability", 10, N_("Give the organisation its corporate number (法人番号)")),
    Indicator("rightsAvailability", "contextuality", 5, N_("Choose a licence (its terms are published as the rights)")),
    Indicator("byteSizeAvailability", "contextuality", 5, N_("Give the file sizes")),
    Indicator("dateIssuedAvailability", "contextuality", 5, N_("Add the date of issue")),
    Indicator("dateModifiedAvailability", "contextuality", 5, N_("Add the date of last modification")),
)
MAX = sum(i.points for i in INDICATORS)
BY_KEY = {i.key: i for i in INDICATORS}

# url -> True (answers), False (does not), missing: not checked yet
LinkStatus = Mapping[str, bool]


def _filled(value) -> bool:
    if isinstance(value, dict):
        return any(_filled(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_filled(v) for v in value)
    return value not in (None, "", False)


def _share(items: list, test: Callable[[dict], bool]) -> float:
    return sum(1 for item in items if test(item)) / len(items) if items else 0.0


def is_download(resource: dict) -> bool:
    """What the export writes a dcat:downloadURL for (dcat/graph.py)."""
    if not (resource.get("url") or "").strip():
        return False
    known = formats.lookup(resource.get("format"))
    return resource.get("url_type") == "upload" or bool(known and known.file_type_uri and known.code != "HTML")


def score(dataset: dict, links: LinkStatus | None = None, has_publisher: bool = True) -> Score:
    links = links or {}
    resources = [r for r in dataset.get("resources") or [] if isinstance(r, dict)]
    known = [formats.lookup(r.get("format")) for r in resources]
    with_format = list(zip(resources, known))
    licence = dataset.get("license_id") or ""
    rights = codelists.lookup(codelists.access_rights(), dataset.get("access_rights") or "")

    def url_ok(r):
        return links.get((r.get("url") or "").strip()) is True

    urls = [(r.get("url") or "").strip() for r in resources]
    access_checked = bool(urls) and all(u in links for u in urls)
    shares = {
        "keywordAvailability": float(_filled(dataset.get("tags_translated") or dataset.get("tags"))),
        "categoryAvailability": float(_filled(dataset.get("category")) or _filled(dataset.get("theme"))),
        "spatialAvailability": float(_filled(dataset.get("spatial_coverage"))),
        "temporalAvailability": float(_filled(dataset.get("temporal_coverage"))),
        "accessUrlStatusCode": _share(resources, url_ok),
        "downloadUrlAvailability": _share(resources, is_download),
        "downloadUrlStatusCode": _share(resources, lambda r: is_download(r) and url_ok(r)),
        "formatAvailability": _share(resources, lambda r: bool((r.get("format") or "").strip())),
        "mediaTypeAvailability": _share(with_format, lambda rf: bool(
            (rf[1] and rf[1].media_type) or "/" in (rf[0].get("mimetype") or ""))),
        "formatMediaTypeVocabularyAlignment": _share(known, lambda f: bool(f and f.file_type_uri)),
        "formatMediaTypeNonProprietary": _share(known, lambda f: bool(f and f.non_proprietary)),
        "formatMediaTypeMachineInterpretable": _share(known, lambda f: bool(f and f.machine_readable)),
        "dcatApCompliance": float(bool(
            _filled(dataset.get("title_translated") or dataset.get("title"))
            and _filled(dataset.get("notes_translated") or dataset.get("notes"))
            and resources and all((r.get("url") or "").strip() for r in resources))),
        "licenceAvailability": float(bool(licence)),
        "knownLicence": float(licence in LICENCES_IN_EU_TABLE),
        "accessRightsAvailability": float(bool(dataset.get("access_rights"))),
        "accessRightsVocabularyAlignment": float(rights is not None),
        "contactPointAvailability": float(_filled(dataset.get("contact")) or _filled(dataset.get("maintainer"))),
        "publisherAvailability": float(has_publisher),
        "rightsAvailability": float(licence in KNOWN_LICENCES) if resources else 0.0,
        "byteSizeAvailability": _share(resources, lambda r: str(r.get("size") or "").isdigit()),
        "dateIssuedAvailability": float(bool(dataset.get("issued") or dataset.get("metadata_created"))),
        "dateModifiedAvailability": float(bool(dataset.get("modified") or dataset.get("metadata_modified"))),
    }
    unchecked = {"accessUrlStatusCode", "downloadUrlStatusCode"} if not access_checked else set()
    return Score([Result(i, shares[i.key], i.key not in unchecked) for i in INDICATORS])
