"""Helpers: fix a small table and read back the copy, the change log and the findings left."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Callable

import pytest

from ckanext.tokyo.validation import validate
from ckanext.tokyo.validation.fix import FixResult, fix_file


def read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream))


@pytest.fixture
def fixed(write: Callable[..., Path], tmp_path: Path) -> Callable[..., tuple[list[list[str]], FixResult]]:
    """(rows of the fixed copy, result) of a table given as header + rows."""
    def fixed(header: list[str], *rows: list[str], **kwargs: Any) -> tuple[list[list[str]], FixResult]:
        source = write([header, *rows], encoding=kwargs.pop("encoding", "utf-8"))
        out = tmp_path / "fixed.csv"
        result = fix_file(str(source), str(out), **kwargs)
        return read_csv(out), result
    return fixed


def codes_left(path: Path) -> set[str]:
    return {f.code for f in validate(str(path)).findings}
