"""半角カナ anywhere: it breaks sorting, searching and some systems."""
from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterable

import attrs

from ..layout import text
from .base import TokyoCheck, TokyoError, row_text

HANKAKU_KANA = re.compile(r"[\uFF61-\uFF9F]")


@attrs.define(kw_only=True, repr=False)
class hankaku_kana(TokyoCheck):
    type = "tokyo-hankaku-kana"

    def validate_start(self) -> Iterable[TokyoError]:
        for column in self.table.columns:
            yield from self._scan(column.label, self.table.header_row, column.label)

    def validate_row(self, row: Any) -> Iterable[TokyoError]:
        cells = row.cells
        if not HANKAKU_KANA.search(row_text(cells)):
            return
        for column in self.table.columns:
            if column.index < len(cells):
                yield from self._scan(text(cells[column.index]), row.row_number, column.label)

    def _scan(self, value: str, row_number: int, label: str) -> Iterable[TokyoError]:
        if HANKAKU_KANA.search(value):
            yield self.finding("tokyo/hankaku-kana", row_number, label, value=value,
                               fixed=unicodedata.normalize("NFKC", value))
