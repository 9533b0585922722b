"""The header's own slips: a heading spelled unlike the definition's item
(a typo, a superseded wording, ― for ー), and line breaks or spaces in a
heading. Each is one finding at the header, with the name to use."""
from __future__ import annotations

import re
from typing import Iterable

import attrs

from .base import TokyoCheck, TokyoError

SPACES = re.compile(r"[\s\u3000]+")
# A heading's slips: spaces around it, line breaks, tabs or full-width spaces in it
# (one ASCII space between English words is how English is written).
SLIPS = re.compile(r"^\s|\s$|[\n\r\t\u3000]")


def without_spaces(heading: str) -> str:
    """heading without line breaks and full-width spaces; a space stays between two ASCII words."""
    parts = [p for p in SPACES.split(heading.strip()) if p]
    out = parts[0] if parts else ""
    for part in parts[1:]:
        out += (" " if out[-1:].isascii() and out[-1:].isalnum() and part[:1].isascii() else "") + part
    return out


@attrs.define(kw_only=True, repr=False)
class headings(TokyoCheck):
    type = "tokyo-headings"

    def validate_start(self) -> Iterable[TokyoError]:
        row = self.table.header_row
        for raw in self.table.header_cells:
            raw = raw.replace("\ufeff", "")
            if raw.strip() and SLIPS.search(raw):
                fixed = without_spaces(raw)
                yield self.finding("tokyo/header-whitespace", row, raw.strip() or None, value=raw, fixed=fixed)
        for label, item in self.table.variants:
            yield self.finding("tokyo/header-variant", row, label, value=label, item=item, fixed=item)
