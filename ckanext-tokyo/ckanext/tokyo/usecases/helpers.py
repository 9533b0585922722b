"""Template helpers of tokyo_usecases: use cases for the home page and for
a dataset's page, and what a use case's page shows (image, datasets)."""
from __future__ import annotations

from typing import Any

import ckan.plugins.toolkit as tk

from ckanext.tokyo import compat
from ckanext.tokyo.base.values import value_list
from ckanext.tokyo.metadata.helpers import page_lang

from . import INDEX_FIELD, TYPE


def search(fq: str = "", rows: int = 6) -> list[dict[str, Any]]:
    """Use cases, newest first."""
    context = {"user": tk.current_user.name if tk.current_user.is_authenticated else ""}
    return tk.get_action("package_search")(context, {
        "fq": f"+dataset_type:{TYPE} {fq}".strip(), "rows": rows, "sort": "metadata_created desc"})["results"]


def recent(limit: int = 6) -> list[dict[str, Any]]:
    return search(rows=limit)


def for_dataset(package_id: str, limit: int = 20) -> list[dict[str, Any]]:
    return search(f'+{INDEX_FIELD}:"{package_id}"', rows=limit) if package_id else []


def title(pkg: dict[str, Any]) -> str:
    translated = pkg.get("title_translated") or {}
    return translated.get(page_lang()) or translated.get("ja") or pkg.get("title") or pkg.get("name") or ""


def notes(pkg: dict[str, Any]) -> str:
    translated = pkg.get("notes_translated") or {}
    return translated.get(page_lang()) or translated.get("ja") or pkg.get("notes") or ""


def image(pkg: dict[str, Any]) -> str | None:
    return compat.image_display_url(pkg.get("image_url"))


def datasets(pkg: dict[str, Any]) -> list[dict[str, Any]]:
    """The published datasets a use case uses, in its order."""
    ids = [str(i) for i in value_list(pkg.get("datasets"))]
    if not ids:
        return []
    found = tk.get_action("package_search")({"user": ""}, {
        "fq": "+dataset_type:dataset +id:({})".format(" OR ".join(f'"{i}"' for i in ids)), "rows": len(ids)})
    by_id = {d["id"]: d for d in found["results"]}
    return [by_id[i] for i in ids if i in by_id]


def dataset_names(value: Any) -> str:
    """The form's value of the datasets field: URL names, comma-separated
    (stored ids become names; text typed into the form stays as it is)."""
    if isinstance(value, str) and not value.strip().startswith("["):
        return value
    import ckan.model as model

    names = []
    for ref in value_list(value):
        pkg = model.Package.get(str(ref))
        names.append(pkg.name if pkg is not None else str(ref))
    return ", ".join(names)


def get_helpers() -> dict[str, Any]:
    return {"tokyo_usecases": recent, "tokyo_usecases_for_dataset": for_dataset, "tokyo_usecase_title": title,
            "tokyo_usecase_notes": notes, "tokyo_usecase_image": image, "tokyo_usecase_datasets": datasets,
            "tokyo_usecase_dataset_names": dataset_names}
