"""The load job: a resource's file into the DataStore, after its validation.

* When a validation run ends (IPipeValidation), ``queue()`` submits a load
  job. The job decides everything from the current state, so running it
  twice is harmless: the same bytes are never loaded twice (the loaded
  file's sha256 is kept), and loads of one resource never overlap (an
  advisory lock).
* The job loads exactly the bytes that were validated: when the file's
  sha256 differs from the one in the validation report (a linked file
  changed since), it asks for a new validation instead, whose end queues
  the load again.
* Any refusal or failure removes an older table of the resource: the API
  never serves rows of another version of the file.
"""
from __future__ import annotations

import logging
import os
import tempfile
from typing import Any, Optional

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.tokyo import site_user
from ckanext.tokyo.catalog_validation import jobs as validation_jobs, resources
from ckanext.tokyo.catalog_validation.fetch import FetchError
from ckanext.tokyo.catalog_validation.files import UploadNotStored, local_copy
from ckanext.tokyo.catalog_validation.model import ResourceValidation, report_page
from ckanext.tokyo.validation.engine import file_sha256

from . import datastore, gate, settings, table, views
from .model import ResourceLoad, table_exists, utcnow

log = logging.getLogger(__name__)


def queue(resource_id: str) -> bool:
    """Submit a load job (no database write: may run after a commit)."""
    try:
        tk.enqueue_job(run_load, [resource_id], title=f"tokyo_datastore {resource_id}",
                       queue=settings.get("queue"),
                       rq_kwargs={"timeout": settings.get("timeout") + 120, "failure_ttl": 7 * 24 * 3600})
        return True
    except Exception as exception:  # Redis down: `ckan tokyo datastore load --pending` catches up
        log.warning("DataStore load of %s not queued: %s", resource_id, exception)
        return False


def mark_pending(resource_id: str, package_id: str) -> ResourceLoad:
    row = ResourceLoad.get(resource_id) or ResourceLoad(resource_id=resource_id, package_id=package_id)
    row.package_id, row.status, row.reason, row.detail = package_id, gate.PENDING, None, None
    row.created, row.started, row.finished = utcnow(), None, None
    model.Session.add(row)
    model.Session.commit()
    return row


def run_load(resource_id: str) -> Optional[str]:
    """The background job. Returns the status the load ended with."""
    if not table_exists():
        log.warning("tokyo_datastore: run `ckan db upgrade -p tokyo_datastore`; %s not loaded", resource_id)
        return None
    with datastore.resource_lock(resource_id):
        try:
            return _load(resource_id)
        except Exception as exception:
            model.Session.rollback()
            log.exception("DataStore load of %s crashed", resource_id)
            row = ResourceLoad.get(resource_id)
            if row is not None:
                _end(row, gate.ERROR, gate.LOAD_FAILED, f"{type(exception).__name__}: {exception}")
            return gate.ERROR


def _load(resource_id: str) -> Optional[str]:
    context = site_user.context()
    try:
        resource = tk.get_action("resource_show")(dict(context), {"id": resource_id})
    except tk.ObjectNotFound:
        forget(resource_id)
        return None
    run = ResourceValidation.get(resource_id)
    validation = run.as_dict() if run is not None else None
    if validation is not None:  # the report's head (stats, schema, encoding), no findings
        validation["report"] = (report_page(resource_id, 0, 0) or {}).get("report")
    row = ResourceLoad.get(resource_id) or ResourceLoad(resource_id=resource_id, package_id=resource["package_id"])
    loaded_sha = row.sha256 if row.status == gate.LOADED else None
    row.package_id, row.status, row.started, row.finished = resource["package_id"], gate.RUNNING, utcnow(), None
    model.Session.add(row)
    model.Session.commit()

    if not resources.eligible(resource):
        return _refuse(row, gate.UNREADABLE, f"format {resources.resource_format(resource) or '?'} is not loaded")
    reason = gate.refusal(validation, settings.get("load_invalid"), settings.get("repaired"))
    if reason:
        detail = (validation or {}).get("reason") or ""
        if reason == gate.VALIDATION_FAILURE:
            detail = str(gate.remaining_errors(validation or {}, settings.get("repaired")))
        return _refuse(row, reason, detail)
    report = (validation or {}).get("report") or {}
    stats = report.get("stats") or {}
    try:
        with local_copy(resource) as path:
            size = os.path.getsize(path)
            if size > settings.get("max_bytes"):
                return _refuse(row, gate.TOO_LARGE, str(settings.get("max_bytes")), gate.NOT_LOADED)
            sha = file_sha256(path)
            if stats.get("sha256") and stats["sha256"] != sha:
                package = tk.get_action("package_show")(dict(context, for_view=False), {"id": resource["package_id"]})
                validation_jobs.enqueue(resource, package)
                return _refuse(row, gate.FILE_CHANGED, "")
            if loaded_sha == sha and datastore.fields_of(resource_id) is not None:
                views.ensure(resource_id, row.columns or [])
                return _end(row, gate.LOADED, None, "unchanged", sha=sha)
            with tempfile.NamedTemporaryFile("w+", encoding="utf-8", newline="", prefix="tokyo-datastore-",
                                             suffix=".csv") as spool:
                loaded = table.read(path, spool, schema=report.get("schema"), encoding=report.get("encoding"),
                                    header_row=stats.get("header_row"), max_rows=settings.get("max_rows"))
                spool.flush()
                datastore.replace(resource_id, loaded.columns, spool.name, settings.get("timeout"))
    except table.TooManyRows as error:
        return _refuse(row, gate.TOO_MANY_ROWS, str(error.limit), gate.NOT_LOADED)
    except table.Unreadable as error:
        return _refuse(row, gate.UNREADABLE, str(error), gate.ERROR)
    except datastore.LoadFailed as error:
        return _end(row, gate.ERROR, gate.LOAD_FAILED, str(error))
    except (FetchError, UploadNotStored, FileNotFoundError, ValueError) as error:
        return _refuse(row, gate.UNREADABLE, str(error), gate.ERROR)
    columns = [c.as_dict() for c in loaded.columns]
    views.ensure(resource_id, columns)
    return _end(row, gate.LOADED, None, None, sha=sha, rows=loaded.rows, columns=columns,
                schema=loaded.schema, encoding=loaded.encoding)


def _refuse(row: ResourceLoad, reason: str, detail: str, status: Optional[str] = None) -> str:
    """Not loaded: no table may stay from an older version of the file (a
    table waiting for a new validation of its file stays until that ends)."""
    if reason == gate.WAITING_FOR_VALIDATION:
        return _end(row, gate.PENDING, reason, detail)
    datastore.drop(row.resource_id)
    return _end(row, status or gate.status_of(reason), reason, detail, sha=None, rows=None, columns=None)


_KEEP = object()


def _end(row: ResourceLoad, status: str, reason: Optional[str], detail: Optional[str], sha: Any = _KEEP,
         rows: Any = _KEEP, columns: Any = _KEEP, schema: Any = _KEEP, encoding: Any = _KEEP) -> str:
    row = model.Session.merge(row)
    row.status, row.reason, row.detail, row.finished = status, reason, (detail or None), utcnow()
    for name, value in (("sha256", sha), ("rows", rows), ("columns", columns), ("schema", schema),
                        ("encoding", encoding)):
        if value is not _KEEP:
            setattr(row, name, value)
    model.Session.commit()
    log.info("DataStore load of %s: %s%s", row.resource_id, status, f" ({reason})" if reason else "")
    return status


def forget(resource_id: str, commit: bool = True) -> None:
    """The resource is gone: its row goes too (CKAN drops the table)."""
    row = ResourceLoad.get(resource_id) if table_exists() else None
    if row is not None:
        model.Session.delete(row)
        if commit:
            model.Session.commit()


def needing_load(package_id: Optional[str] = None) -> list[tuple[str, str]]:
    """(resource id, package id) of active resources whose validation has
    ended after their last load (or that were never loaded)."""
    query = (model.Session.query(ResourceValidation.resource_id, ResourceValidation.package_id,
                                 ResourceValidation.finished, ResourceLoad.finished, ResourceLoad.status)
             .outerjoin(ResourceLoad, ResourceLoad.resource_id == ResourceValidation.resource_id)
             .join(model.Resource, model.Resource.id == ResourceValidation.resource_id)
             .filter(model.Resource.state == "active",
                     ResourceValidation.status.in_(("success", "failure", "error"))))
    if package_id:
        query = query.filter(ResourceValidation.package_id == package_id)
    out = []
    for resource_id, pkg_id, validated, loaded, status in query:
        if loaded is None or status in (gate.PENDING, gate.RUNNING) or (validated and validated > loaded):
            out.append((resource_id, pkg_id))
    return out
