"""The plugin's table: the latest validation run of each resource.

Created by the plugin migration (``ckan db upgrade -p tokyo_validation``,
ckanext/tokyo/migration/tokyo_validation). The only place a resource's
validation status is stored (resource_status.py puts it on dataset dicts);
it also keeps the full report and the job bookkeeping.
"""
from __future__ import annotations

import datetime
from typing import Any, Optional

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

import ckan.model as model
import ckan.plugins.toolkit as tk

TABLE = "tokyo_resource_validation"


def utcnow() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)


class ResourceValidation(tk.BaseModel):  # type: ignore[misc,valid-type]
    __tablename__ = TABLE

    resource_id = sa.Column(sa.UnicodeText, primary_key=True)
    package_id = sa.Column(sa.UnicodeText, nullable=False, index=True)
    status = sa.Column(sa.UnicodeText, nullable=False, index=True)
    job_id = sa.Column(sa.UnicodeText)
    fingerprint = sa.Column(sa.UnicodeText)
    schema = sa.Column(sa.UnicodeText)
    reason = sa.Column(sa.UnicodeText)
    created = sa.Column(sa.DateTime, nullable=False, default=utcnow)
    started = sa.Column(sa.DateTime)
    finished = sa.Column(sa.DateTime)
    errors = sa.Column(sa.Integer)
    warnings = sa.Column(sa.Integer)
    counts = sa.Column(postgresql.JSONB)
    report = sa.Column(postgresql.JSONB)

    @classmethod
    def get(cls, resource_id: str) -> Optional["ResourceValidation"]:
        return model.Session.get(cls, resource_id)

    def as_dict(self, with_report: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "resource_id": self.resource_id,
            "package_id": self.package_id,
            "status": self.status,
            "schema": self.schema,
            "reason": self.reason,
            "job_id": self.job_id,
            "created": _iso(self.created),
            "started": _iso(self.started),
            "finished": _iso(self.finished),
            "errors": self.errors,
            "warnings": self.warnings,
        }
        if with_report:
            out["report"] = self.report
        return out


def _iso(value: Optional[datetime.datetime]) -> Optional[str]:
    return value.isoformat() if value else None


def table_exists() -> bool:
    """False until `ckan db upgrade -p tokyo_validation` has run (or after a
    test has dropped all tables): the plugin then leaves saves alone."""
    return sa.inspect(model.Session.connection()).has_table(TABLE)
