"""Headings: a variant or typo renamed to the standard's item name (the engine's
detection matched it), spaces and line breaks taken out (the headings check's fix)."""
from __future__ import annotations

from typing import Optional

from ..checks.headings import SLIPS, without_spaces
from ..layout import Table


def fix_heading(raw: str, table: Table) -> Optional[tuple[str, str]]:
    """(code, new heading), or None to keep it."""
    items = dict(table.variants)
    item = items.get(raw.replace("\ufeff", "").strip())
    if item is not None and item != raw:
        return "tokyo/header-variant", item
    if raw.strip() and SLIPS.search(raw):
        return "tokyo/header-whitespace", without_spaces(raw)
    return None
