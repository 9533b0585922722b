"""Our report in frictionless's own Report shape, for the tools that read
frictionless reports (ckanext-validation's clients, frictionless-py,
frictionless UI components), beside our richer shape (report.py).

Built as a frictionless ``Report`` (one task, the file), then written with
``to_descriptor()``, so ``frictionless.Report.from_descriptor`` reads it back.
Only error findings become frictionless errors; warnings become the task's
warning strings; infos are left out (frictionless has no such level) except
the one saying that not every finding is listed (the stats count them all). Error
types must be frictionless's own (it refuses others): each finding gets the
closest one — its own where frictionless has the rule (blank-row,
duplicate-label, …), else ``constraint-error`` for a cell, ``row-constraint``
for a row and ``table-error`` for a column or the file: types whose message
(frictionless's English frame, rebuilt when read back) carries our text,
the ``note``. Our rule code and the other language's wording are in each
error's ``x-tokyo`` object (frictionless keeps unknown keys).
"""
from __future__ import annotations

from typing import Any, Optional

from frictionless import Report, system
from frictionless.report import ReportTask

from . import messages

# Our codes for rules frictionless has too (engine.FRICTIONLESS_CODES the other way, and a few more).
SAME_RULE = {
    "tokyo/blank-label": "blank-label",
    "tokyo/duplicate-label": "duplicate-label",
    "tokyo/encoding-error": "encoding-error",
    "tokyo/empty-file": "source-error",
    "tokyo/blank-row": "blank-row",
    "tokyo/missing-cell": "missing-cell",
    "tokyo/extra-cell": "extra-cell",
}
# An info, but the reader must know the errors listed are not all of them (stats count them all).
LISTED_IN_PART = "tokyo/limit-findings"
CELL, ROW, LABEL, TABLE = "constraint-error", "row-constraint", "label-error", "table-error"
# The kind of place each frictionless type names (what its constructor needs).
PLACE = {"blank-label": LABEL, "duplicate-label": LABEL, "encoding-error": TABLE, "source-error": TABLE,
         "blank-row": ROW, "missing-cell": CELL, "extra-cell": CELL,
         CELL: CELL, ROW: ROW, LABEL: LABEL, TABLE: TABLE}


def to_frictionless(report: dict[str, Any], name: str = "table", place: str = "",
                    lang: str = "ja") -> dict[str, Any]:
    """The frictionless Report descriptor of one of our reports (``Report.to_dict()``
    or as stored in the catalog). lang: the language of ``note`` and ``message``
    (``ja`` or ``en``); the other one is in ``x-tokyo``."""
    stats = report.get("stats") or {}
    labels = list((report.get("context") or {}).get("header") or [])  # the headings, cut at 200 characters
    header_row = stats.get("header_row") or 1
    errors, warnings = [], []
    for finding in report.get("findings") or []:
        if finding.get("severity") == messages.ERROR:
            errors.append(_error(finding, labels, header_row, lang))
        elif finding.get("severity") == messages.WARNING or finding.get("code") == LISTED_IN_PART:
            warnings.append(_warning(finding, lang))
    error_count = stats.get("errors", len(errors))
    warning_count = stats.get("warnings", len(warnings))
    valid = bool(report.get("valid"))
    task_stats: dict[str, Any] = {"errors": error_count, "warnings": warning_count,
                                  "seconds": float(stats.get("seconds") or 0)}
    task_stats.update({key: stats[key] for key in ("sha256", "bytes", "rows") if stats.get(key)})
    if labels:
        task_stats["fields"] = len(labels)
    task = ReportTask(valid=valid, name=_slug(name), type="table", place=place or name, labels=labels,
                      stats=task_stats, errors=errors, warnings=warnings)
    out = Report(valid=valid, stats={"tasks": 1, "errors": error_count, "warnings": warning_count,
                                     "seconds": task_stats["seconds"]},
                 warnings=[], errors=[], tasks=[task])
    return out.to_descriptor()


def _error(finding: dict[str, Any], labels: list[str], header_row: int, lang: str) -> Any:
    code, row, field = finding.get("code") or "", finding.get("row"), finding.get("field")
    number = labels.index(field) + 1 if field in labels else None
    kind = SAME_RULE.get(code)
    if kind is None or not _fits(PLACE[kind], row, number):
        kind = _generic(row, number)
    note = _text(finding, lang)
    params: dict[str, Any] = {"note": note}
    place = PLACE[kind]
    if place == CELL:
        params.update(cells=[], row_number=row, cell=finding.get("value") or "", field_name=field,
                      field_number=number)
    elif place == ROW:
        params.update(cells=[], row_number=row)
    elif place == LABEL:
        params.update(labels=labels, row_numbers=[header_row], label=field or "", field_name=field or "",
                      field_number=number)
    error = system.select_error_class(kind)(**params)
    other = "en" if lang != "en" else "ja"
    error.custom["x-tokyo"] = {"code": code, "title": messages.title(code, lang),
                               "message_" + other: _text(finding, other), "field": field, "row": row}
    return error


def _fits(place: str, row: Optional[int], number: Optional[int]) -> bool:
    """Whether a finding names what an error of this place needs (a row, a column or both)."""
    return {CELL: row is not None and number is not None, ROW: row is not None,
            LABEL: number is not None}.get(place, True)


def _generic(row: Optional[int], number: Optional[int]) -> str:
    if row is not None and number is not None:
        return CELL
    return ROW if row is not None else TABLE


def _warning(finding: dict[str, Any], lang: str) -> str:
    where = [f"row {finding['row']}" if lang == "en" else f"{finding['row']}行目"] if finding.get("row") else []
    if finding.get("field"):
        where.append(finding["field"])
    suffix = f" ({', '.join(where)})" if where else ""
    return f"{finding.get('code')}: {_text(finding, lang)}{suffix}"


def _text(finding: dict[str, Any], lang: str) -> str:
    return (finding.get("message_en") if lang == "en" else finding.get("message")) or finding.get("message") or ""


def _slug(name: str) -> str:
    """A frictionless name: lower case, [a-z0-9._-]."""
    cleaned = "".join(c if c.isascii() and (c.isalnum() or c in "._-") else "-" for c in name.lower())
    return cleaned.strip("-.") or "table"
