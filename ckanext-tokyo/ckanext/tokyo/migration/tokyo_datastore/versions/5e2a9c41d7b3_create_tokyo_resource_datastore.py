"""create tokyo_resource_datastore: the DataStore load of each resource

Revision ID: 5e2a9c41d7b3
Revises:
Create Date: 2026-11-30 00:00:00

"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "5e2a9c41d7b3"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "tokyo_resource_datastore",
        sa.Column("resource_id", sa.UnicodeText, primary_key=True),
        sa.Column("package_id", sa.UnicodeText, nullable=False),
        sa.Column("status", sa.UnicodeText, nullable=False),
        sa.Column("reason", sa.UnicodeText),
        sa.Column("detail", sa.UnicodeText),
        sa.Column("job_id", sa.UnicodeText),
        sa.Column("sha256", sa.UnicodeText),
        sa.Column("rows", sa.Integer),
        sa.Column("columns", postgresql.JSONB),
        sa.Column("schema", sa.UnicodeText),
        sa.Column("encoding", sa.UnicodeText),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Column("started", sa.DateTime),
        sa.Column("finished", sa.DateTime),
    )
    op.create_index("tokyo_resource_datastore_package_id_idx", "tokyo_resource_datastore", ["package_id"])
    op.create_index("tokyo_resource_datastore_status_idx", "tokyo_resource_datastore", ["status"])


def downgrade():
    op.drop_table("tokyo_resource_datastore")
