"""Scheming validators and choices of the inventory type
(schemas/scheming/inventory.yaml), over the code lists of the ground floor
(``ckanext.tokyo.base.inventory``)."""
from __future__ import annotations

import json
from typing import Any

import ckan.plugins.toolkit as tk
from ckan.lib.navl.dictization_functions import Invalid, StopOnError, missing

from ckanext.tokyo.base import formats, inventory
from ckanext.tokyo.base.values import value_list


def _choices(choices) -> list[dict[str, Any]]:
    return [{"value": c.code, "label": c.label} for c in choices]


def tokyo_inventory_openness_choices(field=None) -> list[dict[str, Any]]:
    return _choices(inventory.openness())


def tokyo_inventory_reason_choices(field=None) -> list[dict[str, Any]]:
    return _choices(inventory.reasons())


def tokyo_inventory_openness(value: Any, context: dict[str, Any]) -> Any:
    """公開可 / 条件付きで公開可 / 公開不可 / 未定, by code, label or a known spelling."""
    if value is missing or value in (None, ""):
        return value
    choice = inventory.lookup(inventory.openness(), str(value))
    if choice is None:
        raise Invalid(tk._("Unknown value: %(value)s") % {"value": value})
    return choice.code


def _store_list(key, data, items: list[str]) -> None:
    """A list field stored as JSON; an empty one not at all."""
    if items:
        data[key] = json.dumps(items)
    else:
        data.pop(key, None)
        raise StopOnError


def _items(value: Any) -> list:
    return value_list(None if value is missing else value)


def tokyo_inventory_reasons(key, data, errors, context):
    """Why the data cannot be opened: reason codes (labels and known
    spellings are accepted)."""
    codes = []
    for item in _items(data.get(key)):
        choice = inventory.lookup(inventory.reasons(), str(item))
        if choice is None:
            raise Invalid(tk._("Unknown value: %(value)s") % {"value": item})
        codes.append(choice.code)
    _store_list(key, data, codes)


def tokyo_inventory_formats(key, data, errors, context):
    """The formats held, each as the format table's code (csv → CSV)."""
    _store_list(key, data, [f for f in (formats.normalise(str(v)) for v in _items(data.get(key))) if f])


def tokyo_inventory_record(key, data, errors, context):
    """After-validator of an inventory record: it is private to its
    organisation (it is not published data), and a 公開不可 or 条件付き answer
    says why."""
    data[("private",)] = True
    if not data.get(("owner_org",)):
        errors.setdefault(("owner_org",), []).append(tk._("An inventory record belongs to an organisation"))
    reasons = data.get(("closed_reasons",))
    if inventory.needs_reason(str(data.get(("openness",)) or "")) and reasons in (None, missing, "", "[]"):
        errors.setdefault(("closed_reasons",), []).append(
            tk._("Give the reason why the data cannot be opened"))


def validators() -> dict[str, Any]:
    return {f.__name__: f for f in (tokyo_inventory_openness, tokyo_inventory_reasons, tokyo_inventory_formats,
                                    tokyo_inventory_record)}


def helpers() -> dict[str, Any]:
    return {f.__name__: f for f in (tokyo_inventory_openness_choices, tokyo_inventory_reason_choices)}
