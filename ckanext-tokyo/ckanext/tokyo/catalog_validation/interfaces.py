"""What other plugins can hook into (the interface name ckanext-validation uses)."""
from __future__ import annotations

from typing import Any

from ckan.plugins.interfaces import Interface


class IPipeValidation(Interface):
    """Told of every finished validation run, once its result is committed."""

    def receive_validation_report(self, validation_report: dict[str, Any]) -> None:
        """``validation_report``: the run as ``resource_validation_show``
        returns it (resource_id, package_id, status, schema, reason, report…).
        Called after the commit, so it may queue jobs but must not touch the
        database session it was called from."""
