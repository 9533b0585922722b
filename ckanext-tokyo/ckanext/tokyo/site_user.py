"""The site user's context, for actions the system runs itself: the
``ckan tokyo`` commands, the demo loader and the validation worker."""
from __future__ import annotations

from typing import Any

import ckan.plugins.toolkit as tk


def context() -> dict[str, Any]:
    """A new context as CKAN's site user (actions write into the context
    they get: give each call its own, e.g. ``dict(context)``)."""
    site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})
    return {"user": site_user["name"], "ignore_auth": True}
