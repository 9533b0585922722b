"""Pages of the data inventory: the spreadsheet import, publishing a
record, and the guard that keeps the inventory's pages (scheming's
/inventory search, form and record pages, and ours) to the city's staff:
everyone else gets "not found", as for a private dataset."""
from __future__ import annotations

from typing import Any

from flask import Blueprint

import ckan.authz as authz
import ckan.plugins.toolkit as tk

from . import TYPE

inventory = Blueprint("tokyo_inventory", __name__, url_prefix=f"/{TYPE}")


def _context() -> dict[str, Any]:
    return {"user": tk.current_user.name if tk.current_user.is_authenticated else ""}


def is_staff() -> bool:
    """Sysadmins and members of any organisation."""
    if not tk.current_user.is_authenticated:
        return False
    name = tk.current_user.name
    return authz.is_sysadmin(name) or bool(tk.get_action("organization_list_for_user")(
        {"user": name, "ignore_auth": True}, {"id": tk.current_user.id, "permission": "read"}))


def guard():
    """before_request of the app: the inventory's pages for staff only."""
    if tk.request.blueprint in (TYPE, f"{TYPE}_resource", inventory.name) and not is_staff():
        return tk.abort(404, tk._("Dataset not found"))
    return None


def import_sheet():
    context = _context()
    if not tk.h.check_access("tokyo_inventory_import"):
        return tk.abort(403, tk._("Only editors of an organisation may import inventory records"))
    organizations = tk.get_action("organization_list_for_user")(
        dict(context), {"id": tk.current_user.id, "permission": "create_dataset"})
    extra: dict[str, Any] = {"organizations": organizations, "errors": [], "outcome": None,
                             "organization": tk.request.form.get("organization") or tk.request.args.get("organization")}
    if tk.request.method == "POST":
        upload = tk.request.files.get("upload")
        try:
            extra["outcome"] = tk.get_action("tokyo_inventory_import")(dict(context), {
                "upload": upload if upload and upload.filename else None,
                "organization": extra["organization"], "dry_run": tk.request.form.get("dry_run")})
        except tk.ValidationError as error:
            extra["errors"] = [m for messages in error.error_dict.values() for m in messages]
    return tk.render("tokyo_inventory/import.html", extra_vars=extra)


def publish(id: str):
    try:
        dataset = tk.get_action("tokyo_inventory_publish")(_context(), {"id": id})
    except tk.ObjectNotFound:
        return tk.abort(404, tk._("Dataset not found"))
    except tk.NotAuthorized as error:
        return tk.abort(403, str(error))
    except tk.ValidationError as error:
        for field, messages in error.error_dict.items():
            tk.h.flash_error(f"{field}: {' '.join(str(m) for m in messages)}")
        return tk.redirect_to(f"{TYPE}.read", id=id)
    tk.h.flash_success(tk._("The record is now a dataset: add its files and publish it."))
    return tk.redirect_to("dataset.edit", id=dataset["name"])


inventory.add_url_rule("/import", view_func=import_sheet, methods=["GET", "POST"])
inventory.add_url_rule("/publish/<id>", view_func=publish, methods=["POST"])


def blueprints() -> list[Blueprint]:
    return [inventory]
