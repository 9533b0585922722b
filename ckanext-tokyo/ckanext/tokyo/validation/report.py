"""The validation report: findings with code, severity, place, message,
offending value and fix hint.

Its size is bounded whatever the file holds: a finding keeps an excerpt of
the offending cell (``EXCERPT`` characters) once, in ``value``; its messages
quote at most ``QUOTE`` characters of it; and ``Findings`` stops listing
(still counting) at ``max_findings`` findings or ``max_report_bytes`` bytes.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Optional

from . import messages

EXCERPT = 200  # characters of a cell, heading or detail kept in a finding
QUOTE = 40  # characters of the offending value quoted inside a message
QUOTED = ("value", "other", "fixed")  # parameters that repeat the cell in messages
ELLIPSIS = "…"


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """`text` cut to `limit` characters, marked with … when cut."""
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


# Characters a terminal acts on instead of showing: C0 and C1 controls, DEL
# (escape sequences start with ESC or the C1 CSI) and the bidirectional
# formatting characters that reorder what is shown.
CONTROLS = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), 0x061C, 0x200E, 0x200F,
            *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_PRINTABLE = {code: None for code in CONTROLS} | {ord("\t"): " ", ord("\n"): " ", ord("\r"): " "}
_JSON_SAFE = {code: f"\\u{code:04x}" for code in CONTROLS if code >= 0x7F}


# Absolute paths in messages of libraries (frictionless, openpyxl, the OS):
# a report never shows where the file was stored.
_PATH = re.compile(r"(?<![\w.])(?:[A-Za-z]:)?(?:[\\/][\w.~+-]+){2,}[\\/]?")


def without_paths(text: str, mark: str = "(file)") -> str:
    """`text` with every absolute file system path replaced by `mark`."""
    return _PATH.sub(mark, text)


def printable(text: str) -> str:
    """Text for a terminal: controls dropped, line breaks and tabs as spaces."""
    return text.translate(_PRINTABLE)


def json_safe(text: str) -> str:
    """JSON text with the controls json.dumps leaves raw (DEL, C1, bidi)
    escaped as \\uXXXX: the same data, harmless on a terminal."""
    return text.translate(_JSON_SAFE)


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str  # error | warning | info
    row: Optional[int]  # frictionless numbering (header = 1); None for the file
    field: Optional[str]  # column heading as written in the file
    message: str  # the problem followed by the fix hint
    message_en: str
    value: Optional[str] = None  # the offending cell's text; None unless the finding is a cell's
    hint: str = ""  # the fix hint alone ("" when the rule has none)
    hint_en: str = ""

    @classmethod
    def of(cls, code: str, row: Optional[int] = None, field: Optional[str] = None,
           **params: Any) -> Finding:
        shown = {name: excerpt(value, QUOTE if name in QUOTED else EXCERPT) if isinstance(value, str) else value
                 for name, value in params.items()}
        rendered = messages.render(code, shown)
        value = params.get("value")
        cell = row is not None and field is not None and value is not None
        return cls(code, rendered.severity, row, excerpt(field) if field is not None else None,
                   rendered.message, rendered.message_en,
                   excerpt(str(value)) if cell else None, rendered.hint, rendered.hint_en)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "row": self.row,
            "field": self.field,
            "message": self.message,
            "message_en": self.message_en,
            "value": self.value,
            "hint": self.hint or None,
            "hint_en": self.hint_en or None,
        }


class Findings:
    """Keeps the first `limit` findings, up to `max_bytes` of report JSON, and
    counts all of them (bounded memory and report size)."""

    def __init__(self, limit: int, max_bytes: int = 1024 * 1024):
        self.limit = limit
        self.max_bytes = max_bytes
        self.bytes = 0
        self.full = False  # the byte budget stopped the list before `limit`
        self.items: list[Finding] = []
        self.by_code: Counter[str] = Counter()
        self.by_severity: Counter[str] = Counter()

    def add(self, finding: Finding) -> None:
        self.by_code[finding.code] += 1
        self.by_severity[finding.severity] += 1
        if len(self.items) >= self.limit or self.full:
            return
        size = len(json.dumps(finding.to_dict(), ensure_ascii=False).encode()) + 2
        if self.bytes + size > self.max_bytes:
            self.full = True
            return
        self.bytes += size
        self.items.append(finding)

    @property
    def total(self) -> int:
        return sum(self.by_code.values())


@dataclass
class Report:
    readable: bool
    encoding: Optional[str]
    schema: Optional[str]
    findings: list[Finding]
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return self.readable and not self.stats.get("errors", 0)

    @property
    def exit_code(self) -> int:
        """0 valid, 1 invalid, 2 could not read (the CLI's exit status)."""
        if not self.readable:
            return 2
        return 0 if self.valid else 1

    def codes(self) -> set[str]:
        return {f.code for f in self.findings}

    def to_dict(self) -> dict[str, Any]:
        return {
            "valid": self.valid,
            "encoding": self.encoding,
            "schema": self.schema,
            "findings": [f.to_dict() for f in self.findings],
            "stats": self.stats,
        }
