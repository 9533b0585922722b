"""Numbers: ASCII digits only — no thousands commas, units, ▲, spaces or prose (総務省 1-3).

"50,700 " is a number with a comma, "22組" one with a unit; "800(2㎡あたり1人）"
is a number with an explanation, fixed by the number alone only when the text
holds one number.
"""
from __future__ import annotations

import re

import attrs

from ..layout import Column
from .base import CellCheck, Problem

PLAIN = re.compile(r"^-?\d+(\.\d+)?$")
COMMA = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")
TRIANGLE = re.compile(r"^[▲△]\s*([\d,]+(?:\.\d+)?)$")
UNIT = re.compile(r"^(?:[¥$]\s*|約)?(-?[\d,]+(?:\.\d+)?)\s*(?:\D{1,4})?$")
NUMBERS = re.compile(r"\d[\d,]*(?:\.\d+)?")


@attrs.define(kw_only=True, repr=False)
class number_format(CellCheck):
    type = "tokyo-number-format"
    strips = False  # surrounding spaces are this check's own finding (number-space)

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
        numbers = NUMBERS.findall(stripped)
        if len(numbers) > 1 or (numbers and len(NUMBERS.sub("", stripped).strip()) > 1):
            only = numbers[0].replace(",", "") if len(numbers) == 1 else None
            return "tokyo/number-prose", {"fixed": only}
        if column.inferred and not numbers:
            return None  # a symbol for a suppressed or missing value (総務省 1-13)
        return "tokyo/number-format", {}
