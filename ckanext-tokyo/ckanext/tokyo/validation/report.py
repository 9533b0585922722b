"""The validation report: findings with code, severity, place, message,
offending value and fix hint."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Optional

from . import messages


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
        rendered = messages.render(code, params)
        value = params.get("value")
        cell = row is not None and field is not None and value is not None
        return cls(code, rendered.severity, row, field, rendered.message, rendered.message_en,
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


class Findings:
    """Keeps the first `limit` findings and counts all of them (bounded memory)."""

    def __init__(self, limit: int):
        self.limit = limit
        self.items: list[Finding] = []
        self.by_code: Counter[str] = Counter()
        self.by_severity: Counter[str] = Counter()

    def add(self, finding: Finding) -> None:
        self.by_code[finding.code] += 1
        self.by_severity[finding.severity] += 1
        if len(self.items) < self.limit:
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
            "stats": self.stats,
            "context": {"header": self.header, "rows": {str(n): cells for n, cells in self.rows.items()}},
        }
