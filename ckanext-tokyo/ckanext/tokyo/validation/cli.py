"""tokyo-validate FILE [--schema auto|none|ID] [--format text|json|html]

Exit status: 0 valid, 1 invalid, 2 could not read.
"""
from __future__ import annotations

import argparse
import html
import json
import sys
from typing import Optional, Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import messages
from .engine import validate
from .options import Options
from .report import Report

DEFAULTS = Options()
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def parse_args(argv: Optional[Sequence[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="tokyo-validate",
        description="Check a CSV/XLSX file against Japan's standard data formats.")
    parser.add_argument("file")
    parser.add_argument("--schema", default="auto",
                        help="auto (detect from the header), none (general rules only) or a schema id")
    parser.add_argument("--format", choices=("text", "json", "html"), default="text")
    parser.add_argument("--max-bytes", type=int, default=DEFAULTS.max_bytes)
    parser.add_argument("--max-rows", type=int, default=DEFAULTS.max_rows)
    parser.add_argument("--timeout", type=float, default=DEFAULTS.timeout, help="seconds")
    parser.add_argument("--max-findings", type=int, default=DEFAULTS.max_findings)
    return parser.parse_args(argv)


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    options = Options(max_bytes=args.max_bytes, max_rows=args.max_rows,
                      timeout=args.timeout, max_findings=args.max_findings)
    report = validate(args.file, None if args.schema == "none" else args.schema, options)
    if args.format == "json":
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "html":
        sys.stdout.write(to_html(args.file, report))
    else:
        print_text(args.file, report, Console())
    return report.exit_code


def print_text(name: str, report: Report, console: Console) -> None:
    verdict = {0: "[green]valid / 適合[/]", 1: "[red]invalid / 不適合[/]",
               2: "[red]could not read / 読込不可[/]"}[report.exit_code]
    stats = report.stats
    console.print(f"[bold]{escape(name)}[/]: {verdict}")
    console.print(f"encoding {escape(str(report.encoding))} · schema {escape(str(report.schema))} · "
                  f"rows {stats.get('rows', 0)} · errors {stats.get('errors', 0)} · "
                  f"warnings {stats.get('warnings', 0)}")
    if not report.findings:
        return
    table = Table(show_lines=False)
    table.add_column("行 row", justify="right")
    table.add_column("列 field")
    table.add_column("severity")
    # Japanese has no spaces to wrap at: fold long lines instead of cutting them.
    table.add_column("ルール rule", overflow="fold")
    table.add_column("message", ratio=1, min_width=30, overflow="fold")
    for f in report.findings:
        table.add_row("" if f.row is None else str(f.row), escape(f.field or ""),
                      f"[{SEVERITY_STYLE[f.severity]}]{f.severity}[/]",
                      escape(messages.title(f.code)) + "\n[dim]" + escape(messages.title(f.code, "en"))
                      + "\n" + escape(f.code) + "[/]",
                      escape(f.message) + "\n[dim]" + escape(f.message_en) + "[/]")
    console.print(table)


def to_html(name: str, report: Report) -> str:
    e = html.escape
    rows = "\n".join(
        f'<tr class="{e(f.severity)}"><td>{"" if f.row is None else f.row}</td>'
        f"<td>{e(f.field or '')}</td><td>{e(f.severity)}</td>"
        f"<td>{e(messages.title(f.code))}<br><small>{e(messages.title(f.code, 'en'))}</small>"
        f"<br><code>{e(f.code)}</code></td>"
        f"<td><code>{e(f.value or '')}</code></td>"
        f"<td>{e(f.message)}<br><small>{e(f.message_en)}</small></td></tr>"
        for f in report.findings)
    verdict = {0: "valid / 適合", 1: "invalid / 不適合", 2: "could not read / 読込不可"}[report.exit_code]
    stats = report.stats
    return f"""<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>tokyo-validate: {e(name)}</title>
<style>body{{font-family:sans-serif}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:4px;vertical-align:top}}
.error td:nth-child(3){{color:#b00}}.warning td:nth-child(3){{color:#a60}}</style></head>
<body><h1>{e(name)}: {e(verdict)}</h1>
<p>encoding {e(str(report.encoding))} · schema {e(str(report.schema))} · rows {e(str(stats.get("rows", 0)))}
· errors {e(str(stats.get("errors", 0)))} · warnings {e(str(stats.get("warnings", 0)))}</p>
<table><thead><tr><th>行 row</th><th>列 field</th><th>severity</th><th>ルール rule</th><th>値 value</th><th>message</th></tr></thead>
<tbody>
{rows}
</tbody></table></body></html>
"""


if __name__ == "__main__":
    sys.exit(main())
