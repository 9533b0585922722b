"""Fixed copies of validated files (tokyo-validate --fix in the catalog).

The worker makes the copy right after validating a file that has findings the
fixer removes, while the file is at hand; copies are kept per file
fingerprint (the report's stats.sha256), so the same bytes are fixed once
whichever resource holds them. Next to each copy is its change log (JSON).
When an editor replaces a resource by its fixed copy, the original bytes are
kept here too (nothing is lost) and the resource names them in
``tokyo_original_sha256`` / ``tokyo_original_name``.

Folder: ``ckanext.tokyo.validation.fixed_dir`` (default
``<ckan.storage_path>/tokyo_validation``); several workers must share it.
"""
from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
from typing import Any, Optional

import ckan.plugins.toolkit as tk

from ckanext.tokyo.validation.fix import FIXED_CODES, FixError, fix_file

from . import settings

log = logging.getLogger(__name__)

SHA256 = re.compile(r"^[0-9a-f]{64}$")
ORIGINAL_SHA = "tokyo_original_sha256"  # resource fields naming the kept original
ORIGINAL_NAME = "tokyo_original_name"
CHANGES_SHOWN = 200  # change-log lines kept for the page (all are counted)


def folder(kind: str) -> str:
    base = settings.get("fixed_dir") or os.path.join(tk.config.get("ckan.storage_path") or "", "tokyo_validation")
    path = os.path.join(base, kind)
    os.makedirs(path, exist_ok=True)
    return path


def _path(kind: str, sha256: str, suffix: str = "") -> str:
    if not SHA256.match(sha256 or ""):
        raise ValueError("not a SHA-256 fingerprint")
    return os.path.join(folder(kind), sha256 + suffix)


def fixable(report: Optional[dict[str, Any]]) -> bool:
    """Does the report have findings the fixer removes (where it can)?"""
    by_code = ((report or {}).get("stats") or {}).get("by_code") or {}
    return bool(FIXED_CODES & set(by_code))


def fingerprint(report: Optional[dict[str, Any]]) -> Optional[str]:
    sha = ((report or {}).get("stats") or {}).get("sha256")
    return sha if sha and SHA256.match(sha) else None


def make(path: str, report: dict[str, Any], name: str, schema: Optional[str]) -> Optional[dict[str, Any]]:
    """The fixed copy of the file at path (made now unless kept already); None if it cannot be fixed."""
    sha = fingerprint(report)
    if sha is None or not fixable(report):
        return None
    kept = load(sha)
    if kept is not None:
        return kept
    target = _path("fixed", sha, ".csv")
    with tempfile.TemporaryDirectory(dir=folder("fixed")) as work:
        out = os.path.join(work, "fixed.csv")
        try:
            result = fix_file(path, out, schema=schema or "auto", name=name)
        except FixError as error:
            log.info("no fixed copy of %s: %s", sha, error.message_en)
            return None
        notes = ""
        if result.notes:
            with open(result.notes, encoding="utf-8") as sidecar:
                notes = sidecar.read()
        log_entry = {"sha256": sha, "changes_total": len(result.changes), "data_rows": result.data_rows,
                     "source_format": result.source_format, "encoding": result.encoding, "notes": notes,
                     "notices": [{"message": ja, "message_en": en} for ja, en in result.notices],
                     "changes": [c.to_dict() for c in result.changes[:CHANGES_SHOWN]]}
        os.replace(out, target)
        with open(_path("fixed", sha, ".json.part"), "w", encoding="utf-8") as stream:
            json.dump(log_entry, stream, ensure_ascii=False)
        os.replace(_path("fixed", sha, ".json.part"), _path("fixed", sha, ".json"))  # the log last: it says "ready"
    return log_entry


def load(sha256: Optional[str]) -> Optional[dict[str, Any]]:
    """The change log of a kept fixed copy, or None."""
    if not sha256 or not SHA256.match(sha256):
        return None
    try:
        with open(_path("fixed", sha256, ".json"), encoding="utf-8") as stream:
            return json.load(stream)
    except FileNotFoundError:
        return None


def fixed_path(sha256: str) -> str:
    return _path("fixed", sha256, ".csv")


def keep_original(sha256: str, path: str) -> None:
    target = _path("originals", sha256)
    if not os.path.exists(target):
        shutil.copyfile(path, target + ".part")
        os.replace(target + ".part", target)


def original_path(sha256: Optional[str]) -> Optional[str]:
    if not sha256 or not SHA256.match(sha256):
        return None
    path = _path("originals", sha256)
    return path if os.path.isfile(path) else None


def fixed_name(name: str) -> str:
    """The fixed copy's file name: the original's stem, as CSV."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return (stem or "data") + ".csv"
