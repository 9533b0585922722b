"""Demo inventory for `ckan tokyo demo`: demo/inventory.csv, imported the
way a bureau imports its spreadsheet (a second run changes nothing)."""
from __future__ import annotations

from importlib import resources

from ckanext.tokyo import site_user

from . import sheet_import

FILE = "inventory.csv"


def load() -> int:
    content = resources.files("ckanext.tokyo.demo").joinpath(FILE).read_bytes()
    return len(sheet_import.import_sheet(site_user.context(), content, FILE).created)
