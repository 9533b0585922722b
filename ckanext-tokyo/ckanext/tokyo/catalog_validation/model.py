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
    # sha256 of the bytes validated, with what else the result depends on
    # (standard, validator version, limits): equal means the same result.
    content_hash = sa.Column(sa.UnicodeText)
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

    def as_dict(self) -> dict[str, Any]:
        """The run without its report (``report_page`` reads that in pages)."""
        return {
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


def report_page(resource_id: str, offset: int, limit: int) -> Optional[dict[str, Any]]:
    """The stored report without its findings, one page of them, how many it
    lists and how many of each code: sliced by PostgreSQL, so a web process
    never loads a whole report. None when the resource has no run."""
    # (a run without a report holds JSON null, not SQL NULL)
    found = model.Session.execute(sa.text(f"""
        WITH run AS (SELECT CASE WHEN jsonb_typeof(report) = 'object' THEN report END AS report
                       FROM {TABLE} WHERE resource_id = :id)
        SELECT report - 'findings' AS head,
               coalesce(jsonb_array_length(report -> 'findings'), 0) AS listed,
               (SELECT coalesce(jsonb_agg(f ORDER BY n), '[]'::jsonb)
                  FROM jsonb_array_elements(coalesce(report -> 'findings', '[]'::jsonb))
                       WITH ORDINALITY AS t(f, n)
                 WHERE n > :offset AND n <= :offset + :limit) AS page,
               (SELECT coalesce(jsonb_object_agg(code, k), '{{}}'::jsonb)
                  FROM (SELECT coalesce(f ->> 'code', '?') AS code, count(*) AS k
                          FROM jsonb_array_elements(coalesce(report -> 'findings', '[]'::jsonb)) AS f
                         GROUP BY 1) AS codes) AS listed_by_code
          FROM run"""), {"id": resource_id, "offset": offset, "limit": limit}).first()
    if found is None:
        return None
    head, listed, page, by_code = found
    return {"report": None if head is None else dict(head, findings=page),
            "listed": listed, "listed_by_code": by_code}


def _iso(value: Optional[datetime.datetime]) -> Optional[str]:
    return value.isoformat() if value else None


_EXISTS = "tokyo_validation_table_exists"


def table_exists() -> bool:
    """False until `ckan db upgrade -p tokyo_validation` has run (or after a
    test has dropped all tables): the plugin then leaves saves alone. Once
    found, remembered for the session (CKAN drops it after each request and
    with every database reset; a save asks several times)."""
    session = model.Session()
    if not session.info.get(_EXISTS):
        session.info[_EXISTS] = sa.inspect(session.connection()).has_table(TABLE)
    return session.info[_EXISTS]
