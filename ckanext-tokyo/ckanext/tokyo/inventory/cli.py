"""`ckan tokyo inventory …`: the data inventory for operators, added to the
shared ``ckan tokyo`` group.

    ckan tokyo inventory import FILE [--org ORG] [--dry-run]
"""
from __future__ import annotations

from pathlib import Path

import click

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
    """Import inventory records from FILE (CSV or XLSX): all rows or none."""
    try:
        outcome = sheet_import.import_sheet(site_user.context(), file.read_bytes(), file.name, org, dry_run)
    except sheet_import.ImportProblems as problems:
        for message in problems.messages:
            click.echo(message, err=True)
        raise click.ClickException(tk._("Nothing was imported.")) from None
    click.echo(tk._("%(created)s created, %(updated)s updated, %(unchanged)s unchanged") % {
        "created": len(outcome.created), "updated": len(outcome.updated), "unchanged": len(outcome.unchanged)}
        + (" " + tk._("(checked only, nothing written)") if dry_run else ""))
