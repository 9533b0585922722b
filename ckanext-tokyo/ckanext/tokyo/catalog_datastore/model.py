"""The plugin's table: the latest DataStore load of each resource.

Created by ``ckan db upgrade -p tokyo_datastore``
(ckanext/tokyo/migration/tokyo_datastore). The table itself lives in the
DataStore database; this row says why it is there or not, which bytes it
holds (sha256) and how each column was typed.
"""
from __future__ import annotations

import datetime
from typing import Any, Optional

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

import ckan.model as model
import ckan.plugins.toolkit as tk

TABLE = "tokyo_resource_datastore"

def utcnow() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)


class ResourceLoad(tk.BaseModel):  # type: ignore[misc,valid-type]
    __tablename__ = TABLE

    resource_id = sa.Column(sa.UnicodeText, primary_key=True)
    package_id = sa.Column(sa.UnicodeText, nullable=False, index=True)
    status = sa.Column(sa.UnicodeText, nullable=False, index=True)
    reason = sa.Column(sa.UnicodeText)
    detail = sa.Column(sa.UnicodeText)
    job_id = sa.Column(sa.UnicodeText)
    sha256 = sa.Column(sa.UnicodeText)
    rows = sa.Column(sa.Integer)
    columns = sa.Column(postgresql.JSONB)
    schema = sa.Column(sa.UnicodeText)
    encoding = sa.Column(sa.UnicodeText)
    created = sa.Column(sa.DateTime, nullable=False, default=utcnow)
    started = sa.Column(sa.DateTime)
    finished = sa.Column(sa.DateTime)

    @classmethod
    def get(cls, resource_id: str) -> Optional[ResourceLoad]:
        return model.Session.get(cls, resource_id)

    def as_dict(self) -> dict[str, Any]:
        return {
            "resource_id": self.resource_id, "package_id": self.package_id, "status": self.status,
            "reason": self.reason, "detail": self.detail, "sha256": self.sha256, "rows": self.rows,
            "columns": self.columns or [], "schema": self.schema, "encoding": self.encoding,
            "created": _iso(self.created), "started": _iso(self.started), "finished": _iso(self.finished),
        }


def _iso(value: Optional[datetime.datetime]) -> Optional[str]:
    return value.isoformat() if value else None


def table_exists() -> bool:
    """False until `ckan db upgrade -p tokyo_datastore` has run."""
    return sa.inspect(model.Session.connection()).has_table(TABLE)
