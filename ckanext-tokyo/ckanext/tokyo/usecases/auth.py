"""Who edits a use case: sysadmins, and editors and admins of the
organisations whose datasets it uses (chained onto CKAN's package auth, for
the usecase type only). Any editor of an organisation may add one; the
schema makes them link a dataset of their own organisation."""
from __future__ import annotations

from typing import Any

import ckan.authz as authz
import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.tokyo.base.values import value_list

from . import TYPE


def _usecase(data_dict: dict[str, Any]) -> model.Package | None:
    pkg = model.Package.get(data_dict.get("id") or data_dict.get("name") or "")
    return pkg if pkg is not None and pkg.type == TYPE else None


def editors_may(user: str | None, usecase: model.Package) -> bool:
    """Whether the user edits for an organisation of one of its datasets."""
    if not user:
        return False
    ids = value_list(usecase.extras.get("datasets"))
    orgs = {p.owner_org for p in model.Session.query(model.Package).filter(model.Package.id.in_(ids)) if p.owner_org}
    return any(authz.has_user_permission_for_group_or_org(org, user, "update_dataset") for org in orgs)


@tk.chained_auth_function
def package_create(next_auth, context, data_dict):
    if (data_dict or {}).get("type") != TYPE:
        return next_auth(context, data_dict)
    if authz.has_user_permission_for_some_org(context.get("user"), "create_dataset"):
        return {"success": True}
    return {"success": False, "msg": tk._("Only editors of an organisation may add use cases")}


def _edit(next_auth, context, data_dict):
    usecase = _usecase(data_dict or {})
    if usecase is None:
        return next_auth(context, data_dict)
    if editors_may(context.get("user"), usecase):
        return {"success": True}
    return {"success": False, "msg": tk._("Only editors of the organisations whose data it uses may change a use case")}


@tk.chained_auth_function
def package_update(next_auth, context, data_dict):
    return _edit(next_auth, context, data_dict)


@tk.chained_auth_function
def package_delete(next_auth, context, data_dict):
    return _edit(next_auth, context, data_dict)


def get_auth_functions() -> dict[str, Any]:
    return {"package_create": package_create, "package_update": package_update, "package_delete": package_delete}
