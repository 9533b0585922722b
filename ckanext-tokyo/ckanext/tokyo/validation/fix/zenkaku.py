"""全角英数字 → 半角 in typed columns (codes, numbers, dates, URLs…), when the
half-width form is right for the column (the zenkaku check decides)."""
from __future__ import annotations

from ..checks.zenkaku import zenkaku
from .base import CheckFixer


class ZenkakuFixer(CheckFixer):
    codes = frozenset({"tokyo/zenkaku-alnum"})
    check = zenkaku
