"""Latitude and longitude swapped back, when clearly swapped (checks.coordinates.swapped)."""
from __future__ import annotations

from ..checks.coordinates import DEGREES, swapped
from ..layout import Table
from .base import Change


class CoordinateFixer:
    codes = frozenset({"tokyo/coordinates-swapped"})

    def __init__(self, table: Table):
        axes = {c.format: c for c in table.columns if c.format in ("latitude", "longitude")}
        pair = [c for c in table.columns if c.format in ("latitude", "longitude")]
        self.pair = (axes["latitude"], axes["longitude"]) if len(pair) == 2 and len(axes) == 2 else None

    def fix(self, cells: list[str], row: int) -> list[Change]:
        if self.pair is None:
            return []
        lat, lon = self.pair
        if max(lat.index, lon.index) >= len(cells):
            return []
        a, b = cells[lat.index].strip(), cells[lon.index].strip()
        if not (DEGREES.match(a) and DEGREES.match(b) and swapped(float(a), float(b))):
            return []
        cells[lat.index], cells[lon.index] = b, a
        code = "tokyo/coordinates-swapped"
        return [Change(code, row, lat.label, a, b), Change(code, row, lon.label, b, a)]
