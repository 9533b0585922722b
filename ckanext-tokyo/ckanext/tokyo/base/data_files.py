"""The data under ``schemas/`` of the repository, shipped inside the package
as ``ckanext.tokyo.schemas`` (setup.py), so a wheel finds it too."""
from __future__ import annotations

import csv
import io
from importlib import resources

PACKAGE = "ckanext.tokyo.schemas"


def folder(name: str):
    """A folder of the schemas package (``standard``, ``codes``)."""
    return resources.files(PACKAGE).joinpath(name)


def code_rows(name: str) -> list[dict[str, str]]:
    """The rows of the code table ``schemas/codes/<name>`` (CSV with a header)."""
    text = folder("codes").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))
