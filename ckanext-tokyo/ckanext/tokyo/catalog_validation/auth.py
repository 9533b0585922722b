"""Auth functions. Running and deleting follow the dataset's edit permission
(editors and admins of its organisation, collaborators, sysadmins); reading a
report follows ``resource_show`` exactly, so a private dataset's report is
refused to anonymous users and to other organisations."""
from __future__ import annotations

from typing import Any

import ckan.model as model
import ckan.plugins.toolkit as tk


def _resource_id(data_dict: dict[str, Any]) -> str:
    return data_dict.get("resource_id") or data_dict.get("id") or ""


def _can(action: str, context: dict[str, Any], data_dict: dict[str, Any]) -> dict[str, Any]:
    try:
        tk.check_access(action, dict(context), data_dict)
        return {"success": True}
    except tk.NotAuthorized:
        return {"success": False}
    except tk.ObjectNotFound:
        return {"success": False, "msg": "Resource not found"}


def _package_edit(context: dict[str, Any], data_dict: dict[str, Any]) -> dict[str, Any]:
    resource = model.Resource.get(_resource_id(data_dict))
    if resource is None:
        return {"success": False, "msg": "Resource not found"}
    result = _can("package_update", context, {"id": resource.package_id})
    if not result["success"]:
        result["msg"] = "Only editors of the dataset's organisation may do this"
    return result


def resource_validation_run(context, data_dict):
    return _package_edit(context, data_dict)


def resource_validation_delete(context, data_dict):
    return _package_edit(context, data_dict)


def resource_fixed_replace(context, data_dict):
    return _package_edit(context, data_dict)


@tk.auth_allow_anonymous_access
def resource_fixed_show(context, data_dict):
    return _can("resource_show", context, {"id": _resource_id(data_dict)})


@tk.auth_allow_anonymous_access
def resource_validation_show(context, data_dict):
    return _can("resource_show", context, {"id": _resource_id(data_dict)})


@tk.auth_allow_anonymous_access
def tokyo_validation_summary(context, data_dict):
    # Everyone may ask; the action counts only datasets the caller can see.
    return {"success": True}


def get_auth_functions() -> dict[str, Any]:
    return {f.__name__: f for f in (resource_validation_run, resource_validation_delete,
                                    resource_validation_show, tokyo_validation_summary,
                                    resource_fixed_show, resource_fixed_replace)}
