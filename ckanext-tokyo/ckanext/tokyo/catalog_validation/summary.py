"""Catalog-wide figures: per-organisation pass rates, findings by rule, and
the per-resource rows of the steward report. One place for the action
``tokyo_validation_summary``, the /tokyo/quality page and ``ckan tokyo report``.

Scope: ``Scope(all=True)`` (sysadmin, the CLI) or public datasets plus the
private datasets of the organisations the caller may read.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional

import sqlalchemy as sa

import ckan.model as model

from ckanext.tokyo.base import formats
from ckanext.tokyo.validation import messages

from . import resources, settings
from .model import ResourceValidation, table_exists
from .statuses import ERROR, FAILURE, NOT_VALIDATED, STATUSES, SUCCESS


@dataclass
class Scope:
    all: bool = False
    org_ids: set[str] = field(default_factory=set)  # private datasets of these are visible
    organization: Optional[str] = None  # restrict to one organisation (id)

    def apply(self, query: Any) -> Any:
        query = query.filter(model.Package.state == "active", model.Package.type == "dataset")
        if self.organization:
            query = query.filter(model.Package.owner_org == self.organization)
        if not self.all:
            visible = model.Package.private == sa.false()
            if self.org_ids:
                visible = sa.or_(visible, model.Package.owner_org.in_(self.org_ids))
            query = query.filter(visible)
        return query


def _format_values() -> list[str]:
    """The ``format`` values stored on active resources that may be eligible:
    a validated format in any spelling, or blank (then the URL decides)."""
    wanted = settings.formats() | {""}
    stored = model.Session.query(model.Resource.format).filter(model.Resource.state == "active").distinct()
    return [value or "" for (value,) in stored if formats.normalise(value) in wanted]


def _eligible(scope: Scope, *entities: Any, order_by: tuple = ()) -> Iterator[Any]:
    """Eligible resources (resources.eligible) of visible datasets, active,
    with their run if any: rows of ``entities``."""
    query = (model.Session.query(*entities, model.Resource.format, model.Resource.url)
             .select_from(model.Resource)
             .join(model.Package, model.Package.id == model.Resource.package_id)
             .filter(model.Resource.state == "active",
                     sa.func.coalesce(model.Resource.format, "").in_(_format_values()),
                     sa.func.coalesce(model.Resource.url, "") != ""))
    if table_exists():
        query = query.outerjoin(ResourceValidation, ResourceValidation.resource_id == model.Resource.id)
    query = scope.apply(query)
    if order_by:
        query = query.order_by(*order_by)
    for row in query:
        if resources.eligible({"format": row[-2], "url": row[-1]}):
            yield row[:-2]


def summary(scope: Scope) -> dict[str, Any]:
    """{"organizations": [...], "totals": {...}, "by_code": [...]}"""
    has_table = table_exists()
    columns = [model.Package.owner_org]
    if has_table:
        columns += [ResourceValidation.status, ResourceValidation.counts]
    orgs: dict[Optional[str], dict[str, Any]] = defaultdict(_counts)
    totals = _counts()
    by_code: Counter[str] = Counter()
    resources_by_code: Counter[str] = Counter()
    for row in _eligible(scope, *columns):
        org_id = row[0]
        status, counts = (row[1], row[2]) if has_table else (None, None)
        for bucket in (orgs[org_id], totals):
            bucket["resources"] += 1
            if status in STATUSES:
                bucket[status] += 1
            else:
                bucket[NOT_VALIDATED] += 1
        for code, n in (counts or {}).items():
            by_code[code] += n
            resources_by_code[code] += 1
    names = {g.id: g for g in model.Session.query(model.Group).filter(model.Group.id.in_(
        [o for o in orgs if o]))} if orgs else {}
    out = []
    for org_id, counts in orgs.items():
        group = names.get(org_id) if org_id else None
        out.append({"id": org_id, "name": group.name if group else None,
                    "title": group.title if group else None, **_rates(counts)})
    out.sort(key=lambda o: (o["name"] or ""))
    return {"organizations": out, "totals": _rates(totals), "by_code": [
        {"code": code, "severity": _severity(code), "count": n, "resources": resources_by_code[code]}
        for code, n in sorted(by_code.items(), key=lambda kv: (-kv[1], kv[0]))]}


def _counts() -> dict[str, int]:
    return {"resources": 0, NOT_VALIDATED: 0, **{s: 0 for s in STATUSES}}


def _rates(counts: dict[str, int]) -> dict[str, Any]:
    finished = counts[SUCCESS] + counts[FAILURE] + counts[ERROR]
    return {**counts, "validated": finished,
            "pass_rate": round(counts[SUCCESS] / finished, 4) if finished else None}


def _severity(code: str) -> str:
    message = messages.MESSAGES.get(code)
    return message.severity if message else "error"


def affected(scope: Scope, code: str, limit: int = 500) -> list[dict[str, Any]]:
    """The resources whose latest run has findings of rule ``code``, most
    findings first: dataset, resource and the count (the quality page's
    list per rule)."""
    if not table_exists():
        return []
    query = (model.Session.query(model.Package.name, model.Package.title, model.Package.owner_org,
                                 model.Resource.id, model.Resource.name, ResourceValidation.counts)
             .select_from(ResourceValidation)
             .join(model.Resource, model.Resource.id == ResourceValidation.resource_id)
             .join(model.Package, model.Package.id == model.Resource.package_id)
             .filter(model.Resource.state == "active", ResourceValidation.counts.has_key(code)))
    order = (ResourceValidation.counts[code].astext.cast(sa.Integer).desc(), model.Package.name)
    return [{"dataset": name, "dataset_title": title, "owner_org": org, "resource_id": rid,
             "resource_name": rname, "count": int((counts or {}).get(code) or 0)}
            for name, title, org, rid, rname, counts in scope.apply(query).order_by(*order).limit(limit)]


def resource_rows(scope: Scope, site_url: str = "") -> Iterator[dict[str, Any]]:
    """One row per eligible resource for the steward report (report_export.COLUMNS)."""
    has_table = table_exists()
    entities = [model.Package.owner_org, model.Package.name, model.Package.title,
                model.Resource.id, model.Resource.name, model.Resource.format]
    if has_table:
        entities += [ResourceValidation.status, ResourceValidation.errors, ResourceValidation.warnings,
                     ResourceValidation.schema, ResourceValidation.finished, ResourceValidation.reason]
    orgs = {g.id: g.name for g in model.Session.query(model.Group).filter(model.Group.is_organization)}
    order = (model.Package.owner_org, model.Package.name, model.Resource.position)
    for row in _eligible(scope, *entities, order_by=order):
        run = row[6:] if has_table else (None,) * 6
        yield {
            "organization": orgs.get(row[0], row[0] or ""), "dataset": row[1], "dataset_title": row[2],
            "resource_id": row[3], "resource_name": row[4], "format": row[5],
            "status": run[0] or NOT_VALIDATED, "errors": run[1], "warnings": run[2], "schema": run[3],
            "validated": run[4].isoformat() if run[4] else None, "reason": run[5],
            "report_url": f"{site_url}/dataset/{row[1]}/resource/{row[3]}/validation",
        }
