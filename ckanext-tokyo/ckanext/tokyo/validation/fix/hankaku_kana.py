"""半角カナ → 全角 in every cell and heading; a garbled cell is left to the
mojibake finding (its kana are the garbling, not the writer's)."""
from __future__ import annotations

from typing import Optional

from ..checks.hankaku_kana import HANKAKU_KANA, full_width_kana
from ..checks.mojibake import diagnose
from ..layout import Column
from .base import CellFixer


class HankakuKanaFixer(CellFixer):
    codes = frozenset({"tokyo/hankaku-kana"})

    def fix(self, value: str, column: Column) -> Optional[tuple[str, str]]:
        return self.fix_text(value)

    def fix_text(self, value: str) -> Optional[tuple[str, str]]:
        if not HANKAKU_KANA.search(value) or diagnose(value, url_like=False) is not None:
            return None
        return "tokyo/hankaku-kana", full_width_kana(value)
