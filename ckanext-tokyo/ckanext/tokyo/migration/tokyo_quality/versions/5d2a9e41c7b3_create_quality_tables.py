"""create tokyo_dataset_quality and tokyo_link_check

Revision ID: 5d2a9e41c7b3
Revises:
Create Date: 2026-11-30 00:00:00

"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "5d2a9e41c7b3"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "tokyo_dataset_quality",
        sa.Column("package_id", sa.UnicodeText, primary_key=True),
        sa.Column("owner_org", sa.UnicodeText),
        sa.Column("score", sa.Integer, nullable=False),
        sa.Column("rating", sa.UnicodeText, nullable=False),
        sa.Column("details", postgresql.JSONB, nullable=False),
        sa.Column("computed", sa.DateTime, nullable=False),
    )
    op.create_index("tokyo_dataset_quality_owner_org_idx", "tokyo_dataset_quality", ["owner_org"])
    op.create_table(
        "tokyo_link_check",
        sa.Column("resource_id", sa.UnicodeText, primary_key=True),
        sa.Column("package_id", sa.UnicodeText, nullable=False),
        sa.Column("url", sa.UnicodeText, nullable=False),
        sa.Column("ok", sa.Boolean, nullable=False),
        sa.Column("status", sa.Integer),
        sa.Column("error", sa.UnicodeText),
        sa.Column("checked", sa.DateTime, nullable=False),
    )
    op.create_index("tokyo_link_check_package_id_idx", "tokyo_link_check", ["package_id"])
    op.create_index("tokyo_link_check_checked_idx", "tokyo_link_check", ["checked"])


def downgrade():
    op.drop_table("tokyo_link_check")
    op.drop_table("tokyo_dataset_quality")
