"""XLSX: merged cells, formulas and extra sheets, read from the sheet XML.

openpyxl in read-only mode (how frictionless streams rows) hides merged
ranges and, with data_only, formulas; so the first sheet's XML is scanned
once, streaming, after `oversized` has bounded what unzipping can cost.

openpyxl streams the worksheets but reads every other XML part whole
(styles, shared strings, workbook, relationships, properties, theme), at
about 30 bytes of memory per byte of XML and more per element: a 3 MB
upload with 1M cell formats in styles.xml took 2.2 GiB and 44 s. So those
parts are capped in size, and styles and shared strings in elements, before
openpyxl sees them.
"""
from __future__ import annotations

import posixpath
import re
import time
import zipfile
from typing import Iterable, Iterator, Optional
from xml.etree.ElementTree import iterparse
from xml.parsers import expat

import attrs

from .base import TokyoCheck, TokyoError

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")
SHARED_STRINGS_SHARE = 4  # shared strings are held in memory: a quarter of the budget
WHOLE_PART = 8 * 1024 * 1024  # bytes of any other XML part openpyxl parses whole
# Elements of the parts whose objects openpyxl keeps: cell formats cost about
# 1.5 KiB and 0.2 ms each (Excel itself allows 64,000 formats), a shared
# string (<si><t>, two elements) about 200 bytes.
MAX_ELEMENTS = {"styles.xml": 100_000, "sharedStrings.xml": 2_000_000}
STREAMED = re.compile(r"^xl/worksheets/[^/]+\.xml$")  # read row by row


def oversized(path: str, max_bytes: int, max_ratio: int) -> Optional[dict[str, object]]:
    """Message parameters (for tokyo/xlsx-too-large, or with `count` for
    tokyo/xlsx-too-complex) when unzipping or parsing the workbook would
    exceed the limits.

    zipfile enforces each member's declared size while reading, so checking
    the declared sizes bounds what openpyxl can inflate.
    """
    with zipfile.ZipFile(path) as book:
        members = book.infolist()
        total = 0
        for info in members:
            total += info.file_size
            limit = _part_limit(info.filename, max_bytes)
            if info.file_size > limit:
                return {"member": info.filename, "size": info.file_size, "limit": limit}
            if info.file_size > 1024 * 1024 and info.file_size > max_ratio * max(info.compress_size, 1):
                return {"member": info.filename, "size": info.file_size, "limit": max_ratio * info.compress_size}
        if total > max_bytes:
            return {"member": "*", "size": total, "limit": max_bytes}
        for info in members:
            most = MAX_ELEMENTS.get(posixpath.basename(info.filename))
            if most is not None and info.filename.startswith("xl/"):
                count = _elements(book, info.filename, most)
                if count > most:
                    return {"member": info.filename, "count": count, "limit": most}
    return None


def _part_limit(name: str, max_bytes: int) -> int:
    if name.endswith("sharedStrings.xml"):
        return max_bytes // SHARED_STRINGS_SHARE
    if STREAMED.match(name) or not name.endswith((".xml", ".rels")):
        return max_bytes  # rows are streamed; media and binaries are not parsed
    return min(WHOLE_PART, max_bytes)


class _Enough(Exception):
    pass


def _elements(book: zipfile.ZipFile, name: str, most: int) -> int:
    """Elements in a part, counted by expat without building a tree (stops
    just past `most`; a part expat cannot parse counts as none: openpyxl
    refuses it later with its own message)."""
    count = 0

    def start(*_: object) -> None:
        nonlocal count
        count += 1
        if count > most:
            raise _Enough

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    try:
        with book.open(name) as part:
            parser.ParseFile(part)
    except _Enough:
        pass
    except expat.ExpatError:
        return 0
    return count


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
        deadline = self.table.deadline
        for seen, (event, elem) in enumerate(iterparse(sheet, events=("start", "end"))):
            if seen % 65536 == 0 and time.monotonic() > deadline:
                return  # the engine reports the time limit
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
