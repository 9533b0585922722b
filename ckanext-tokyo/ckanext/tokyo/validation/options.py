"""Limits and switches for one validation run."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    max_bytes: int = 200 * 1024 * 1024  # file size; also XLSX size once unzipped
    max_rows: int = 2_000_000
    timeout: float = 300.0  # seconds for the whole run, header processing included
    max_findings: int = 1000  # findings listed (0: all); all are counted and summed up by rule and column
    max_group_findings: int = 50  # findings listed per rule and column (0: no cap of its own)
    max_xlsx_ratio: int = 200  # unzipped/zipped size of one XLSX part (zip bombs)
    max_columns: int = 2000  # header width; frictionless spends ~10 ms per column opening a table
    max_line_bytes: int = 1024 * 1024  # longest CSV line (bytes) and cell (characters): both are read whole
    max_report_bytes: int = 1024 * 1024  # findings listed until their JSON reaches this size
