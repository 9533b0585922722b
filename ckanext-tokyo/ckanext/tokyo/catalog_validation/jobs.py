"""Validation runs: queued with the save that needs them, run in the worker,
recovered when their worker died.

Life of a run (one row of tokyo_resource_validation per resource, the only
place its status is stored; see resource_status.py):

    pending  --worker picks it up-->  running  -->  success | failure | error

* ``queue_changed()`` runs inside a dataset save (package_create/_update, and
  so resource_create/_update too): it reads the saved resources from the
  session (``resources.as_saved``, not a second package_show), writes
  ``pending`` rows for those whose file, URL, format or standard changed, as
  part of the save's own transaction (no commit of its own, so it works
  inside 2.12's nested transactions), and the RQ jobs are submitted together
  once that transaction has committed. If Redis is down the save still
  succeeds: the row stays ``pending`` and ``ckan tokyo validate --pending``
  queues it again.
* ``run_validation()`` (the job) reads the upload or fetches the URL through
  the guarded client, runs the CKAN-free core and stores the result. The
  dataset is reindexed once, by the last of its runs to finish. A file whose
  bytes (and standard, validator and limits) are those of the last run gets
  the last run's result without being validated again (``content_key``).
* The result is committed before the dataset is indexed: with Solr down it
  is kept, and a ``reindex`` job retries the index (RQ's retry, intervals
  ``index_retry``); ``drifted()`` finds whatever is still missed.
* Runs an editor starts go to the priority queue, runs of saves made in
  ``bulk.saving()`` (imports, harvests, steward commands) to the bulk queue.
* A work horse killed outright cannot write anything: ``recover()`` finds
  ``running`` rows whose RQ job failed or vanished, whose worker process is
  gone, or that passed their deadline, and ends them in ``error``.
* Reasons are shown to anyone who may see the resource: they never carry
  internal URLs, addresses or paths (``public_reason``); the log has them.
"""
from __future__ import annotations

import json
import logging
import os
import re
import socket
import uuid
from dataclasses import dataclass
from importlib import metadata
from typing import Any, Iterable, Iterator, Optional

from sqlalchemy import event

import ckan.model as model
import ckan.plugins as p
import ckan.plugins.toolkit as tk

from ckanext.tokyo import bulk, compat, site_user
from ckanext.tokyo.validation import validate
from ckanext.tokyo.validation.engine import file_sha256
from ckanext.tokyo.validation.report import without_paths

from . import fixed_copies, resource_status, resources, settings, statuses
from .fetch import FetchError
from .files import UploadNotStored as _UploadNotStored, local_copy as _local_copy
from .interfaces import IPipeValidation
from .model import ResourceValidation, table_exists, utcnow
from .statuses import ERROR, FAILURE, PENDING, RUNNING, SUCCESS

log = logging.getLogger(__name__)

SYNC_PREFIX = "sync-"
_SUBMIT = "tokyo_validation_submit"  # session.info: jobs to submit after commit
_ANNOUNCE = "tokyo_validation_announce"  # session.info: results to announce after commit


# Queueing, inside a save


def queue_changed(package_id: str, resource_id: Optional[str] = None) -> list[str]:
    """Queue the eligible resources of a dataset (or only ``resource_id``)
    whose file, URL, format or standard changed since their last run, or that
    never ran. Part of the caller's transaction. Returns the ids queued."""
    if not table_exists():
        return []
    package, saved = resources.as_saved(package_id)
    candidates = [r for r in saved if resource_id in (None, r["id"]) and resources.eligible(r)]
    if not candidates:
        return []
    rows = {row.resource_id: row for row in model.Session.query(ResourceValidation)
            .filter(ResourceValidation.resource_id.in_([r["id"] for r in candidates]))}
    queued = []
    for resource in candidates:
        row = rows.get(resource["id"])
        if row is None or row.fingerprint != resources.fingerprint(resource, package):
            enqueue(resource, package, in_save=True,
                    row=row or ResourceValidation(resource_id=resource["id"]))
            queued.append(resource["id"])
    return queued


def enqueue(resource: dict[str, Any], package: Optional[dict[str, Any]] = None,
            sync: Optional[bool] = None, in_save: bool = False, force: bool = False,
            row: Optional[ResourceValidation] = None) -> ResourceValidation:
    """Mark the resource pending and queue (or, in sync mode, run) its validation.

    in_save: called inside a dataset save, whose commit is the caller's; a
    sync run then happens inside that transaction (or, for an upload not yet
    in the storage, right after the save: ``run_deferred``). Otherwise this
    commits, and a sync run happens here.
    force: validate even when the bytes are those of the last run (someone
    asked for it); otherwise the last result is reused then.
    row: the resource's row when the caller has read it (a new one if none)."""
    sync = settings.get("run_sync") if sync is None else sync
    token = (SYNC_PREFIX if sync else "") + str(uuid.uuid4())
    if row is None:
        row = model.Session.get(ResourceValidation, resource["id"]) or ResourceValidation(resource_id=resource["id"])
    row.package_id = resource["package_id"]
    row.status, row.job_id, row.reason = PENDING, token, None
    row.fingerprint = resources.fingerprint(resource, package)
    row.schema = resources.declared_schema(resource, package)
    row.created, row.started, row.finished = utcnow(), None, None
    model.Session.add(row)
    if not sync:
        _submit_after_commit(row, token, force)
    if in_save:  # the save's commit (or the next query) writes the row
        if sync:
            _run_in_save(row, resource, package)
        return row
    model.Session.commit()
    if sync:
        run_validation(resource["id"], token, force)
    return row


def _submit_after_commit(row: ResourceValidation, token: str, force: bool) -> None:
    """Submit the job once this transaction has committed (a job started
    earlier would not see the row). With Redis down the row keeps the reason."""
    session = model.Session()
    if not session.info.get(_SUBMIT + "_listening"):
        event.listen(session, "after_commit", _submit_pending)
        event.listen(session, "after_rollback", _drop_pending)
        session.info[_SUBMIT + "_listening"] = True
    if _SUBMIT + "_problem" not in session.info:  # one look at Redis per transaction
        session.info[_SUBMIT + "_problem"] = _queue_problem()
    problem = session.info[_SUBMIT + "_problem"]
    if problem:
        row.reason = problem
        return
    if bulk.holding():  # a first load: queued by release_held() once it is indexed
        return
    session.info.setdefault(_SUBMIT, []).append((row.resource_id, token, force, settings.queue(bulk.active())))


def _queue_problem() -> Optional[str]:
    try:
        from ckan.lib import jobs as bg

        bg.get_queue(settings.get("queue")).connection.ping()
        return None
    except Exception as exception:
        log.warning("validation runs left pending: cannot reach the queue (%s)", exception)
        return "queue unavailable; `ckan tokyo validate --pending` queues it again"


def _submit_pending(session: Any) -> None:
    session.info.pop(_SUBMIT + "_problem", None)
    runs = session.info.pop(_SUBMIT, None)
    if runs:
        _submit_many(runs)


def _drop_pending(session: Any) -> None:
    # The rows went with the rollback; a job of theirs would find nothing.
    session.info.pop(_SUBMIT, None)
    session.info.pop(_SUBMIT + "_problem", None)


def _submit(resource_id: str, token: str, force: bool = False, queue: Optional[str] = None) -> bool:
    return _submit_many([(resource_id, token, force, queue or settings.queue(bulk.active()))]) == 1


def _submit_many(runs: list[tuple[str, str, bool, str]]) -> int:
    """Submit the jobs of (resource id, token, force, queue) runs in one Redis
    round trip: the jobs ``tk.enqueue_job`` makes (title, timeout, job id = the
    run's token), for the many runs a dataset save queues. Returns how many."""
    from ckan.lib import jobs as bg

    by_queue: dict[str, list[Any]] = {}
    try:
        for resource_id, token, force, queue in runs:
            by_queue.setdefault(queue, []).append(bg.get_queue(queue).prepare_data(
                run_validation, [resource_id, token, force], job_id=token, timeout=settings.job_timeout(),
                failure_ttl=7 * 24 * 3600, meta={"title": f"tokyo_validation {resource_id}"}))
        connection = bg.get_queue(runs[0][3]).connection
        with connection.pipeline() as pipe:
            for queue, datas in by_queue.items():
                bg.get_queue(queue).enqueue_many(datas, pipeline=pipe)
            pipe.execute()
    except Exception as exception:  # Redis down: the save has succeeded anyway
        log.warning("validation of %d resource(s) left pending: cannot enqueue (%s)", len(runs), exception)
        return 0
    for queue, datas in by_queue.items():
        log.info("queued %d validation run(s) on %s", len(datas), queue)
    return len(runs)


def run_deferred(resource_id: str) -> None:
    """After a save: the sync run of an upload that was not yet in the
    storage during the save (CKAN 2.11's resource_create stores it last)."""
    row = model.Session.get(ResourceValidation, resource_id) if table_exists() else None
    if row is not None and row.status == PENDING and (row.job_id or "").startswith(SYNC_PREFIX):
        run_validation(resource_id, row.job_id)


# The check itself


@dataclass
class Outcome:
    status: str
    report: Optional[dict[str, Any]] = None
    schema: Optional[str] = None
    reason: Optional[str] = None
    content_hash: Optional[str] = None


def _version() -> str:
    try:
        return metadata.version("ckanext-tokyo")
    except metadata.PackageNotFoundError:
        return "unknown"


def content_key(path: str, schema: Optional[str], fmt: str, name: str) -> str:
    """sha256 of the file's bytes and of everything else its result depends
    on (standard, format, file name, validator version, limits)."""
    return f"{file_sha256(path)}|{schema or 'auto'}|{fmt}|{name}|{_version()}|{settings.options()!r}"


def _reusable(row: ResourceValidation) -> Optional[Outcome]:
    """The last finished run's result, for a file with the same bytes (the
    row is `pending` by now; a run that ended in error kept no report)."""
    report = row.report
    if row.content_hash and isinstance(report, dict) and "valid" in report:
        return Outcome(SUCCESS if report["valid"] else FAILURE, report=report, schema=report.get("schema"),
                       content_hash=row.content_hash)
    return None


def _check(resource: dict[str, Any], package: dict[str, Any], previous: Optional[Outcome] = None) -> Outcome:
    """Validate one resource (resource and package read once by the caller);
    `previous` is returned instead when the bytes are the same."""
    schema = resources.declared_schema(resource, package)
    name = resources.file_name(resource)
    try:
        with _local_copy(resource) as path:
            key = content_key(path, schema, resources.resource_format(resource), name)
            if previous is not None and previous.content_hash == key:
                log.info("resource %s: same bytes as its last run, result kept", resource.get("id"))
                return previous
            report = validate(path, schema or "auto", settings.options(), name=name)
            data = report.to_dict()
            _fixed_copy(path, data, name, schema)
    except _UploadNotStored:
        raise
    except FetchError as exception:
        return Outcome(ERROR, reason=f"download refused or failed: {exception}")
    except FileNotFoundError as exception:
        log.warning("resource %s: %s", resource.get("id"), exception)
        return Outcome(ERROR, reason="the uploaded file is not in the storage")
    except Exception as exception:
        return Outcome(ERROR, reason=_crash_reason(resource.get("id"), exception))
    return Outcome(SUCCESS if report.valid else FAILURE, report=data, schema=report.schema or schema,
                   content_hash=key)


def _crash_reason(resource_id: Optional[str], exception: BaseException) -> str:
    if type(exception).__name__ == "JobTimeoutException":
        return f"timed out after {settings.job_timeout()} s"
    log.exception("validation of resource %s crashed", resource_id)
    return f"validation crashed ({type(exception).__name__}); the worker's log has the details"


# URLs (an internal service's) and IP addresses with or without a port.
_INTERNAL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://\S+|\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b"
                       r"|\[[0-9a-fA-F:]+\](?::\d+)?")


def public_reason(reason: Optional[str]) -> Optional[str]:
    """A reason as shown to users: no URL, path or address (the log keeps them)."""
    if reason is None:
        return None
    return without_paths(_INTERNAL.sub("(internal)", reason), "(internal)")[:500]


def _fixed_copy(path: str, report: dict[str, Any], name: str, schema: Optional[str]) -> None:
    """Make the fixed copy while the file is at hand; a failure leaves the report as it is."""
    if not fixed_copies.fixable(report):
        return
    try:
        fixed_copies.make(path, report, name, schema)
    except Exception as exception:
        if type(exception).__name__ == "JobTimeoutException":
            raise
        log.exception("the fixed copy of %s could not be made", name)


def _run_in_save(row: ResourceValidation, resource: dict[str, Any], package: Optional[dict[str, Any]]) -> None:
    """A sync run inside the save's transaction: the save commits and indexes."""
    row.started = utcnow()
    try:
        outcome = _check(resource, package or {}, _reusable(row))
    except _UploadNotStored:
        return  # stays pending; run_deferred() runs it once the save has stored the file
    _write(row, outcome)
    model.Session.flush()


# The job


def run_validation(resource_id: str, token: Optional[str] = None, force: bool = False) -> Optional[str]:
    """The background job (and a sync run outside a save): validate one
    resource and store the result. Returns the status. Without `force`, a
    file with the bytes of the last run keeps its result."""
    sync = bool(token and token.startswith(SYNC_PREFIX))
    if not sync:
        try:
            recover(exclude=[resource_id])
        except Exception:  # recovery is best effort; this run matters more
            log.exception("validation recovery failed")
            model.Session.rollback()
    row = model.Session.get(ResourceValidation, resource_id)
    if row is None or (token and row.job_id != token):
        log.info("validation of %s skipped: superseded by a newer run", resource_id)
        return None
    previous = None if force else _reusable(row)
    row.status, row.started, row.reason = RUNNING, utcnow(), None
    model.Session.commit()  # no reindex: only our table changed
    try:
        context = site_user.context()
        resource = tk.get_action("resource_show")(dict(context), {"id": resource_id})
        package = tk.get_action("package_show")(dict(context, for_view=False), {"id": resource["package_id"]})
        try:
            outcome = _check(resource, package, previous)
        except _UploadNotStored as error:
            outcome = Outcome(ERROR, reason=str(error))
    except tk.ObjectNotFound:
        model.Session.rollback()
        outcome = Outcome(ERROR, reason="the resource was deleted")
    except Exception as exception:
        model.Session.rollback()
        outcome = Outcome(ERROR, reason=_crash_reason(resource_id, exception))
    return finish(resource_id, token, outcome, defer_index=not sync)


def storable(value: Any) -> Any:
    """value with every NUL character shown as ␀: PostgreSQL's text and jsonb
    hold no NUL, and a report quotes cells and headings as written."""
    if isinstance(value, str):
        return value.replace("\x00", NUL_SHOWN) if "\x00" in value else value
    if isinstance(value, dict):
        return {storable(k): storable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [storable(v) for v in value]
    return value


NUL_SHOWN = "\u2400"  # SYMBOL FOR NULL


def _write(row: ResourceValidation, outcome: Outcome) -> None:
    row.status, row.finished, row.reason = outcome.status, utcnow(), storable(public_reason(outcome.reason))
    row.content_hash = outcome.content_hash
    if outcome.report is not None:
        stats = outcome.report.get("stats", {})
        row.report, row.schema = storable(outcome.report), outcome.schema
        row.errors, row.warnings = stats.get("errors", 0), stats.get("warnings", 0)
        row.counts = stats.get("by_code", {})
    else:
        row.report, row.errors, row.warnings, row.counts = None, None, None, None
    _announce_after_commit(row)


def _announce_after_commit(row: ResourceValidation) -> None:
    """IPipeValidation plugins hear of the result once it is committed (in a
    job, or with the save that ran it in sync mode); a rollback drops it."""
    session = model.Session()
    if not session.info.get(_ANNOUNCE + "_listening"):
        event.listen(session, "after_commit", _announce)
        event.listen(session, "after_rollback", lambda s: s.info.pop(_ANNOUNCE, None))
        session.info[_ANNOUNCE + "_listening"] = True
    session.info.setdefault(_ANNOUNCE, {})[row.resource_id] = row.as_dict()  # no SQL after the commit


def _announce(session: Any) -> None:
    results = session.info.pop(_ANNOUNCE, None) or {}
    listeners = list(p.PluginImplementations(IPipeValidation))
    for result in results.values():
        for plugin in listeners:
            try:
                plugin.receive_validation_report(result)
            except Exception:
                log.exception("%s failed on the validation result of %s", plugin, result["resource_id"])


def finish(resource_id: str, token: Optional[str], outcome: Outcome, defer_index: bool = True) -> Optional[str]:
    """Store a run's result (if it is still the latest run), then reindex the
    dataset when no other run of it is in flight. The result is committed
    even when the search index is down; a `reindex` job then retries."""
    row = model.Session.get(ResourceValidation, resource_id)
    if row is None:
        return None
    resource_status.lock_dataset(row.package_id)
    row = (model.Session.query(ResourceValidation).filter_by(resource_id=resource_id)
           .with_for_update().populate_existing().one_or_none())
    if row is None or (token and row.job_id != token):
        model.Session.rollback()
        log.info("result for %s dropped: superseded by a newer run", resource_id)
        return None
    _write(row, outcome)
    model.Session.flush()
    package_id = row.package_id
    last = not resource_status.in_flight_besides(package_id, resource_id)
    indexed = last and _reindex(package_id, defer_index)
    model.Session.commit()
    log.info("validation of resource %s: %s%s", resource_id, outcome.status,
             f" ({outcome.reason})" if outcome.reason else "")
    if last and not indexed:
        index_later(package_id)
    return outcome.status


def _reindex(package_id: str, defer_commit: bool) -> bool:
    try:
        with model.Session.begin_nested():
            compat.reindex_package(package_id, defer_commit=defer_commit)
        return True
    except Exception as exception:
        log.warning("dataset %s not reindexed (search index unavailable?): %s", package_id, exception)
        return False


def index_later(package_id: str) -> bool:
    """Queue `reindex` for a dataset whose index missed its status; RQ
    retries it at the `index_retry` intervals while Solr is unreachable."""
    from rq import Retry

    intervals = [int(seconds) for seconds in settings.get("index_retry")] or [60]
    try:
        tk.enqueue_job(reindex, [package_id], title=f"tokyo_validation index {package_id}",
                       queue=settings.queue(bulk=False),
                       rq_kwargs={"retry": Retry(max=len(intervals), interval=intervals),
                                  "failure_ttl": 7 * 24 * 3600})
        return True
    except Exception as exception:  # Redis down too: `--pending` finds the drift
        log.warning("index of dataset %s not queued either (%s)", package_id, exception)
        return False


def reindex(package_id: str) -> None:
    """Job: index a dataset with the statuses of the table (raises while the
    search index is unreachable, so that RQ tries again)."""
    try:
        resource_status.lock_dataset(package_id)
        if model.Session.get(model.Package, package_id) is None:
            model.Session.rollback()
            return
        compat.reindex_package(package_id, defer_commit=True)
        model.Session.commit()
    except Exception:
        model.Session.rollback()
        raise


def fail(row: ResourceValidation, reason: str) -> None:
    """End a run as error from outside the job (recovery)."""
    finish(row.resource_id, row.job_id, Outcome(ERROR, reason=reason), defer_index=False)


# Recovery


def recover(exclude: Iterable[str] = (), requeue: bool = False) -> dict[str, int]:
    """Runs stuck in `running` become `error` with the reason; with requeue,
    `pending` runs without a live job (Redis was down) are enqueued again."""
    counts = {"recovered": 0, "requeued": 0}
    if not table_exists():
        return counts
    skip = set(exclude)
    wanted = [RUNNING, PENDING] if requeue else [RUNNING]
    rows = model.Session.query(ResourceValidation).filter(ResourceValidation.status.in_(wanted)).all()
    queue = _rq_queue()
    for row in rows:
        if row.resource_id in skip:
            continue
        if row.status == RUNNING:
            reason = abandoned(row, queue)
            if reason:
                fail(row, reason)
                counts["recovered"] += 1
        elif queue is not None and not _job_alive(row, queue):
            token = str(uuid.uuid4())
            row.job_id, row.created, row.reason = token, utcnow(), None
            model.Session.commit()
            if _submit(row.resource_id, token, queue=settings.queue(bulk=True)):
                counts["requeued"] += 1
    return counts


def release_held() -> int:
    """Queue the runs a bulk load held (``bulk.release()``)."""
    return recover(requeue=True)["requeued"]


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
    # Only the exception's name: its message may hold internal addresses.
    named = re.match(r"([\w.]+)(?::|$)", lines[-1].strip()) if lines else None
    if named is None:
        return "no reason recorded (see the worker's log)"
    return f"{named.group(1).rsplit('.', 1)[-1]} (see the worker's log)"


def _worker_gone(job: Any, queue: Any) -> Optional[str]:
    name = job.worker_name
    if not name:
        return None
    worker = compat.rq_worker(name, queue.connection)
    if worker is None:
        return f"worker {name} is gone"
    if worker.hostname == socket.gethostname() and worker.pid and not _pid_alive(worker.pid):
        return f"worker process {worker.pid} died during the job"
    age = compat.rq_heartbeat_age(worker)
    if age is not None and age > 2 * (getattr(worker, "worker_ttl", None) or 420):
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
    row = model.Session.get(ResourceValidation, resource_id) if table_exists() else None
    if row is None:
        return False
    package_id = row.package_id
    model.Session.delete(row)
    model.Session.flush()
    indexed = _reindex(package_id, defer_commit=False)
    model.Session.commit()
    if not indexed:
        index_later(package_id)
    return True


# Index drift (a reindex lost to a Solr outage, an operator's rebuild racing a job)


def drifted(batch: int = 500) -> Iterator[str]:
    """Ids of datasets whose indexed status differs from the table's."""
    from ckan.lib.search import query_for

    with_runs = (model.Session.query(model.Resource.package_id).distinct()
                 .join(ResourceValidation, ResourceValidation.resource_id == model.Resource.id)
                 .join(model.Package, model.Package.id == model.Resource.package_id)
                 .filter(model.Resource.state == "active", model.Package.state == "active"))
    ids = [pid for (pid,) in with_runs]
    searcher = query_for(model.Package)
    for start in range(0, len(ids), batch):
        chunk = ids[start:start + batch]
        # validation_status is indexed, not stored: read the statuses from the
        # stored (shown) dataset dict, which the index wrote in the same step
        ids = " OR ".join(f'"{i}"' for i in chunk)
        found = searcher.run({"q": "*:*", "fq": f"+id:({ids})",
                              "fl": "id,validated_data_dict", "rows": len(chunk)}, permission_labels=None)
        indexed = {doc["id"]: statuses.worst([r.get(resources.STATUS_KEY) for r in
                                               json.loads(doc["validated_data_dict"]).get("resources") or []])
                   for doc in found["results"]}
        for package_id in chunk:
            if indexed.get(package_id, "missing") != statuses.worst(resource_status.dataset_statuses(package_id)):
                yield package_id


def repair_index() -> int:
    """Reindex the datasets whose indexed status drifted from the table."""
    repaired = 0
    for package_id in list(drifted()):
        if _reindex(package_id, defer_commit=True):
            repaired += 1
    model.Session.commit()
    if repaired:
        from ckan.lib.search import commit

        commit()
    return repaired

