"""content hash: what the bytes of the last run's file were, so a save that
changed only metadata (a new last_modified, the same file) reuses the result

Revision ID: 5d2a9e4c1b07
Revises: 3c8e5d1a7f42
Create Date: 2026-12-01 00:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = "5d2a9e4c1b07"
down_revision = "3c8e5d1a7f42"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("tokyo_resource_validation", sa.Column("content_hash", sa.UnicodeText))


def downgrade():
    op.drop_column("tokyo_resource_validation", "content_hash")
