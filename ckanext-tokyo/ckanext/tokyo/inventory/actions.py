"""Actions of the data inventory.

    tokyo_inventory_publish   an inventory record becomes a dataset (same id, so its history stays)
    tokyo_inventory_import    records from a spreadsheet (CSV or XLSX): all rows or none
"""
from __future__ import annotations

import base64
from typing import Any

import ckan.model as model
import ckan.plugins.toolkit as tk

from . import TYPE, sheet_import

# What a record carries over into the dataset; the rest (openness, reasons,
# formats held) stays in the record's history.
CARRIED = ("name", "title_translated", "notes_translated", "owner_org", "maintainer", "category",
           "spatial_coverage")


def tokyo_inventory_publish(context, data_dict):
    """Turn an inventory record into a dataset of its organisation: the same
    id and URL, so the record's activity stream goes on as the dataset's.
    The dataset is private until its editors add the files and publish it
    (or ``private`` false publishes it now). The dataset schema applies: a
    record without a description is refused with the schema's errors.

    :param id: the record (id or name)
    :param private: keep the new dataset private (default true)
    :returns: the dataset
    """
    tk.check_access("tokyo_inventory_publish", context, data_dict)
    record = tk.get_action("package_show")(dict(context), {"id": data_dict.get("id")})
    if record.get("type") != TYPE:
        raise tk.ValidationError({"id": [tk._("Not an inventory record")]})
    dataset = {key: record[key] for key in CARRIED if record.get(key) not in (None, "", [], {})}
    dataset.update({"id": record["id"], "type": "dataset",
                    "private": tk.asbool(data_dict.get("private", True))})
    # package_update keeps a dataset's type: the type changes here, in the
    # same transaction (package_update rolls it back on a validation error)
    model.Package.get(record["id"]).type = "dataset"
    return tk.get_action("package_update")(dict(context), dataset)


def tokyo_inventory_import(context, data_dict):
    """Import inventory records from a spreadsheet: one row per record, with
    Japanese or English headers (docs/data-requests.md). Rows whose record
    exists (same URL name, or organisation and title) update it.

    :param upload: the file (multipart), or
    :param content: the file's bytes, base64-encoded, with
    :param filename: its name (.csv or .xlsx)
    :param organization: for rows without an organisation column
    :param dry_run: check only, write nothing
    :returns: ``{"created", "updated", "unchanged", "dry_run"}`` (URL names)
    :raises ValidationError: ``{"file": [messages with row numbers]}``;
        nothing was imported
    """
    tk.check_access("tokyo_inventory_import", context, data_dict)
    upload = data_dict.get("upload")
    if upload is not None and hasattr(upload, "read"):
        content, filename = upload.read(), getattr(upload, "filename", "") or data_dict.get("filename", "")
    elif data_dict.get("content"):
        try:
            content = base64.b64decode(data_dict["content"], validate=True)
        except ValueError:
            raise tk.ValidationError({"file": [tk._("The file is not base64-encoded")]}) from None
        filename = data_dict.get("filename") or ""
    else:
        raise tk.ValidationError({"file": [tk._("Choose a CSV or XLSX file")]})
    try:
        outcome = sheet_import.import_sheet(context, content, filename, data_dict.get("organization") or None,
                                            dry_run=tk.asbool(data_dict.get("dry_run")))
    except sheet_import.ImportProblems as problems:
        raise tk.ValidationError({"file": problems.messages}) from None
    return {"created": outcome.created, "updated": outcome.updated, "unchanged": outcome.unchanged,
            "dry_run": outcome.dry_run}


def get_actions() -> dict[str, Any]:
    return {f.__name__: f for f in (tokyo_inventory_publish, tokyo_inventory_import)}
