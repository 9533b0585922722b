"""Template helpers: the load status of a resource in words, and the Data
API examples of a loaded table (URLs for this resource, in the page's
language)."""
from __future__ import annotations

import json
from typing import Any, Optional
from urllib.parse import urlencode

import ckan.plugins.toolkit as tk

from . import gate
from .model import ResourceLoad, table_exists


def _reason_text(reason: Optional[str], detail: Optional[str]) -> str:
    detail = detail or ""
    texts = {
        gate.WAITING_FOR_VALIDATION: tk._("The table is loaded once the file's validation has finished."),
        gate.VALIDATION_FAILURE: tk._("Not loaded: the validation found %(errors)s errors in the file. "
                                      "Fix them and upload the file again (see the validation report).")
        % {"errors": detail or "?"},
        gate.VALIDATION_ERROR: tk._("Not loaded: the file could not be validated (%(detail)s).")
        % {"detail": detail or "?"},
        gate.TOO_LARGE: tk._("Not loaded: the file is larger than the limit of %(limit)s bytes.")
        % {"limit": detail or "?"},
        gate.TOO_MANY_ROWS: tk._("Not loaded: the table has more than %(limit)s rows.") % {"limit": detail or "?"},
        gate.UNREADABLE: tk._("Not loaded: the file could not be read as a table (%(detail)s).")
        % {"detail": detail or "?"},
        gate.LOAD_FAILED: tk._("Not loaded: the DataStore refused the rows (%(detail)s).") % {"detail": detail or "?"},
        gate.FILE_CHANGED: tk._("The file changed since it was validated: it is validated again, then loaded."),
    }
    return texts.get(reason or "", "")


def status_label(status: Optional[str]) -> str:
    return {
        gate.PENDING: tk._("Waiting to be loaded"),
        gate.RUNNING: tk._("Loading"),
        gate.LOADED: tk._("In the DataStore"),
        gate.NOT_LOADED: tk._("Not in the DataStore"),
        gate.ERROR: tk._("Load failed"),
    }.get(status or "", tk._("Not in the DataStore"))


def load(resource: dict[str, Any]) -> Optional[dict[str, Any]]:
    """The resource's load for the pages: its row plus ``label``, ``message``
    and the ``badge`` class; None when it never was queued."""
    if not resource.get("id") or not table_exists():
        return None
    row = ResourceLoad.get(resource["id"])
    if row is None:
        return None
    out = row.as_dict()
    out["label"] = status_label(row.status)
    out["message"] = _reason_text(row.reason, row.detail)
    out["badge"] = {gate.LOADED: "bg-success", gate.NOT_LOADED: "bg-danger", gate.ERROR: "bg-warning text-dark",
                    gate.RUNNING: "bg-info text-dark"}.get(row.status, "bg-secondary")
    out["mismatches"] = [c for c in out["columns"] if c.get("mismatch")]
    return out


def api_examples(resource: dict[str, Any], columns: list[dict[str, Any]]) -> list[dict[str, str]]:
    """[{"title", "url"}] runnable as they are: the first rows, an exact
    match on a text column, a prefix search, and SQL."""
    resource_id = resource["id"]

    def url(action: str, **params: Any) -> str:
        base = tk.url_for("api.action", ver=3, logic_function=action, _external=True)
        return f"{base}?{urlencode(params)}"

    def as_json(value: dict[str, str]) -> str:
        return json.dumps(value, ensure_ascii=False)

    examples = [{"title": tk._("The first 5 rows"), "url": url("datastore_search", resource_id=resource_id, limit=5)}]
    text = next((c for c in columns if c.get("type") == "text" and c.get("field") in ("名称", "名前")), None) \
        or next((c for c in columns if c.get("type") == "text"), None)
    sample = _first_value(resource_id, text["id"]) if text else None
    if text and sample:
        column, head = text["id"], sample[:2]
        examples.append({
            "title": tk._("Rows whose %(column)s is %(value)s") % {"column": column, "value": sample},
            "url": url("datastore_search", resource_id=resource_id, filters=as_json({column: sample}))})
        examples.append({
            "title": tk._("Rows whose %(column)s starts with %(value)s (full-text search)")
            % {"column": column, "value": head},
            "url": url("datastore_search", resource_id=resource_id, q=as_json({column: head + ":*"}), plain="false")})
    numbers = [c for c in columns if c.get("type") in ("int8", "numeric")]
    select = ", ".join(f'"{c["id"]}"' for c in ([text] if text else []) + numbers[:2]) or "*"
    where = f""" WHERE "{text['id']}" LIKE '%{sample[:2].replace("'", "''")}%'""" if text and sample else ""
    sql = f'SELECT {select} FROM "{resource_id}"{where} LIMIT 5'
    examples.append({"title": tk._("SQL (datastore_search_sql)"), "url": url("datastore_search_sql", sql=sql)})
    return examples


def _first_value(resource_id: str, column: str) -> Optional[str]:
    try:
        found = tk.get_action("datastore_search")({"user": _user()}, {
            "resource_id": resource_id, "fields": [column], "limit": 1,
            "filters": {}, "sort": "_id"})
    except (tk.ObjectNotFound, tk.NotAuthorized, tk.ValidationError):
        return None
    records = found.get("records") or []
    value = records[0].get(column) if records else None
    return str(value) if value not in (None, "") else None


def _user() -> Optional[str]:
    return tk.current_user.name if tk.current_user and tk.current_user.is_authenticated else None


def get_helpers() -> dict[str, Any]:
    return {"tokyo_datastore_load": load, "tokyo_datastore_api_examples": api_examples}
