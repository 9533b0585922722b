"""The report page's frame: the standard by its name with a link to its
definition, times in the display time zone, why a run ended in error in the
page's language, and the findings as CSV or Excel for download."""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from typing import Any, Callable, Optional

import ckan.plugins.toolkit as tk

from ckanext.tokyo.base.i18n import N_
from ckanext.tokyo.validation import messages

from .report_export import neutralise

# ---------------------------------------------------------------- times


def local_time(value: Optional[str]) -> str:
    """A stored UTC time (ISO text, naive) as ``2026-06-01 14:03:05 JST`` in
    ckan.display_timezone; "" for none."""
    if not value:
        return ""
    moment = dt.datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(tk.h.get_display_timezone()).strftime("%Y-%m-%d %H:%M:%S %Z")


# ---------------------------------------------------------------- the standard


def standard(schema_id: Optional[str]) -> Optional[dict[str, Any]]:
    """{"id", "title", "url"}: the standard a file was checked against, by
    its name in the page's language; url is its definition's page (when
    tokyo_dcat serves /standard/<id>)."""
    if not schema_id:
        return None
    from ckanext.tokyo.metadata.helpers import page_lang, standard_label

    title = standard_label(schema_id)["en" if page_lang() == "en" else "ja"]
    try:
        url = tk.h.url_for("tokyo_dcat.standard", schema_id=schema_id)
    except Exception:  # tokyo_dcat not enabled: no page to link to
        url = None
    return {"id": schema_id, "title": title, "url": url}


# ---------------------------------------------------------------- reasons

# What jobs.py and fetch.py write into `reason` (English, for logs and the
# API), mapped to a sentence in the page's language; the technical detail
# (an HTTP status, a host) follows it.
REASONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"download refused or failed: HTTP (?P<detail>\d+.*)"),
     N_("The file could not be downloaded: the server answered %(detail)s.")),
    (re.compile(r"download refused or failed: cannot resolve (?P<detail>[^:]+)"),
     N_("The file could not be downloaded: the host %(detail)s was not found.")),
    (re.compile(r"download refused or failed: (?P<detail>.*\(refused\)|scheme .*|the URL .*)"),
     N_("The file's address is not one the catalog may download from (%(detail)s).")),
    (re.compile(r"download refused or failed: (?P<detail>.*)"),
     N_("The file could not be downloaded (%(detail)s).")),
    (re.compile(r"timed out after (?P<detail>\d+) s"),
     N_("The check took longer than %(detail)s seconds and was stopped.")),
    (re.compile(r"the resource was deleted"), N_("The file was deleted before it could be checked.")),
    (re.compile(r"no result (?P<detail>\d+) s after the job started.*"),
     N_("No result %(detail)s seconds after the check started (the check was stopped or its worker died).")),
    (re.compile(r"the background job (?P<detail>.*)"), N_("The check did not finish (%(detail)s).")),
    (re.compile(r"worker (?P<detail>.*) is gone|the background job disappeared.*"),
     N_("The check did not finish: the worker running it stopped.")),
    (re.compile(r"validation crashed: (?P<detail>.*)"),
     N_("The check failed unexpectedly (%(detail)s).")),
    (re.compile(r"(?P<detail>.*(Redis|redis|queue).*)"),
     N_("The check could not be queued (%(detail)s); it is retried automatically.")),
]


def reason_text(reason: Optional[str]) -> str:
    """Why a run ended in error, in the page's language."""
    if not reason:
        return ""
    for pattern, msgid in REASONS:
        match = pattern.fullmatch(reason.strip())
        if match:
            return tk._(msgid) % {"detail": match.groupdict().get("detail") or ""}
    return tk._("The check could not be completed (%(detail)s).") % {"detail": reason}


# ---------------------------------------------------------------- downloads

COLUMNS = (N_("Rule"), N_("Rule code"), N_("Severity"), N_("Row"), N_("Column"), N_("Value"),
           N_("Finding"), N_("How to fix"))


def finding_rows(report: Optional[dict[str, Any]], en: bool,
                 severity_label: Callable[[str], str]) -> list[list[Any]]:
    """One row per listed finding, the columns of COLUMNS, in the page's language."""
    rows = []
    for finding in (report or {}).get("findings") or []:
        code = finding.get("code") or ""
        rows.append([
            messages.title(code, "en" if en else "ja"), code, severity_label(finding.get("severity") or ""),
            finding.get("row"), finding.get("field"), finding.get("value"),
            finding.get("message_en" if en else "message") or finding.get("message") or "",
            finding.get("hint_en" if en else "hint") or "",
        ])
    return rows


def header() -> list[str]:
    return [tk._(c) for c in COLUMNS]


def to_csv(rows: list[list[Any]]) -> bytes:
    """UTF-8 with BOM, so that Excel opens the Japanese text as it is."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header())
    for row in rows:
        writer.writerow([neutralise("" if v is None else v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(rows: list[list[Any]], sheet_title: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=re.sub(r"[\[\]:*?/\\]", " ", sheet_title)[:31] or "findings")
    sheet.append(header())
    for row in rows:
        sheet.append([neutralise(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
