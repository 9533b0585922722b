"""Config options of tokyo_inventory (declared through IConfigDeclaration)."""
from __future__ import annotations

from typing import Any


def declare(declaration: Any, key: Any) -> None:
    declaration.annotate("tokyo_inventory: the data inventory")
    declaration.declare(key.ckanext.tokyo.inventory.visible_to, "city").set_description(
        "Who reads inventory records: `city` (members of any organisation, and sysadmins) or "
        "`organization` (members of the record's organisation). Run `ckan search-index rebuild` after a change.")
