"""Dates: YYYY-MM-DD (an ISO 8601 date-time is a date too); 和暦 (令和2年4月1日,
R2.4.1) and 2020/04/01 are findings.

A 和暦 date is checked against its era: 令和元年5月1日 exists, 平成31年5月1日
and 昭和64年1月8日 do not (平成 ended on 30 April 2019, 昭和 on 7 January
1989). Without a schema, a cell that is wholly a 和暦 date or year (a
print-style table's 令和2年 column) is reported in any free-text column too.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

import attrs

from ..layout import Column
from .base import CellCheck, Problem

# First and last day of each era (明治 counted from its Gregorian adoption, 1873).
ERAS: dict[str, tuple[dt.date, Optional[dt.date]]] = {
    "明治": (dt.date(1868, 1, 25), dt.date(1912, 7, 29)),
    "大正": (dt.date(1912, 7, 30), dt.date(1926, 12, 24)),
    "昭和": (dt.date(1926, 12, 25), dt.date(1989, 1, 7)),
    "平成": (dt.date(1989, 1, 8), dt.date(2019, 4, 30)),
    "令和": (dt.date(2019, 5, 1), None),
}
LETTERS = {"M": "明治", "T": "大正", "S": "昭和", "H": "平成", "R": "令和"}
WAREKI = re.compile(
    r"^(明治|大正|昭和|平成|令和|[MTSHR])\s*(元|\d{1,2})\s*(?:年度?|[./-])"
    r"\s*(?:(\d{1,2})\s*(?:月|[./-])?\s*(?:(\d{1,2})\s*日?)?)?$", re.I)
ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
OTHER = re.compile(r"^(\d{4})\s*[/.年-]\s*(\d{1,2})\s*[/.月-]\s*(\d{1,2})\s*日?$|^(\d{4})(\d{2})(\d{2})$")


def _date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _wareki(era: re.Match[str]) -> Problem:
    name = LETTERS.get(era.group(1).upper(), era.group(1))
    start, end = ERAS[name]
    year = start.year + (0 if era.group(2) == "元" else int(era.group(2)) - 1)
    if not era.group(4):
        # A year or year and month: it must overlap the era.
        month = int(era.group(3)) if era.group(3) else None
        first = _date(year, month or 1, 1)
        last = _date(year, month or 12, 28)
        if first is None or last is None or last < start.replace(day=1) or (end and first > end):
            return "tokyo/wareki-out-of-era", {"era": name}
        return "tokyo/wareki-date", {}
    day = _date(year, int(era.group(3)), int(era.group(4)))
    if day is None:
        return "tokyo/date-invalid", {}
    if day < start or (end and day > end):
        # The writer's Gregorian date is still plain: offer it.
        return "tokyo/wareki-out-of-era", {"era": name, "fixed": day.isoformat()}
    return "tokyo/wareki-date", {"fixed": day.isoformat()}


@attrs.define(kw_only=True, repr=False)
class wareki_date(CellCheck):
    type = "tokyo-wareki-date"
    formats = frozenset({"date"})

    def select(self, columns: list[Column]) -> list[Column]:
        return [c for c in columns if c.format == "date"
                or (c.inferred and c.format is None and not c.numeric)]

    def check(self, value: str, column: Column) -> Problem:
        era = WAREKI.match(value)
        if era:
            # Free text: only kanji eras, or a full R2.4.1-style date, are dates.
            if column.format != "date" and len(era.group(1)) == 1 and not era.group(4):
                return None
            return _wareki(era)
        if column.format != "date":
            return None
        iso = ISO.match(value)
        if iso:
            return None if _date(*map(int, iso.groups())) else ("tokyo/date-invalid", {})
        other = OTHER.match(value)
        if other:
            day = _date(*map(int, [g for g in other.groups() if g]))
            return ("tokyo/date-format", {"fixed": day.isoformat()}) if day else ("tokyo/date-invalid", {})
        return "tokyo/date-format", {}
