"""The checks, one rule per module; `build` picks the set for a table."""
from __future__ import annotations

from ..layout import Table
from .base import Batch, CellCheck, CellChecks, TextScan, TextScans, TokyoCheck, TokyoError
from .coordinates import coordinates
from .corporate_number import corporate_number
from .duplicate_id import duplicate_id
from .email import email
from .encoding import encoding
from .flag import flag
from .hankaku_kana import hankaku_kana
from .headings import headings
from .kana import kana
from .lg_code import lg_code
from .line_break import line_break
from .mojibake import mojibake
from .multiple_tables import multiple_tables
from .note_rows import note_rows
from .number_format import number_format
from .phone import phone
from .platform_chars import platform_chars
from .poi_code import poi_code
from .postal_code import postal_code
from .required import required
from .row_shape import row_shape
from .shifted_columns import column_judges, shifted_columns
from .surrounding_space import surrounding_space
from .time_format import time_format
from .town_id import town_id
from .url import url
from .vocabulary import vocabulary
from .wareki_date import wareki_date
from .xlsx import xlsx
from .zenkaku import zenkaku
from .zenkaku_text import zenkaku_text

CHECKS: list[type[TokyoCheck]] = [
    encoding, xlsx, headings, row_shape, note_rows, multiple_tables, required, zenkaku, mojibake,
    platform_chars, hankaku_kana, zenkaku_text, surrounding_space, line_break, duplicate_id, kana, wareki_date,
    time_format, number_format,
    lg_code, corporate_number, coordinates, vocabulary, flag, phone, postal_code, town_id, url,
    email, poi_code, shifted_columns,
]


def build(table: Table) -> list[TokyoCheck]:
    """The checks with something to do for this table."""
    checks = [check(table=table) for check in CHECKS]
    for check in checks:
        if isinstance(check, zenkaku):
            check.peers = [c for c in checks if c is not check and hasattr(c, "accepts")]
        elif isinstance(check, shifted_columns):
            check.fits = column_judges(checks, table.columns)
    checks = [c for c in checks if not isinstance(c, CellCheck) or c.applies()]
    # The engine runs the cell checks and the text scans through one driver each.
    return checks + [CellChecks(table=table, checks=[c for c in checks if isinstance(c, CellCheck)]),
                     TextScans(table=table, checks=[c for c in checks if isinstance(c, TextScan)])]


__all__ = ["CHECKS", "Batch", "CellCheck", "CellChecks", "TextScan", "TextScans", "TokyoCheck", "TokyoError", "build"]
