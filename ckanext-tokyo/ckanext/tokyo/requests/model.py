"""The plugin's tables: requests, votes (one per user and request),
comments, and the events of each request (created, answered, assigned,
moderated) that make its history.

Created by the plugin migration (``ckan db upgrade -p tokyo_requests``,
ckanext/tokyo/migration/tokyo_requests). Why tables of our own and not a
dataset type: docs/data-requests.md.
"""
from __future__ import annotations

import datetime
import uuid
from typing import Any, Optional

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.tokyo.base import data_requests as workflow

ACTIVE, HIDDEN = "active", "hidden"


def utcnow() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)


def new_id() -> str:
    return str(uuid.uuid4())


def _iso(value: Optional[datetime.datetime]) -> Optional[str]:
    return value.isoformat() if value else None


class DataRequest(tk.BaseModel):  # type: ignore[misc,valid-type]
    __tablename__ = "tokyo_data_request"

    id = sa.Column(sa.UnicodeText, primary_key=True, default=new_id)
    title = sa.Column(sa.UnicodeText, nullable=False)
    description = sa.Column(sa.UnicodeText, nullable=False)
    purpose = sa.Column(sa.UnicodeText)
    user_types = sa.Column(postgresql.JSONB, nullable=False, default=list)
    categories = sa.Column(postgresql.JSONB, nullable=False, default=list)
    areas = sa.Column(postgresql.JSONB, nullable=False, default=list)  # 全国地方公共団体コード
    organization_id = sa.Column(sa.UnicodeText, index=True)  # who answers
    creator_id = sa.Column(sa.UnicodeText, nullable=False)
    status = sa.Column(sa.UnicodeText, nullable=False, default=workflow.RECEIVED, index=True)
    status_note = sa.Column(sa.UnicodeText)  # the latest answer's note (the reason of 対応不可)
    package_id = sa.Column(sa.UnicodeText, index=True)  # the dataset (or inventory record) answering it
    created = sa.Column(sa.DateTime, nullable=False, default=utcnow, index=True)
    modified = sa.Column(sa.DateTime, nullable=False, default=utcnow)
    answered = sa.Column(sa.DateTime)  # the organisation's first answer
    state = sa.Column(sa.UnicodeText, nullable=False, default=ACTIVE, index=True)
    moderation_reason = sa.Column(sa.UnicodeText)

    @classmethod
    def get(cls, request_id: str) -> Optional[DataRequest]:
        return model.Session.get(cls, request_id) if request_id else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "description": self.description, "purpose": self.purpose,
            "user_types": list(self.user_types or []), "categories": list(self.categories or []),
            "areas": list(self.areas or []), "organization_id": self.organization_id,
            "creator_id": self.creator_id, "status": self.status, "status_note": self.status_note,
            "package_id": self.package_id, "created": _iso(self.created), "modified": _iso(self.modified),
            "answered": _iso(self.answered), "state": self.state, "moderation_reason": self.moderation_reason,
        }


class Vote(tk.BaseModel):  # type: ignore[misc,valid-type]
    __tablename__ = "tokyo_data_request_vote"

    request_id = sa.Column(sa.UnicodeText, sa.ForeignKey("tokyo_data_request.id", ondelete="CASCADE"),
                           primary_key=True)
    user_id = sa.Column(sa.UnicodeText, primary_key=True)
    created = sa.Column(sa.DateTime, nullable=False, default=utcnow)


class Comment(tk.BaseModel):  # type: ignore[misc,valid-type]
    __tablename__ = "tokyo_data_request_comment"

    id = sa.Column(sa.UnicodeText, primary_key=True, default=new_id)
    request_id = sa.Column(sa.UnicodeText, sa.ForeignKey("tokyo_data_request.id", ondelete="CASCADE"),
                           nullable=False, index=True)
    user_id = sa.Column(sa.UnicodeText, nullable=False)
    text = sa.Column(sa.UnicodeText, nullable=False)
    created = sa.Column(sa.DateTime, nullable=False, default=utcnow)
    state = sa.Column(sa.UnicodeText, nullable=False, default=ACTIVE)
    moderation_reason = sa.Column(sa.UnicodeText)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "request_id": self.request_id, "user_id": self.user_id, "text": self.text,
                "created": _iso(self.created), "state": self.state, "moderation_reason": self.moderation_reason}


class Event(tk.BaseModel):  # type: ignore[misc,valid-type]
    """One step of a request's history."""

    __tablename__ = "tokyo_data_request_event"

    CREATED, ANSWERED, ASSIGNED, EDITED = "created", "answered", "assigned", "edited"
    HIDDEN, RESTORED, COMMENT_HIDDEN, COMMENT_RESTORED = "hidden", "restored", "comment_hidden", "comment_restored"
    MODERATION = (HIDDEN, RESTORED, COMMENT_HIDDEN, COMMENT_RESTORED)

    id = sa.Column(sa.UnicodeText, primary_key=True, default=new_id)
    request_id = sa.Column(sa.UnicodeText, sa.ForeignKey("tokyo_data_request.id", ondelete="CASCADE"),
                           nullable=False, index=True)
    user_id = sa.Column(sa.UnicodeText)
    created = sa.Column(sa.DateTime, nullable=False, default=utcnow)
    kind = sa.Column(sa.UnicodeText, nullable=False)
    status = sa.Column(sa.UnicodeText)
    note = sa.Column(sa.UnicodeText)
    package_id = sa.Column(sa.UnicodeText)
    organization_id = sa.Column(sa.UnicodeText)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "user_id": self.user_id, "created": _iso(self.created), "kind": self.kind,
                "status": self.status, "note": self.note, "package_id": self.package_id,
                "organization_id": self.organization_id}


def table_exists() -> bool:
    """False until `ckan db upgrade -p tokyo_requests` has run."""
    return sa.inspect(model.Session.connection()).has_table(DataRequest.__tablename__)
