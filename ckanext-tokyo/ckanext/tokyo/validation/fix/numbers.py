"""Numbers written for print → plain numbers: thousands separators, ▲ for
minus, spaces, and a unit when it is the column's own (人口（人）: 1,234人 → 1234).
A unit the heading does not name (円 in a 千円 column), ¥, 約 and prose stay."""
from __future__ import annotations

import re
import unicodedata

from ..checks.number_format import UNIT, number_format
from ..layout import Column
from .base import CheckFixer

# The unit a heading names at its end: 人口（人）, 金額(単位：千円), 面積［㎡］.
HEADING_UNIT = re.compile(r"[（(\[［]\s*(?:単位\s*[:：]?\s*)?([^（）()\[\]［］\d\s]{1,4})\s*[）)\]］]$")


def heading_unit(label: str) -> str | None:
    named = HEADING_UNIT.search(label.strip())
    return named.group(1) if named else None


class NumberFixer(CheckFixer):
    codes = frozenset({"tokyo/number-comma", "tokyo/number-space", "tokyo/number-triangle", "tokyo/number-unit"})
    check = number_format

    def certain(self, code: str, value: str, column: Column) -> bool:
        if code != "tokyo/number-unit":
            return True
        written = unicodedata.normalize("NFKC", value).strip()
        unit = UNIT.match(written)
        if not unit or written[:unit.start(1)].strip():
            return False  # ¥ or 約 say more than the number
        return written[unit.end(1):].strip() == heading_unit(column.label)
