"""和暦 and other written dates → ISO 8601 (the date check's fix), and Excel
serial numbers in date columns (a date typed into Excel and exported as its number)."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ..checks.wareki_date import wareki_date
from ..layout import Column
from .base import CheckFixer

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel counts a 29 Feb 1900 that never was)
# Serials of 1950-01-01 … 2099-12-31: a 5-digit number in a date column is no other date form.
SERIALS = range(18264, 73051)
SERIAL = re.compile(r"^\d{5}$")


def excel_date(value: str) -> Optional[str]:
    if SERIAL.match(value) and int(value) in SERIALS:
        return (EXCEL_EPOCH + dt.timedelta(days=int(value))).isoformat()
    return None


class DateFixer(CheckFixer):
    codes = frozenset({"tokyo/wareki-date", "tokyo/date-format", "tokyo/wareki-out-of-era"})
    check = wareki_date

    def fix(self, value: str, column: Column) -> Optional[tuple[str, str]]:
        if column.format == "date":
            serial = excel_date(value.strip())
            if serial:
                return "tokyo/date-format", serial
        return super().fix(value, column)
