"""全国地方公共団体コード: 6 digits with a valid check digit (rules in identifiers)."""
from __future__ import annotations

import attrs

from ...base import identifiers
from ..layout import Column
from .base import CellCheck, Problem


@attrs.define(kw_only=True, repr=False)
class lg_code(CellCheck):
    type = "tokyo-lg-code"
    formats = frozenset({"lg-code"})

    def check(self, value: str, column: Column) -> Problem:
        problem = identifiers.lg_code_problem(value)
        if problem:
            return "tokyo/" + problem.code, {"detail": problem.message, "detail_en": problem.message_en}
        return None
