"""short names of indicators and criteria (table headers, charts)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 23:20:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("indicator", "criterion"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("short", sa.String(length=60), nullable=False,
                                       server_default=""))


def downgrade() -> None:
    for table in ("indicator", "criterion"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("short")
