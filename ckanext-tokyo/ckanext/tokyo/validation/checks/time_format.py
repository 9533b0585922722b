"""Times: 24-hour hh:mm (24:00 allowed as the end of a day)."""
from __future__ import annotations

import re

import attrs

from ..layout import Column
from .base import CellCheck, Problem

HHMM = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
KANJI = re.compile(r"^(\d{1,2})時(?:(\d{1,2})分|半)?$")
DIGITS = re.compile(r"^(\d{2})(\d{2})$")


def _possible(hour: int, minute: int) -> bool:
    return (hour < 24 and minute < 60) or (hour, minute) == (24, 0)


@attrs.define(kw_only=True, repr=False)
class time_format(CellCheck):
    type = "tokyo-time-format"
    formats = frozenset({"time"})

    def check(self, value: str, column: Column) -> Problem:
        match = HHMM.match(value)
        if match:
            hour, minute = int(match.group(1)), int(match.group(2))
            if not _possible(hour, minute):
                return "tokyo/time-invalid", {}
            if len(match.group(1)) == 2 and match.group(3) is None:
                return None
            return "tokyo/time-format", {"fixed": f"{hour:02d}:{minute:02d}"}
        match = KANJI.match(value) or DIGITS.match(value)
        if match:
            hour = int(match.group(1))
            minute = 30 if value.endswith("半") else int(match.group(2) or 0)
            if not _possible(hour, minute):
                return "tokyo/time-invalid", {}
            return "tokyo/time-format", {"fixed": f"{hour:02d}:{minute:02d}"}
        return "tokyo/time-format", {}
