"""XLSX: merged cells, formulas and extra sheets, read from the sheet XML.

openpyxl in read-only mode (how frictionless streams rows) hides merged
ranges and, with data_only, formulas; so the first sheet's XML is scanned
once, streaming, after `oversized` has bounded what unzipping can cost.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from typing import Iterable, Iterator, Optional
from xml.etree.ElementTree import iterparse

import attrs

from .base import TokyoCheck, TokyoError

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")
SHARED_STRINGS_SHARE = 4  # shared strings are held in memory: a quarter of the budget


def oversized(path: str, max_bytes: int, max_ratio: int) -> Optional[dict[str, object]]:
    """Message parameters when unzipping the workbook would exceed the limits.

    zipfile enforces each member's declared size while reading, so checking
    the declared sizes bounds what openpyxl can inflate.
    """
    with zipfile.ZipFile(path) as book:
        members = book.infolist()
        total = 0
        for info in members:
            total += info.file_size
            limit = max_bytes // SHARED_STRINGS_SHARE if info.filename.endswith("sharedStrings.xml") else max_bytes
            if info.file_size > limit:
                return {"member": info.filename, "size": info.file_size, "limit": limit}
            if info.file_size > 1024 * 1024 and info.file_size > max_ratio * max(info.compress_size, 1):
                return {"member": info.filename, "size": info.file_size, "limit": max_ratio * info.compress_size}
        if total > max_bytes:
            return {"member": "*", "size": total, "limit": max_bytes}
    return None


def column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


def sheets(book: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(name, part path) of each sheet in workbook order."""
    targets = {}
    with book.open("xl/_rels/workbook.xml.rels") as rels:
        for _, elem in iterparse(rels):
            if elem.tag == PKG_REL + "Relationship":
                target = elem.get("Target", "")
                targets[elem.get("Id")] = target.lstrip("/") if target.startswith("/") \
                    else posixpath.normpath(posixpath.join("xl", target))
    found = []
    with book.open("xl/workbook.xml") as workbook:
        for _, elem in iterparse(workbook):
            if elem.tag == MAIN + "sheet":
                found.append((elem.get("name", ""), targets.get(elem.get(REL + "id"), "")))
    return found


@attrs.define(kw_only=True, repr=False)
class xlsx(TokyoCheck):
    type = "tokyo-xlsx"

    def validate_start(self) -> Iterable[TokyoError]:
        if self.table.format != "xlsx":
            return
        with zipfile.ZipFile(self.table.path) as book:
            found = sheets(book)
            if not found:
                return
            if len(found) > 1:
                yield self.finding("tokyo/xlsx-extra-sheets", value=found[0][0], count=len(found))
            with book.open(found[0][1]) as sheet:
                yield from self._scan(sheet)

    def _scan(self, sheet) -> Iterator[TokyoError]:
        labels = {c.index: c.label for c in self.table.columns}
        rows = None
        for event, elem in iterparse(sheet, events=("start", "end")):
            if event == "start":
                if elem.tag == MAIN + "sheetData":
                    rows = elem
            elif elem.tag == MAIN + "c":
                if elem.find(MAIN + "f") is not None:
                    yield self._at(elem.get("r", ""), labels, "tokyo/xlsx-formula")
            elif elem.tag == MAIN + "row" and rows is not None:
                rows.remove(elem)  # keep memory flat: a finished row is always the first child
            elif elem.tag == MAIN + "mergeCell":
                yield self._at(elem.get("ref", "").split(":")[0], labels, "tokyo/xlsx-merged-cells",
                               elem.get("ref", ""))

    def _at(self, ref: str, labels: dict[int, str], code: str, shown: str = "") -> TokyoError:
        match = CELL_REF.match(ref)
        row = int(match.group(2)) if match else None
        label = labels.get(column_index(match.group(1))) if match else None
        return self.finding(code, row, label, value=shown or ref)
