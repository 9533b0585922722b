"""The validation report: findings with code, severity, place, message,
offending value and fix hint, and the same findings summed up by rule and
column (groups), so that a file with 10,000 findings reads in a page."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Optional

from . import messages

GROUP_ROWS = 10  # first rows named per group
GROUP_VALUES = 5  # distinct example values per group
GROUP_VALUE_CHARS = 200  # an example value is cut to this length
MAX_GROUPS = 2000  # beyond it, findings of a new column join their rule's file-wide group


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
        rendered = messages.render(code, params)
        value = params.get("value")
        cell = row is not None and field is not None and value is not None
        return cls(code, severity or rendered.severity, row, field, rendered.message, rendered.message_en,
                   str(value) if cell else None, rendered.hint, rendered.hint_en)

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

    def add(self, finding: Finding) -> None:
        self.count += 1
        if finding.row is not None and len(self.rows) < GROUP_ROWS:
            self.rows.append(finding.row)
        value = finding.value
        if value is not None and len(self.values) < GROUP_VALUES:
            value = value if len(value) <= GROUP_VALUE_CHARS else value[:GROUP_VALUE_CHARS] + "…"
            if value not in self.values:
                self.values.append(value)

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
    the first ones: at most `group_limit` of each group and `limit` in all,
    so that one noisy column never hides the others. Memory stays bounded:
    groups keep a few rows and values each. A limit of 0 lists everything."""

    def __init__(self, limit: int, group_limit: int = 0):
        self.limit = limit
        self.group_limit = group_limit
        self.items: list[Finding] = []
        self.groups: dict[tuple[str, str, Optional[str]], Group] = {}
        self.by_code: Counter[str] = Counter()
        self.by_severity: Counter[str] = Counter()

    def add(self, finding: Finding) -> None:
        self.by_code[finding.code] += 1
        self.by_severity[finding.severity] += 1
        key = (finding.code, finding.severity, finding.field)
        group = self.groups.get(key)
        if group is None:
            if len(self.groups) >= MAX_GROUPS:
                key = (finding.code, finding.severity, None)
                group = self.groups.get(key)
            if group is None:
                group = self.groups[key] = Group(finding.code, finding.severity, key[2], finding)
        group.add(finding)
        if (not self.limit or len(self.items) < self.limit) and \
                (not self.group_limit or group.listed < self.group_limit):
            self.items.append(finding)
            group.listed += 1

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
        }
