"""The validation status of resources, read from the validation table.

The table (one row per resource, written by the job and by ``enqueue``) is the
only place a status is stored. ``validation_status`` and
``validation_timestamp`` (the names ckanext-validation uses) are put on each
resource when a dataset is shown, searched or indexed, so no save of the
dataset can overwrite them and no job has to rewrite the dataset.

Index and job finishing are serialised per dataset: a transaction that has
written and indexes a dataset with runs in flight takes the dataset's
advisory lock (held until its commit), and a job stores its result under the
same lock. Whichever comes second reads the other's committed state, so the
last index written to Solr always holds the latest status.
"""
from __future__ import annotations

import datetime
import zlib
from typing import Any, Iterable, Optional

import sqlalchemy as sa

import ckan.model as model

from . import resources, statuses
from .model import ResourceValidation, table_exists
from .statuses import PENDING, RUNNING

IN_FLIGHT = (PENDING, RUNNING)


def _timestamp(row: ResourceValidation) -> Optional[str]:
    at: Optional[datetime.datetime] = row.finished or row.started or row.created
    return at.isoformat() if at else None


def of_resources(resource_ids: Iterable[str]) -> dict[str, tuple[str, Optional[str]]]:
    """resource id → (status, timestamp) for those that have a run (one query)."""
    ids = [rid for rid in dict.fromkeys(resource_ids) if rid]
    if not ids or not table_exists():
        return {}
    rows = (model.Session.query(ResourceValidation)
            .filter(ResourceValidation.resource_id.in_(ids)).all())
    return {row.resource_id: (row.status, _timestamp(row)) for row in rows}


def apply(resource_dicts: Iterable[dict[str, Any]]) -> None:
    """Put the stored status on each resource dict (and take away any other)."""
    resource_dicts = [r for r in resource_dicts if isinstance(r, dict)]
    known = of_resources(r.get("id") for r in resource_dicts)
    for resource in resource_dicts:
        found = known.get(resource.get("id"))
        if found is None:
            resource.pop(resources.STATUS_KEY, None)
            resource.pop(resources.TIMESTAMP_KEY, None)
        else:
            resource[resources.STATUS_KEY], resource[resources.TIMESTAMP_KEY] = found


def apply_to_search_results(results: Iterable[dict[str, Any]]) -> None:
    apply(resource for dataset in results for resource in dataset.get("resources") or [])


def strip_stored(package_id: str) -> None:
    """Drop status keys that a client sent with a dataset save from the stored
    resources (the resource hooks drop them from resource saves)."""
    package = model.Package.get(package_id)  # the save's own object: no query
    for resource in package.resources_all if package is not None else ():
        extras = resource.extras or {}
        if resources.STATUS_KEY in extras or resources.TIMESTAMP_KEY in extras:
            resource.extras = {k: v for k, v in extras.items()
                               if k not in (resources.STATUS_KEY, resources.TIMESTAMP_KEY)}


# Per-dataset serialisation of index and result


def lock_dataset(package_id: str) -> None:
    """The dataset's advisory lock, held until this transaction ends."""
    key = zlib.crc32(f"tokyo_validation:{package_id}".encode()) - 2**31
    model.Session.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def _wrote_in_transaction() -> bool:
    return model.Session.execute(sa.text("SELECT txid_current_if_assigned()")).scalar() is not None


def dataset_statuses(package_id: str) -> list[str]:
    """Statuses of the dataset's active resources that have a run."""
    rows = (model.Session.query(ResourceValidation.status)
            .join(model.Resource, model.Resource.id == ResourceValidation.resource_id)
            .filter(model.Resource.package_id == package_id, model.Resource.state == "active"))
    return [status for (status,) in rows]


def for_index(package_id: str) -> Optional[str]:
    """The dataset's status for the search index: the worst of its resources.
    Locks the dataset first when this transaction has written and a run is
    in flight (see the module's docstring)."""
    if not package_id or not table_exists():
        return None
    found = dataset_statuses(package_id)
    if any(s in IN_FLIGHT for s in found) and _wrote_in_transaction():
        lock_dataset(package_id)
        found = dataset_statuses(package_id)
    return statuses.worst(found)


def in_flight_besides(package_id: str, resource_id: str) -> int:
    """Other runs of the dataset still pending or running."""
    return (model.Session.query(sa.func.count(ResourceValidation.resource_id))
            .join(model.Resource, model.Resource.id == ResourceValidation.resource_id)
            .filter(model.Resource.package_id == package_id, model.Resource.state == "active",
                    ResourceValidation.resource_id != resource_id,
                    ResourceValidation.status.in_(IN_FLIGHT))
            .scalar())
