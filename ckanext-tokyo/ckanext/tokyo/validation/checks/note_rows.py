"""Title rows above the header and note rows (※…, 出典…) inside the table.

Blank rows inside the table come from frictionless's own blank-row error;
blank rows above the header are reported here because frictionless skips them.
"""
from __future__ import annotations

import re
from itertools import repeat
from typing import Any, Iterable, Optional

import attrs

from ..layout import text
from .base import Batch, TokyoCheck, TokyoError

NOTE = re.compile(r"^\s*(※|＊|\*|注[\d０-９\s:：.．)）]|[(（]注|出典|資料[:：]|備考[:：]|[(（]?単位[:：])")


def shorten(value: str, width: int = 40) -> str:
    return value if len(value) <= width else value[:width] + "…"


@attrs.define(kw_only=True, repr=False)
class note_rows(TokyoCheck):
    type = "tokyo-note-rows"

    def validate_start(self) -> Iterable[TokyoError]:
        for row_number, cells in self.table.preamble:
            filled = [c.strip() for c in cells if c.strip()]
            if filled:
                yield self.finding("tokyo/title-row", row_number, value=shorten(" ".join(filled)))
            else:
                yield self.finding("tokyo/blank-row", row_number)
        if self.table.continuation:
            # Rows of English names, types or units under the header: one finding, not one per cell.
            yield self.finding("tokyo/multi-row-header", self.table.header_row,
                               count=1 + len(self.table.continuation),
                               value=", ".join(str(n) for n in self.table.continuation))

    def skim(self, batch: Batch) -> Optional[Iterable[int]]:
        # Rows as wide as the header: a note row has all cells but one blank.
        if len(self.table.columns) < 2:
            return ()
        blanks = list(map(list.count, batch.cells, repeat("")))
        alone = len(self.table.columns) - 1
        return [n for n, count in enumerate(blanks) if count == alone] if alone in blanks else ()

    def validate_row(self, row: Any) -> Iterable[TokyoError]:
        value = note(row.cells, len(self.table.columns))
        if value is not None:
            return [self.finding("tokyo/note-row", row.row_number, value=shorten(value))]
        return ()


def note(cells: list[Any], width: int) -> str | None:
    """The note a row of a table `width` columns wide holds, or None when it is no note row."""
    # A note fills one cell; counting blanks is C-speed, so most rows stop here.
    if width < 2 or len(cells) - cells.count("") - cells.count(None) != 1:
        return None
    value = text(next(c for c in cells if c is not None and c != ""))
    return value if NOTE.match(value) else None
