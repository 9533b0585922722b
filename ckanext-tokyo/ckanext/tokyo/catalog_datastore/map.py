"""The map view's drawing (no CKAN): points from 緯度/経度 projected into an
SVG box, no tiles and no network (equirectangular, x scaled by cos(latitude)
so distances look right at Tokyo's latitude)."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable, Optional

WIDTH = 1000
MAX_HEIGHT = 600
PAD = 24
LABELLED = 30  # up to this many points carry their name on the map


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Drawing:
    points: list[Point]
    width: int
    height: int
    skipped: int  # rows without usable coordinates

    @property
    def labelled(self) -> bool:
        return len(self.points) <= LABELLED


def _number(value: Any) -> Optional[float]:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def draw(records: Iterable[tuple[Any, Any, Any]]) -> Drawing:
    """records: (latitude, longitude, label). Rows outside ±90/±180 or empty
    are skipped and counted."""
    found: list[tuple[float, float, str]] = []
    skipped = 0
    for lat, lon, label in records:
        lat_n, lon_n = _number(lat), _number(lon)
        if lat_n is None or lon_n is None or not (-90 <= lat_n <= 90 and -180 <= lon_n <= 180):
            skipped += 1
            continue
        found.append((lat_n, lon_n, "" if label is None else str(label)))
    if not found:
        return Drawing([], WIDTH, WIDTH // 2, skipped)
    lats, lons = [p[0] for p in found], [p[1] for p in found]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    scale_x = math.cos(math.radians((south + north) / 2))
    span_x = max((east - west) * scale_x, 1e-4)
    span_y = max(north - south, 1e-4)
    inner = WIDTH - 2 * PAD
    factor = inner / max(span_x, span_y * 1.0)
    height = int(min(max(span_y * factor + 2 * PAD, 200), MAX_HEIGHT))
    factor = min(factor, (height - 2 * PAD) / span_y)
    offset_x = (WIDTH - span_x * factor) / 2
    offset_y = (height - span_y * factor) / 2
    points = [Point(round(offset_x + (lon - west) * scale_x * factor, 1),
                    round(offset_y + (north - lat) * factor, 1), label, lat, lon)
              for lat, lon, label in found]
    return Drawing(points, WIDTH, height, skipped)
