"""Who may see the usage figures of the whole catalog: sysadmins (CKAN lets
them through before any auth function); nobody else."""
from __future__ import annotations

import ckan.plugins.toolkit as tk


@tk.auth_disallow_anonymous_access
def usage_show(context, data_dict):
    return {"success": False, "msg": tk._("Only sysadmins can see the catalog's usage figures.")}


def get_auth_functions() -> dict:
    return {"tokyo_usage_show": usage_show}
