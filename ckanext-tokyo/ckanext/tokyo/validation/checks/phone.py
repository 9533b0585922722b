"""Telephone numbers: ASCII digits with hyphens (area code may be in parentheses)."""
from __future__ import annotations

import re

import attrs

from ..layout import Column
from .base import CellCheck, Problem

FORMS = re.compile(r"^(0\d{1,4}-\d{1,4}-\d{3,4}|\(0\d{1,4}\)\s?\d{1,4}-\d{4}|0\d{1,4}\(\d{1,4}\)\d{4})$")


@attrs.define(kw_only=True, repr=False)
class phone(CellCheck):
    type = "tokyo-phone"
    formats = frozenset({"phone"})

    def check(self, value: str, column: Column) -> Problem:
        digits = sum(ch.isdigit() for ch in value)
        if FORMS.match(value) and digits in (10, 11):
            return None
        return "tokyo/phone-format", {}
