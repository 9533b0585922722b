"""The steward report as CSV, JSON or HTML (``ckan tokyo report``).

CSV cells that a spreadsheet would run as a formula (starting with ``=``,
``+``, ``-``, ``@``, tab or carriage return, or their full-width forms
``＝``, ``＋``, ``－``, ``＠``, which Japanese spreadsheets read the same way)
are neutralised with a leading apostrophe; HTML
(templates/steward_report.html) escapes every value.
"""
from __future__ import annotations

import csv
import io
import json
import unicodedata
from typing import Any, Iterable

from ckanext.tokyo.validation import messages, templating

# One row per resource (summary.resource_rows); no CKAN import here (rule
# titles come from the CKAN-free messages module), so the formats are
# unit-tested on their own.
COLUMNS = ("organization", "dataset", "dataset_title", "resource_id", "resource_name", "format",
           "status", "errors", "warnings", "schema", "validated", "reason", "report_url")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value and unicodedata.normalize("NFKC", value[0]).startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(rows: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([neutralise("" if row.get(c) is None else row.get(c)) for c in COLUMNS])
    return out.getvalue()


def to_json(figures: dict[str, Any], rows: Iterable[dict[str, Any]]) -> str:
    return json.dumps({"summary": figures, "resources": list(rows)}, ensure_ascii=False, indent=2) + "\n"


def to_html(figures: dict[str, Any], rows: Iterable[dict[str, Any]], title: str) -> str:
    return templating.render(__package__, "steward_report.html", title=title, figures=figures,
                             totals=figures["totals"], rows=rows, columns=[c for c in COLUMNS if c != "report_url"],
                             rule_title=messages.title, percent=_percent)


def _percent(rate: Any) -> str:
    return "–" if rate is None else f"{rate * 100:.1f} %"
