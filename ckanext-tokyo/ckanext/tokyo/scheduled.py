"""One round of the catalog's periodic work (``ckan tokyo schedule``): each
task runs only when its plugin is enabled, and one task failing does not
stop the others (its error is reported and it runs again next round)."""
from __future__ import annotations

import logging
from typing import Callable, Iterator

import ckan.plugins as p
import ckan.plugins.toolkit as tk

from ckanext.tokyo import site_user

log = logging.getLogger(__name__)


def _harvest() -> str:
    """ckanext-harvest's `harvester run`: due sources get a job (sent to the
    gather queue), finished jobs are closed."""
    tk.get_action("harvest_jobs_run")(site_user.context(), {})
    return "harvest: due jobs started, finished jobs closed"


def _links() -> str:
    """Resource URLs due for a check (never, a week ago, or changed)."""
    from ckanext.tokyo.quality import store

    checked, broken = store.check_due_links()
    return f"links: {checked} checked, {broken} broken"


def _scores() -> str:
    """Metadata quality scores never computed or older than a day."""
    from ckanext.tokyo.quality import store

    return f"quality: {store.rescore_due()} datasets scored"


DUMP_EVERY = 6 * 3600  # seconds between full-catalog DCAT files


def _dcat_dump() -> str:
    """The full-catalog DCAT file (/catalog/full.ttl), when older than DUMP_EVERY."""
    import os
    import time

    from ckanext.tokyo.dcat import dump

    path = dump.path_for("ttl")
    if os.path.exists(path) and time.time() - os.path.getmtime(path) < DUMP_EVERY:
        return "dcat dump: fresh"
    path, report = dump.dump("ttl")
    return f"dcat dump: {report.datasets} datasets in {report.seconds:.0f} s"


TASKS: list[tuple[str, str, Callable[[], str]]] = [
    ("harvest", "harvest", _harvest),
    ("links", "tokyo_quality", _links),
    ("scores", "tokyo_quality", _scores),
    ("dcat dump", "tokyo_dcat", _dcat_dump),
]


def run_round() -> Iterator[str]:
    for name, plugin, task in TASKS:
        if not p.plugin_loaded(plugin):
            continue
        try:
            yield task()
        except Exception as e:  # reported; the next round tries again
            log.exception("scheduled task %s failed", name)
            yield f"{name}: failed: {type(e).__name__}: {e}"
