"""Scores computed and stored: on every save (the plugin's hooks), on a
schedule (``ckan tokyo schedule``: stale scores and due link checks), and
read back for the dataset page, /tokyo/quality and the DCAT export."""
from __future__ import annotations

import datetime
from collections import defaultdict

import sqlalchemy as sa

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.tokyo import site_user
from ckanext.tokyo.quality import links, mqa
from ckanext.tokyo.quality.model import DatasetQuality, LinkCheck, tables_exist, utcnow

RESCORE_AFTER = datetime.timedelta(days=1)


def link_statuses(pkg_dict: dict) -> dict[str, bool]:
    """url -> reachable for a dataset's resources: the checks stored, and
    uploads (served by the catalog itself)."""
    found = links.statuses(pkg_dict["id"]) if pkg_dict.get("id") else {}
    for res in pkg_dict.get("resources") or []:
        if res.get("url_type") == "upload" and res.get("url"):
            found[res["url"].strip()] = True
    return found


def compute(pkg_dict: dict) -> mqa.Score:
    return mqa.score(pkg_dict, link_statuses(pkg_dict))


def save(pkg_dict: dict, score: mqa.Score | None = None) -> DatasetQuality:
    score = score or compute(pkg_dict)
    row = model.Session.get(DatasetQuality, pkg_dict["id"]) or DatasetQuality(package_id=pkg_dict["id"])
    row.owner_org, row.score, row.rating = pkg_dict.get("owner_org"), score.total, score.rating
    row.details, row.computed = score.as_dict(), utcnow()
    model.Session.add(row)
    return row


def forget(package_id: str) -> None:
    model.Session.query(DatasetQuality).filter(DatasetQuality.package_id == package_id).delete()


def stored(package_id: str) -> dict | None:
    row = model.Session.get(DatasetQuality, package_id)
    return dict(row.details, computed=row.computed.isoformat()) if row else None


def on_dicts(pkg_dicts: list[dict]) -> None:
    """Put each dataset's stored score on its dict as ``metadata_quality``
    ({score, rating, dimensions: {name: points}}), one query for all."""
    ids = [d["id"] for d in pkg_dicts if d.get("id")]
    if not ids:
        return
    rows = model.Session.query(DatasetQuality.package_id, DatasetQuality.details).filter(
        DatasetQuality.package_id.in_(ids))
    found = {package_id: details for package_id, details in rows}
    for pkg_dict in pkg_dicts:
        details = found.get(pkg_dict.get("id"))
        if details:
            pkg_dict["metadata_quality"] = {
                "score": details["score"], "rating": details["rating"],
                "dimensions": {name: d["points"] for name, d in details["dimensions"].items()}}


def refresh(package_id: str) -> None:
    """Score again and reindex (facet, export) one dataset."""
    from ckan.lib.search import rebuild

    pkg = tk.get_action("package_show")(site_user.context(), {"id": package_id})
    save(pkg)
    model.Session.commit()
    rebuild(package_id)


def check_due_links(limit: int = 200) -> tuple[int, int]:
    """(checked, broken) of the links due; rescored datasets reindexed."""
    guarded = links.client()
    checked = broken = 0
    touched = set()
    for resource_id, package_id, url in links.due(limit):
        row = links.check(resource_id, package_id, url, guarded)
        model.Session.commit()
        checked += 1
        broken += 0 if row.ok else 1
        touched.add(package_id)
    for package_id in touched:
        refresh(package_id)
    return checked, broken


def rescore_due(limit: int = 500) -> int:
    """Datasets never scored or scored longer than RESCORE_AFTER ago."""
    pkg = model.Package
    stale = utcnow() - RESCORE_AFTER
    ids = [i for (i,) in model.Session.query(pkg.id)
           .outerjoin(DatasetQuality, DatasetQuality.package_id == pkg.id)
           .filter(pkg.state == "active", pkg.type == "dataset")
           .filter(DatasetQuality.package_id.is_(None) | (DatasetQuality.computed < stale))
           .limit(limit)]
    for package_id in ids:
        refresh(package_id)
    return len(ids)


def summary(organization: str | None = None) -> dict:
    """Per organisation: datasets scored, mean score, datasets per rating,
    broken links; and the catalog's mean."""
    if not tables_exist():
        return {"organizations": [], "mean": None, "datasets": 0, "broken": []}
    org = model.Group
    query = (model.Session.query(DatasetQuality.owner_org, org.name, org.title, DatasetQuality.rating,
                                 sa.func.count(), sa.func.sum(DatasetQuality.score))
             .join(model.Package, model.Package.id == DatasetQuality.package_id)
             .outerjoin(org, org.id == DatasetQuality.owner_org)
             .filter(model.Package.state == "active", model.Package.private.is_(False))
             .group_by(DatasetQuality.owner_org, org.name, org.title, DatasetQuality.rating))
    if organization:
        query = query.filter(org.name == organization)
    by_org: dict = defaultdict(lambda: {"datasets": 0, "total": 0, "ratings": defaultdict(int), "broken": 0})
    for owner, name, title, rating, count, total in query:
        entry = by_org[owner]
        entry.update(id=owner, name=name, title=title)
        entry["datasets"] += count
        entry["total"] += total or 0
        entry["ratings"][rating] += count
    broken = broken_links(organization)
    for item in broken:
        if item["owner_org"] in by_org:
            by_org[item["owner_org"]]["broken"] += 1
    rows = []
    for entry in by_org.values():
        entry["mean"] = round(entry.pop("total") / entry["datasets"]) if entry["datasets"] else None
        entry["ratings"] = dict(entry["ratings"])
        rows.append(entry)
    rows.sort(key=lambda e: (-(e["mean"] or 0), e.get("name") or ""))
    datasets = sum(e["datasets"] for e in rows)
    mean = round(sum((e["mean"] or 0) * e["datasets"] for e in rows) / datasets) if datasets else None
    return {"organizations": rows, "mean": mean, "datasets": datasets, "max": mqa.MAX, "broken": broken}


def broken_links(organization: str | None = None, limit: int = 500) -> list[dict]:
    pkg, res, org = model.Package, model.Resource, model.Group
    query = (model.Session.query(LinkCheck, pkg.name, pkg.owner_org, org.name, res.name)
             .join(pkg, pkg.id == LinkCheck.package_id)
             .join(res, res.id == LinkCheck.resource_id)
             .outerjoin(org, org.id == pkg.owner_org)
             .filter(LinkCheck.ok.is_(False), pkg.state == "active", pkg.private.is_(False),
                     res.state == "active")
             .order_by(org.name, pkg.name).limit(limit))
    if organization:
        query = query.filter(org.name == organization)
    return [{"dataset": name, "owner_org": owner, "organization": org_name, "resource_id": check.resource_id,
             "resource": res_name, "url": check.url, "error": check.error, "checked": check.checked.isoformat()}
            for check, name, owner, org_name, res_name in query]
