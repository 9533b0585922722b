"""Writing one table into the DataStore, all or nothing.

The table is made with ``datastore_create`` (fields, types and the data
dictionary: each column's heading and the standard's description), then
filled in a single transaction: one ``COPY … FROM STDIN`` of the prepared
UTF-8 rows into a temporary table, one ``INSERT … SELECT`` casting them to
the column types with their full-text vector. Readers see the old rows or all
the new ones, never a part.
When the columns are unchanged the old rows are truncated in that same
transaction; otherwise the old table is dropped first. If the copy fails the
table is dropped, so a resource never keeps a half-loaded or stale table.
"""
from __future__ import annotations

import contextlib
import logging
from typing import Any, Iterator, Optional

import sqlalchemy as sa

import ckan.plugins.toolkit as tk

from ckanext.tokyo import site_user

from .table import Column

log = logging.getLogger(__name__)


class LoadFailed(Exception):
    """PostgreSQL refused the rows (message from PostgreSQL)."""


def _backend() -> Any:
    from ckanext.datastore.backend.postgres import get_write_engine, identifier

    return get_write_engine(), identifier


def fields_of(resource_id: str) -> Optional[list[tuple[str, str]]]:
    """(column, type) of the resource's DataStore table, or None without one."""
    try:
        info = tk.get_action("datastore_info")(site_user.context(), {"id": resource_id})
    except tk.ObjectNotFound:
        return None
    return [(f["id"], f["type"]) for f in info.get("fields", []) if not f["id"].startswith("_")]


def _fields(columns: list[Column]) -> list[dict[str, Any]]:
    out = []
    for column in columns:
        notes = "\n\n".join(part for part in (column.description, column.title_en) if part)
        out.append({"id": column.id, "type": column.type,
                    "info": {"label": column.label, "notes": notes, "type_override": column.type}})
    return out


def replace(resource_id: str, columns: list[Column], rows_csv: str, timeout_seconds: int) -> None:
    """Make the resource's table hold exactly the rows in the file `rows_csv`
    (UTF-8 CSV, all fields quoted, no header) with these columns."""
    existing = fields_of(resource_id)
    wanted = [(c.id, c.type) for c in columns]
    if existing is not None and existing != wanted:
        drop(resource_id)
    tk.get_action("datastore_create")(site_user.context(), {
        "resource_id": resource_id, "force": True, "fields": _fields(columns),
        "calculate_record_count": False})
    engine, identifier = _backend()
    names = ", ".join(identifier(c.id) for c in columns)
    typed = ", ".join(f"{identifier(c.id)}::{c.type}" for c in columns)
    table = identifier(resource_id)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text(f"SET LOCAL statement_timeout = {int(timeout_seconds) * 1000}"))
            connection.execute(sa.text(f"TRUNCATE {table} RESTART IDENTITY"))
            as_text = ", ".join(identifier(c.id) + " text" for c in columns)
            connection.execute(sa.text(f"CREATE TEMP TABLE tokyo_load ({as_text}) ON COMMIT DROP"))
            with open(rows_csv, encoding="utf-8") as stream:
                connection.connection.cursor().copy_expert(
                    f"COPY tokyo_load ({names}) FROM STDIN WITH (FORMAT csv, ENCODING 'UTF8', FORCE_NULL ({names}))",
                    stream)
            # the search index is built once after the rows, not row by row
            search_indexes = connection.execute(sa.text(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = :table "
                "AND indexdef LIKE '%(_full_text)%'"), {"table": resource_id}).fetchall()
            for index_name, _ in search_indexes:
                connection.execute(sa.text(f"DROP INDEX {identifier(index_name)}"))
            connection.execute(sa.text(
                f"INSERT INTO {table} ({names}, _full_text) SELECT *, {_full_text(columns, identifier)} "
                f"FROM (SELECT {typed} FROM tokyo_load) AS typed ({names})"))
            for _, definition in search_indexes:
                connection.execute(sa.text(definition))
            connection.execute(sa.text(f"ANALYZE {table}"))
    except sa.exc.DBAPIError as error:
        drop(resource_id)
        raise LoadFailed(str(getattr(error, "orig", error)).strip().splitlines()[0]) from None
    _count(resource_id)


def _full_text(columns: list[Column], identifier: Any) -> str:
    """The search vector CKAN's trigger (populate_full_text_trigger) would
    compute: the row's values in column order, NULLs left out, through the
    default text search configuration. Set here in one statement it costs
    less than the trigger firing row by row (which then leaves it as is);
    bench/datastore_load.py measures it."""
    values = ", ".join(identifier(c.id) + ("" if c.type == "text" else "::text") for c in columns)
    return f"to_tsvector(concat_ws(' ', {values}))"


def _count(resource_id: str) -> None:
    """The cached row count datastore_search reports (2.12 keeps one)."""
    from ckanext.datastore.backend import DatastoreBackend

    backend = DatastoreBackend.get_active_backend()
    if hasattr(backend, "calculate_record_count"):
        backend.calculate_record_count(resource_id)


def drop(resource_id: str) -> bool:
    """Delete the resource's table (and its datastore_active flag), if any."""
    try:
        tk.get_action("datastore_delete")(site_user.context(), {"resource_id": resource_id, "force": True})
        return True
    except tk.ObjectNotFound:
        return False


@contextlib.contextmanager
def resource_lock(resource_id: str) -> Iterator[None]:
    """One load of a resource at a time, across workers and machines (a
    PostgreSQL advisory lock in the DataStore database)."""
    engine, _ = _backend()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        key = sa.text("SELECT hashtextextended(:key, 0)")
        lock_id = connection.execute(key, {"key": "tokyo_datastore:" + resource_id}).scalar()
        connection.execute(sa.text("SELECT pg_advisory_lock(:id)"), {"id": lock_id})
        try:
            yield
        finally:
            connection.execute(sa.text("SELECT pg_advisory_unlock(:id)"), {"id": lock_id})
