"""POIコード: the GIF POI table's codes are 3 or 4 digits (101 山 … 3706)."""
from __future__ import annotations

import re

import attrs

from ..layout import Column
from .base import CellCheck, Problem

POI_CODE = re.compile(r"^\d{3,4}$")


@attrs.define(kw_only=True, repr=False)
class poi_code(CellCheck):
    type = "tokyo-poi-code"
    formats = frozenset({"poi-code"})

    def check(self, value: str, column: Column) -> Problem:
        return None if POI_CODE.match(value) else ("tokyo/poi-code-format", {})
