"""The tables of tokyo_quality (migration: ckanext/tokyo/migration/tokyo_quality)."""
from __future__ import annotations

import datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

import ckan.model as model
import ckan.plugins.toolkit as tk


def utcnow() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)


class DatasetQuality(tk.BaseModel):  # type: ignore[misc,valid-type]
    """The latest metadata quality score of a dataset."""
    __tablename__ = "tokyo_dataset_quality"

    package_id = sa.Column(sa.UnicodeText, primary_key=True)
    owner_org = sa.Column(sa.UnicodeText, index=True)
    score = sa.Column(sa.Integer, nullable=False)
    rating = sa.Column(sa.UnicodeText, nullable=False)
    details = sa.Column(postgresql.JSONB, nullable=False)  # mqa.Score.as_dict()
    computed = sa.Column(sa.DateTime, nullable=False, default=utcnow)


class LinkCheck(tk.BaseModel):  # type: ignore[misc,valid-type]
    """The latest reachability check of a resource URL."""
    __tablename__ = "tokyo_link_check"

    resource_id = sa.Column(sa.UnicodeText, primary_key=True)
    package_id = sa.Column(sa.UnicodeText, nullable=False, index=True)
    url = sa.Column(sa.UnicodeText, nullable=False)
    ok = sa.Column(sa.Boolean, nullable=False)
    status = sa.Column(sa.Integer)
    error = sa.Column(sa.UnicodeText)
    checked = sa.Column(sa.DateTime, nullable=False, default=utcnow, index=True)


def tables_exist() -> bool:
    """False until `ckan db upgrade -p tokyo_quality` has run."""
    return sa.inspect(model.Session.connection()).has_table(DatasetQuality.__tablename__)
