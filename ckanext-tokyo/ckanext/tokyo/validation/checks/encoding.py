"""The file's encoding: the standard requires UTF-8."""
from __future__ import annotations

from typing import Iterable

import attrs

from .base import TokyoCheck, TokyoError


@attrs.define(kw_only=True, repr=False)
class encoding(TokyoCheck):
    type = "tokyo-encoding"

    def validate_start(self) -> Iterable[TokyoError]:
        detected = self.table.encoding
        if detected is None:
            return
        if not detected.is_utf8:
            yield self.finding("tokyo/encoding-not-utf8", encoding=detected.name)
        elif detected.codec == "utf-8-sig":
            yield self.finding("tokyo/encoding-bom")
