"""Who may create and change harvest sources.

A harvest source makes the catalog fetch a URL on a schedule and write what
it finds into an organisation; ckanext-harvest lets any editor of the
organisation create one. With ``ckanext.tokyo.harvest.sources_sysadmin_only``
(the default) only sysadmins may (CKAN lets sysadmins through before these
functions run); off, ckanext-harvest's rules apply."""
from __future__ import annotations

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.tokyo.harvest import settings


def _refused():
    return {"success": False, "msg": tk._("Only sysadmins can create or change harvest sources")}


def _is_source(data_dict) -> bool:
    pkg = model.Package.get((data_dict or {}).get("id") or "")
    return pkg is not None and pkg.type == "harvest"


@tk.chained_auth_function
def harvest_source_create(up_func, context, data_dict):
    return _refused() if settings.get("sources_sysadmin_only") else up_func(context, data_dict)


@tk.chained_auth_function
def harvest_source_update(up_func, context, data_dict):
    return _refused() if settings.get("sources_sysadmin_only") else up_func(context, data_dict)


@tk.chained_auth_function
def package_create(up_func, context, data_dict):
    """The harvest source form creates a dataset of type ``harvest``."""
    if settings.get("sources_sysadmin_only") and (data_dict or {}).get("type") == "harvest":
        return _refused()
    return up_func(context, data_dict)


@tk.chained_auth_function
def package_update(up_func, context, data_dict):
    if settings.get("sources_sysadmin_only") and (
            (data_dict or {}).get("type") == "harvest" or _is_source(data_dict)):
        return _refused()
    return up_func(context, data_dict)


FUNCTIONS = {f.__name__: f for f in (harvest_source_create, harvest_source_update, package_create, package_update)}
