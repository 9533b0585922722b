"""Demo catalog for `make run`: the category pages, Tokyo organisations and
datasets with CSVs, and (with their plugins) inventory records, data requests
and use cases.

Idempotent: what exists already is left as it is, so a second run reuses it
(only a demo dataset's categories follow the file, so a catalog made before
the code list changed keeps valid categories).
"""
from __future__ import annotations

import io
import json
from dataclasses import dataclass
from importlib import resources

from werkzeug.datastructures import FileStorage

import ckan.plugins.toolkit as tk

from ckanext.tokyo import site_user
from ckanext.tokyo.metadata import categories

DEMO = resources.files(__name__)


@dataclass
class LoadResult:
    organizations_created: int = 0
    datasets_created: int = 0
    datasets_existing: int = 0
    categories_created: int = 0
    # the parts of the plugins that are enabled (0 otherwise)
    inventory_created: int = 0
    requests_created: int = 0
    usecases_created: int = 0


def catalog() -> dict:
    return json.loads(DEMO.joinpath("catalog.json").read_text(encoding="utf-8"))


def _show(action: str, name: str, context: dict) -> dict | None:
    try:
        return tk.get_action(action)(dict(context), {"id": name})
    except tk.ObjectNotFound:
        return None


def organization_dict(org: dict) -> dict:
    """catalog.json organisations are already in the tokyo_schema shape
    (docs/metadata-fields.md): identifiers, homepage, contact, parent body."""
    return dict(org)


def dataset_dict(ds: dict) -> dict:
    """A catalog.json dataset (tokyo_schema fields) without its resources."""
    return {k: v for k, v in ds.items() if k != "resources"}


def resource_dict(ds: dict, res: dict) -> dict:
    content = DEMO.joinpath("files", res["file"]).read_bytes()
    upload = FileStorage(io.BytesIO(content), filename=res["file"], content_type="text/csv")
    out = {k: v for k, v in res.items() if k != "file"}
    out.update({"package_id": ds["name"], "upload": upload, "size": len(content)})
    return out


def load() -> LoadResult:
    result = LoadResult()
    data = catalog()
    context = site_user.context()
    result.categories_created = len(categories.sync(context).created)
    for org in data["organizations"]:
        if _show("organization_show", org["name"], context) is None:
            tk.get_action("organization_create")(dict(context), organization_dict(org))
            result.organizations_created += 1
    for ds in data["datasets"]:
        existing = _show("package_show", ds["name"], context)
        if existing is not None:
            result.datasets_existing += 1
            if existing.get("category") != ds["category"]:
                tk.get_action("package_patch")(dict(context), {"id": ds["name"], "category": ds["category"]})
            continue
        tk.get_action("package_create")(dict(context), dataset_dict(ds))
        for res in ds["resources"]:
            tk.get_action("resource_create")(dict(context), resource_dict(ds, res))
        result.datasets_created += 1
    _load_parts(result)
    return result


def _load_parts(result: LoadResult) -> None:
    """The demo inventory, data requests and use cases, for the plugins that
    are enabled (the inventory first: requests link its records)."""
    import ckan.plugins as p

    if p.plugin_loaded("tokyo_inventory"):
        from ckanext.tokyo.inventory import demo as inventory

        result.inventory_created = inventory.load()
    if p.plugin_loaded("tokyo_requests"):
        from ckanext.tokyo.requests import demo as requests

        result.requests_created = requests.load()
    if p.plugin_loaded("tokyo_usecases"):
        from ckanext.tokyo.usecases import demo as usecases

        result.usecases_created = usecases.load()
