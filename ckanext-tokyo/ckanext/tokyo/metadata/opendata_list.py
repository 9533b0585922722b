"""/opendata-list.csv, /opendata-list/<org>.csv and their .xlsx twins: the
catalog as the standard dataset オープンデータ一覧 (base/opendata_list.py).

Always current: generated at request time from package_search, a page of
datasets at a time (CSV is streamed; XLSX goes through a temporary file), so
memory stays bounded for the whole catalog. Only public, active datasets of
type ``dataset``: the search runs with include_private and include_drafts
off, whoever asks.
"""
from __future__ import annotations

import tempfile
from typing import Any, Iterator, Optional

from flask import Blueprint, Response, send_file, stream_with_context

import ckan.plugins.toolkit as tk

from ckanext.tokyo import compat
from ckanext.tokyo.base import opendata_list

PAGE = 500  # datasets per package_search call (under ckan.search.rows_max's default 1000)
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

blueprint = Blueprint("tokyo_opendata_list", __name__)


def datasets(owner_org: Optional[str] = None) -> Iterator[dict[str, Any]]:
    """The public active datasets (of one organisation), page by page in a stable order."""
    fq = "+dataset_type:dataset"
    if owner_org:
        fq += f' +owner_org:"{owner_org}"'
    start = 0
    while True:
        page = tk.get_action("package_search")(
            {"ignore_auth": True},
            {"q": "*:*", "fq": fq, "rows": PAGE, "start": start, "sort": "name asc",
             "include_private": False, "include_drafts": False})
        results = page["results"]
        yield from results
        start += len(results)
        if not results or start >= page["count"]:
            return


class _Organizations:
    """An organisation's metadata (extras of the Tokyo organisation schema), read once per list."""

    def __init__(self) -> None:
        self.known: dict[str, dict[str, Any]] = {}

    def __call__(self, org_id: str) -> dict[str, Any]:
        if org_id not in self.known:
            found = next(iter(compat.group_extras(ids=[org_id]).values()), None) or {}
            self.known[org_id] = {"title": found.get("title", ""), **found.get("extras", {})}
        return self.known[org_id]


LINKS = opendata_list.Links(
    dataset=lambda pkg: tk.url_for("dataset.read", id=pkg["name"], _external=True),
    resource=lambda pkg, res: tk.url_for("resource.read", id=pkg["name"], resource_id=res["id"],
                                         _external=True),
)


def rows(owner_org: Optional[str] = None) -> Iterator[list[Any]]:
    return opendata_list.rows(datasets(owner_org), _Organizations(), LINKS)


def _organization(name: str) -> dict[str, Any]:
    try:
        org = tk.get_action("organization_show")({"ignore_auth": True},
                                                 {"id": name, "include_datasets": False})
    except tk.ObjectNotFound:
        return tk.abort(404, tk._("Organization not found"))
    if org.get("state") != "active" or not org.get("is_organization"):
        return tk.abort(404, tk._("Organization not found"))
    return org


def _send(extension: str, org: Optional[dict[str, Any]] = None):
    owner = org["id"] if org else None
    name = opendata_list.file_name(org["name"] if org else None, extension)
    header = opendata_list.columns()
    if extension == "csv":
        response = Response(stream_with_context(opendata_list.csv_chunks(header, rows(owner))),
                            mimetype=CSV_TYPE)
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    # XLSX is a zip: written whole to a temporary file (rows on disk, not in memory), then sent.
    out = tempfile.TemporaryFile()
    opendata_list.write_xlsx(header, rows(owner), out, sheet=opendata_list.FILE_STEM)
    out.seek(0)
    return send_file(out, mimetype=XLSX_TYPE, as_attachment=True, download_name=name)


def catalog_csv():
    return _send("csv")


def catalog_xlsx():
    return _send("xlsx")


def organization_csv(id: str):
    return _send("csv", _organization(id))


def organization_xlsx(id: str):
    return _send("xlsx", _organization(id))


blueprint.add_url_rule("/opendata-list.csv", view_func=catalog_csv)
blueprint.add_url_rule("/opendata-list.xlsx", view_func=catalog_xlsx)
blueprint.add_url_rule("/opendata-list/<id>.csv", view_func=organization_csv)
blueprint.add_url_rule("/opendata-list/<id>.xlsx", view_func=organization_xlsx)
