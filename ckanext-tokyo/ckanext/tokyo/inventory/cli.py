"""`ckan tokyo inventory …`: the data inventory for operators, added to the
shared ``ckan tokyo`` group.

    ckan tokyo inventory import FILE [--org ORG] [--dry-run]
"""
from __future__ import annotations

from pathlib import Path

import click
from flask_babel import force_locale

import ckan.plugins.toolkit as tk

from ckanext.tokyo import site_user
from ckanext.tokyo.cli import tokyo

from . import sheet_import


@tokyo.group("inventory", short_help="The data inventory (保有データ目録)")
def inventory_group():
    pass


@inventory_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--org", default=None, help="Organisation of the rows without an organisation column.")
@click.option("--dry-run", is_flag=True, help="Check the file only.")
def import_(file: Path, org: str | None, dry_run: bool):
    """Import inventory records from FILE (CSV or XLSX): all rows or none.
    Problems are reported in Japanese and English."""
    content = file.read_bytes()
    app = click.get_current_context().meta["flask_app"]  # CKAN's, set by its `ckan` command

    def run(locale: str, check_only: bool):
        with app.test_request_context(), force_locale(locale):
            try:
                return sheet_import.import_sheet(site_user.context(), content, file.name, org, check_only), []
            except sheet_import.ImportProblems as problems:
                return None, problems.messages + [tk._("Nothing was imported.")]

    outcome, japanese = run("ja", dry_run)
    if outcome is None:
        english = run("en", True)[1]  # the same check again (nothing is written), worded in English
        for ja, en in zip(japanese, english):
            click.echo(f"{ja}\n  {en}", err=True)
        raise click.exceptions.Exit(1)
    with app.test_request_context(), force_locale("ja"):
        click.echo(tk._("%(created)s created, %(updated)s updated, %(unchanged)s unchanged") % {
            "created": len(outcome.created), "updated": len(outcome.updated), "unchanged": len(outcome.unchanged)}
            + (" " + tk._("(checked only, nothing written)") if dry_run else ""))
