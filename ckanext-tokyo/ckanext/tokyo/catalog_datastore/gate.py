"""Whether a validation result lets a table into the DataStore (no CKAN), and
the statuses and reasons a load ends with.

By default a file is loaded when its validation passed (warnings allowed);
with ``ckanext.tokyo.datastore.load_invalid`` also when it found errors. A
run that could not read the file (``error``) never lets it in.

Errors that loading itself repairs do not count (``repaired`` codes, by
default only ``tokyo/encoding-not-utf8``): the DataStore holds every table as
UTF-8 whatever the file's encoding, so a Shift_JIS file that is otherwise
clean is loaded, while its report still asks the publisher for UTF-8.
"""
from __future__ import annotations

from typing import Any, Iterable, Optional

from ckanext.tokyo.validation import messages

# pending: queued or waiting for validation; running: in a worker;
# loaded: the table holds the file; not_loaded: refused; error: the file could not be loaded.
PENDING, RUNNING, LOADED, NOT_LOADED, ERROR = "pending", "running", "loaded", "not_loaded", "error"
STATUSES = (PENDING, RUNNING, LOADED, NOT_LOADED, ERROR)

# Why a table is not (yet) loaded; the pages explain each one.
WAITING_FOR_VALIDATION = "waiting-for-validation"
VALIDATION_FAILURE = "validation-failure"
VALIDATION_ERROR = "validation-error"
TOO_LARGE = "too-large"
TOO_MANY_ROWS = "too-many-rows"
UNREADABLE = "unreadable"
LOAD_FAILED = "load-failed"
FILE_CHANGED = "file-changed"


def refusal(run: Optional[dict[str, Any]], load_invalid: bool, repaired: Iterable[str] = ()) -> Optional[str]:
    """The reason the validation run `run` (resource_validation_show's dict,
    or None) keeps the file out, or None to load it."""
    status = (run or {}).get("status")
    if status in (None, "pending", "running"):
        return WAITING_FOR_VALIDATION
    if status == "error":
        return VALIDATION_ERROR
    if status == "failure" and not load_invalid and remaining_errors(run or {}, repaired) > 0:
        return VALIDATION_FAILURE
    return None


def remaining_errors(run: dict[str, Any], repaired: Iterable[str]) -> int:
    """The run's errors less those of the `repaired` codes (a failed run
    without a report counts as one error)."""
    report = run.get("report") or {}
    by_code = (report.get("stats") or {}).get("by_code") or {}
    wanted = set(repaired)
    fixed = sum(count for code, count in by_code.items()
                if code in wanted and code in messages.MESSAGES and messages.MESSAGES[code].severity == messages.ERROR)
    return max((run.get("errors") or 0) - fixed, 0 if report else 1)


def status_of(reason: str) -> str:
    """The status a load refused for `reason` ends with."""
    return PENDING if reason in (WAITING_FOR_VALIDATION, FILE_CHANGED) else NOT_LOADED
