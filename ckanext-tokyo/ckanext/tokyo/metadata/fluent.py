"""The small part of ckanext-fluent the catalog needs (its PyPI release is
unusable): language→text values stored as JSON, with the Japanese value
copied into CKAN's core field.

ckanext-dcat recognises multilingual fields by validators whose names start
with ``fluent``; keep the names. Accepted input, as in ckanext-fluent:
a dict ``{"ja": …, "en": …}``, its JSON string, or form fields
``<field>-ja`` / ``<field>-en``.
"""
from __future__ import annotations

import json
import re
from typing import Any

import ckan.plugins.toolkit as tk
from ckan.lib.navl.dictization_functions import StopOnError, missing

from ckanext.scheming.validation import scheming_validator

from ckanext.tokyo.base import keywords
from ckanext.tokyo.base.values import value_list

REQUIRED_LANGUAGE = "ja"
_TAG_SPLIT = re.compile(f"[{keywords.SEPARATORS}]")


def _collect(key, data, errors) -> dict[str, Any] | None:
    """The raw language→value mapping from any accepted input shape."""
    value = data.get(key, missing)
    if value is not missing and value not in ("", None):
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                errors[key].append(tk._("Not a language→text JSON object."))
                return None
        if not isinstance(value, dict):
            errors[key].append(tk._("Expected a language→text object."))
            return None
        return value
    out: dict[str, Any] = {}
    prefix = key[-1] + "-"
    extras = data.get(key[:-1] + ("__extras",), {})
    for name in list(extras):
        if name.startswith(prefix):
            out[name[len(prefix):]] = extras.pop(name)
    return out


def _check_languages(key, value: dict, errors) -> bool:
    bad = [lang for lang in value if not isinstance(lang, str) or not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z]+)?", lang)]
    if bad:
        errors[key].append(tk._("Unknown language code(s): %(codes)s") % {"codes": ", ".join(map(str, bad))})
        return False
    return True


def _store(field, key, data, errors, out: dict) -> None:
    """Store the cleaned language→value mapping as JSON (``ja`` required
    when the field is); nothing at all when it is empty."""
    if field.get("required") and not out.get(REQUIRED_LANGUAGE):
        errors[key].append(tk._("The Japanese text is required."))
        return
    if not out:
        data.pop(key, None)
        raise StopOnError
    data[key] = json.dumps(out, ensure_ascii=False, sort_keys=True)


class _Bad(Exception):
    """A value that cannot be used; the message is the field error."""


def _fluent(field, clean):
    """A validator for a language→value field; ``clean(lang, value)`` returns
    the cleaned value (empty = drop the language) or raises _Bad."""

    def validator(key, data, errors, context):
        if errors[key]:
            return
        raw = _collect(key, data, errors)
        if raw is None or not _check_languages(key, raw, errors):
            return
        out = {}
        try:
            for lang, value in raw.items():
                cleaned = clean(lang, value)
                if cleaned:
                    out[lang] = cleaned
        except _Bad as e:
            errors[key].append(str(e))
            return
        _store(field, key, data, errors, out)

    return validator


def _clean_text(lang: str, text) -> str:
    if text is None:
        return ""
    if not isinstance(text, str):
        raise _Bad(tk._("%(lang)s: expected a string.") % {"lang": lang})
    return text.strip()


def _clean_tags(lang: str, tags) -> list[str]:
    if isinstance(tags, str):
        tags = value_list(tags, split=_TAG_SPLIT)
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise _Bad(tk._("%(lang)s: expected a list of keywords.") % {"lang": lang})
    clean = list(dict.fromkeys(keywords.written(tag) for tag in value_list(tags)))
    for tag in clean:
        reason = keywords.problem(tag)
        if reason:
            raise _Bad(tk._("Keyword \"%(keyword)s\": %(reason)s.") % {"keyword": tag, "reason": tk._(reason)})
    return [tag for tag in clean if tag]


@scheming_validator
def fluent_text(field, schema):
    """Language→text; ``ja`` required when the field is required."""
    return _fluent(field, _clean_text)


@scheming_validator
def fluent_tags(field, schema):
    """Language→list of keywords (a list or a comma-separated string per language)."""
    return _fluent(field, _clean_tags)


def _core_key(key: tuple) -> tuple:
    name = key[-1]
    assert name.endswith("_translated"), name
    return key[:-1] + (name[: -len("_translated")],)


def fluent_core_translated(key, data, errors, context):
    """After fluent_text: the Japanese value also fills the core field
    (title_translated → title, notes_translated → notes, name_translated → name…)."""
    value = data.get(key)
    if errors[key] or not isinstance(value, str):
        return
    data[_core_key(key)] = json.loads(value).get(REQUIRED_LANGUAGE, "")


def fluent_core_tags(key, data, errors, context):
    """After fluent_tags: the Japanese keywords become CKAN's core tags, in
    their search form (keywords.search_form: 青少年・治安対策本部 → 青少年
    治安対策本部), which CKAN's tag rule accepts; ``tags_translated`` keeps
    them as written, for display and DCAT."""
    value = data.get(key)
    if errors[key] or not isinstance(value, str):
        return
    prefix = key[:-1] + ("tags",)
    for k in [k for k in data if k[: len(prefix)] == prefix and len(k) == len(prefix) + 2]:
        del data[k]
    for i, tag in enumerate(keywords.search_forms(json.loads(value).get(REQUIRED_LANGUAGE, []))):
        data[prefix + (i, "name")] = tag


def fluent_text_output(value):
    """Stored JSON → language→text dict (also accepts a dict or plain text)."""
    if isinstance(value, dict):
        return value
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError):
        return {REQUIRED_LANGUAGE: value} if value else {}
    return parsed if isinstance(parsed, dict) else {REQUIRED_LANGUAGE: str(parsed)}


def fluent_tags_output(value):
    return fluent_text_output(value)


def validators() -> dict:
    return {
        "fluent_text": fluent_text,
        "fluent_tags": fluent_tags,
        "fluent_core_translated": fluent_core_translated,
        "fluent_core_tags": fluent_core_tags,
        "fluent_text_output": fluent_text_output,
        "fluent_tags_output": fluent_tags_output,
    }
