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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Mapping

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
    "info",
    "load",
    "schema_ids",
]

FOLDER = "standard"

LAYOUT_CURRENT = "current"
LAYOUT_LEGACY = "legacy2020"

# Detection thresholds (see detect()).
MIN_MATCHED = 3          # at least this many headings must match
MIN_HEADER_SHARE = 0.5   # at least half of the file's headings must be known
MIN_SCHEMA_SHARE = 0.5   # at least half of the schema's items must be present ...
MIN_SCHEMA_SHARE_WITH_LAYOUT = 0.3  # ... or 30 % when the layout marker is there


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
    _descriptors.cache_clear()
    _lookups.cache_clear()


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


# ---------------------------------------------------------------- detection

_LEGACY_MARKER = canonical_header("都道府県コード又は市区町村コード")
_CURRENT_MARKERS = {canonical_header("全国地方公共団体コード"), canonical_header("自治体コード")}
_CURRENT_PREFIX = [canonical_header(h) for h in ("全国地方公共団体コード", "ID", "地方公共団体名")]
_LEGACY_PREFIX = [canonical_header(h) for h in ("都道府県コード又は市区町村コード", "NO")]


def _layout(canon: list[str]) -> tuple[str | None, str, str]:
    """(layout, reason_ja, reason_en) from the file's canonical headings."""
    present = set(canon)
    if _LEGACY_MARKER in present:
        if canon[:2] == _LEGACY_PREFIX:
            return (LAYOUT_LEGACY, "先頭が「都道府県コード又は市区町村コード,NO」の2020年推奨データセットのレイアウト",
                    "the header starts 都道府県コード又は市区町村コード,NO (2020 recommended-dataset layout)")
        return (LAYOUT_LEGACY, "「都道府県コード又は市区町村コード」列があり2020年推奨データセットのレイアウト",
                "it has a 都道府県コード又は市区町村コード column (2020 recommended-dataset layout)")
    if present & _CURRENT_MARKERS:
        if canon[:3] == _CURRENT_PREFIX:
            return (LAYOUT_CURRENT, "先頭が「全国地方公共団体コード,ID,地方公共団体名」の現行レイアウト",
                    "the header starts 全国地方公共団体コード,ID,地方公共団体名 (current layout)")
        return (LAYOUT_CURRENT, "「全国地方公共団体コード」列があり現行レイアウト",
                "it has a 全国地方公共団体コード column (current layout)")
    return None, "", ""


def _edition(edition: str) -> tuple[str, str]:
    if not edition or edition == "unverified":
        return "版未確認", "edition unverified"
    return f"{edition}版", f"edition {edition}"


def _match(schema_id: str, header: list[str], canon: list[str]) -> tuple[dict[str, str], list[tuple[str, str]]]:
    table = _lookups()[schema_id]
    used: set[str] = set()
    mapping: dict[str, str] = {}
    via_alias: list[tuple[str, str]] = []
    for raw, c in zip(header, canon):
        if not c or raw in mapping:
            continue
        name = table.get(c)
        if name is None or name in used:
            continue
        used.add(name)
        mapping[raw] = name
        if c != canonical_header(name):
            via_alias.append((raw, name))
    return mapping, via_alias


def detect(header: list[str], candidates: Iterable[str] | None = None) -> Detection | None:
    """Which standard schema a file with this header follows, or None.

    The layout (2020 推奨データセット vs current 自治体標準オープンデータセット)
    is read from its marker column; only schemas of that layout are then
    considered. Each candidate is scored by the harmonic mean of
    (schema items present) and (file headings known), headings compared with
    canonical_header() and matched by name or x-aliases. The best one is
    returned if at least MIN_MATCHED headings match, at least half of the
    file's headings are known and at least half of the schema's items are
    present (30 % when the layout marker is there).
    """
    header = [("" if h is None else str(h)) for h in (header or [])]
    canon = [canonical_header(h) for h in header]
    columns = [c for c in canon if c]
    if not columns:
        return None
    layout, layout_ja, layout_en = _layout(canon)

    ids = list(candidates) if candidates is not None else schema_ids()
    best = None
    for schema_id in ids:
        data = _get(schema_id)
        x = data.get("x-tokyo", {})
        if layout and x.get("layout") != layout:
            continue
        mapping, via_alias = _match(schema_id, header, canon)
        matched = len(mapping)
        if matched == 0:
            continue
        n_fields = len(data["fields"])
        schema_share = matched / n_fields
        header_share = matched / len(columns)
        score = 2 * schema_share * header_share / (schema_share + header_share)
        key = (round(score, 6), matched, x.get("completeness") == "complete", schema_id)
        if best is None or key > best[0]:
            best = (key, schema_id, mapping, via_alias, schema_share, header_share, n_fields)
    if best is None:
        return None
    (score, matched, _complete, _), schema_id, mapping, via_alias, schema_share, header_share, n_fields = best
    min_schema = MIN_SCHEMA_SHARE_WITH_LAYOUT if layout else MIN_SCHEMA_SHARE
    if matched < MIN_MATCHED or header_share < MIN_HEADER_SHARE or schema_share < min_schema:
        return None

    meta = info(schema_id)
    ed_ja, ed_en = _edition(meta.edition)
    n_cols = len(columns)
    ja = [f"見出し{n_cols}列中{matched}列が「{meta.title}」({meta.dataset_number}, {ed_ja})と一致"
          f"（定義{n_fields}項目中{matched}項目）"]
    en = [f"{matched} of {n_cols} headings match 「{meta.title}」 {meta.title_en} "
          f"({meta.dataset_number}, {ed_en}); {matched} of {n_fields} schema items present"]
    if layout:
        ja.append(layout_ja)
        en.append(layout_en)
    if via_alias:
        pairs = "、".join(f"{a}→{b}" for a, b in via_alias[:5])
        ja.append(f"表記ゆれを対応付け: {pairs}")
        en.append("heading variants mapped: " + ", ".join(f"{a} → {b}" for a, b in via_alias[:5]))
    if meta.completeness != "complete":
        ja.append("この定義は部分的なもの（未掲載の列は不明扱いにしない）")
        en.append("this definition is partial (other columns are not treated as unknown)")
    return Detection(
        schema_id=schema_id,
        score=round(score, 4),
        reason="。".join(ja) + "。",
        reason_en="; ".join(en) + ".",
        mapping=mapping,
    )
