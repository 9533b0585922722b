"""Bulk work: imports, harvests and steward commands mark the saves they make.

* ``saving()``: validation queues the runs of saves made inside it on its
  bulk queue, behind the runs editors start, so a catalog import of 30,000
  files does not hold up an editor's upload.
* ``loading()``: a first load. Saves inside it index nothing
  (compat.indexing_deferred) and start no background work; the loader
  indexes what it saved once at the end (one Solr commit), then calls
  ``release()``, which starts the held work (validation queues the runs it
  held). Held work is never lost: the rows stay ``pending`` and ``ckan tokyo
  validate --pending`` queues them too.

    with bulk.saving():
        ...package_create / package_update...
"""
from __future__ import annotations

import contextlib
import contextvars
from typing import Callable, Iterator

_SAVING: contextvars.ContextVar[bool] = contextvars.ContextVar("tokyo_bulk_saving", default=False)
_LOADING: contextvars.ContextVar[bool] = contextvars.ContextVar("tokyo_bulk_loading", default=False)
_RELEASE: list[Callable[[], object]] = []


@contextlib.contextmanager
def _set(var: contextvars.ContextVar[bool]) -> Iterator[None]:
    token = var.set(True)
    try:
        yield
    finally:
        var.reset(token)


def saving() -> contextlib.AbstractContextManager[None]:
    return _set(_SAVING)


def loading() -> contextlib.AbstractContextManager[None]:
    return _set(_LOADING)


def active() -> bool:
    """Whether this code runs inside ``saving()`` or ``loading()``."""
    return _SAVING.get() or _LOADING.get()


def holding() -> bool:
    """Whether background work must wait for ``release()`` (a first load)."""
    return _LOADING.get()


def on_release(callback: Callable[[], object]) -> None:
    """Register what starts held work (once per process)."""
    if callback not in _RELEASE:
        _RELEASE.append(callback)


def release() -> None:
    for callback in _RELEASE:
        callback()
