"""Steward commands, added to the shared ``ckan tokyo`` group:

    ckan tokyo validate [--org ORG] [--dataset ID] [--all] [--since DATE] [--pending] [--sync]
    ckan tokyo report [--org ORG] [--format csv|json|html] [--output FILE]
"""
from __future__ import annotations

import datetime
import sys
from typing import Any, Optional

import click
import sqlalchemy as sa

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.tokyo import bulk
from ckanext.tokyo.cli import tokyo

from . import jobs, report_export, resources
from .model import ResourceValidation, table_exists
from .statuses import ERROR, PENDING
from .summary import Scope, resource_rows, summary


def _organization(org: Optional[str]) -> Optional[model.Group]:
    if not org:
        return None
    group = model.Group.get(org)
    if group is None or not group.is_organization:
        raise click.BadParameter(f"no organisation {org!r}", param_hint="--org")
    return group


def _candidates(org: Optional[str], dataset: Optional[str], since: Optional[datetime.datetime]) -> list[str]:
    query = (model.Session.query(model.Resource.id)
             .join(model.Package, model.Package.id == model.Resource.package_id)
             .filter(model.Resource.state == "active", model.Package.state == "active"))
    group = _organization(org)
    if group is not None:
        query = query.filter(model.Package.owner_org == group.id)
    if dataset:
        package = model.Package.get(dataset)
        if package is None:
            raise click.BadParameter(f"no dataset {dataset!r}", param_hint="--dataset")
        query = query.filter(model.Package.id == package.id)
    if since is not None:
        query = query.filter(sa.or_(model.Resource.last_modified >= since, model.Resource.created >= since,
                                    model.Resource.metadata_modified >= since))
    return [rid for (rid,) in query.order_by(model.Package.name, model.Resource.position)]


def _never_validated(ids: list[str]) -> list[str]:
    known = {rid for (rid,) in model.Session.query(ResourceValidation.resource_id)}
    return [rid for rid in ids if rid not in known]


@tokyo.command("validate")
@click.option("--org", help="Only this organisation (name or id).")
@click.option("--dataset", help="Only this dataset (name or id).")
@click.option("--all", "all_", is_flag=True, help="Every CSV/TSV/XLSX resource, validated or not.")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]),
              help="Resources created or changed since this date (UTC).")
@click.option("--pending", is_flag=True,
              help="Recover stuck runs (running → error), queue pending or never-validated resources "
                   "and reindex datasets whose indexed status drifted.")
@click.option("--sync", is_flag=True, help="Validate here instead of queueing for `ckan jobs worker`.")
def validate_command(org: Optional[str], dataset: Optional[str], all_: bool,
                     since: Optional[datetime.datetime], pending: bool, sync: bool):
    """Validate resources against the standard data formats (queued unless --sync)."""
    if not table_exists():
        raise click.ClickException("the validation table is missing: run `ckan db upgrade -p tokyo_validation`")
    if not (org or dataset or all_ or since or pending):
        raise click.UsageError("say what to validate: --org, --dataset, --all, --since or --pending")
    with bulk.saving():  # behind what editors start
        _validate(org, dataset, all_, since, pending, sync)


def _validate(org: Optional[str], dataset: Optional[str], all_: bool,
              since: Optional[datetime.datetime], pending: bool, sync: bool) -> None:
    ids: list[str] = []
    if pending:
        counts = jobs.recover(requeue=not sync)
        click.echo(f"recovered {counts['recovered']} stuck run(s) as error, "
                   f"re-queued {counts['requeued']} pending run(s)")
        try:
            click.echo(f"reindexed {jobs.repair_index()} dataset(s) whose indexed status had drifted")
        except Exception as exception:  # the search index is down: the rest still helps
            model.Session.rollback()
            click.echo(f"index not checked: {exception}", err=True)
        ids = _never_validated(_candidates(org, dataset, since))
        if sync:  # also run the pending ones here
            ids += [r.resource_id for r in model.Session.query(ResourceValidation)
                    .filter(ResourceValidation.status == PENDING)]
    explicit = bool(org or dataset or all_ or since)
    if explicit:
        ids = list(dict.fromkeys(ids + _candidates(org, dataset, since)))
    _run(ids, sync, force=explicit)


def _run(ids: list[str], sync: bool, force: bool) -> None:
    done: dict[str, int] = {}
    skipped = 0
    with click.progressbar(ids, label="validating" if sync else "queueing", file=sys.stderr,
                           show_pos=True) as bar:
        for resource_id in bar:
            try:
                resource = tk.get_action("resource_show")({"ignore_auth": True}, {"id": resource_id})
                if not resources.eligible(resource):
                    skipped += 1
                    continue
                package = tk.get_action("package_show")({"ignore_auth": True}, {"id": resource["package_id"]})
                row = jobs.enqueue(resource, package, sync=sync, force=force)
                status = (ResourceValidation.get(resource_id) or row).status
            except Exception as exception:  # one bad resource must not stop the batch
                model.Session.rollback()
                status = ERROR
                click.echo(f"\n{resource_id}: {exception}", err=True)
            done[status] = done.get(status, 0) + 1
    counts = ", ".join(f"{n} {s}" for s, n in sorted(done.items())) or "nothing to do"
    click.echo(f"{len(ids) - skipped} resource(s): {counts}" + (f"; {skipped} not CSV/TSV/XLSX" if skipped else ""))


@tokyo.command("report")
@click.option("--org", help="Only this organisation (name or id).")
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "html"]), default="csv", show_default=True)
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-",
              help="Write here instead of standard output.")
def report_command(org: Optional[str], fmt: str, output: Any):
    """Validation results of the whole catalog (or one organisation)."""
    group = _organization(org)
    scope = Scope(all=True, organization=group.id if group else None)
    site_url = tk.config.get("ckan.site_url", "").rstrip("/")
    rows = list(resource_rows(scope, site_url))
    if fmt == "csv":
        output.write(report_export.to_csv(rows))
    elif fmt == "json":
        output.write(report_export.to_json(summary(scope), rows))
    else:
        title = f"データ検証レポート / Validation report: {group.title if group else tk.config.get('ckan.site_title', '')}"
        output.write(report_export.to_html(summary(scope), rows, title))


__all__ = ["tokyo"]
