"""Config options of tokyo_requests (declared through IConfigDeclaration)."""
from __future__ import annotations

from typing import Any

import ckan.plugins.toolkit as tk

UNANSWERED_DAYS = "ckanext.tokyo.requests.unanswered_days"


def declare(declaration: Any, key: Any) -> None:
    declaration.annotate("tokyo_requests: data requests")
    declaration.declare_int(key.ckanext.tokyo.requests.unanswered_days, 30).set_description(
        "A request still 受付 (received) this many days after it was made is listed on "
        "/datarequest/unanswered for sysadmins.")


def unanswered_days() -> int:
    return tk.config.get(UNANSWERED_DAYS)
