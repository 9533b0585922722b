"""URLs: absolute http(s) with a dotted host (or localhost), no spaces."""
from __future__ import annotations

import re

import attrs

from ..layout import Column
from .base import CellCheck, Problem

URL = re.compile(r"^https?://([^\s/?#:@]+\.[^\s/?#:@]+|localhost)(:\d+)?([/?#]\S*)?$")


@attrs.define(kw_only=True, repr=False)
class url(CellCheck):
    type = "tokyo-url"
    formats = frozenset({"url"})
    # URL in printable ASCII (the host: no / ? # : @)
    clean = r'https?://(?:[!"$-.0-9;->A-~]+\.[!"$-.0-9;->A-~]+|localhost)(?::[0-9]+)?(?:[/?#][!-~]*)?'

    def check(self, value: str, column: Column) -> Problem:
        return None if URL.match(value) else ("tokyo/url-format", {})
