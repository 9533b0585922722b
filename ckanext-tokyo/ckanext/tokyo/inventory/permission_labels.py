"""Who reads inventory records: CKAN's permission labels, which decide
package_show, package_search (API and pages) and activity streams alike.

An inventory record is private, so by CKAN's own labels only members of
its organisation read it. With ``ckanext.tokyo.inventory.visible_to = city``
(the default) it also carries the label ``tokyo-inventory``, which every
member of any organisation has: the city's staff see each other's
inventory, the public and users without an organisation see nothing.
Editing stays with the record's organisation (CKAN's package_update).
Labels are indexed: after changing the option run ``ckan search-index rebuild``.
"""
from __future__ import annotations

from typing import Any

import ckan.plugins.toolkit as tk

from . import TYPE

CITY_LABEL = "tokyo-inventory"
VISIBLE_TO = "ckanext.tokyo.inventory.visible_to"


def city_wide() -> bool:
    return tk.config.get(VISIBLE_TO) == "city"


def dataset_labels(dataset_obj: Any, labels: list[str]) -> list[str]:
    if dataset_obj.type == TYPE and city_wide() and CITY_LABEL not in labels:
        labels.append(CITY_LABEL)
    return labels


def user_labels(user_obj: Any, labels: list[str]) -> list[str]:
    """Members of any organisation (CKAN gave them a member-<org> label)."""
    if city_wide() and any(label.startswith("member-") for label in labels):
        labels.append(CITY_LABEL)
    return labels
