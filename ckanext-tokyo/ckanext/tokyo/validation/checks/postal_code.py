"""Postal codes: 7 ASCII digits, optionally written 123-4567."""
from __future__ import annotations

import re

import attrs

from ..layout import Column
from .base import CellCheck, Problem

POSTAL_CODE = re.compile(r"^\d{3}-?\d{4}$")


@attrs.define(kw_only=True, repr=False)
class postal_code(CellCheck):
    type = "tokyo-postal-code"
    formats = frozenset({"postal-code"})

    def check(self, value: str, column: Column) -> Problem:
        return None if POSTAL_CODE.match(value) else ("tokyo/postal-code-format", {})
