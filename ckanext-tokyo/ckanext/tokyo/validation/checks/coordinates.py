"""Latitude/longitude: decimal degrees inside Japan, and not swapped.

Japan spans about 20.4°N (沖ノ鳥島) to 45.6°N (択捉島) and 122.9°E (与那国島)
to 154.0°E (南鳥島); the bounds below add a small margin.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterable, Optional

import attrs

from ..layout import Column, text
from .base import ZENKAKU, TokyoCheck, TokyoError

DEGREES = re.compile(r"^[+-]?\d{1,3}(\.\d+)?$")
LATITUDE = (20.0, 46.0)
LONGITUDE = (122.0, 154.0)
AXES = {"latitude": ("緯度", "latitude", LATITUDE), "longitude": ("経度", "longitude", LONGITUDE)}


def _inside(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]


@attrs.define(kw_only=True, repr=False)
class coordinates(TokyoCheck):
    type = "tokyo-coordinates"
    targets: list[Column] = attrs.field(factory=list, init=False)

    def connect(self, resource: Any) -> None:
        super().connect(resource)
        self.targets = [c for c in self.table.columns if c.format in AXES]

    def accepts(self, value: str, column: Column) -> bool:
        """Decimal degrees on the column's axis inside Japan."""
        return bool(DEGREES.match(value)) and _inside(float(value), AXES[column.format][2])

    def select(self, columns: list[Column]) -> list[Column]:
        return [c for c in columns if c.format in AXES]

    def validate_row(self, row: Any) -> Iterable[TokyoError]:
        cells = row.cells
        parsed: dict[int, tuple[str, float]] = {}
        for column in self.targets:
            value = text(cells[column.index]).strip() if column.index < len(cells) else ""
            if not value:
                continue
            if ZENKAKU.search(value):
                half = unicodedata.normalize("NFKC", value)
                if DEGREES.match(half):
                    continue  # only the width is wrong: the zenkaku check's finding
            if not DEGREES.match(value):
                yield self.finding("tokyo/coordinate-format", row.row_number, column.label, value=value)
                continue
            parsed[column.index] = (value, float(value))
        lat = self._first("latitude", parsed)
        lon = self._first("longitude", parsed)
        if lat and lon and _inside(parsed[lat.index][1], LONGITUDE) and _inside(parsed[lon.index][1], LATITUDE) \
                and not _inside(parsed[lat.index][1], LATITUDE):
            yield self.finding("tokyo/coordinates-swapped", row.row_number, lat.label,
                               value=parsed[lat.index][0], other=parsed[lon.index][0])
            return
        for column in self.targets:
            if column.index in parsed:
                value, number = parsed[column.index]
                axis, axis_en, bounds = AXES[column.format]
                if not _inside(number, bounds):
                    yield self.finding("tokyo/coordinate-outside-japan", row.row_number, column.label,
                                       value=value, axis=axis, axis_en=axis_en)

    def _first(self, fmt: str, parsed: dict[int, tuple[str, float]]) -> Optional[Column]:
        return next((c for c in self.targets if c.format == fmt and c.index in parsed), None)
