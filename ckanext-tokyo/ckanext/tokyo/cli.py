"""`ckan tokyo …`: operator commands of the suite."""
from __future__ import annotations

import secrets
from pathlib import Path

import click

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.tokyo import site_user


@click.group(short_help="Tokyo catalog tools (demo data, sysadmin, …)")
def tokyo():
    pass


@tokyo.command("ensure-sysadmin")
@click.argument("name")
@click.option("--password-file", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Read the password from here, or write a new random one here.")
def ensure_sysadmin(name: str, password_file: Path):
    """Create sysadmin NAME unless it exists (the password is kept in a file)."""
    if not password_file.exists():
        password_file.write_text(secrets.token_urlsafe(12) + "\n")
        password_file.chmod(0o600)
    user = model.User.by_name(name)
    if user is None:
        tk.get_action("user_create")(
            site_user.context(),
            {"name": name, "email": f"{name}@example.invalid",
             "password": password_file.read_text().strip()},
        )
        user = model.User.by_name(name)
        click.echo(f"created user {name}")
    if not user.sysadmin:
        user.sysadmin = True
        model.repo.commit_and_remove()
        click.echo(f"{name} is now a sysadmin")


@tokyo.command("demo")
def demo():
    """Load the category pages, demo organisations and datasets (idempotent)."""
    from ckanext.tokyo import demo as demo_data

    result = demo_data.load()
    click.echo(
        f"demo: {result.categories_created} category pages, {result.organizations_created} organisations and "
        f"{result.datasets_created} datasets created, {result.datasets_existing} already there"
    )


@tokyo.command("import")
@click.argument("source")
@click.option("--limit", type=int, default=None, help="Import at most this many datasets.")
def import_(source: str, limit: int | None):
    """Import datasets from SOURCE: a file of package_show JSON lines ('-' for
    stdin) or the base URL of a CKAN site (read through ckanapi).

    Maps 更新頻度 spellings to the controlled list (unmapped ones are
    reported), groups c0NN to categories and t000xxx / t<code> organisations
    to organisations with their identifiers. Creates or updates; datasets
    already up to date are left alone."""
    import itertools

    from ckanext.tokyo import importer

    if source.startswith(("http://", "https://")):
        try:
            total, records = importer.remote_records(source)
        except importer.SourceError as e:
            raise click.ClickException(f"{e}\n何も取り込んでいません / nothing was imported") from e
    else:
        stream = click.open_file(source, encoding="utf-8")
        lines = stream.readlines()
        total, records = sum(1 for line in lines if line.strip()), importer.read_jsonl(lines)
    if limit is not None:
        total, records = min(total, limit), itertools.islice(records, limit)

    context = site_user.context()

    def call(action: str, data: dict) -> dict:
        return tk.get_action(action)(dict(context), data)

    run = importer.Importer(call, tk.ObjectNotFound, tk.ValidationError)
    problem = None
    try:
        with click.progressbar(records, length=total, label="import", show_pos=True) as bar:
            for record in bar:
                run.import_record(record)
    except importer.SourceError as e:  # the source broke off: report what was done
        problem = e
    for line in run.report.lines():
        click.echo(line)
    if problem:
        raise click.ClickException(
            f"{problem}\nここまでの取り込みは残ります。もう一度実行すると残りを取り込みます"
            " / what was imported so far is kept; run the import again for the rest") from problem
    if run.report.failed:
        raise click.exceptions.Exit(1)


@tokyo.group("categories")
def categories():
    """The catalog's categories as pages (CKAN groups)."""


@categories.command("sync")
def categories_sync():
    """Create or update one group per category of the code list (idempotent)."""
    from ckanext.tokyo.metadata import categories as category_pages

    result = category_pages.sync(site_user.context())
    click.echo(f"categories: {len(result.created)} created, {len(result.updated)} updated, "
               f"{len(result.unchanged)} unchanged")
    if result.unknown:
        click.echo("カテゴリ一覧にないグループ（そのまま） / groups not in the code list (left as they are): "
                   + ", ".join(result.unknown))


@categories.command("check")
@click.argument("url")
def categories_check(url: str):
    """Compare the code list with the groups of the catalog at URL (e.g.
    https://catalog.data.metro.tokyo.lg.jp); exit 1 when they differ."""
    from ckanext.tokyo import importer
    from ckanext.tokyo.base import codelists

    try:
        groups = importer.remote_groups(url)
    except importer.SourceError as e:
        raise click.ClickException(str(e)) from e
    differences = codelists.category_differences(groups)
    what = {"new": ("一覧にない", "not in the code list"), "title": ("名称が違う", "another name"),
            "gone": ("カタログにない", "not in the catalog")}
    for code, kind, theirs, ours in differences:
        ja, en = what[kind]
        click.echo(f"{code}: {ja} / {en}: {url}「{theirs}」, code list「{ours}」")
    click.echo(f"{len(groups)} groups read, {len(differences)} differences "
               "(schemas/codes/tokyo_categories.csv)")
    if differences:
        raise click.exceptions.Exit(1)
