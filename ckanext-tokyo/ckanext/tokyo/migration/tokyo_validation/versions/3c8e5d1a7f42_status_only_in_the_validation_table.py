"""status only in the validation table: drop validation_status/_timestamp
from resource extras (earlier versions wrote them there)

Revision ID: 3c8e5d1a7f42
Revises: 7b1f0c2d9a10
Create Date: 2026-11-30 00:00:00

"""
from alembic import op

revision = "3c8e5d1a7f42"
down_revision = "7b1f0c2d9a10"
branch_labels = None
depends_on = None


def upgrade():
    # resource.extras is JSON text; statuses are now read from
    # tokyo_resource_validation whenever a dataset is shown or indexed.
    op.execute("""
        UPDATE resource
           SET extras = ((extras::jsonb) - 'validation_status' - 'validation_timestamp')::text
         WHERE extras LIKE '%validation_status%' OR extras LIKE '%validation_timestamp%'
    """)


def downgrade():
    pass  # the statuses stay in tokyo_resource_validation
