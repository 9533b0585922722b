"""What every fixer shares: the change it logs and the cell fixer's shape.

A fixer removes the findings of the codes it names, and only where the fix
is certain: a cell it cannot fix stays as written and stays reported.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, ClassVar, Optional

from ..checks import CellCheck, TokyoCheck
from ..layout import Column, Table


@dataclass(frozen=True)
class Change:
    """One change: row and column as the report names them (None: the file or a whole row)."""

    code: str  # the finding it removes
    row: Optional[int]
    column: Optional[str]
    before: Optional[str]
    after: Optional[str]  # None: the row was removed

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class CellFixer:
    """Fixes one cell at a time in the columns it selects."""

    codes: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, table: Table, checks: list[TokyoCheck]):
        self.table = table

    def select(self, columns: list[Column]) -> list[Column]:
        return columns

    def fix(self, value: str, column: Column) -> Optional[tuple[str, str]]:
        """(code, fixed value), or None to leave the cell."""
        raise NotImplementedError


class CheckFixer(CellFixer):
    """Takes the fix its check offers (the finding's `fixed`): the check is the
    one place that knows the right form, so fix and finding never disagree."""

    check: ClassVar[type[CellCheck]]

    def __init__(self, table: Table, checks: list[TokyoCheck]):
        super().__init__(table, checks)
        self.instance = next((c for c in checks if isinstance(c, self.check)), None)

    def select(self, columns: list[Column]) -> list[Column]:
        return self.instance.select(columns) if self.instance else []

    def fix(self, value: str, column: Column) -> Optional[tuple[str, str]]:
        assert self.instance is not None
        problem = self.instance.judge(value, column)
        if not problem or problem[0] not in self.codes:
            return None
        code, params = problem
        fixed = params.get("fixed")
        if fixed is None or not self.certain(code, value, column):
            return None
        return code, fixed

    def certain(self, code: str, value: str, column: Column) -> bool:
        return True
