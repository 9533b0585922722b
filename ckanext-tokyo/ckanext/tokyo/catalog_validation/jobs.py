"""Validation runs: enqueue on CKAN's background jobs, run in the worker,
recover runs whose worker died.

Life of a run (one row of tokyo_resource_validation per resource):

    pending  --worker picks it up-->  running  -->  success | failure | error

* ``enqueue()`` writes ``pending`` and puts ``run_validation`` on the RQ queue
  (job id = the row's ``job_id``). If Redis is down the save still succeeds:
  the row stays ``pending`` without a job, and ``ckan tokyo validate --pending``
  enqueues it again (the stack runs that before it starts the worker).
* ``run_validation()`` (in the worker's work horse) reads the upload or fetches
  the URL through the guarded client, runs the CKAN-free core, stores the
  report. Any exception, and RQ's job timeout (raised inside the job), ends
  in ``error`` with the reason.
* A work horse killed outright (SIGKILL, OOM, the machine) cannot write
  anything: ``recover()`` finds ``running`` rows whose RQ job failed or
  vanished, whose worker process is gone, or that passed their deadline, and
  sets ``error``. It runs at the start of every validation job and in
  ``ckan tokyo validate --pending``.
"""
from __future__ import annotations

import logging
import os
import socket
import tempfile
import uuid
from typing import Any, Iterable, Optional

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.tokyo import site_user
from ckanext.tokyo.validation import validate

from . import resources, settings
from .fetch import FetchError, GuardedClient
from .model import ERROR, FAILURE, PENDING, RUNNING, SUCCESS, ResourceValidation, table_exists, utcnow

log = logging.getLogger(__name__)

SYNC_PREFIX = "sync-"


def _resource_and_package(resource_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    context = site_user.context()
    resource = tk.get_action("resource_show")(dict(context), {"id": resource_id})
    package = tk.get_action("package_show")(dict(context, for_view=False),
                                            {"id": resource["package_id"]})
    return resource, package


# Enqueue


def needs_validation(resource: dict[str, Any], package: Optional[dict[str, Any]] = None) -> bool:
    """An eligible resource whose file, URL, format or declared standard
    changed since its last run (our own status writes change none of these)."""
    if not resources.eligible(resource) or not table_exists():
        return False
    row = ResourceValidation.get(resource["id"])
    return row is None or row.fingerprint != resources.fingerprint(resource, package)


def restore_status(resource: dict[str, Any]) -> None:
    """Put the server's validation_status/_timestamp back on a resource saved
    through package_create/_update/_patch, which pass no resource hooks and
    so keep whatever the client sent (no commit: part of that save)."""
    row = ResourceValidation.get(resource["id"]) if table_exists() else None
    status = row.status if row is not None else None
    if resource.get(resources.STATUS_KEY) != status or (status is None and resources.TIMESTAMP_KEY in resource):
        at = (row.finished or row.started or row.created) if row is not None else None
        resources.write_status(resource["id"], status, commit=False, at=at)


def enqueue(resource: dict[str, Any], package: Optional[dict[str, Any]] = None,
            sync: Optional[bool] = None) -> ResourceValidation:
    """Mark the resource pending and queue (or, in sync mode, run) its validation."""
    sync = settings.get("run_sync") if sync is None else sync
    token = (SYNC_PREFIX if sync else "") + str(uuid.uuid4())
    row = ResourceValidation.get(resource["id"]) or ResourceValidation(resource_id=resource["id"])
    row.package_id = resource["package_id"]
    row.status = PENDING
    row.job_id = token
    row.fingerprint = resources.fingerprint(resource, package)
    row.schema = resources.declared_schema(resource, package)
    row.reason = None
    row.created, row.started, row.finished = utcnow(), None, None
    model.Session.add(row)
    resources.write_status(resource["id"], PENDING, commit=False)
    model.Session.commit()
    if sync:
        run_validation(resource["id"], token)
    else:
        _submit(row, token)
    return row


def _submit(row: ResourceValidation, token: str) -> bool:
    try:
        tk.enqueue_job(run_validation, [row.resource_id, token],
                       title=f"tokyo_validation {row.resource_id}",
                       queue=settings.get("queue"),
                       rq_kwargs={"job_id": token, "timeout": settings.job_timeout(),
                                  "failure_ttl": 7 * 24 * 3600})
        return True
    except Exception as exception:  # Redis down: the save must still succeed
        log.warning("validation of resource %s left pending: cannot enqueue (%s)",
                    row.resource_id, exception)
        model.Session.rollback()
        fresh = ResourceValidation.get(row.resource_id)
        if fresh is not None and fresh.job_id == token:
            fresh.reason = f"queue unavailable: {exception}"[:500]
            model.Session.commit()
        return False


# The job


def run_validation(resource_id: str, token: Optional[str] = None) -> Optional[str]:
    """The background job: validate one resource, store the report. Returns the status."""
    if not token or not token.startswith(SYNC_PREFIX):
        try:
            recover(exclude=[resource_id])
        except Exception:  # recovery is best effort; this run matters more
            log.exception("validation recovery failed")
            model.Session.rollback()
    row = ResourceValidation.get(resource_id)
    if row is None or (token and row.job_id != token):
        log.info("validation of %s skipped: superseded by a newer run", resource_id)
        return None
    row.status, row.started, row.reason = RUNNING, utcnow(), None
    if not resources.write_status(resource_id, RUNNING, commit=False):
        model.Session.delete(row)
        model.Session.commit()
        return None
    model.Session.commit()
    try:
        resource, package = _resource_and_package(resource_id)
        schema = resources.declared_schema(resource, package)
        with _local_copy(resource) as path:
            report = validate(path, schema or "auto", settings.options())
        data = report.to_dict()
        status = SUCCESS if report.valid else FAILURE
        return _finish(resource_id, token, status, report=data, schema=report.schema or schema)
    except tk.ObjectNotFound:
        model.Session.rollback()
        return _finish(resource_id, token, ERROR, reason="the resource was deleted")
    except FetchError as exception:
        model.Session.rollback()
        return _finish(resource_id, token, ERROR, reason=f"download refused or failed: {exception}")
    except Exception as exception:
        model.Session.rollback()
        if type(exception).__name__ == "JobTimeoutException":
            reason = f"timed out after {settings.job_timeout()} s"
        else:
            log.exception("validation of resource %s crashed", resource_id)
            reason = f"validation crashed: {type(exception).__name__}: {exception}"
        return _finish(resource_id, token, ERROR, reason=reason)


class _local_copy:
    """The file to validate: the upload in CKAN's storage, or the URL fetched
    through the guarded client into a temporary file."""

    def __init__(self, resource: dict[str, Any]):
        self.resource = resource
        self.temp: Optional[Any] = None

    def __enter__(self) -> str:
        resource = self.resource
        if resource.get("url_type") == "upload":
            from ckan.lib import uploader

            path = uploader.get_resource_uploader(resource).get_path(resource["id"])
            if not path or not os.path.exists(path):
                raise FileNotFoundError("the uploaded file is not in the storage")
            return path
        client = GuardedClient(
            max_bytes=settings.get("max_bytes"), timeout=float(settings.get("fetch_timeout")),
            max_redirects=settings.get("fetch_max_redirects"), allow_hosts=settings.get("allow_hosts"))
        self.temp = tempfile.NamedTemporaryFile(prefix="tokyo-validation-", suffix=".data")
        client.fetch(resource["url"], self.temp)
        self.temp.flush()
        return self.temp.name

    def __exit__(self, *exc_info: Any) -> None:
        if self.temp is not None:
            self.temp.close()


def _finish(resource_id: str, token: Optional[str], status: str, report: Optional[dict] = None,
            schema: Optional[str] = None, reason: Optional[str] = None) -> Optional[str]:
    row = ResourceValidation.get(resource_id)
    if row is None or (token and row.job_id != token):
        log.info("result for %s dropped: superseded by a newer run", resource_id)
        return None
    row.status, row.finished, row.reason = status, utcnow(), reason
    if report is not None:
        stats = report.get("stats", {})
        row.report, row.schema = report, schema
        row.errors, row.warnings = stats.get("errors", 0), stats.get("warnings", 0)
        row.counts = stats.get("by_code", {})
    else:
        row.report, row.errors, row.warnings, row.counts = None, None, None, None
    if not resources.write_status(resource_id, status, commit=False):
        model.Session.delete(row)
    model.Session.commit()
    log.info("validation of resource %s: %s%s", resource_id, status, f" ({reason})" if reason else "")
    return status


def fail(row: ResourceValidation, reason: str) -> None:
    """End a run as error from outside the job (recovery)."""
    _finish(row.resource_id, row.job_id, ERROR, reason=reason)


# Recovery


def recover(exclude: Iterable[str] = (), requeue: bool = False) -> dict[str, int]:
    """Runs stuck in `running` become `error` with the reason; with requeue,
    `pending` runs without a live job (Redis was down) are enqueued again."""
    counts = {"recovered": 0, "requeued": 0}
    if not table_exists():
        return counts
    skip = set(exclude)
    rows = (model.Session.query(ResourceValidation)
            .filter(ResourceValidation.status.in_([RUNNING, PENDING])).all())
    queue = _rq_queue()
    for row in rows:
        if row.resource_id in skip:
            continue
        if row.status == RUNNING:
            reason = abandoned(row, queue)
            if reason:
                fail(row, reason)
                counts["recovered"] += 1
        elif requeue and queue is not None and not _job_alive(row, queue):
            token = str(uuid.uuid4())
            row.job_id, row.created, row.reason = token, utcnow(), None
            model.Session.commit()
            if _submit(row, token):
                counts["requeued"] += 1
    return counts


def _rq_queue() -> Any:
    try:
        from ckan.lib import jobs as bg

        queue = bg.get_queue(settings.get("queue"))
        queue.connection.ping()
        return queue
    except Exception as exception:
        log.warning("validation recovery without Redis (%s): deadlines only", exception)
        return None


def _job(row: ResourceValidation, queue: Any) -> Any:
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    try:
        return Job.fetch(row.job_id, connection=queue.connection)
    except NoSuchJobError:
        return None


def _job_alive(row: ResourceValidation, queue: Any) -> bool:
    if not row.job_id or row.job_id.startswith(SYNC_PREFIX):
        return False
    job = _job(row, queue)
    return job is not None and job.get_status(refresh=True) in ("queued", "started", "deferred", "scheduled")


def abandoned(row: ResourceValidation, queue: Any) -> Optional[str]:
    """Why a `running` run will never finish, or None if it may still."""
    limit = settings.job_timeout() + 60
    started = row.started or row.created
    if started and (utcnow() - started).total_seconds() > limit:
        return f"no result {limit} s after the job started (timed out or the worker died)"
    if queue is None or not row.job_id or row.job_id.startswith(SYNC_PREFIX):
        return None
    job = _job(row, queue)
    if job is None:
        return "the background job disappeared from the queue (worker stopped?)"
    status = job.get_status(refresh=True)
    if status in ("failed", "stopped", "canceled"):
        return f"the background job {status}: {_last_line(job)}"
    if status == "started":
        return _worker_gone(job, queue)
    return None


def _last_line(job: Any) -> str:
    try:
        result = job.latest_result()
        text = (result.exc_string if result is not None else None) or job.exc_info or ""
    except Exception:
        text = job.exc_info or ""
    lines = [line for line in str(text).strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else "no reason recorded"


def _worker_gone(job: Any, queue: Any) -> Optional[str]:
    from rq.worker import Worker

    name = job.worker_name
    if not name:
        return None
    worker = Worker.find_by_key(Worker.redis_worker_namespace_prefix + name, connection=queue.connection)
    if worker is None:
        return f"worker {name} is gone"
    if worker.hostname == socket.gethostname() and worker.pid and not _pid_alive(worker.pid):
        return f"worker process {worker.pid} died during the job"
    from rq.registry import StartedJobRegistry

    registry = StartedJobRegistry(queue=queue)
    try:
        expires = registry.get_expiration_time(job)
    except Exception:
        expires = None
    if expires is not None and expires < utcnow():
        return "the worker stopped sending heartbeats (abandoned job)"
    return None


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def delete(resource_id: str) -> bool:
    row = ResourceValidation.get(resource_id) if table_exists() else None
    if row is not None:
        model.Session.delete(row)
    changed = resources.write_status(resource_id, None, commit=False)
    model.Session.commit()
    return row is not None or changed
