"""create tokyo_resource_validation: one validation run (the latest) per resource

Revision ID: 7b1f0c2d9a10
Revises:
Create Date: 2026-06-01 00:00:00

"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "7b1f0c2d9a10"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "tokyo_resource_validation",
        sa.Column("resource_id", sa.UnicodeText, primary_key=True),
        sa.Column("package_id", sa.UnicodeText, nullable=False),
        sa.Column("status", sa.UnicodeText, nullable=False),
        sa.Column("job_id", sa.UnicodeText),
        sa.Column("fingerprint", sa.UnicodeText),
        sa.Column("schema", sa.UnicodeText),
        sa.Column("reason", sa.UnicodeText),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Column("started", sa.DateTime),
        sa.Column("finished", sa.DateTime),
        sa.Column("errors", sa.Integer),
        sa.Column("warnings", sa.Integer),
        sa.Column("counts", postgresql.JSONB),
        sa.Column("report", postgresql.JSONB),
    )
    op.create_index("tokyo_resource_validation_package_id_idx", "tokyo_resource_validation", ["package_id"])
    op.create_index("tokyo_resource_validation_status_idx", "tokyo_resource_validation", ["status"])


def downgrade():
    op.drop_table("tokyo_resource_validation")
