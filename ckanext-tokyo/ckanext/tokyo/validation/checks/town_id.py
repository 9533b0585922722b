"""町字ID (アドレス・ベース・レジストリ): 7 digits, written 0008001 or 0008-001."""
from __future__ import annotations

import re

import attrs

from ..layout import Column
from .base import CellCheck, Problem

TOWN_ID = re.compile(r"^\d{7}$|^\d{4}-\d{3}$")


@attrs.define(kw_only=True, repr=False)
class town_id(CellCheck):
    type = "tokyo-town-id"
    formats = frozenset({"town-id"})
    clean = "[0-9]{7}|[0-9]{4}-[0-9]{3}"

    def check(self, value: str, column: Column) -> Problem:
        return None if TOWN_ID.match(value) else ("tokyo/town-id-format", {})
