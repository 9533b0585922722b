"""Spaces and line breaks around a value trimmed (the surrounding_space check's
columns). A cell of spaces only stays: emptying it is no certain fix."""
from __future__ import annotations

from typing import Optional

from ..layout import Column
from .base import CellFixer


class SpaceFixer(CellFixer):
    codes = frozenset({"tokyo/surrounding-space"})

    def select(self, columns: list[Column]) -> list[Column]:
        return [c for c in columns if not c.numeric and c.format != "flag"]

    def fix(self, value: str, column: Column) -> Optional[tuple[str, str]]:
        fixed = value.strip()
        return ("tokyo/surrounding-space", fixed) if fixed and fixed != value else None
