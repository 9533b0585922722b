"""`ckan tokyo requests …`: data requests for operators, added to the shared
``ckan tokyo`` group.

    ckan tokyo requests unanswered [--days N] [--format text|json]
"""
from __future__ import annotations

import json

import click

import ckan.plugins.toolkit as tk

from ckanext.tokyo import site_user
from ckanext.tokyo.cli import tokyo


@tokyo.group("requests", short_help="Data requests (データ公開リクエスト)")
def requests_group():
    pass


@requests_group.command("unanswered")
@click.option("--days", type=int, default=None,
              help="Still unanswered this many days after they were made (default: "
                   "ckanext.tokyo.requests.unanswered_days).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def unanswered(days: int | None, fmt: str):
    """Requests still 受付 (no answer from the organisation) after N days."""
    found = tk.get_action("tokyo_data_request_unanswered")(site_user.context(), {"days": days})
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=1))
        return
    for item in found["results"]:
        org = (item.get("organization") or {}).get("name") or "-"
        click.echo(f"{item['created'][:10]}\t{org}\t{item['votes']}\t{item['id']}\t{item['title']}")
    click.echo(f"{found['count']} ({found['days']})", err=True)
