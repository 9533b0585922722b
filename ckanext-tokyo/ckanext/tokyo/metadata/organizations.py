"""Organisations' English names (``title_en``, an extra of the Tokyo
organisation schema) for pages in English: the dataset page's sidebar and
breadcrumb, and the organisation facet."""
from __future__ import annotations

from typing import Iterable

import ckan.model as model

TITLE_EN = "title_en"


def titles_en(names: Iterable[str]) -> dict[str, str]:
    """name → title_en of the active organisations among ``names`` that have
    one (one query)."""
    names = sorted({n for n in names if n})
    if not names:
        return {}
    rows = (model.Session.query(model.Group.name, model.GroupExtra.value)
            .join(model.GroupExtra, model.GroupExtra.group_id == model.Group.id)
            .filter(model.Group.name.in_(names), model.Group.is_organization,
                    model.GroupExtra.key == TITLE_EN, model.GroupExtra.state == "active")
            .all())
    return {name: value.strip() for name, value in rows if value and value.strip()}
