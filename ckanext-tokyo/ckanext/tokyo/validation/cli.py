"""tokyo-validate FILE [--schema auto|none|ID] [--format text|json|html|frictionless] [--fix OUT [--bom]]

Text and HTML show the findings summed up by rule and column (count, first
rows, example values); JSON has both that summary (`groups`) and the
findings themselves (`findings`: at most --max-findings in all and
--max-group-findings per rule and column; 0 keeps every one).
`frictionless` is the same report as a frictionless Report (JSON that
frictionless tools read; messages in --lang).

With --fix OUT, writes a corrected UTF-8 CSV to OUT (removed title and note
rows to OUT.notes.txt) and prints the changes (row, column, before, after);
what cannot be fixed with certainty stays, and the findings left are counted.

Exit status: 0 valid, 1 invalid, 2 could not read (with --fix: of the fixed copy).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Optional, Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import messages, templating
from .engine import validate
from .fix import FixError, fix_file
from .frictionless_report import to_frictionless
from .options import Options
from .report import Report, json_safe, printable

DEFAULTS = Options()
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def parse_args(argv: Optional[Sequence[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="tokyo-validate",
        description="Check a CSV/XLSX file against Japan's standard data formats.")
    parser.add_argument("file")
    parser.add_argument("--schema", default="auto",
                        help="auto (detect from the header), none (general rules only) or a schema id")
    parser.add_argument("--format", choices=("text", "json", "html", "frictionless"), default="text")
    parser.add_argument("--lang", choices=("ja", "en"), default="ja",
                        help="language of the messages in the frictionless report")
    parser.add_argument("--max-bytes", type=int, default=DEFAULTS.max_bytes)
    parser.add_argument("--max-rows", type=int, default=DEFAULTS.max_rows)
    parser.add_argument("--timeout", type=float, default=DEFAULTS.timeout, help="seconds")
    parser.add_argument("--max-line-bytes", type=int, default=DEFAULTS.max_line_bytes,
                        help="longest CSV line checked, in bytes")
    parser.add_argument("--max-findings", type=int, default=DEFAULTS.max_findings,
                        help="findings listed in all (0: every one; all are counted in the summary)")
    parser.add_argument("--max-group-findings", type=int, default=None,
                        help=f"findings listed per rule and column (default {DEFAULTS.max_group_findings}, "
                             "none with --max-findings 0)")
    parser.add_argument("--fix", metavar="OUT", help="write a corrected copy (UTF-8 CSV) to OUT")
    parser.add_argument("--bom", action="store_true", help="with --fix: write a byte order mark (for Excel)")
    return parser.parse_args(argv)


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    group_limit = args.max_group_findings
    if group_limit is None:
        group_limit = 0 if args.max_findings == 0 else DEFAULTS.max_group_findings
    options = Options(max_bytes=args.max_bytes, max_rows=args.max_rows, timeout=args.timeout,
                      max_findings=args.max_findings, max_group_findings=group_limit,
                      max_line_bytes=args.max_line_bytes)
    schema = None if args.schema == "none" else args.schema
    if args.fix:
        return fix_main(args, schema, options)
    report = validate(args.file, schema, options)
    if args.format in ("json", "frictionless"):
        out = report.to_dict()
        if args.format == "frictionless":
            name = os.path.basename(args.file)
            out = to_frictionless(out, name=name, place=args.file, lang=args.lang)
        sys.stdout.write(json_safe(json.dumps(out, ensure_ascii=False, indent=2)) + "\n")
    elif args.format == "html":
        sys.stdout.write(to_html(args.file, report))
    else:
        print_text(args.file, report, Console())
    return report.exit_code


def fix_main(args: argparse.Namespace, schema: Optional[str], options: Options) -> int:
    console = Console()
    try:
        result = fix_file(args.file, args.fix, bom=args.bom, schema=schema, options=options)
    except FixError as error:
        if args.format == "json":
            sys.stdout.write(json_safe(json.dumps({"error": error.message, "error_en": error.message_en},
                                                  ensure_ascii=False)) + "\n")
        else:
            console.print(f"[red]{_shown(error.message)}[/]\n[dim]{_shown(error.message_en)}[/]")
        return 2
    left = validate(args.fix, schema, options)
    if args.format == "json":
        out = dict(result.to_dict(), remaining=left.to_dict())
        sys.stdout.write(json_safe(json.dumps(out, ensure_ascii=False, indent=2)) + "\n")
        return left.exit_code
    for ja, en in result.notices:
        console.print(f"{_shown(ja)} [dim]{_shown(en)}[/]")
    if result.changes:
        table = Table(show_lines=False)
        for heading in ("行 row", "列 column", "修正前 before", "修正後 after", "ルール rule"):
            table.add_column(heading, overflow="fold")
        for change in result.changes:
            table.add_row(str(change.row or ""), _shown(change.column or ""), _shown(change.before or ""),
                          _shown(change.after if change.after is not None else "（削除 removed）"),
                          _shown(change.code))
        console.print(table)
    console.print(f"[bold]{_shown(args.fix)}[/]: {len(result.changes)} 件修正 changes · "
                  f"{result.data_rows} 行 data rows")
    if result.notes:
        console.print(f"注記・表題行 notes and title rows: {_shown(result.notes)}")
    console.print(f"残る指摘 findings left: errors {left.stats.get('errors', 0)} · "
                  f"warnings {left.stats.get('warnings', 0)} (tokyo-validate {_shown(args.fix)})")
    return left.exit_code


def _shown(text: object) -> str:
    """A value from the file as terminal text: no controls, no rich markup."""
    return escape(printable(str(text)))


def print_text(name: str, report: Report, console: Console) -> None:
    verdict = {0: "[green]valid / 適合[/]", 1: "[red]invalid / 不適合[/]",
               2: "[red]could not read / 読込不可[/]"}[report.exit_code]
    stats = report.stats
    console.print(f"[bold]{_shown(name)}[/]: {verdict}")
    console.print(f"encoding {_shown(report.encoding)} · schema {_shown(report.schema)} · "
                  f"rows {stats.get('rows', 0)} · errors {stats.get('errors', 0)} · "
                  f"warnings {stats.get('warnings', 0)}")
    if not report.groups:
        return
    # One line per rule and column, however many findings it sums up.
    table = Table(show_lines=False)
    table.add_column("件数 count\n行 rows", justify="right")
    table.add_column("列 field", overflow="fold")
    table.add_column("severity")
    # Japanese has no spaces to wrap at: fold long lines instead of cutting them.
    table.add_column("ルール rule", overflow="fold")
    table.add_column("message", ratio=1, min_width=30, overflow="fold")
    for g in report.groups:
        first = g.first
        examples = "".join(f"\n「{_shown(v[:60])}」" for v in g.values[1:3])
        table.add_row(f"{g.count}\n[dim]{rows_text(g.rows[:3], g.count)}[/]", _shown(g.field or ""),
                      f"[{SEVERITY_STYLE[g.severity]}]{g.severity}[/]",
                      escape(messages.title(g.code)) + "\n[dim]" + escape(messages.title(g.code, "en"))
                      + "\n" + escape(g.code) + "[/]",
                      _shown(first.message) + examples + "\n[dim]" + _shown(first.message_en) + "[/]")
    console.print(table)


def rows_text(rows: list[int], count: int) -> str:
    """The first rows of a group, "…" when there are more."""
    shown = ", ".join(str(r) for r in rows)
    return shown + (" …" if count > len(rows) and rows else "")


def to_html(name: str, report: Report) -> str:
    verdict = {0: "valid / 適合", 1: "invalid / 不適合", 2: "could not read / 読込不可"}[report.exit_code]
    return templating.render(__package__, "tokyo_validate.html", name=name, verdict=verdict, report=report,
                             stats=report.stats, title=messages.title, rows_text=rows_text)


if __name__ == "__main__":
    sys.exit(main())
