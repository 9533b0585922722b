"""Scheming validators of the Tokyo schemas (registered through IValidators).

Small functions over the CKAN-free rules of the ground floor (``ckanext.tokyo.base``).
Error messages say what is wrong in the request's language (gettext; the
form shows them beside the field's label, so they do not repeat it).
"""
from __future__ import annotations

import datetime as dt
import json
import unicodedata

import ckan.plugins.toolkit as tk
from ckan.lib.navl.dictization_functions import Invalid, StopOnError, missing

from ckanext.tokyo.base import codelists, formats, identifiers, standards
from ckanext.tokyo.base.values import value_list

from .helpers import page_lang


def _empty(value) -> bool:
    return value is missing or value is None or (isinstance(value, str) and not value.strip())


def _as_list(value) -> list[str]:
    """A list from a list, a JSON list string or a comma-separated string."""
    return [] if _empty(value) else [str(v) for v in value_list(value)]


def _ascii_digits(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip().replace("-", "")


def _problem_text(problem: identifiers.Problem) -> str:
    """The ground floor's message (ja and en data) in the request's language."""
    return problem.message_en if page_lang() == "en" else problem.message


# ------------------------------------------------------------------ identifiers

def _identifier(problem_of):
    """A validator for an optional identifier whose rule is ``problem_of``
    (an ``identifiers.*_problem`` function: None when the value is valid)."""

    def validator(key, data, errors, context):
        value = data.get(key)
        if _empty(value):
            data.pop(key, None)
            raise StopOnError
        value = _ascii_digits(str(value))
        problem = problem_of(value)
        if problem:
            raise Invalid(_problem_text(problem))
        data[key] = value

    return validator


def _parent_problem(value: str) -> identifiers.Problem | None:
    if identifiers.tokyo_local_government(value) is not None:
        return None
    text = tk._("%(value)s is not the local government code of Tokyo or one of its municipalities.") % {
        "value": value}
    return identifiers.Problem("parent-not-tokyo", text, text)


tokyo_corporate_number = _identifier(identifiers.corporate_number_problem)
tokyo_local_government_code = _identifier(identifiers.lg_code_problem)
# The parent body: the 6-digit code of the Tokyo local government a bureau belongs to.
tokyo_parent_organization = _identifier(_parent_problem)


def tokyo_identifiers_agree(key, data, errors, context):
    """Organisation after-validator: a local government's 法人番号 is derived
    from its code, so both must name the same body; an empty one is set
    from the code."""
    number = data.get(("corporate_number",))
    code = data.get(("local_government_code",))
    if errors.get(("corporate_number",)) or errors.get(("local_government_code",)):
        return
    if _empty(code):
        return
    expected = identifiers.corporate_number_of_local_government(code)
    if _empty(number):  # the body's 法人番号 follows from its code
        data[("corporate_number",)] = expected
        return
    if number != expected:
        errors.setdefault(("corporate_number",), []).append(
            tk._("The body with local government code %(code)s has corporate number %(number)s.")
            % {"code": code, "number": expected})


# ------------------------------------------------------------------ code lists

def tokyo_frequency(key, data, errors, context):
    """An EU frequency URI, from the URI, its code or a known 更新頻度 spelling."""
    value = data.get(key)
    if _empty(value):
        data.pop(key, None)
        raise StopOnError
    found = codelists.frequency_for_spelling(str(value))
    if found is None:
        raise Invalid(tk._('"%(value)s" is not in the update frequency list.') % {"value": value})
    data[key] = found.uri


def tokyo_category(key, data, errors, context):
    """Tokyo category codes c0NN (stored as a JSON list)."""
    codes = [c.lower() for c in _as_list(data.get(key))]
    unknown = [c for c in codes if codelists.category(c) is None]
    if unknown:
        raise Invalid(tk._("Unknown category: %(codes)s") % {"codes": ", ".join(unknown)})
    data[key] = json.dumps(codes)


def tokyo_theme(key, data, errors, context):
    """EU data themes: the themes of the categories plus any given."""
    given = _as_list(data.get(key))
    category = data.get(key[:-1] + ("category",))
    derived = codelists.themes_for_categories(_as_list(category))
    bad = [t for t in given if not t.startswith(codelists.THEME_BASE)]
    if bad:
        raise Invalid(tk._("Not EU data-theme URIs: %(values)s") % {"values": ", ".join(bad)})
    themes = derived + [t for t in given if t not in derived]
    if not themes:
        data.pop(key, None)
        raise StopOnError
    data[key] = json.dumps(themes)


def _language_uri(value: str) -> str | None:
    v = value.strip()
    aliases = {"ja": "JPN", "jpn": "JPN", "en": "ENG", "eng": "ENG", "zh": "ZHO", "zho": "ZHO",
               "ko": "KOR", "kor": "KOR"}
    code = aliases.get(v.lower(), v)
    found = codelists.lookup(codelists.languages(), code)
    if found:
        return found.uri
    if v.startswith(codelists.LANGUAGE_BASE):
        return v
    return None


def tokyo_language(key, data, errors, context):
    """EU language URIs; Japanese when nothing is given."""
    values = _as_list(data.get(key)) or [codelists.DEFAULT_LANGUAGE]
    out = []
    for v in values:
        uri = _language_uri(v)
        if uri is None:
            raise Invalid(tk._("Unknown language: %(value)s") % {"value": v})
        if uri not in out:
            out.append(uri)
    data[key] = json.dumps(out)


def tokyo_access_rights(key, data, errors, context):
    value = data.get(key)
    if _empty(value):
        data[key] = codelists.DEFAULT_ACCESS_RIGHTS
        return
    found = codelists.lookup(codelists.access_rights(), str(value).strip())
    if found is None:
        raise Invalid(tk._("Unknown access rights: %(value)s") % {"value": value})
    data[key] = found.uri


def tokyo_encoding(key, data, errors, context):
    value = data.get(key)
    if _empty(value):
        data.pop(key, None)
        raise StopOnError
    v = str(value).strip()
    aliases = {"utf8": "UTF-8", "utf-8-sig": "UTF-8-BOM", "sjis": "Shift_JIS", "shift-jis": "Shift_JIS",
               "cp932": "Shift_JIS", "windows-31j": "Shift_JIS", "utf-16": "UTF-16LE", "eucjp": "EUC-JP"}
    v = aliases.get(v.lower(), v)
    found = next((c for c in codelists.encodings() if c.code.lower() == v.lower()), None)
    if found is None:
        raise Invalid(tk._("Unknown character encoding: %(value)s") % {"value": value})
    data[key] = found.code


def tokyo_conforms_to(key, data, errors, context):
    """Ids of the standard-dataset Table Schemas in schemas/standard/."""
    ids = _as_list(data.get(key))
    known = set(standards.schema_ids())
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise Invalid(tk._("Unknown standard dataset: %(ids)s") % {"ids": ", ".join(unknown)})
    if not ids:
        data.pop(key, None)
        raise StopOnError
    data[key] = json.dumps(ids)


def tokyo_spatial_uri(key, data, errors, context):
    """A spatial coverage entry chosen by local government: the 6-digit code,
    the 5-digit JIS code or the e-Stat SAC URI, stored as the SAC URI."""
    value = data.get(key)
    if _empty(value):
        data.pop(key, None)
        raise StopOnError
    v = unicodedata.normalize("NFKC", str(value)).strip()
    if v.startswith(identifiers.SAC_BASE):
        v = v[len(identifiers.SAC_BASE):]
    lg = None
    if len(v) == 6:
        lg = identifiers.tokyo_local_government(v)
    elif len(v) == 5:
        lg = next((g for g in identifiers.tokyo_local_governments() if g.jis_code == v), None)
    if lg is None:
        raise Invalid(tk._("Not a code of Tokyo or one of its municipalities: %(value)s") % {"value": value})
    data[key] = lg.sac_uri
    text_key = key[:-1] + ("text",)
    if _empty(data.get(text_key, missing)):
        data[text_key] = lg.name


def tokyo_spatial_text(key, data, errors, context):
    """The label of a spatial coverage entry: the local government's name."""
    uri = data.get(key[:-1] + ("uri",))
    if _empty(data.get(key)) and isinstance(uri, str):
        lg = next((g for g in identifiers.tokyo_local_governments() if g.sac_uri == uri), None)
        if lg:
            data[key] = lg.name


def tokyo_drop_empty_repeats(key, data, errors, context):
    """Dataset after-validator: repeating entries left blank in the form
    (an empty contact, period or area) are not stored."""
    groups: dict[tuple, list[tuple]] = {}
    for k in data:
        if len(k) == 3 and isinstance(k[1], int) and k[0] in REPEATING:
            groups.setdefault(k[:2], []).append(k)
    for keys in groups.values():
        if all(_empty(data[k]) for k in keys) and not any(errors.get(k) for k in keys):
            for k in keys:
                del data[k]


REPEATING = ("contact", "temporal_coverage", "spatial_coverage")


# ------------------------------------------------------------------ values

_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−ーｰ－"})


def tokyo_telephone(key, data, errors, context):
    """A telephone number in half-width digits and hyphens (０３－５３２１… → 03-5321-…)."""
    value = data.get(key)
    if _empty(value):
        data.pop(key, None)
        raise StopOnError
    data[key] = unicodedata.normalize("NFKC", str(value)).translate(_DASHES).strip()


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%Y年%m月%d日")


def tokyo_date(key, data, errors, context):
    """A date as ``YYYY-MM-DD`` (accepts datetimes and the usual spellings)."""
    value = data.get(key)
    if _empty(value):
        data.pop(key, None)
        raise StopOnError
    if isinstance(value, dt.datetime):
        data[key] = value.date().isoformat()
        return
    if isinstance(value, dt.date):
        data[key] = value.isoformat()
        return
    text = unicodedata.normalize("NFKC", str(value)).strip()
    try:
        data[key] = dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
        return
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            data[key] = dt.datetime.strptime(text, fmt).date().isoformat()
            return
        except ValueError:
            continue
    raise Invalid(tk._("Enter the date as YYYY-MM-DD (%(value)s).") % {"value": value})


def tokyo_required(key, data, errors, context):
    """Required, with a bilingual message."""
    if _empty(data.get(key)):
        errors[key].append(tk._("Missing value"))
        raise StopOnError


def tokyo_format(key, data, errors, context):
    """The format's code in the format table: 'csv', '.CSV', 'text/csv' → 'CSV'."""
    value = data.get(key)
    if not _empty(value):
        data[key] = formats.normalise(str(value))


def tokyo_json_list_output(value):
    return value_list(value, split=None)


def validators() -> dict:
    return {
        name: fn for name, fn in globals().items()
        if name.startswith("tokyo_") and callable(fn)
    }
