"""row versions: submission, proposal and office carry a version, who changed them last
and when (several staff on one server: a change made by someone else since a dialog
opened is refused on save)

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

TABLES = ("submission", "proposal", "office")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False,
                                          server_default='1'))
            batch_op.add_column(sa.Column('changed_by', sa.String(length=100), nullable=False,
                                          server_default=''))
            batch_op.add_column(sa.Column('changed_at', sa.DateTime(), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('changed_at')
            batch_op.drop_column('changed_by')
            batch_op.drop_column('version')
