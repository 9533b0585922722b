"""The one format table: every spelling of a resource format → its code, EU
file type, IANA media type, and whether the validator reads it.

Data in ``schemas/codes/formats.csv``: one row per format; the code itself
(any case), its media type and the ``aliases`` column (``|``-separated) are
the spellings it is known by; ``machine_readable`` and ``non_proprietary``
are the format's standing in the metadata quality score. Everything that looks at a format goes through
here: the schema (``tokyo_format`` stores the code), the validation jobs
(which resources are checked), the quality figures and the DCAT profile
(``dct:format``, ``dcat:mediaType``). Imports without CKAN.
"""
from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from .codelists import EU_AUTHORITY
from .data_files import code_rows

FILE_TYPE_BASE = EU_AUTHORITY + "file-type/"


@dataclass(frozen=True)
class Format:
    code: str  # what the catalog stores: CSV, XLSX, GeoJSON…
    eu_file_type: str  # code in the EU file-type authority table, "" if none
    media_type: str  # IANA media type, "" if none
    validatable: bool  # the validator core reads it (tokyo-validate, the jobs)
    aliases: tuple[str, ...] = ()
    # data.europa.eu's Metadata Quality Assessment: read by programs as
    # structured data / an open, non-proprietary format (quality/mqa.py)
    machine_readable: bool = False
    non_proprietary: bool = False

    @property
    def file_type_uri(self) -> str | None:
        return FILE_TYPE_BASE + self.eu_file_type if self.eu_file_type else None


@functools.lru_cache(maxsize=1)
def formats() -> tuple[Format, ...]:
    return tuple(
        Format(
            code=row["code"], eu_file_type=row["eu_file_type"], media_type=row["media_type"],
            validatable=row["validatable"] == "yes",
            aliases=tuple(a for a in row["aliases"].split("|") if a),
            machine_readable=row["machine_readable"] == "yes", non_proprietary=row["non_proprietary"] == "yes",
        )
        for row in code_rows("formats.csv")
    )


@functools.lru_cache(maxsize=1)
def _by_spelling() -> dict[str, Format]:
    index: dict[str, Format] = {}
    for fmt in formats():
        for spelling in (fmt.code, fmt.media_type, *fmt.aliases):
            if spelling:
                index.setdefault(spelling.lower(), fmt)
    return index


@functools.lru_cache(maxsize=1024)
def normalise(value: str | None) -> str:
    """The format code of any spelling: 'csv', '.CSV', ' Csv ', 'text/csv',
    'ｃｓｖ' → 'CSV', 'Excel' → 'XLSX'. Unknown formats are upper-cased (ASCII,
    up to 8 characters) or kept as written; nothing → ''."""
    v = unicodedata.normalize("NFKC", value or "").strip().lstrip(".")
    if not v:
        return ""
    known = _by_spelling().get(v.lower())
    if known:
        return known.code
    return v.upper() if v.isascii() and len(v) <= 8 else v


@functools.lru_cache(maxsize=1)
def _by_code() -> dict[str, Format]:
    return {fmt.code: fmt for fmt in formats()}


@functools.lru_cache(maxsize=1)
def _by_file_type_uri() -> dict[str, Format]:
    return {fmt.file_type_uri: fmt for fmt in formats() if fmt.file_type_uri}


def lookup(value: str | None) -> Format | None:
    """The table's row for any spelling of a format, or None."""
    return _by_code().get(normalise(value))


def for_file_type(uri: str) -> Format | None:
    """The format of an EU file-type IRI, or None."""
    return _by_file_type_uri().get(uri)


def validatable() -> list[str]:
    """The codes of the formats the validator reads (CSV, TSV, XLSX)."""
    return [fmt.code for fmt in formats() if fmt.validatable]
