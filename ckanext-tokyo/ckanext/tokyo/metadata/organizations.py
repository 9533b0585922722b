"""Organisations' English names (``title_en``, an extra of the Tokyo
organisation schema) for pages in English: the dataset page's sidebar and
breadcrumb, and the organisation facet."""
from __future__ import annotations

from typing import Iterable

from ckanext.tokyo import compat

TITLE_EN = "title_en"


def titles_en(names: Iterable[str]) -> dict[str, str]:
    """name → title_en of the active organisations among ``names`` that have
    one (one or two queries)."""
    groups = compat.group_extras(names=names)
    return {name: group["extras"][TITLE_EN].strip() for name, group in groups.items()
            if (group["extras"].get(TITLE_EN) or "").strip()}
