"""Limits and switches for one validation run."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    max_bytes: int = 200 * 1024 * 1024  # file size; also XLSX size once unzipped
    max_rows: int = 2_000_000
    timeout: float = 300.0  # seconds
    max_findings: int = 1000  # findings listed (0: all); all are counted and summed up by rule and column
    max_group_findings: int = 50  # findings listed per rule and column (0: no cap of its own)
    max_xlsx_ratio: int = 200  # unzipped/zipped size of one XLSX part (zip bombs)
