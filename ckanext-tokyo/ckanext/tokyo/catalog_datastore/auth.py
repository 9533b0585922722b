"""Auth: reading a load follows ``resource_show`` (a private dataset's load is
its organisation's); loading again follows the dataset's edit permission."""
from __future__ import annotations

import ckan.model as model
import ckan.plugins.toolkit as tk


def _allowed(action, context, data_dict):
    resource = model.Resource.get(data_dict.get("resource_id") or data_dict.get("id") or "")
    if resource is None:
        return {"success": False, "msg": "Resource not found"}
    target = {"id": resource.id} if action == "resource_show" else {"id": resource.package_id}
    try:
        tk.check_access(action, dict(context), target)
    except tk.NotAuthorized:
        return {"success": False}
    return {"success": True}


@tk.auth_allow_anonymous_access
def tokyo_datastore_load_show(context, data_dict):
    return _allowed("resource_show", context, data_dict)


def tokyo_datastore_load(context, data_dict):
    return _allowed("package_update", context, data_dict)


def get_auth_functions():
    return {"tokyo_datastore_load_show": tokyo_datastore_load_show, "tokyo_datastore_load": tokyo_datastore_load}
