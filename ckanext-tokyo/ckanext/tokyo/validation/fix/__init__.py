"""The fixer: a corrected copy of a table for every finding that can be fixed
with certainty, one fixer per kind of finding (each names the codes it removes).

    from ckanext.tokyo.validation.fix import fix_file
    result = fix_file("data.csv", "data.fixed.csv")
    result.changes  # row, column, before, after, code
"""
from __future__ import annotations

from .base import Change
from .coordinates import CoordinateFixer
from .rows import CODES as ROW_CODES
from .table import CELL_FIXERS, FixError, FixResult, fix_file

# Every finding code the fixer removes where it can.
FIXED_CODES = frozenset().union(
    *(f.codes for f in CELL_FIXERS), CoordinateFixer.codes, ROW_CODES,
    {"tokyo/header-variant", "tokyo/header-whitespace", "tokyo/encoding-not-utf8", "tokyo/encoding-bom"})

__all__ = ["CELL_FIXERS", "FIXED_CODES", "Change", "FixError", "FixResult", "fix_file"]
