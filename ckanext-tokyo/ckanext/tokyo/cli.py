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


def _index_once(names: list[str]) -> None:
    """Index the datasets of a bulk load, with one Solr commit at the end."""
    from ckan.lib import search

    from ckanext.tokyo import compat

    with click.progressbar(names, label="index", show_pos=True) as bar:
        for name in bar:
            compat.reindex_package(name, defer_commit=True)
            model.Session.commit()  # no lock or snapshot held across datasets
    if names:
        search.commit()


@tokyo.command("demo")
def demo():
    """Load the category pages, demo organisations and datasets (idempotent)."""
    from ckanext.tokyo import demo as demo_data

    result = demo_data.load()
    click.echo(
        f"demo: {result.categories_created} category pages, {result.organizations_created} organisations and "
        f"{result.datasets_created} datasets created, {result.datasets_existing} already there; "
        f"{result.inventory_created} inventory records, {result.requests_created} data requests and "
        f"{result.usecases_created} use cases created"
    )


@tokyo.command("import")
@click.argument("source")
@click.option("--limit", type=int, default=None, help="Import at most this many datasets.")
@click.option("--bulk", "bulk_load", is_flag=True,
              help="A first load: index nothing per dataset, index what was imported once at the end "
                   "and only then queue its validation.")
def import_(source: str, limit: int | None, bulk_load: bool):
    """Import datasets from SOURCE: a file of package_show JSON lines ('-' for
    stdin) or the base URL of a CKAN site (read through ckanapi).

    Maps 更新頻度 spellings to the controlled list (unmapped ones are
    reported), groups c0NN to categories and t000xxx / t<code> organisations
    to organisations with their identifiers. Creates or updates; datasets
    already up to date are left alone. Validation runs of imported files
    wait behind those editors start (the bulk queue)."""
    import contextlib
    import itertools

    from ckanext.tokyo import bulk, compat, importer

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

    with contextlib.ExitStack() as stack:
        stack.enter_context(bulk.loading() if bulk_load else bulk.saving())
        deferred = stack.enter_context(compat.indexing_deferred()) if bulk_load else {}
        context = dict(site_user.context(), **deferred)

        def call(action: str, data: dict) -> dict:
            return tk.get_action(action)(dict(context), data)

        run = importer.Importer(call, tk.ObjectNotFound, tk.ValidationError)
        problem = None
        try:
            with click.progressbar(records, length=total, label="import", show_pos=True) as bar:
                for record in bar:
                    run.import_record(record)
                    model.repo.commit()  # each dataset on its own (the actions' own commit is deferred in bulk)
        except importer.SourceError as e:  # the source broke off: report what was done
            problem = e
    if bulk_load:
        _index_once(run.saved)
        bulk.release()
    for line in run.report.lines():
        click.echo(line)
    if problem:
        raise click.ClickException(
            f"{problem}\nここまでの取り込みは残ります。もう一度実行すると残りを取り込みます"
            " / what was imported so far is kept; run the import again for the rest") from problem
    if run.report.failed:
        raise click.exceptions.Exit(1)


@tokyo.command("dcat-dump")
@click.option("--format", "fmt", type=click.Choice(["ttl", "nt"]), default="ttl", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False), default=None,
              help="File to write (default: the file /catalog/full.<format> serves).")
@click.option("--rows", type=int, default=100, show_default=True, help="Datasets per page built.")
def dcat_dump(fmt: str, output: str | None, rows: int):
    """Write the whole catalog as DCAT-AP 3 in one file, streamed page by
    page (the file is replaced at the end, never half-written)."""
    from ckanext.tokyo.dcat import dump

    def progress(report):
        click.echo(f"\r{report.datasets} datasets", nl=False, err=True)

    path, report = dump.dump(fmt, output, rows, progress)
    click.echo("", err=True)
    click.echo(f"{path}: {report.datasets} datasets, {report.pages} pages, "
               f"{report.bytes / 1e6:.1f} MB in {report.seconds:.1f} s")


@tokyo.command("harvest-sources")
@click.option("--file", "path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="The list to read (default: schemas/harvest_sources.csv).")
@click.option("--check", is_flag=True, help="Only read and check the list.")
def harvest_sources(path: str | None, check: bool):
    """Create or update the harvest sources of Tokyo's municipal catalogs
    from the list (enabled rows with a URL); report the disabled ones."""
    from ckanext.tokyo.harvest import sources

    try:
        rows = sources.read(path)
    except (OSError, ValueError, KeyError) as e:
        raise click.ClickException(f"{path or sources.default_path()}: {e}") from e
    enabled = [r for r in rows if r.enabled]
    click.echo(f"{len(rows)} local governments, {len(enabled)} enabled sources, "
               f"{sum(1 for r in rows if r.url)} with a known URL")
    if check:
        return
    report = sources.sync(rows)
    click.echo(f"created {len(report.created)}, updated {len(report.updated)}, "
               f"disabled {len(report.disabled)} (no public feed known)")
    for code, error in report.errors.items():
        click.echo(f"error: {code}: {error}", err=True)
    if report.errors:
        raise click.exceptions.Exit(1)


@tokyo.command("schedule")
@click.option("--every", type=int, default=300, show_default=True, help="Seconds between rounds.")
@click.option("--once", is_flag=True, help="One round, then exit (cron, tests).")
def schedule(every: int, once: bool):
    """The catalog's periodic work, one round every --every seconds: start
    due harvest jobs and close finished ones (ckanext-harvest), then the
    other scheduled tasks of the plugins that are enabled."""
    import time

    from ckanext.tokyo import scheduled

    while True:
        for line in scheduled.run_round():
            click.echo(line)
        if once:
            return
        time.sleep(every)
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
