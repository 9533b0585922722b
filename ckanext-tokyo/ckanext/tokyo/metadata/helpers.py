"""Template helpers of tokyo_schema: the scheming ``choices_helper``s (all
from ``codelists`` / ``identifiers`` / ``standards``), labels
for stored values, and what the display snippets of the dataset, resource and
organisation pages need (``templates/scheming/``)."""
from __future__ import annotations

import json

from ckanext.tokyo.base import codelists, identifiers, keywords, standards
from ckanext.tokyo.base.i18n import N_
from ckanext.tokyo.base.values import value_list


def _choices(codes) -> list[dict]:
    return codelists.choices(codes)


def tokyo_category_choices(field=None) -> list[dict]:
    """Categories by name (the form shows them as check boxes)."""
    return _choices(codelists.categories())


def tokyo_frequency_choices(field=None) -> list[dict]:
    return _choices(codelists.frequencies())


def tokyo_theme_choices(field=None) -> list[dict]:
    return _choices(codelists.themes())


def tokyo_language_choices(field=None) -> list[dict]:
    return _choices(codelists.languages())


def tokyo_access_rights_choices(field=None) -> list[dict]:
    return _choices(codelists.access_rights())


def tokyo_encoding_choices(field=None) -> list[dict]:
    return _choices(codelists.encodings())


def standard_label(schema_id: str) -> dict[str, str]:
    """{ja, en} name of a standard dataset: its title (title_en) with family
    and number, e.g. 公衆トイレ一覧（自治体標準オープンデータセット 13）, from
    the schema's data (x-tokyo title_en, family_en)."""
    try:
        info = standards.info(schema_id)
    except Exception:  # an id the registry does not (or no longer) know
        return {"ja": schema_id, "en": schema_id}
    return {
        "ja": f"{info.title}（{info.family} {info.dataset_number}）",
        "en": f"{info.title_en or info.title} ({info.family_en or info.family} {info.dataset_number})",
    }


def tokyo_conforms_to_choices(field=None) -> list[dict]:
    return [{"value": schema_id, "label": standard_label(schema_id)} for schema_id in standards.schema_ids()]


def _local_government_label(lg: identifiers.LocalGovernment) -> dict[str, str]:
    """{ja, en}: 新宿区（131041） / Shinjuku City (131041)."""
    return {"ja": f"{lg.name}（{lg.code}）", "en": f"{lg.name_en} ({lg.code})"}


def tokyo_spatial_choices(field=None) -> list[dict]:
    """東京都 and its 62 区市町村, by 全国地方公共団体コード; value = e-Stat SAC URI."""
    return [
        {"value": lg.sac_uri, "label": _local_government_label(lg)}
        for lg in identifiers.tokyo_local_governments()
    ]


def tokyo_local_government_choices(field=None) -> list[dict]:
    """Value = the 6-digit 全国地方公共団体コード."""
    return [
        {"value": lg.code, "label": _local_government_label(lg)}
        for lg in identifiers.tokyo_local_governments()
    ]


def tokyo_corporate_numbers() -> dict[str, str]:
    """全国地方公共団体コード → 法人番号 of Tokyo and its municipalities (the
    organisation form suggests the number from the code)."""
    return {lg.code: lg.corporate_number for lg in identifiers.tokyo_local_governments()}


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


# ------------------------------------------------------------- display

# A dataset's state, shown to its editors as _(state) (scheming/package/snippets/additional_info.html).
STATES = (N_("active"), N_("draft"), N_("deleted"))

def page_lang(lang: str | None = None) -> str:
    """``lang`` if given, else the page's language ("ja" outside a request)."""
    if lang:
        return lang
    try:
        from ckan.lib.helpers import lang as ui_lang

        return ui_lang() or "ja"
    except Exception:  # outside a request
        return "ja"


def _text(label, lang: str) -> str:
    """A {ja, en} label (or plain text) in ``lang``, falling back to Japanese."""
    if isinstance(label, dict):
        return label.get(lang) or label.get("ja") or next((v for v in label.values() if v), "")
    return "" if label is None else str(label)


def tokyo_is_empty(value) -> bool:
    """Whether a stored value has nothing to show (None, blank text, empty
    lists and objects, lists of those): its row is left off the page."""
    if value is None:
        return True
    if isinstance(value, str):
        text = value.strip()
        if text[:1] in ("[", "{"):
            try:
                return tokyo_is_empty(json.loads(text))
            except ValueError:
                return False
        return not text
    if isinstance(value, dict):
        return all(tokyo_is_empty(v) for v in value.values())
    if isinstance(value, (list, tuple, set)):
        return all(tokyo_is_empty(v) for v in value)
    return False


def tokyo_display_labels(field: dict, value, lang: str | None = None) -> list[str]:
    """The labels of a coded field's value (one or a list) in the page's
    language, from the field's choices; a value not in them is shown as is."""
    from ckanext.scheming.helpers import scheming_field_choices

    lang = page_lang(lang)
    choices = scheming_field_choices(field) or []
    labels = {c["value"]: c.get("label", c["value"]) for c in choices}
    return [_text(labels.get(v, v), lang) for v in value_list(value, split=None) if not tokyo_is_empty(v)]


def tokyo_local_government_label(value: str, lang: str | None = None) -> str:
    """新宿区（131041） / Shinjuku City (131041) for a 全国地方公共団体コード or
    an e-Stat SAC URI."""
    value = (value or "").strip()
    for lg in identifiers.tokyo_local_governments():
        if value in (lg.code, lg.sac_uri):
            return _text(_local_government_label(lg), page_lang(lang))
    return value


def tokyo_spatial_label(area: dict, lang: str | None = None) -> str:
    """One spatial_coverage item ({uri, text}) as 新宿区（131041） / Shinjuku
    City (131041)."""
    uri = (area or {}).get("uri") or ""
    label = tokyo_local_government_label(uri, lang)
    return label if label != uri else ((area or {}).get("text") or uri)


def tokyo_period_label(period: dict, lang: str | None = None) -> str:
    """One temporal_coverage item as 2024-04-01 〜 2025-03-31 (an open end
    left blank)."""
    start = ((period or {}).get("start") or "").strip()
    end = ((period or {}).get("end") or "").strip()
    if not (start or end):
        return ""
    sep = " – " if page_lang(lang) == "en" else " 〜 "
    return f"{start}{sep}{end}".strip()


def tokyo_license_title(license_id: str | None, lang: str | None = None) -> str:
    """A licence's title in the page's language: ``title_en`` from
    config/licenses.json on English pages (CKAN's licence register keeps the
    extra key), else ``title``; "" for a licence the register does not know."""
    from ckan.model import Package

    licence = Package.get_license_register().get(license_id or "")
    if licence is None:
        return ""
    return (getattr(licence, "title_en", None) if page_lang(lang) == "en" else None) or licence.title


def tokyo_organization_title(organization: dict | None, lang: str | None = None) -> str:
    """An organisation's name in the page's language: its ``title_en`` on
    English pages when set (looked up when the dict lacks the field, as the
    organisation inside a dataset does), else the Japanese ``title``."""
    org = organization or {}
    title = org.get("title") or org.get("name") or ""
    if page_lang(lang) != "en":
        return title
    title_en = org.get("title_en")
    if title_en is None and org.get("name"):
        from ckanext.tokyo.metadata import organizations

        title_en = organizations.titles_en([org["name"]]).get(org["name"])
    return (title_en or "").strip() or title


def tokyo_keywords(pkg: dict, lang: str | None = None) -> list[tuple[str, str | None]]:
    """(keyword as written, core tag to filter by or None) for the page's
    language, falling back to Japanese; English keywords have no core tag
    (CKAN's tags are the Japanese ones), so they are searched as text."""
    lang = page_lang(lang)
    translated = pkg.get("tags_translated")
    if isinstance(translated, str):
        translated = json.loads(translated or "{}")
    translated = translated if isinstance(translated, dict) else {}
    written = value_list(translated.get(lang), split=None)
    if written and lang != "ja":
        return [(keyword, None) for keyword in written]
    written = value_list(translated.get("ja"), split=None) or [t.get("display_name") or t.get("name")
                                                               for t in pkg.get("tags") or []]
    return [(keyword, keywords.search_form(keyword)) for keyword in written if keyword]
def tokyo_group_title(group: dict | None, lang: str | None = None) -> str:
    """A group's name in the page's language (a category's from the code list)."""
    from ckanext.tokyo.metadata import categories

    return categories.title(group or {}, page_lang(lang))


def tokyo_group_description(group: dict | None, lang: str | None = None) -> str:
    from ckanext.tokyo.metadata import categories

    return categories.description(group or {}, page_lang(lang))


def tokyo_category_sections(groups: list[dict]) -> list[tuple[str, list[dict]]]:
    """/group's groups under headings: today's categories, the 2021-22 ones, others."""
    from ckanext.tokyo.metadata import categories

    return categories.sections(list(groups or []))


def tokyo_organization_sections(lang: str | None = None) -> list[dict]:
    """/organization as a directory: bureaus, then municipalities by kind."""
    from ckanext.tokyo.metadata import organizations

    return organizations.sections(page_lang(lang))


def tokyo_search_suggestions(q: str, filtered: bool = False) -> dict:
    """What to try when a search found nothing (metadata/suggestions.py)."""
    from ckanext.tokyo.metadata import suggestions

    return suggestions.suggestions(q, filtered)


def tokyo_repeats(value) -> list[dict]:
    """The non-empty items of a repeating field (stored list or JSON text)."""
    return [v for v in value_list(value, split=None) if isinstance(v, dict) and not tokyo_is_empty(v)]


def helpers() -> dict:
    return {name: fn for name, fn in globals().items() if name.startswith("tokyo_") and callable(fn)}
