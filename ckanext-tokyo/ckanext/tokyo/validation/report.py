"""The validation report: findings with code, severity, place, message,
offending value and fix hint, and the same findings summed up by rule and
column (groups), so that a file with 10,000 findings reads in a page.

Its size is bounded whatever the file holds: a finding keeps an excerpt of
the offending cell (``EXCERPT`` characters) once, in ``value``; its messages
quote at most ``QUOTE`` characters of it; ``Findings`` stops listing (still
counting) at ``max_findings`` findings or ``max_report_bytes`` bytes; groups
keep a few rows and values each.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Optional

from . import messages

GROUP_ROWS = 10  # first rows named per group
GROUP_VALUES = 5  # distinct example values per group
GROUP_VALUE_CHARS = 200  # an example value is cut to this length
MAX_GROUPS = 2000  # beyond it, findings of a new column join their rule's file-wide group
LIST_SHARE = 0.75  # of the byte budget the listed findings may fill; the rest keeps room for the groups
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
           severity: Optional[str] = None, **params: Any) -> Finding:
        """severity: the rule's own unless given (a check lowers it, e.g. for
        a definition whose levels are not verified)."""
        shown = {name: excerpt(value, QUOTE if name in QUOTED else EXCERPT) if isinstance(value, str) else value
                 for name, value in params.items()}
        rendered = messages.render(code, shown)
        value = params.get("value")
        cell = row is not None and field is not None and value is not None
        return cls(code, severity or rendered.severity, row, excerpt(field) if field is not None else None,
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


@dataclass
class Group:
    """The findings of one rule in one column (or file-wide: field None)."""

    code: str
    severity: str
    field: Optional[str]
    first: Finding  # its message and hint stand for the group
    count: int = 0
    listed: int = 0  # of its findings in the report's list
    rows: list[int] = field(default_factory=list)
    values: list[str] = field(default_factory=list)

    def add(self, finding: Finding, room: bool = True) -> int:
        """Counts the finding and, while the report has `room`, keeps its row
        and value; returns the bytes kept."""
        self.count += 1
        if not room:
            return 0
        kept = 0
        if finding.row is not None and len(self.rows) < GROUP_ROWS:
            self.rows.append(finding.row)
            kept += 8
        value = finding.value
        if value is not None and len(self.values) < GROUP_VALUES:
            value = excerpt(value, GROUP_VALUE_CHARS)
            if value not in self.values:
                self.values.append(value)
                kept += len(value.encode()) + 4
        return kept

    def size(self) -> int:
        """Bytes of its JSON in the report."""
        return len(json.dumps(self.to_dict(), ensure_ascii=False).encode()) + 2

    def to_dict(self) -> dict[str, Any]:
        first = self.first
        return {
            "code": self.code,
            "severity": self.severity,
            "field": self.field,
            "count": self.count,
            "rows": self.rows,
            "values": self.values,
            "title": messages.title(self.code),
            "title_en": messages.title(self.code, "en"),
            "message": first.message,
            "message_en": first.message_en,
            "hint": first.hint or None,
            "hint_en": first.hint_en or None,
        }


class Findings:
    """Counts every finding, sums them up in groups (rule × column) and lists
    the first ones: at most `group_limit` of each group, `limit` in all, so
    that one noisy column never hides the others. Groups and list share
    `max_bytes` of report JSON (the list up to `LIST_SHARE` of it); past it,
    groups only count and findings of a new column are counted by code only. A limit of 0 lists everything (up to
    the byte budget)."""

    def __init__(self, limit: int, group_limit: int = 0, max_bytes: int = 1024 * 1024):
        self.limit = limit
        self.group_limit = group_limit
        self.max_bytes = max_bytes
        self.bytes = 0
        self.full = False  # the byte budget stopped the list before `limit`
        self.items: list[Finding] = []
        self.groups: dict[tuple[str, str, Optional[str]], Group] = {}
        self.by_code: Counter[str] = Counter()
        self.by_severity: Counter[str] = Counter()

    def add(self, finding: Finding) -> None:
        self.by_code[finding.code] += 1
        self.by_severity[finding.severity] += 1
        group = self.groups.get((finding.code, finding.severity, finding.field)) or self._new_group(finding)
        if group is None:
            return  # past the byte budget: counted in by_code only
        self.bytes += group.add(finding, room=self.bytes < self.max_bytes)
        if self.full or (self.limit and len(self.items) >= self.limit) or \
                (self.group_limit and group.listed >= self.group_limit):
            return
        size = len(json.dumps(finding.to_dict(), ensure_ascii=False).encode()) + 2
        if self.bytes + size > self.max_bytes * LIST_SHARE:
            self.full = True
            return
        self.bytes += size
        self.items.append(finding)
        group.listed += 1

    def _new_group(self, finding: Finding) -> Optional[Group]:
        key = (finding.code, finding.severity, finding.field)
        if len(self.groups) >= MAX_GROUPS or self.bytes >= self.max_bytes:
            # Past the caps a new column joins its rule's file-wide group;
            # past the byte budget no group is made.
            key = (finding.code, finding.severity, None)
            if key in self.groups or self.bytes >= self.max_bytes:
                return self.groups.get(key)
        group = self.groups[key] = Group(finding.code, finding.severity, key[2], finding)
        self.bytes += group.size()
        return group

    @property
    def total(self) -> int:
        return sum(self.by_code.values())

    def summary(self) -> list[Group]:
        """The groups, errors first, then warnings and infos, each in the order first found."""
        order = {messages.ERROR: 0, messages.WARNING: 1, messages.INFO: 2}
        return sorted(self.groups.values(), key=lambda g: order.get(g.severity, 3))


@dataclass
class Report:
    readable: bool
    encoding: Optional[str]
    schema: Optional[str]
    findings: list[Finding]
    stats: dict[str, Any] = field(default_factory=dict)
    groups: list[Group] = field(default_factory=list)
    # the header's cells and the first rows with listed findings as written
    # (row number -> cells), so a reader sees a finding in its row
    header: list[str] = field(default_factory=list)
    rows: dict[int, list[str]] = field(default_factory=dict)

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
            "groups": [g.to_dict() for g in self.groups],
            "stats": self.stats,
            "context": {"header": self.header, "rows": {str(n): cells for n, cells in self.rows.items()}},
        }
