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
from .base import ZENKAKU, Batch, TokyoCheck, TokyoError

DEGREES = re.compile(r"^[+-]?\d{1,3}(\.\d+)?$")
ALL_DEGREES = re.compile(r"[+-]?\d{1,3}(\.\d+)?(,[+-]?\d{1,3}(\.\d+)?)*")  # a column joined by commas
LATITUDE = (20.0, 46.0)
LONGITUDE = (122.0, 154.0)
AXES = {"latitude": ("緯度", "latitude", LATITUDE), "longitude": ("経度", "longitude", LONGITUDE)}


def _inside(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]


def swapped(latitude: float, longitude: float) -> bool:
    """Clearly swapped: the latitude is a longitude in Japan and the longitude a latitude
    (the two ranges do not overlap, so no position reads both ways)."""
    return _inside(latitude, LONGITUDE) and _inside(longitude, LATITUDE) and not _inside(latitude, LATITUDE)


@attrs.define(kw_only=True, repr=False)
class coordinates(TokyoCheck):
    type = "tokyo-coordinates"
    targets: list[Column] = attrs.field(factory=list, init=False)
    pair: Optional[tuple[int, int]] = attrs.field(default=None, init=False)  # one latitude, one longitude

    def connect(self, resource: Any) -> None:
        super().connect(resource)
        self.targets = [c for c in self.table.columns if c.format in AXES]
        formats = [c.format for c in self.targets]
        if sorted(formats) == ["latitude", "longitude"]:
            self.pair = tuple(c.index for c in sorted(self.targets, key=lambda c: c.format))

    def accepts(self, value: str, column: Column) -> bool:
        """Decimal degrees on the column's axis inside Japan."""
        return bool(DEGREES.match(value)) and _inside(float(value), AXES[column.format][2])

    def select(self, columns: list[Column]) -> list[Column]:
        return [c for c in columns if c.format in AXES]

    def skim(self, batch: Batch) -> Optional[Iterable[int]]:
        # Most batches: every latitude and longitude in decimal degrees inside Japan.
        if not self.targets:
            return ()
        if not self.pair:
            return None
        lat, lon = batch.columns[self.pair[0]], batch.columns[self.pair[1]]
        if not (ALL_DEGREES.fullmatch(",".join(lat)) and ALL_DEGREES.fullmatch(",".join(lon))):
            return None
        lats, lons = sorted(map(float, lat)), sorted(map(float, lon))
        inside = LATITUDE[0] <= lats[0] and lats[-1] <= LATITUDE[1] \
            and LONGITUDE[0] <= lons[0] and lons[-1] <= LONGITUDE[1]
        return () if inside else None

    def validate_row(self, row: Any) -> Iterable[TokyoError]:
        cells = row.cells
        width = len(cells)
        if self.pair and self.pair[0] < width and self.pair[1] < width:
            # most rows: one latitude, one longitude, both right
            lat, lon = cells[self.pair[0]], cells[self.pair[1]]
            if lat.__class__ is str and lon.__class__ is str and DEGREES.match(lat) and DEGREES.match(lon) \
                    and LATITUDE[0] <= float(lat) <= LATITUDE[1] and LONGITUDE[0] <= float(lon) <= LONGITUDE[1]:
                return ()
        found: list[TokyoError] = []
        parsed: list[tuple[Column, str, float]] = []
        for column in self.targets:
            value = cells[column.index] if column.index < width else None
            if value is None or value == "":
                continue
            value = (value if value.__class__ is str else text(value)).strip()
            if not value:
                continue
            if not DEGREES.match(value):
                if not value.isascii() and ZENKAKU.search(value) \
                        and DEGREES.match(unicodedata.normalize("NFKC", value)):
                    continue  # only the width is wrong: the zenkaku check's finding
                found.append(self.finding("tokyo/coordinate-format", row.row_number, column.label, value=value))
                continue
            parsed.append((column, value, float(value)))
        if not parsed:
            return found
        lat = next((p for p in parsed if p[0].format == "latitude"), None)
        lon = next((p for p in parsed if p[0].format == "longitude"), None)
        if lat and lon and swapped(lat[2], lon[2]):
            found.append(self.finding("tokyo/coordinates-swapped", row.row_number, lat[0].label,
                                      value=lat[1], other=lon[1]))
            return found
        for column, value, number in parsed:
            axis, axis_en, bounds = AXES[column.format]
            if not bounds[0] <= number <= bounds[1]:
                found.append(self.finding("tokyo/coordinate-outside-japan", row.row_number, column.label,
                                          value=value, axis=axis, axis_en=axis_en))
        return found
