"""The standard datasets: their Table Schemas, lookup, and detection from a header.

CKAN-free (stdlib; frictionless only when a Schema object is asked for). The
schemas are the JSON files in ``schemas/standard/`` of the repository, shipped
inside the package as ``ckanext.tokyo.schemas`` (see setup.py), one
Frictionless Table Schema per standard dataset; conventions in
docs/table-schemas.md.

Typical use::

    from ckanext.tokyo.base import standards
    found = standards.detect(header)          # Detection | None
    if found:
        schema = standards.load(found.schema_id)
        levels = standards.field_requirements(found.schema_id)
"""
from __future__ import annotations

import copy
import functools
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from . import data_files

if TYPE_CHECKING:
    import frictionless

__all__ = [
    "Detection",
    "SchemaInfo",
    "UnknownSchema",
    "canonical_header",
    "descriptor",
    "detect",
    "field_formats",
    "field_lookup",
    "field_requirements",
    "file_stems",
    "info",
    "load",
    "loose_header",
    "match_heading",
    "schema_ids",
]

FOLDER = "standard"

LAYOUT_CURRENT = "current"
LAYOUT_LEGACY = "legacy2020"

# Detection thresholds (see detect()).
MIN_MATCHED = 3          # at least this many headings must match
MIN_HEADER_SHARE = 0.5   # at least half of the file's headings must be known
MIN_SCHEMA_SHARE = 0.5   # at least half of the schema's items must be present ...
MIN_SCHEMA_SHARE_WITH_LAYOUT = 0.4  # ... or 40 % when the layout marker is there


class UnknownSchema(KeyError):
    """No standard schema has this id."""

    def __init__(self, schema_id: str, known: Iterable[str]):
        self.schema_id = schema_id
        self.known = list(known)
        super().__init__(schema_id)

    def __str__(self) -> str:  # KeyError would repr() the message
        return (f"unknown standard schema {self.schema_id!r}; known ids: "
                + ", ".join(self.known))


@dataclass(frozen=True)
class SchemaInfo:
    id: str
    title: str
    title_en: str
    dataset_number: str
    family: str
    layout: str
    edition: str
    completeness: str
    source: str
    reliability: str = ""
    family_en: str = ""


@dataclass(frozen=True)
class Detection:
    schema_id: str
    score: float
    reason: str
    reason_en: str
    mapping: Mapping[str, str] = field(default_factory=dict)
    # (heading, item) pairs matched although the heading is not a spelling the
    # definition accepts: a variant seen in files, a typing slip, an English name
    variants: tuple[tuple[str, str], ...] = ()
    # (schema id, mapping) of schemas the header is as close to
    alternatives: tuple[tuple[str, Mapping[str, str]], ...] = ()
    named: bool = False  # the file has the schema's standard file name


# ---------------------------------------------------------------- normalising

_SPACE = re.compile(r"\s+")


def canonical_header(name: str) -> str:
    """Normalise a heading for comparison.

    Drops BOMs, applies NFKC (全角 letters/digits/parentheses/underscore/space
    become their ASCII forms, so （） and () compare equal), and removes all
    whitespace including the 全角 space. Case is kept.
    """
    if name is None:
        return ""
    text = str(name).replace("\ufeff", "")
    text = unicodedata.normalize("NFKC", text)
    return _SPACE.sub("", text)


# ---------------------------------------------------------------- loading

@functools.cache
def _descriptors() -> dict[str, dict]:
    folder = data_files.folder(FOLDER)
    out: dict[str, dict] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        schema_id = entry.name[: -len(".json")]
        data = json.loads(entry.read_text(encoding="utf-8"))
        if data.get("name") != schema_id:
            raise ValueError(f"{entry.name}: name {data.get('name')!r} does not match the file name")
        out[schema_id] = data
    return out


@functools.cache
def _lookups() -> dict[str, dict[str, str]]:
    """schema id -> {canonical heading or alias -> field name}."""
    out: dict[str, dict[str, str]] = {}
    for schema_id, data in _descriptors().items():
        table: dict[str, str] = {}
        for f in data["fields"]:
            table.setdefault(canonical_header(f["name"]), f["name"])
        for f in data["fields"]:
            for alias in f.get("x-aliases", []):
                table.setdefault(canonical_header(alias), f["name"])
        out[schema_id] = table
    return out


def clear_cache() -> None:
    """Forget the loaded files (tests, or after replacing schema files)."""
    for cached in (_descriptors, _lookups, _matchers, _spread, _distinctive):
        cached.cache_clear()


def schema_ids() -> list[str]:
    return list(_descriptors())


def _get(schema_id: str) -> dict:
    try:
        return _descriptors()[schema_id]
    except KeyError:
        raise UnknownSchema(schema_id, schema_ids()) from None


def descriptor(schema_id: str) -> dict:
    """A copy of the schema's JSON descriptor."""
    return copy.deepcopy(_get(schema_id))


def load(schema_id: str) -> frictionless.Schema:
    """A fresh frictionless Schema (custom x-… keys are kept in ``.custom``)."""
    import frictionless  # here: the other users of this module need only the JSON

    return frictionless.Schema.from_descriptor(descriptor(schema_id))


def info(schema_id: str) -> SchemaInfo:
    data = _get(schema_id)
    x = data.get("x-tokyo", {})
    return SchemaInfo(
        id=schema_id,
        title=data.get("title", ""),
        title_en=x.get("title_en", ""),
        dataset_number=x.get("dataset_number", ""),
        family=x.get("family", ""),
        layout=x.get("layout", ""),
        edition=x.get("edition", ""),
        completeness=x.get("completeness", ""),
        source=x.get("source", ""),
        reliability=x.get("reliability", ""),
        family_en=x.get("family_en", ""),
    )


def field_requirements(schema_id: str) -> dict[str, str]:
    """field name -> "required" | "recommended" | "optional", in field order."""
    return {f["name"]: f.get("x-requirement", "optional") for f in _get(schema_id)["fields"]}


def field_formats(schema_id: str) -> dict[str, str]:
    """field name -> x-format, for the fields that have one."""
    return {f["name"]: f["x-format"] for f in _get(schema_id)["fields"] if f.get("x-format")}


def field_lookup(schema_id: str) -> dict[str, str]:
    """canonical heading (field name or alias) -> field name."""
    _get(schema_id)
    return dict(_lookups()[schema_id])


# ---------------------------------------------------------------- matching headings

_DASHES = re.compile(r"[\u2010-\u2015\u2212\u30fc\uff0d\uff70-]")
_LOOSE_DROP = re.compile(r"[、,・･_()「」\[\]]")


def loose_header(name: str) -> str:
    """A heading with typing slips folded: canonical_header, then every dash-like
    character (―, －, ー, ｰ, -) alike, separators and brackets dropped, case folded."""
    return _LOOSE_DROP.sub("", _DASHES.sub("-", canonical_header(name))).casefold()


def _one_edit_apart(a: str, b: str) -> bool:
    """True when b is a with one character replaced, added or removed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


@dataclass(frozen=True)
class _Lookup:
    exact: dict[str, str]  # canonical name or alias -> field: an accepted spelling
    variant: dict[str, str]  # canonical x-variant -> field: mapped, reported
    loose: dict[str, str]  # loose form -> field (None when two fields share it)
    english: dict[str, str]  # casefolded English item name -> field


@functools.cache
def _matchers() -> dict[str, _Lookup]:
    out: dict[str, _Lookup] = {}
    for schema_id, data in _descriptors().items():
        variant: dict[str, str] = {}
        loose: dict[str, Any] = {}
        english: dict[str, str] = {}
        for f in data["fields"]:
            for heading in f.get("x-variants", []):
                variant.setdefault(canonical_header(heading), f["name"])
            for heading in [f["name"], *f.get("x-aliases", []), *f.get("x-variants", [])]:
                key = loose_header(heading)
                loose[key] = f["name"] if loose.get(key, f["name"]) == f["name"] else None
            if f.get("title_en"):
                english.setdefault(f["title_en"].casefold(), f["name"])
        out[schema_id] = _Lookup(_lookups()[schema_id], variant, loose, english)
    return out


def match_heading(schema_id: str, heading: str) -> tuple[str | None, str]:
    """(field, how) for a heading: how is "exact" (the item name or an accepted
    spelling), "variant" (a spelling seen in files but not the definition's),
    "typo" (one slip away: a dash, a separator, one character) or "english"
    (the item's English name); (None, "") when nothing fits."""
    lookup = _matchers()[schema_id]
    canon = canonical_header(heading)
    if not canon:
        return None, ""
    if canon in lookup.exact:
        return lookup.exact[canon], "exact"
    if canon in lookup.variant:
        return lookup.variant[canon], "variant"
    loose = loose_header(heading)
    if lookup.loose.get(loose):
        return lookup.loose[loose], "typo"
    if canon.isascii() and canon.casefold() in lookup.english:
        return lookup.english[canon.casefold()], "english"
    if len(loose) >= 4:
        near = {name for key, name in lookup.loose.items() if name and _one_edit_apart(loose, key)}
        if len(near) == 1:
            return near.pop(), "typo"
    return None, ""


# ---------------------------------------------------------------- detection

_LEGACY_MARKER = canonical_header("都道府県コード又は市区町村コード")
_CURRENT_MARKERS = {canonical_header("全国地方公共団体コード"), canonical_header("自治体コード")}
_CURRENT_PREFIX = [canonical_header(h) for h in ("全国地方公共団体コード", "ID", "地方公共団体名")]
_LEGACY_PREFIX = [canonical_header(h) for h in ("都道府県コード又は市区町村コード", "NO")]
_STEM_SPLIT = re.compile(r"[^a-z]+")

# An item in at most this many schemas of a layout tells the dataset apart
# (設置位置, 診療科目); the shared head, location block and contact items do not.
DISTINCTIVE_MAX_SCHEMAS = 3
# Two candidates whose scores differ by less than this are too close to tell apart.
CLOSE_SCORE = 0.05


def _layout(canon: list[str]) -> tuple[str | None, str, str]:
    """(layout, reason_ja, reason_en) from the file's canonical headings."""
    loose = [_DASHES.sub("-", c) for c in canon]
    present = set(loose)
    legacy = _DASHES.sub("-", _LEGACY_MARKER)
    if legacy in present:
        if loose[:2] == [_DASHES.sub("-", c) for c in _LEGACY_PREFIX]:
            return (LAYOUT_LEGACY, "先頭が「都道府県コード又は市区町村コード,NO」の2020年推奨データセットのレイアウト",
                    "the header starts 都道府県コード又は市区町村コード,NO (2020 recommended-dataset layout)")
        return (LAYOUT_LEGACY, "「都道府県コード又は市区町村コード」列があり2020年推奨データセットのレイアウト",
                "it has a 都道府県コード又は市区町村コード column (2020 recommended-dataset layout)")
    if present & {_DASHES.sub("-", c) for c in _CURRENT_MARKERS}:
        if loose[:3] == [_DASHES.sub("-", c) for c in _CURRENT_PREFIX]:
            return (LAYOUT_CURRENT, "先頭が「全国地方公共団体コード,ID,地方公共団体名」の現行レイアウト",
                    "the header starts 全国地方公共団体コード,ID,地方公共団体名 (current layout)")
        return (LAYOUT_CURRENT, "「全国地方公共団体コード」列があり現行レイアウト",
                "it has a 全国地方公共団体コード column (current layout)")
    return None, "", ""


def _edition(edition: str) -> tuple[str, str]:
    if not edition or edition == "unverified":
        return "版未確認", "edition unverified"
    return f"{edition}版", f"edition {edition}"


@functools.cache
def _spread() -> dict[str, Counter[str]]:
    """layout -> item name -> in how many schemas of the layout it is."""
    by_layout: dict[str, Counter[str]] = {}
    for data in _descriptors().values():
        layout = data.get("x-tokyo", {}).get("layout", "")
        by_layout.setdefault(layout, Counter()).update({f["name"] for f in data["fields"]})
    return by_layout


def _weights(schema_id: str) -> dict[str, float]:
    """item -> 1 / (schemas of the layout that have it): what a match tells apart."""
    data = _get(schema_id)
    spread = _spread()[data.get("x-tokyo", {}).get("layout", "")]
    return {f["name"]: 1 / spread[f["name"]] for f in data["fields"]}


@functools.cache
def _distinctive() -> dict[str, frozenset[str]]:
    """schema id -> its items found in few schemas of its layout."""
    return {schema_id: frozenset(name for name, weight in _weights(schema_id).items()
                                 if weight >= 1 / DISTINCTIVE_MAX_SCHEMAS)
            for schema_id in _descriptors()}


def file_stems(schema_id: str) -> list[str]:
    """The stems of the standard file name (<code>_<stem>.csv) of a schema."""
    x = _get(schema_id).get("x-tokyo", {})
    return [s for s in [x.get("file_stem", ""), *x.get("file_stem_aliases", [])] if s]


def _named_in(schema_id: str, name: str) -> bool:
    """Does a file name (122033_public_facility.csv, …_aed_2024.csv) carry the schema's stem?"""
    base = name.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    tokens = "_" + "_".join(t for t in _STEM_SPLIT.split(base) if t) + "_"
    return any(f"_{stem}_" in tokens for stem in file_stems(schema_id))


@dataclass(frozen=True)
class _Candidate:
    schema_id: str
    mapping: dict[str, str]
    how: dict[str, str]  # heading -> how it matched (match_heading)
    schema_share: float  # of the schema's items, present
    header_share: float  # of the file's headings, known to the schema
    distinctive: int  # items matched that few schemas have
    named: bool  # the file has the schema's standard file name
    weighted_share: float = 0.0  # schema_share with each item weighted by how much it tells apart
    standard_share: float = 0.0  # of the file's headings that are some schema's item, known to this one

    @property
    def score(self) -> float:
        """Harmonic mean of the weighted share of the schema present and the
        share of the file's standard headings it knows: local extra columns
        neither help nor hurt, and items every facility list has count little."""
        a, b = self.weighted_share, self.standard_share
        return 2 * a * b / (a + b) if a + b else 0.0


def _candidate(schema_id: str, header: list[str], name: str, columns: int, standard: int = 0) -> _Candidate | None:
    mapping: dict[str, str] = {}
    how: dict[str, str] = {}
    for raw in header:
        if raw in mapping:
            continue
        field_name, kind = match_heading(schema_id, raw)
        if field_name is None or field_name in mapping.values():
            continue
        mapping[raw], how[raw] = field_name, kind
    if not mapping:
        return None
    n_fields = len(_get(schema_id)["fields"])
    weights = _weights(schema_id)
    weighted = sum(weights[f] for f in mapping.values()) / sum(weights.values())
    return _Candidate(schema_id, mapping, how, len(mapping) / n_fields, len(mapping) / columns,
                      len(set(mapping.values()) & _distinctive()[schema_id]),
                      bool(name) and _named_in(schema_id, name), weighted,
                      len(mapping) / max(standard, len(mapping)))


def _eligible(c: _Candidate, layout: str | None) -> bool:
    """Enough evidence to name the schema: a few headings, one of them telling
    the dataset apart (or the standard file name), most of the file known or
    most of the schema present."""
    if len(c.mapping) < MIN_MATCHED:
        return False
    if not (c.distinctive or c.named or not _distinctive()[c.schema_id]):
        return False
    if c.named:  # the publisher names the dataset: most of the file, or a good part of the list, agrees
        return c.header_share >= MIN_HEADER_SHARE or (c.schema_share >= 0.25 and c.header_share >= 0.3)
    min_schema = MIN_SCHEMA_SHARE_WITH_LAYOUT if layout else MIN_SCHEMA_SHARE
    if c.schema_share < min_schema:
        return False
    return c.header_share >= MIN_HEADER_SHARE or (layout is not None and c.schema_share >= 0.6)


def detect(header: list[str], candidates: Iterable[str] | None = None, name: str = "") -> Detection | None:
    """Which standard schema a file with this header follows, or None.

    The layout (2020 推奨データセット vs current 自治体標準オープンデータセット)
    is read from its marker column; only schemas of that layout are then
    considered. Headings match an item by its name or accepted spellings
    (x-aliases), by a spelling seen in files (x-variants), or past a typing
    slip (a dash, a separator, one character; see match_heading). A schema
    is named when at least MIN_MATCHED headings match, one of them an item
    that tells the dataset apart (or the file has the standard file name,
    `<code>_<stem>.csv`), and enough of the file is known (half its
    headings) or of the schema present (half its items; 40 % with the
    layout marker). Candidates are ranked by the standard file name, then
    the harmonic mean of (schema items present) and (file headings known).
    A runner-up scoring within CLOSE_SCORE, or one that has every item the
    file matched, is returned in `alternatives`: the file could be either.
    """
    header = [("" if h is None else str(h)) for h in (header or [])]
    canon = [canonical_header(h) for h in header]
    columns = sum(1 for c in canon if c)
    if not columns:
        return None
    layout, layout_ja, layout_en = _layout(canon)
    ids = [schema_id for schema_id in (list(candidates) if candidates is not None else schema_ids())
           if not layout or _get(schema_id).get("x-tokyo", {}).get("layout") == layout]
    # Headings that are an item of some schema (the rest are local extras).
    standard = sum(1 for raw in header if canonical_header(raw)
                   and any(match_heading(schema_id, raw)[0] for schema_id in ids))
    found = []
    for schema_id in ids:
        c = _candidate(schema_id, header, name, columns, standard)
        if c is not None and _eligible(c, layout):
            found.append(c)
    if not found:
        return None
    complete = {c.schema_id: _get(c.schema_id).get("x-tokyo", {}).get("completeness") == "complete"
                for c in found}
    found.sort(key=lambda c: (c.named, round(c.score, 6), len(c.mapping), complete[c.schema_id], c.schema_id),
               reverse=True)
    best = found[0]
    close = [c for c in found[1:] if not best.named and info(c.schema_id).title != info(best.schema_id).title
             and (best.score - c.score < CLOSE_SCORE or _indistinct(best, c))]
    return _detection(best, close, header, layout_ja, layout_en)


def _indistinct(best: _Candidate, other: _Candidate) -> bool:
    """Nothing in the file tells best from other: every item it matched is one of other's too."""
    return set(best.mapping.values()) <= {f["name"] for f in _get(other.schema_id)["fields"]}


def _detection(best: _Candidate, close: list[_Candidate], header: list[str],
               layout_ja: str, layout_en: str) -> Detection:
    meta = info(best.schema_id)
    ed_ja, ed_en = _edition(meta.edition)
    n_cols = sum(1 for h in header if canonical_header(h))
    matched, n_fields = len(best.mapping), len(_get(best.schema_id)["fields"])
    ja = [f"見出し{n_cols}列中{matched}列が「{meta.title}」({meta.dataset_number}, {ed_ja})と一致"
          f"（定義{n_fields}項目中{matched}項目）"]
    en = [f"{matched} of {n_cols} headings match 「{meta.title}」 {meta.title_en} "
          f"({meta.dataset_number}, {ed_en}); {matched} of {n_fields} schema items present"]
    if best.named:
        ja.append(f"ファイル名が標準のファイル名（…_{file_stems(best.schema_id)[0]}）")
        en.append(f"the file has the standard file name (…_{file_stems(best.schema_id)[0]})")
    if layout_ja:
        ja.append(layout_ja)
        en.append(layout_en)
    mapped = [(raw, field_name) for raw, field_name in best.mapping.items()
              if canonical_header(raw) != canonical_header(field_name)]
    if mapped:
        pairs = "、".join(f"{a}→{b}" for a, b in mapped[:5])
        ja.append(f"表記ゆれを対応付け: {pairs}")
        en.append("heading variants mapped: " + ", ".join(f"{a} → {b}" for a, b in mapped[:5]))
    if meta.completeness != "complete":
        ja.append("この定義は部分的なもの（未掲載の列は不明扱いにしない）")
        en.append("this definition is partial (other columns are not treated as unknown)")
    if close:
        titles = "、".join(f"「{info(c.schema_id).title}」" for c in close)
        ja.append(f"{titles}とも見出しが近いため、両方に共通するルールだけを適用")
        en.append("the header is as close to " + ", ".join(info(c.schema_id).title_en for c in close)
                  + ", so only the rules both share are applied")
    return Detection(
        schema_id=best.schema_id,
        score=round(best.score, 4),
        reason="。".join(ja) + "。",
        reason_en="; ".join(en) + ".",
        mapping=best.mapping,
        variants=tuple((raw, best.mapping[raw]) for raw, kind in best.how.items() if kind != "exact"),
        alternatives=tuple((c.schema_id, c.mapping) for c in close),
        named=best.named,
    )
