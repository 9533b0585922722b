"""Template helpers of tokyo_schema: the scheming ``choices_helper``s (all
from ``codelists`` / ``identifiers`` / the standard-schema registry) and
labels for stored values."""
from __future__ import annotations

from ckanext.tokyo import codelists, identifiers


def _choices(codes, with_code: bool = False) -> list[dict]:
    if not with_code:
        return codelists.choices(codes)
    return [{"value": c.uri, "label": {"ja": f"{c.code} {c.ja}", "en": f"{c.code} {c.en}"}} for c in codes]


def tokyo_category_choices(field=None) -> list[dict]:
    return _choices(codelists.categories(), with_code=True)


def tokyo_frequency_choices(field=None) -> list[dict]:
    return _choices(codelists.frequencies())


def tokyo_language_choices(field=None) -> list[dict]:
    return _choices(codelists.languages())


def tokyo_access_rights_choices(field=None) -> list[dict]:
    return _choices(codelists.access_rights())


def tokyo_encoding_choices(field=None) -> list[dict]:
    return _choices(codelists.encodings())


def tokyo_conforms_to_choices(field=None) -> list[dict]:
    from ckanext.tokyo.validation import registry

    out = []
    for schema_id in registry.schema_ids():
        info = registry.info(schema_id)
        out.append({"value": schema_id, "label": {
            "ja": f"{info.title}（{info.family} {info.dataset_number}）",
            "en": f"{info.title_en} ({schema_id})",
        }})
    return out


def tokyo_spatial_choices(field=None) -> list[dict]:
    """東京都 and its 62 区市町村, by 全国地方公共団体コード; value = e-Stat SAC URI."""
    return [
        {"value": lg.sac_uri, "label": f"{lg.name}（{lg.code}）"}
        for lg in identifiers.tokyo_local_governments()
    ]


def tokyo_local_government_choices(field=None) -> list[dict]:
    """Value = the 6-digit 全国地方公共団体コード."""
    return [
        {"value": lg.code, "label": f"{lg.name}（{lg.code}）"}
        for lg in identifiers.tokyo_local_governments()
    ]


def value_labels(kind: str) -> dict[str, dict[str, str]]:
    """value → {ja, en} for the coded facets."""
    if kind == "category":
        return {c.code: c.label for c in codelists.categories()}
    if kind == "frequency":
        return {f.uri: f.label for f in codelists.frequencies()}
    if kind == "conforms_to":
        return {c["value"]: c["label"] for c in tokyo_conforms_to_choices()}
    return {}


def tokyo_value_label(kind: str, value: str, lang: str = "ja") -> str:
    label = value_labels(kind).get(value)
    if not label:
        return value
    return label.get(lang) or label.get("ja") or value


def helpers() -> dict:
    return {name: fn for name, fn in globals().items() if name.startswith("tokyo_") and callable(fn)}
