"""Numbers: ASCII digits only — no thousands commas, units, ▲ or spaces (総務省 1-3)."""
from __future__ import annotations

import re

import attrs

from ..layout import Column
from .base import CellCheck, Problem

PLAIN = re.compile(r"^-?\d+(\.\d+)?$")
COMMA = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")
TRIANGLE = re.compile(r"^[▲△]\s*([\d,]+(?:\.\d+)?)$")
UNIT = re.compile(r"^(?:[¥$]\s*|約)?(-?[\d,]+(?:\.\d+)?)\s*(?:\D{1,4})?$")


@attrs.define(kw_only=True, repr=False)
class number_format(CellCheck):
    type = "tokyo-number-format"

    def select(self, columns: list[Column]) -> list[Column]:
        return [c for c in columns if c.numeric]

    def check(self, value: str, column: Column) -> Problem:
        if PLAIN.match(value):
            return ("tokyo/number-format", {}) if column.integer and "." in value else None
        stripped = value.strip()
        if PLAIN.match(stripped):
            return "tokyo/number-space", {"fixed": stripped}
        triangle = TRIANGLE.match(stripped)
        if triangle:
            return "tokyo/number-triangle", {"fixed": "-" + triangle.group(1).replace(",", "")}
        if COMMA.match(stripped):
            return "tokyo/number-comma", {"fixed": stripped.replace(",", "")}
        unit = UNIT.match(stripped)
        if unit:
            return "tokyo/number-unit", {"fixed": unit.group(1).replace(",", "")}
        if column.inferred and not any(ch.isdigit() for ch in value):
            return None  # a symbol for a suppressed or missing value (総務省 1-13)
        return "tokyo/number-format", {}
