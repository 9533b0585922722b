"""E-mail addresses: one @, a dotted domain, no spaces."""
from __future__ import annotations

import re

import attrs

from ..layout import Column
from .base import CellCheck, Problem

EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


@attrs.define(kw_only=True, repr=False)
class email(CellCheck):
    type = "tokyo-email"
    formats = frozenset({"email"})

    def check(self, value: str, column: Column) -> Problem:
        return None if EMAIL.match(value) else ("tokyo/email-format", {})
