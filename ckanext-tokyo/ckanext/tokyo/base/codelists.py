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
    # current: seen on the catalog Tokyo publishes today; historic: the
    # name the catalog used in 2021-22 (schemas/README.md has the evidence).
    status: str = "historic"
    description: dict[str, str] | None = None  # {ja, en} when the catalog gives one

    @property
    def confirmed(self) -> bool:
        return self.status == "current"


@dataclass(frozen=True)
class Frequency(Code):
    spellings: tuple[str, ...] = ()


# ------------------------------------------------------------- categories

def _category(row: dict[str, str]) -> Category:
    description = {"ja": row["description_ja"], "en": row["description_en"]}
    return Category(
        code=row["code"], uri=row["code"], ja=row["ja"], en=row["en"],
        themes=tuple(THEME_BASE + t for t in row["eu_themes"].split()),
        status=row["status"], description=description if row["description_ja"] else None,
    )


@functools.lru_cache(maxsize=1)
def _category_rows() -> tuple[dict[str, str], ...]:
    return tuple(code_rows("tokyo_categories.csv"))


@functools.lru_cache(maxsize=1)
def categories() -> tuple[Category, ...]:
    """Tokyo's dataset categories (the catalog's groups c0NN) a dataset may
    have; codes the catalog replaced (``replaced_by``) are not among them."""
    return tuple(_category(row) for row in _category_rows() if not row["replaced_by"])


def category(code: str) -> Category | None:
    return {c.code: c for c in categories()}.get((code or "").strip().lower())


def category_for_group(name: str) -> Category | None:
    """The category of a catalog group name, following a replaced code to
    its successor (c008 観光 -> c023); None for any other group."""
    name = (name or "").strip().lower()
    for row in _category_rows():
        if row["code"] == name and row["replaced_by"]:
            name = row["replaced_by"]
    return category(name)


def themes_for_categories(codes: Iterable[str]) -> list[str]:
    """The EU data themes of some categories, in order, without repeats."""
    out: list[str] = []
    for code in codes:
        cat = category(code)
        for theme in cat.themes if cat else ():
            if theme not in out:
                out.append(theme)
    return out


# The one IRI scheme of the categories: each is a page of the catalog,
# <site>/group/<code> (a CKAN group, `ckan tokyo categories sync`), and
# <site>/group lists them (the concept scheme). The DCAT feed writes these
# IRIs and reads them back; nothing else builds them.
CATEGORY_PATH = "group"
CATEGORY_CODE = re.compile(r"^c\d{3}$")
_CATEGORY_IRI = re.compile(r"/" + CATEGORY_PATH + r"/(c\d{3})$")


def category_scheme_uri(site: str) -> str:
    return f"{site.rstrip('/')}/{CATEGORY_PATH}"


def category_uri(site: str, code: str) -> str:
    return f"{category_scheme_uri(site)}/{code}"


def category_of(iri: str) -> str | None:
    """The category code of a category IRI of any Tokyo catalog (a replaced
    code gives its successor); None for other IRIs."""
    m = _CATEGORY_IRI.search(iri or "")
    found = category_for_group(m.group(1)) if m else None
    return found.code if found else None


def category_differences(groups: Iterable[dict]) -> list[tuple[str, str, str, str]]:
    """How a catalog's group list (CKAN group_list with all_fields) differs
    from the code list: (code, what, theirs, ours) with what = "new" (a c0NN
    group the list does not have), "title" (another name) or "gone" (a
    current category the catalog does not have)."""
    theirs = {g["name"]: (g.get("title") or g.get("display_name") or "").strip()
              for g in groups if CATEGORY_CODE.match(g.get("name") or "")}
    ours = {c.code: c for c in categories()}
    out = []
    for code, title in sorted(theirs.items()):
        cat = ours.get(code)
        if cat is None:
            out.append((code, "new", title, ""))
        elif cat.ja != title:
            out.append((code, "title", title, cat.ja))
    out += [(c.code, "gone", "", c.ja) for c in ours.values() if c.confirmed and c.code not in theirs]
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
