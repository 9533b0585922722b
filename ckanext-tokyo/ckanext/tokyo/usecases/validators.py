"""Scheming validators of the usecase type (schemas/scheming/usecase.yaml)."""
from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlparse

import ckan.authz as authz
import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.lib.navl.dictization_functions import Invalid, StopOnError, missing

from ckanext.tokyo.base.values import value_list


def tokyo_usecase_datasets(key, data, errors, context):
    """The datasets a use case uses: names, ids or page URLs of public,
    active datasets, stored as ids (at least one). A user who is not a
    sysadmin links at least one dataset of an organisation they edit for."""
    refs = value_list(None if data.get(key) is missing else data.get(key))
    if not refs:
        errors[key].append(tk._("Link at least one dataset"))
        raise StopOnError
    ids, unknown = [], []
    for ref in refs:
        pkg = model.Package.get(str(ref).strip().rstrip("/").rsplit("/", 1)[-1])
        if pkg is None or pkg.state != "active" or pkg.private or pkg.type != "dataset":
            unknown.append(str(ref))
        elif pkg.id not in ids:
            ids.append(pkg.id)
    if unknown:
        errors[key].append(tk._("Not a published dataset: %(names)s") % {"names": ", ".join(unknown)})
        raise StopOnError
    user = context.get("user")
    if user and not authz.is_sysadmin(user) and not context.get("ignore_auth"):
        orgs = {p.owner_org for p in model.Session.query(model.Package).filter(model.Package.id.in_(ids))}
        if not any(authz.has_user_permission_for_group_or_org(org, user, "update_dataset") for org in orgs if org):
            errors[key].append(tk._("Link at least one dataset of an organisation you edit for"))
            raise StopOnError
    data[key] = json.dumps(ids)


def tokyo_usecase_url(value: Any, context: dict[str, Any]) -> Any:
    """An http(s) address."""
    if value and urlparse(str(value)).scheme not in ("http", "https"):
        raise Invalid(tk._("Please enter an address starting with http:// or https://"))
    return value


def tokyo_usecase_no_organization(key, data, errors, context):
    """A use case belongs to no organisation: the organisations of its
    datasets edit it (auth.py)."""
    data.pop(key, None)
    raise StopOnError


def validators() -> dict[str, Any]:
    return {f.__name__: f for f in (tokyo_usecase_datasets, tokyo_usecase_url, tokyo_usecase_no_organization)}
