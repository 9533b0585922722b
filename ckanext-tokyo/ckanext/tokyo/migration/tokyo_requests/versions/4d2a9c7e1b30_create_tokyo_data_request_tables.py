"""create the data-request tables: requests, votes (one per user), comments, events

Revision ID: 4d2a9c7e1b30
Revises:
Create Date: 2026-11-30 00:00:00

"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "4d2a9c7e1b30"
down_revision = None
branch_labels = None
depends_on = None


def _request_fk():
    return sa.ForeignKey("tokyo_data_request.id", ondelete="CASCADE")


def upgrade():
    op.create_table(
        "tokyo_data_request",
        sa.Column("id", sa.UnicodeText, primary_key=True),
        sa.Column("title", sa.UnicodeText, nullable=False),
        sa.Column("description", sa.UnicodeText, nullable=False),
        sa.Column("purpose", sa.UnicodeText),
        sa.Column("user_types", postgresql.JSONB, nullable=False),
        sa.Column("categories", postgresql.JSONB, nullable=False),
        sa.Column("areas", postgresql.JSONB, nullable=False),
        sa.Column("organization_id", sa.UnicodeText),
        sa.Column("creator_id", sa.UnicodeText, nullable=False),
        sa.Column("status", sa.UnicodeText, nullable=False),
        sa.Column("status_note", sa.UnicodeText),
        sa.Column("package_id", sa.UnicodeText),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Column("modified", sa.DateTime, nullable=False),
        sa.Column("answered", sa.DateTime),
        sa.Column("state", sa.UnicodeText, nullable=False),
        sa.Column("moderation_reason", sa.UnicodeText),
    )
    for column in ("organization_id", "status", "package_id", "created", "state"):
        op.create_index(f"tokyo_data_request_{column}_idx", "tokyo_data_request", [column])
    op.create_table(
        "tokyo_data_request_vote",
        sa.Column("request_id", sa.UnicodeText, _request_fk(), primary_key=True),
        sa.Column("user_id", sa.UnicodeText, primary_key=True),
        sa.Column("created", sa.DateTime, nullable=False),
    )
    op.create_table(
        "tokyo_data_request_comment",
        sa.Column("id", sa.UnicodeText, primary_key=True),
        sa.Column("request_id", sa.UnicodeText, _request_fk(), nullable=False, index=True),
        sa.Column("user_id", sa.UnicodeText, nullable=False),
        sa.Column("text", sa.UnicodeText, nullable=False),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Column("state", sa.UnicodeText, nullable=False),
        sa.Column("moderation_reason", sa.UnicodeText),
    )
    op.create_table(
        "tokyo_data_request_event",
        sa.Column("id", sa.UnicodeText, primary_key=True),
        sa.Column("request_id", sa.UnicodeText, _request_fk(), nullable=False, index=True),
        sa.Column("user_id", sa.UnicodeText),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Column("kind", sa.UnicodeText, nullable=False),
        sa.Column("status", sa.UnicodeText),
        sa.Column("note", sa.UnicodeText),
        sa.Column("package_id", sa.UnicodeText),
        sa.Column("organization_id", sa.UnicodeText),
    )


def downgrade():
    for table in ("tokyo_data_request_event", "tokyo_data_request_comment", "tokyo_data_request_vote",
                  "tokyo_data_request"):
        op.drop_table(table)
