"""Tokyo's metadata code lists: categories, EU data themes, 更新頻度, languages,
access rights and encodings (formats: ``formats``).

The one place these lists live (data in ``schemas/codes/``). The scheming
choices (``tokyo_schema``), the importer and the DCAT profile all read them
here. Imports without CKAN (stdlib only). See docs/metadata-fields.md.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from .data_files import code_rows

EU_AUTHORITY = "http://publications.europa.eu/resource/authority/"
FREQUENCY_BASE = EU_AUTHORITY + "frequency/"
THEME_BASE = EU_AUTHORITY + "data-theme/"
LANGUAGE_BASE = EU_AUTHORITY + "language/"
ACCESS_RIGHT_BASE = EU_AUTHORITY + "access-right/"

DEFAULT_LANGUAGE = LANGUAGE_BASE + "JPN"
DEFAULT_ACCESS_RIGHTS = ACCESS_RIGHT_BASE + "PUBLIC"


@dataclass(frozen=True)
class Code:
    """A coded value with its URI (or code) and Japanese/English labels."""

    code: str
    uri: str
    ja: str
    en: str

    @property
    def label(self) -> dict[str, str]:
        return {"ja": self.ja, "en": self.en}


@dataclass(frozen=True)
class Category(Code):
    themes: tuple[str, ...] = ()  # EU data-theme URIs
    confirmed: bool = False


@dataclass(frozen=True)
class Frequency(Code):
    spellings: tuple[str, ...] = ()


# ------------------------------------------------------------- categories

@functools.lru_cache(maxsize=1)
def categories() -> tuple[Category, ...]:
    """Tokyo's dataset categories (the catalog's groups c0NN)."""
    return tuple(
        Category(
            code=row["code"], uri=row["code"], ja=row["ja"], en=row["en"],
            themes=tuple(THEME_BASE + t for t in row["eu_themes"].split()),
            confirmed=row["confirmed"] == "yes",
        )
        for row in code_rows("tokyo_categories.csv")
    )


def category(code: str) -> Category | None:
    return {c.code: c for c in categories()}.get((code or "").strip().lower())


def themes_for_categories(codes: Iterable[str]) -> list[str]:
    """The EU data themes of some categories, in order, without repeats."""
    out: list[str] = []
    for code in codes:
        cat = category(code)
        for theme in cat.themes if cat else ():
            if theme not in out:
                out.append(theme)
    return out


# ------------------------------------------------------------- EU data themes

@functools.lru_cache(maxsize=1)
def themes() -> tuple[Code, ...]:
    """The EU data themes (authority table data-theme): English labels from
    the table, Japanese translations ours."""
    return tuple(
        Code(code=r["code"], uri=THEME_BASE + r["code"], ja=r["ja"], en=r["en"])
        for r in code_rows("eu_themes.csv")
    )


def theme(value: str) -> Code | None:
    """Look up by EU URI or bare code (``SOCI``)."""
    return lookup(themes(), (value or "").strip())


def theme_labels(iri: str) -> dict[str, str] | None:
    """{ja, en} of an EU data-theme URI; None for anything else."""
    found = theme(iri) if (iri or "").startswith(THEME_BASE) else None
    return found.label if found else None


# ------------------------------------------------------------- 更新頻度

@functools.lru_cache(maxsize=1)
def frequencies() -> tuple[Frequency, ...]:
    """The controlled 更新頻度 list, each mapped to the EU frequency vocabulary."""
    return tuple(
        Frequency(
            code=row["code"], uri=FREQUENCY_BASE + row["code"], ja=row["ja"], en=row["en"],
            spellings=tuple(s for s in row["spellings"].split("|") if s),
        )
        for row in code_rows("frequencies.csv")
    )


def frequency(value: str) -> Frequency | None:
    """Look up by EU URI or bare code (``ANNUAL``)."""
    value = (value or "").strip()
    for f in frequencies():
        if value in (f.uri, f.code):
            return f
    return None


_PARENS = re.compile(r"[(\[【〔][^)\]】〕]*[)\]】〕]")
_KAGETSU = re.compile(r"(\d)[ヶケヵカ箇]月")
_TRAILING = ("程度", "頃", "予定", "。", "更新", "ごろ")


def normalise_spelling(text: str) -> str:
    """Fold the variants of a free-text 更新頻度 onto one spelling."""
    s = unicodedata.normalize("NFKC", text or "").lower()
    s = _PARENS.sub("", s)
    s = re.sub(r"\s+", "", s)
    s = _KAGETSU.sub(r"\1か月", s)
    s = s.replace("ごとに", "毎").replace("毎に", "毎").replace("ごと", "毎")
    changed = True
    while changed and s:
        changed = False
        for tail in _TRAILING:
            if s.endswith(tail) and len(s) > len(tail):
                s = s[: -len(tail)]
                changed = True
    return s


@functools.lru_cache(maxsize=1)
def _spelling_index() -> dict[str, Frequency]:
    index: dict[str, Frequency] = {}
    for f in frequencies():
        for spelling in (f.ja, f.code, *f.spellings):
            index.setdefault(normalise_spelling(spelling), f)
    return index


def frequency_for_spelling(text: str) -> Frequency | None:
    """Map a free-text 更新頻度 (``年1回``, ``１年ごと``, ``随時更新``…) to the
    controlled list; None when it is not known (report it)."""
    if not (text or "").strip():
        return None
    return frequency(text.strip()) or _spelling_index().get(normalise_spelling(text))


# ------------------------------------------------------------- languages etc.

@functools.lru_cache(maxsize=1)
def languages() -> tuple[Code, ...]:
    return tuple(
        Code(code=r["code"], uri=LANGUAGE_BASE + r["code"], ja=r["ja"], en=r["en"])
        for r in code_rows("languages.csv")
    )


@functools.lru_cache(maxsize=1)
def _language_tags() -> dict[str, str]:
    return {LANGUAGE_BASE + r["code"]: r["tag"] for r in code_rows("languages.csv")}


def language_tag(uri: str) -> str | None:
    """The BCP 47 tag (``ja``) of an EU language URI, as standard-dataset files write it."""
    return _language_tags().get((uri or "").strip())


ACCESS_RIGHTS = (
    Code("PUBLIC", ACCESS_RIGHT_BASE + "PUBLIC", "公開", "Public"),
    Code("RESTRICTED", ACCESS_RIGHT_BASE + "RESTRICTED", "制限付き", "Restricted"),
    Code("NON_PUBLIC", ACCESS_RIGHT_BASE + "NON_PUBLIC", "非公開", "Non-public"),
)

ENCODINGS = (
    Code("UTF-8", "UTF-8", "UTF-8（BOMなし）", "UTF-8 (no BOM)"),
    Code("UTF-8-BOM", "UTF-8-BOM", "UTF-8（BOM付き）", "UTF-8 with BOM"),
    Code("Shift_JIS", "Shift_JIS", "Shift_JIS（CP932）", "Shift_JIS (CP932)"),
    Code("UTF-16LE", "UTF-16LE", "UTF-16LE", "UTF-16LE"),
    Code("EUC-JP", "EUC-JP", "EUC-JP", "EUC-JP"),
)


def access_rights() -> tuple[Code, ...]:
    return ACCESS_RIGHTS


def encodings() -> tuple[Code, ...]:
    return ENCODINGS


def lookup(codes: Iterable[Code], value: str) -> Code | None:
    for c in codes:
        if value in (c.uri, c.code):
            return c
    return None


# ------------------------------------------------------------- choices

def choices(codes: Iterable[Code]) -> list[dict]:
    """Scheming-style choices: value = URI (or code), label = {ja, en}."""
    return [{"value": c.uri, "label": c.label} for c in codes]
