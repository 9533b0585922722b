"""Auth functions of the data inventory. Publishing follows the record's
edit permission (editors and admins of its organisation); importing needs
permission to create records in some organisation (each row's organisation
is checked again by the import)."""
from __future__ import annotations

from typing import Any

import ckan.authz as authz
import ckan.plugins.toolkit as tk


def tokyo_inventory_publish(context, data_dict):
    try:
        tk.check_access("package_update", dict(context), {"id": data_dict.get("id")})
    except (tk.NotAuthorized, tk.ObjectNotFound):
        return {"success": False, "msg": tk._("Only editors of the record's organisation may publish it")}
    return {"success": True}


def tokyo_inventory_import(context, data_dict):
    if authz.has_user_permission_for_some_org(context.get("user"), "create_dataset"):
        return {"success": True}
    return {"success": False, "msg": tk._("Only editors of an organisation may import inventory records")}


def get_auth_functions() -> dict[str, Any]:
    return {f.__name__: f for f in (tokyo_inventory_publish, tokyo_inventory_import)}
