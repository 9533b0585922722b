"""Where CKAN 2.11 and 2.12 differ, and the one way this suite deals with it.

Everything else uses the toolkit and the actions, which are the same on both.

* Group and dataset extras: 2.11 keeps them in the ``group_extra`` and
  ``package_extra`` tables behind the ``extras`` association proxies; 2.12
  has JSONB ``extras`` columns. ``extras`` reads as a dict on both, so only
  the query that loads them for many groups or datasets at once differs.
* Uploaded files: 2.12 may store them through file-keeper
  (``ckan.files.storage.*``), where ``get_path()`` is a storage location, not a
  file on this machine; 2.11 (and 2.12 without such storage) keeps them under
  ``ckan.storage_path``.
* Reindexing one dataset: 2.12 indexes the default and the custom schema's
  dict (``logic.index_update_package``); 2.11 has only ``update_dict``.
* Images (use cases): stored like group images, by ``get_uploader("group")``
  on both; 2.12 links them through the groups' file-keeper storage when one
  is configured, 2.11 (and 2.12 without it) serves them under
  ``/uploads/group/``.
* Saving without indexing (bulk loads): 2.12's actions index explicitly
  unless ``defer_commit``; 2.11 indexes on commit (``synchronous_search``),
  and on the release of a SAVEPOINT too (SQLAlchemy calls the commit hooks
  for it): ``savepoint`` keeps a save's own savepoint from indexing there.
* Indexing a new dataset: 2.11's commit hook notifies a dataset created
  with resources as new, then again as changed through its new resources,
  so it is indexed (and committed to Solr) twice; 2.12 indexes it once.
  ``index_once_per_commit`` skips the second, identical write on 2.11.
* Background jobs: 2.11 pins rq 1.16, 2.12 rq 2, whose started-job registry
  keys jobs by execution; only the worker's public attributes are read.
  2.12's ``ckan jobs worker`` runs RQ's scheduler (delayed retries, such as
  the index retry after a Solr outage); 2.11's does not, so there the
  worker is given one (``worker_with_scheduler``).
"""
from __future__ import annotations

import contextlib
import datetime
import os
import tempfile
from typing import Any, Iterable, Iterator, Optional

import ckan.model as model
from ckan.lib import uploader

CKAN_VERSION = tuple(int(part) for part in __import__("ckan").__version__.split(".")[:2])


def group_extras(names: Iterable[str] = (), ids: Iterable[str] = (),
                 organizations_only: bool = True, every: bool = False) -> dict[str, dict[str, Any]]:
    """name → {title, name, id, extras} of the active groups with these names
    or ids (or all of them: ``every``), in one or two queries whatever the version."""
    names, ids = sorted({n for n in names if n}), sorted({i for i in ids if i})
    if not names and not ids and not every:
        return {}
    query = model.Session.query(model.Group).filter(model.Group.state == "active")
    if organizations_only:
        query = query.filter(model.Group.is_organization)
    if not every:
        key = model.Group.name.in_(names) if names else model.Group.id.in_(ids)
        if names and ids:
            key = model.Group.name.in_(names) | model.Group.id.in_(ids)
        query = query.filter(key)
    if "_extras" in model.Group.__mapper__.relationships:  # 2.11: a related table
        from sqlalchemy.orm import selectinload

        query = query.options(selectinload(model.Group._extras))
    return {group.name: {"id": group.id, "name": group.name, "title": group.title,
                         "extras": dict(group.extras or {})}
            for group in query.all()}


def package_extras(ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """id → {owner_org, extras} of the datasets with these ids, in one or
    two queries whatever the version (scheming fields are extras)."""
    ids = sorted({i for i in ids if i})
    if not ids:
        return {}
    query = model.Session.query(model.Package).filter(model.Package.id.in_(ids))
    if "_extras" in model.Package.__mapper__.relationships:  # 2.11: a related table
        from sqlalchemy.orm import selectinload

        query = query.options(selectinload(model.Package._extras))
    return {pkg.id: {"owner_org": pkg.owner_org, "extras": dict(pkg.extras or {})} for pkg in query.all()}


def _storage(upload: Any) -> Any:
    """The file-keeper storage behind a resource uploader (2.12), or None."""
    return getattr(upload, "storage", None) if CKAN_VERSION >= (2, 12) else None


@contextlib.contextmanager
def uploaded_file(resource: dict[str, Any], max_bytes: Optional[int] = None) -> Iterator[str]:
    """A local path to the uploaded file of ``resource`` for as long as the
    block runs: the file itself under ``ckan.storage_path``, or a temporary
    copy streamed from a file-keeper storage (at most ``max_bytes``), which
    may be anywhere (cloud buckets included)."""
    upload = uploader.get_resource_uploader(dict(resource))
    storage = _storage(upload)
    if storage is None:
        path = upload.get_path(resource["id"])
        if not path or not os.path.isfile(path):
            raise FileNotFoundError("the uploaded file is not in the storage")
        yield path
        return
    from ckan.lib import files

    location = upload.get_path(resource["id"])
    try:
        data = files.FileData(files.Location(location), size=storage.size(files.Location(location)))
    except files.exc.FilesError as error:
        raise FileNotFoundError("the uploaded file is not in the storage") from error
    with tempfile.NamedTemporaryFile(prefix="tokyo-upload-", suffix=".data") as temp:
        copied = 0
        for chunk in storage.stream(data):
            copied += len(chunk)
            if max_bytes is not None and copied > max_bytes:
                raise ValueError(f"the uploaded file is larger than {max_bytes} bytes")
            temp.write(chunk)
        temp.flush()
        yield temp.name



def reindex_package(package_id: str, defer_commit: bool = False) -> None:
    """Reindex one dataset (no Solr commit with ``defer_commit``: Solr's
    autoSoftCommit makes it visible within a second)."""
    from ckan import logic

    if hasattr(logic, "index_update_package"):  # 2.12
        logic.index_update_package({"ignore_auth": True}, package_id, defer_commit)
        return
    from ckan.lib.search import index_for
    from ckan.plugins import toolkit

    pkg_dict = toolkit.get_action("package_show")(
        {"ignore_auth": True, "validate": False, "use_cache": False}, {"id": package_id})
    index_for(model.Package).update_dict(pkg_dict, defer_commit)


@contextlib.contextmanager
def indexing_deferred() -> Iterator[dict[str, Any]]:
    """Dataset saves inside the block write no search index (a bulk load
    indexes once at the end); yields what to add to the actions' context.
    2.12: ``defer_commit`` makes package_create/_update skip their index
    write, and their commit (the caller commits each dataset); 2.11 indexes
    on commit through the ``synchronous_search`` system plugin, unloaded for
    the block."""
    if CKAN_VERSION >= (2, 12):
        yield {"defer_commit": True}
        return
    from ckan import plugins

    loaded = plugins.plugin_loaded("synchronous_search")
    if loaded:
        plugins.unload("synchronous_search")
    try:
        yield {}
    finally:
        if loaded:
            plugins.load("synchronous_search")


def worker_with_scheduler() -> None:
    """On CKAN 2.11, make ``ckan jobs worker`` run RQ's scheduler as 2.12's does
    (its ``--no-scheduler`` off): without one, a job retried after an interval
    stays in the scheduled registry forever. The CLI starts the worker after
    the plugins are loaded."""
    if CKAN_VERSION >= (2, 12):
        return
    from ckan.lib import jobs

    work = jobs.Worker.work
    if getattr(work, "with_scheduler", False):
        return

    def work_with_scheduler(self: Any, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("with_scheduler", True)
        return work(self, *args, **kwargs)

    # The method, not a subclass: CKAN's Worker.__init__ names its class in super().
    work_with_scheduler.with_scheduler = True  # type: ignore[attr-defined]
    jobs.Worker.work = work_with_scheduler


def index_once_per_commit() -> None:
    """On CKAN 2.11, notify a dataset created in a commit once (as new), not
    once more as changed through its new resources: both would index the
    same ``package_show`` (the session is flushed before either)."""
    if CKAN_VERSION >= (2, 12):
        return
    from ckan.model import modification

    notify_observers = modification.DomainObjectModificationExtension.notify_observers
    if getattr(notify_observers, "once", False):
        return

    def notify_once(self: Any, session: Any, method: Any) -> None:
        created: set = set()

        def notify(entity: Any, operation: Any) -> None:
            if isinstance(entity, model.Package):
                if operation == model.DomainObjectOperation.new:
                    created.add(entity.id)
                elif operation == model.DomainObjectOperation.changed and entity.id in created:
                    return
            method(entity, operation)

        notify_observers(self, session, notify)

    notify_once.once = True  # type: ignore[attr-defined]
    modification.DomainObjectModificationExtension.notify_observers = notify_once


@contextlib.contextmanager
def savepoint() -> Iterator[None]:
    """A SAVEPOINT inside a dataset save, for work whose failure must not undo
    the save. On 2.11 its release would index the dataset (uncommitted, and
    once more on the real commit): the changes CKAN collects for its commit
    hooks are set aside while it runs (what it changes itself is notified on
    its release, as before) and given back after it."""
    if CKAN_VERSION >= (2, 12):
        with model.Session.begin_nested():
            yield
        return
    session = model.Session()
    session.flush()  # what the save changed is in the collected changes now
    pending = session.__dict__.pop("_object_cache", None)
    try:
        with model.Session.begin_nested():
            yield
    finally:
        if pending is not None:
            session._object_cache = pending


def rq_worker(name: str, connection: Any) -> Any:
    """The RQ worker registered under ``name``, or None when it is gone."""
    from rq.worker import Worker

    return Worker.find_by_key(Worker.redis_worker_namespace_prefix + name, connection=connection)


def rq_heartbeat_age(worker: Any) -> Optional[float]:
    """Seconds since the worker's last heartbeat (rq 1 gives a naive UTC
    time, rq 2 an aware one), or None when it never sent one."""
    beat = getattr(worker, "last_heartbeat", None)
    if beat is None:
        return None
    if beat.tzinfo is None:
        beat = beat.replace(tzinfo=datetime.timezone.utc)
    return (datetime.datetime.now(datetime.timezone.utc) - beat).total_seconds()


def image_uploader(old_url: Optional[str] = None) -> Any:
    """The uploader of public images (the groups' storage)."""
    return uploader.get_uploader("group", old_url)


def image_display_url(image_url: Optional[str]) -> Optional[str]:
    """The address of an image stored by ``image_uploader`` (a full URL is
    returned as it is)."""
    if not image_url or image_url.startswith(("http://", "https://")):
        return image_url
    from ckan.common import config
    from ckan.lib import munge
    from ckan.lib.helpers import url_for_static

    name = munge.munge_filename_legacy(image_url)
    if CKAN_VERSION >= (2, 12):
        from ckan.lib import files

        try:
            storage = files.get_storage(config["ckan.files.default_storages.group"])
        except files.exc.UnknownStorageError:
            pass
        else:
            return storage.permanent_link(files.FileData.from_string(name))
    return url_for_static(f"uploads/group/{name}", qualified=True)
