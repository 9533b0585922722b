"""Page views and downloads from CKAN's tracking tables.

CKAN's ``tracking`` plugin stores one row per visit in ``tracking_raw`` (a
hash of the visitor's address and browser, the page or file URL, the time)
and ``ckan tracking update`` sums them per URL and day into
``tracking_summary``: the number of distinct visitors of each dataset page
(``page``) and each downloaded file (``resource``, clicks on download links).
This module reads only the summary.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

import ckan.model as model

from ckanext.tokyo import compat
from ckanext.tokyo.base import codelists
from ckanext.tokyo.base.values import value_list

NOT_FOUND = "~~not~found~~"  # the package_id tracking gives pages that are no dataset
_DOWNLOAD = re.compile(r"/dataset/[^/]+/resource/([0-9a-f-]{36})/download")


def _summary():
    from ckanext.tracking.model import TrackingSummary

    return TrackingSummary


def dataset_usage(pkg: dict[str, Any]) -> dict[str, int]:
    """views (distinct visitors of the page, all days), recent_views (the
    last 14 days) and downloads (of its files) of a dataset."""
    summary = _summary()
    views = summary.get_for_package(pkg["id"])
    downloads = sum(summary.get_for_resource(r["url"])["total"] for r in pkg.get("resources") or [] if r.get("url"))
    return {"views": views["total"], "recent_views": views["recent"], "downloads": downloads}


@dataclass
class Series:
    """One organisation's or category's numbers over the period."""

    key: str
    views: list[int]
    downloads: list[int]
    label: dict[str, str] = field(default_factory=dict)

    @property
    def total_views(self) -> int:
        return sum(self.views)

    @property
    def total_downloads(self) -> int:
        return sum(self.downloads)


def _resource_packages(urls: Iterable[str]) -> dict[str, str]:
    """download URL → dataset id: an uploaded file by the resource id in its
    URL, a linked one by its URL."""
    urls = set(urls)
    ids = {m.group(1): url for url in urls for m in [_DOWNLOAD.search(url)] if m}
    if not urls:
        return {}
    resource = model.Resource
    rows = model.Session.query(resource.id, resource.package_id, resource.url).filter(
        resource.state == "active", resource.id.in_(list(ids)) | resource.url.in_(list(urls))).all()
    out = {}
    for rid, package_id, url in rows:
        if rid in ids:
            out[ids[rid]] = package_id
        if url in urls:
            out[url] = package_id
    return out


def daily(days: int, today: datetime.date | None = None) -> dict[str, Any]:
    """Page views and downloads per day over the last ``days`` days, for the
    whole catalog, each organisation and each category:
    {days, catalog: Series, organizations: [Series], categories: [Series]}."""
    today = today or datetime.date.today()
    dates = [today - datetime.timedelta(days=n) for n in range(days - 1, -1, -1)]
    index = {d: n for n, d in enumerate(dates)}
    summary = _summary()
    rows = model.Session.query(summary.url, summary.package_id, summary.tracking_type, summary.count,
                               summary.tracking_date).filter(summary.tracking_date >= dates[0]).all()
    downloads_of = _resource_packages(url for url, _, kind, _, _ in rows if kind == "resource")
    counted = []  # (dataset id, day index, views, downloads)
    for url, package_id, kind, count, date in rows:
        if date not in index:
            continue
        if kind == "page" and package_id and package_id != NOT_FOUND:
            counted.append((package_id, index[date], count, 0))
        elif kind == "resource" and url in downloads_of:
            counted.append((downloads_of[url], index[date], 0, count))
    datasets = compat.package_extras(p for p, _, _, _ in counted)

    def series(key: str) -> Series:
        return Series(key, [0] * days, [0] * days)

    catalog, orgs, cats = series(""), {}, {}
    for package_id, n, views, downloads in counted:
        info = datasets.get(package_id) or {"owner_org": None, "extras": {}}
        targets = [catalog]
        if info["owner_org"]:
            targets.append(orgs.setdefault(info["owner_org"], series(info["owner_org"])))
        for code in value_list(info["extras"].get("category")):
            if codelists.category(code):
                targets.append(cats.setdefault(code, series(code)))
        for target in targets:
            target.views[n] += views
            target.downloads[n] += downloads
    groups = compat.group_extras(ids=list(orgs))
    for group in groups.values():
        org = orgs[group["id"]]
        org.key = group["name"]
        org.label = {"ja": group["title"], "en": (group["extras"].get("title_en") or "").strip() or group["title"]}
    for code, cat in cats.items():
        cat.label = codelists.category(code).label

    def ranked(items: Iterable[Series]) -> list[Series]:
        return sorted(items, key=lambda s: (-s.total_views, -s.total_downloads, s.key))

    return {"days": dates, "catalog": catalog, "organizations": ranked(orgs.values()),
            "categories": ranked(cats.values())}
