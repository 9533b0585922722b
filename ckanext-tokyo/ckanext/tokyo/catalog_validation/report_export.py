"""The steward report as CSV, JSON or HTML (``ckan tokyo report``).

CSV cells that a spreadsheet would run as a formula (starting with ``=``,
``+``, ``-``, ``@``, tab or carriage return) are neutralised with a leading
apostrophe; HTML escapes every value.
"""
from __future__ import annotations

import csv
import html
import io
import json
from typing import Any, Iterable

from ckanext.tokyo.validation import messages

# One row per resource (summary.resource_rows); no CKAN import here (rule
# titles come from the CKAN-free messages module), so the formats are
# unit-tested on their own.
COLUMNS = ("organization", "dataset", "dataset_title", "resource_id", "resource_name", "format",
           "status", "errors", "warnings", "schema", "validated", "reason", "report_url")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
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
    e = lambda v: html.escape("" if v is None else str(v))  # noqa: E731
    org_rows = "\n".join(
        f"<tr><td>{e(o['title'] or o['name'])}</td><td>{o['resources']}</td><td>{o['validated']}</td>"
        f"<td>{o['success']}</td><td>{o['failure']}</td><td>{o['error']}</td>"
        f"<td>{o['pending'] + o['running']}</td><td>{o['not_validated']}</td>"
        f"<td>{e(_percent(o['pass_rate']))}</td></tr>" for o in figures["organizations"])
    code_rows = "\n".join(
        f"<tr><td>{e(messages.title(c['code']))}<br><small>{e(messages.title(c['code'], 'en'))}</small></td>"
        f"<td><code>{e(c['code'])}</code></td><td>{e(c['severity'])}</td><td>{c['count']}</td><td>{c['resources']}</td></tr>"
        for c in figures["by_code"])
    resource_rows = "\n".join(
        f"<tr class=\"{e(r['status'])}\">" + "".join(
            f"<td><a href=\"{e(r['report_url'])}\">{e(r[c])}</a></td>" if c == "status" else f"<td>{e(r[c])}</td>"
            for c in COLUMNS if c != "report_url") + "</tr>" for r in rows)
    headings = "".join(f"<th>{e(c)}</th>" for c in COLUMNS if c != "report_url")
    totals = figures["totals"]
    return f"""<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>{e(title)}</title>
<style>body{{font-family:sans-serif;margin:1.5em}}table{{border-collapse:collapse;margin-bottom:2em}}
td,th{{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}}
.failure td{{background:#fdecea}}.error td{{background:#fff4e5}}</style></head>
<body><h1>{e(title)}</h1>
<p>データ検証の結果 / Validation results: {totals['resources']} resources, {totals['validated']} validated,
pass rate {e(_percent(totals['pass_rate']))}</p>
<h2>組織別 / By organisation</h2>
<table><thead><tr><th>組織 organisation</th><th>resources</th><th>validated</th><th>success</th><th>failure</th>
<th>error</th><th>pending</th><th>not validated</th><th>pass rate</th></tr></thead><tbody>
{org_rows}
</tbody></table>
<h2>ルール別の指摘 / Findings by rule</h2>
<table><thead><tr><th>ルール rule</th><th>code</th><th>severity</th><th>findings</th><th>resources</th></tr></thead><tbody>
{code_rows}
</tbody></table>
<h2>リソース / Resources</h2>
<table><thead><tr>{headings}</tr></thead><tbody>
{resource_rows}
</tbody></table></body></html>
"""


def _percent(rate: Any) -> str:
    return "–" if rate is None else f"{rate * 100:.1f} %"
