"""Validation statuses: their order of severity, labels and badge classes.

A resource's ``validation_status`` (and its row in the validation table) is
one of STATUSES; an eligible resource without one is shown as
NOT_VALIDATED. The one place the pages, the search facet, the summary and
the jobs take them from. No CKAN import: the labels are gettext msgids
(marked with ``N_`` for extraction), translated where they are shown
(helpers.status_label).
"""
from __future__ import annotations

from typing import Iterable, Optional

from ckanext.tokyo.base.i18n import N_

PENDING, RUNNING, SUCCESS, FAILURE, ERROR = "pending", "running", "success", "failure", "error"
STATUSES = (PENDING, RUNNING, SUCCESS, FAILURE, ERROR)
FINAL = (SUCCESS, FAILURE, ERROR)
NOT_VALIDATED = "not_validated"

# Worst first: the dataset-level status shown in search is the worst of its resources.
SEVERITY = (ERROR, FAILURE, RUNNING, PENDING, SUCCESS)

LABELS = {
    SUCCESS: N_("Valid"),
    FAILURE: N_("Invalid"),
    ERROR: N_("Validation error"),
    PENDING: N_("Waiting for validation"),
    RUNNING: N_("Validating"),
    NOT_VALIDATED: N_("Not validated"),
}
BADGE_CLASS = {
    SUCCESS: "bg-success", FAILURE: "bg-danger", ERROR: "bg-warning text-dark",
    PENDING: "bg-secondary", RUNNING: "bg-info text-dark",
}
OTHER_BADGE_CLASS = "bg-secondary"


def worst(statuses: Iterable[Optional[str]]) -> Optional[str]:
    """The most severe of some statuses (unknown ones and None ignored)."""
    known = [s for s in statuses if s in SEVERITY]
    return min(known, key=SEVERITY.index) if known else None


def label(status: Optional[str]) -> str:
    """The label (msgid) of a status; None is NOT_VALIDATED, an unknown
    status is shown as it is."""
    status = status or NOT_VALIDATED
    return LABELS.get(status, status)


def badge_class(status: Optional[str]) -> str:
    return BADGE_CLASS.get(status or "", OTHER_BADGE_CLASS)
