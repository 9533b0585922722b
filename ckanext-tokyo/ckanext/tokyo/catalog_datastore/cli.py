"""Operator command, added to the shared ``ckan tokyo`` group:

    ckan tokyo datastore-load [--dataset ID] [--sync] [RESOURCE_ID ...]

Queues the loads whose validation ended since their last load (a Redis
outage, tables validated before tokyo_datastore was enabled), or the given
resources.
"""
from __future__ import annotations

import click

import ckan.model as model

from ckanext.tokyo.cli import tokyo

from . import jobs
from .model import table_exists


@tokyo.command("datastore-load")
@click.argument("resource_ids", nargs=-1)
@click.option("--dataset", help="Only this dataset's resources (id or name).")
@click.option("--sync", is_flag=True, help="Load here instead of queueing jobs.")
def datastore_load(resource_ids, dataset, sync):
    """Load validated tables into the DataStore (those that need it, or the given ones)."""
    if not table_exists():
        raise click.ClickException("run `ckan db upgrade -p tokyo_datastore` first")
    if resource_ids:
        targets = []
        for resource_id in resource_ids:
            resource = model.Resource.get(resource_id)
            if resource is None:
                raise click.BadParameter(f"no resource {resource_id!r}")
            targets.append((resource.id, resource.package_id))
    else:
        package = model.Package.get(dataset) if dataset else None
        if dataset and package is None:
            raise click.BadParameter(f"no dataset {dataset!r}", param_hint="--dataset")
        targets = jobs.needing_load(package.id if package else None)
    counts: dict[str, int] = {}
    for resource_id, package_id in targets:
        jobs.mark_pending(resource_id, package_id)
        if sync:
            status = jobs.run_load(resource_id) or "skipped"
        else:
            status = "queued" if jobs.queue(resource_id) else "left pending"
        counts[status] = counts.get(status, 0) + 1
    click.echo(f"{len(targets)} resources: " + (", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "none"))
