"""The one parser of list values, and of bilingual ones.

A list-valued field (category, theme, language, conforms_to, the repeating
subfields, keywords) reaches the code as a list, as the JSON text of a list
(how scheming stores it), or as text typed by a person or another catalog
("c005, c023", "c005、c023"). ``value_list`` turns any of them into a list.
A bilingual (fluent) field is a language→value dict or its JSON text:
``translated`` gives the dict.
"""
from __future__ import annotations

import json
import re
from typing import Any

# Between the items of a typed list: commas (also the Japanese 、) and spaces.
ITEMS = re.compile(r"[,、\s]+")


def value_list(raw: Any, split: re.Pattern | None = ITEMS) -> list:
    """The items of ``raw``, in order, without repeats.

    - None and blank text: ``[]``;
    - a list or tuple: its items;
    - text starting with ``[`` or ``{``: the JSON it holds (an object is one
      item); text that is not JSON, and other text: split at ``split``
      (``None``: the whole text is one item);
    - anything else: one item.

    Text items are stripped and blank ones dropped; numbers become text;
    objects (the dicts of repeating subfields) are kept as they are.
    """
    if raw is None:
        return []
    if isinstance(raw, str):
        text = raw.strip()
        if text[:1] in ("[", "{"):
            try:
                return value_list(json.loads(text), split)
            except ValueError:
                pass
        items: Any = split.split(text) if split is not None else [text]
    elif isinstance(raw, (list, tuple)):
        items = raw
    else:
        items = [raw]
    out: list = []
    for item in items:
        if item is None:
            continue
        if not isinstance(item, (dict, list)):
            item = str(item).strip()
            if not item:
                continue
        if item not in out:
            out.append(item)
    return out


def translated(raw: Any) -> dict:
    """A bilingual field's value ({"ja": …, "en": …} or its JSON text) as a
    dict; {} for anything else."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return {}
    return raw if isinstance(raw, dict) else {}
