"""Dates: YYYY-MM-DD only; 和暦 (令和2年4月1日, R2.4.1) and 2020/04/01 are findings.

Without a schema, a cell that is wholly a 和暦 date or year (a print-style
table's 令和2年 column) is reported in any free-text column too.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

import attrs

from ..layout import Column
from .base import CellCheck, Problem

ERA_START = {"明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019,
             "M": 1868, "T": 1912, "S": 1926, "H": 1989, "R": 2019}
WAREKI = re.compile(
    r"^(明治|大正|昭和|平成|令和|[MTSHR])\s*(元|\d{1,2})\s*(?:年度?|[./-])"
    r"\s*(?:(\d{1,2})\s*(?:月|[./-])\s*(?:(\d{1,2})\s*日?)?)?$", re.I)
ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
OTHER = re.compile(r"^(\d{4})\s*[/.年-]\s*(\d{1,2})\s*[/.月-]\s*(\d{1,2})\s*日?$|^(\d{4})(\d{2})(\d{2})$")


def _iso(year: int, month: int, day: int) -> Optional[str]:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


@attrs.define(kw_only=True, repr=False)
class wareki_date(CellCheck):
    type = "tokyo-wareki-date"
    formats = frozenset({"date"})

    def select(self, columns: list[Column]) -> list[Column]:
        return [c for c in columns if c.format == "date"
                or (c.inferred and c.format is None and not c.numeric)]

    def check(self, value: str, column: Column) -> Problem:
        value = value.strip()
        era = WAREKI.match(value)
        if era:
            # Free text: only kanji eras, or a full R2.4.1-style date, are dates.
            if column.format != "date" and len(era.group(1)) == 1 and not era.group(4):
                return None
            year = ERA_START[era.group(1).upper()] + (1 if era.group(2) == "元" else int(era.group(2))) - 1
            fixed = _iso(year, int(era.group(3)), int(era.group(4))) if era.group(4) else None
            return "tokyo/wareki-date", {"fixed": fixed}
        if column.format != "date":
            return None
        iso = ISO.match(value)
        if iso:
            return None if _iso(*map(int, iso.groups())) else ("tokyo/date-invalid", {})
        other = OTHER.match(value)
        if other:
            fixed = _iso(*map(int, [g for g in other.groups() if g]))
            return ("tokyo/date-format", {"fixed": fixed}) if fixed else ("tokyo/date-invalid", {})
        return "tokyo/date-format", {}
