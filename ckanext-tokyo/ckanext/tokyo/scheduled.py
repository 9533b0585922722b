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


TASKS: list[tuple[str, str, Callable[[], str]]] = [
    ("harvest", "harvest", _harvest),
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
