"""Resource URLs checked for reachability, on a schedule, through the same
guarded client as validation downloads (catalog_validation/fetch.py): no
private or metadata addresses, redirects vetted, time capped; the body is
not read. A URL answers when it ends (after redirects) in HTTP 200."""
from __future__ import annotations

import datetime
from typing import Iterable

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.tokyo.catalog_validation import settings as validation_settings
from ckanext.tokyo.catalog_validation.fetch import FetchError, GuardedClient
from ckanext.tokyo.quality.model import LinkCheck, utcnow

RECHECK_AFTER = datetime.timedelta(days=7)


def client() -> GuardedClient:
    return GuardedClient(timeout=float(tk.config.get("ckanext.tokyo.quality.link_timeout")),
                         max_redirects=validation_settings.get("fetch_max_redirects"),
                         allow_hosts=validation_settings.get("allow_hosts"), accept="*/*",
                         user_agent="ckanext-tokyo-linkcheck/1.0")


def check(resource_id: str, package_id: str, url: str, guarded: GuardedClient | None = None) -> LinkCheck:
    """Check one URL now and store the result."""
    guarded = guarded or client()
    row = model.Session.get(LinkCheck, resource_id) or LinkCheck(resource_id=resource_id)
    row.package_id, row.url, row.checked = package_id, url, utcnow()
    try:
        fetched = guarded.fetch(url, None)
        row.ok, row.status, row.error = True, fetched.status, None
    except FetchError as e:
        row.ok, row.status, row.error = False, None, str(e)[:500]
    model.Session.add(row)
    return row


def due(limit: int) -> Iterable[tuple[str, str, str]]:
    """(resource id, dataset id, url) of public, active resources never
    checked, checked longer than RECHECK_AFTER ago, or whose URL changed."""
    res, pkg = model.Resource, model.Package
    stale = utcnow() - RECHECK_AFTER
    query = (model.Session.query(res.id, res.package_id, res.url)
             .join(pkg, pkg.id == res.package_id)
             .outerjoin(LinkCheck, LinkCheck.resource_id == res.id)
             .filter(res.state == "active", pkg.state == "active", pkg.private.is_(False),
                     res.url != "", res.url_type.is_distinct_from("upload"))
             .filter((LinkCheck.resource_id.is_(None)) | (LinkCheck.checked < stale) | (LinkCheck.url != res.url))
             .order_by(LinkCheck.checked.asc().nullsfirst())
             .limit(limit))
    return list(query)


def statuses(package_id: str) -> dict[str, bool]:
    """url -> reachable, for a dataset's checked resources (uploads always are)."""
    rows = model.Session.query(LinkCheck.url, LinkCheck.ok).filter(LinkCheck.package_id == package_id)
    return {url: ok for url, ok in rows}
