"""法人番号: 13 digits with a valid check digit (rules in identifiers)."""
from __future__ import annotations

import attrs

from ...base import identifiers
from ..layout import Column
from .base import CellCheck, Problem


@attrs.define(kw_only=True, repr=False)
class corporate_number(CellCheck):
    type = "tokyo-corporate-number"
    formats = frozenset({"corporate-number"})

    def check(self, value: str, column: Column) -> Problem:
        problem = identifiers.corporate_number_problem(value)
        if problem:
            return "tokyo/" + problem.code, {"detail": problem.message, "detail_en": problem.message_en}
        return None
