"""全国地方公共団体コード that lost its leading zero or its check digit, when the
short form reads only one way (identifiers.lg_code_completed)."""
from __future__ import annotations

from typing import Optional

from ...base import identifiers
from ..checks.lg_code import lg_code
from ..layout import Column
from .base import CheckFixer


class LgCodeFixer(CheckFixer):
    codes = frozenset({"tokyo/lg-code-leading-zero-dropped", "tokyo/lg-code-missing-check-digit",
                       "tokyo/lg-code-format"})
    check = lg_code

    def fix(self, value: str, column: Column) -> Optional[tuple[str, str]]:
        assert self.instance is not None
        problem = self.instance.judge(value, column)
        if not problem or problem[0] not in self.codes:
            return None
        fixed = identifiers.lg_code_completed(value.strip())
        return (problem[0], fixed) if fixed else None
