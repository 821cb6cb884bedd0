"""office_key: the office's Ed25519 signing key; trusted_office: the offices whose
packages this database accepts, with the key first seen for each

Revision ID: 0003
Revises: 0002
"""
import base64
import datetime as dt

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    key_table = op.create_table(
        'office_key',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('private_key', sa.String(length=100), nullable=False),
        sa.Column('public_key', sa.String(length=100), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_table(
        'trusted_office',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=100), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('public_key', sa.String(length=100), nullable=False),
        sa.Column('fingerprint', sa.String(length=100), nullable=False),
        sa.Column('first_seen_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('code'),
    )
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                            serialization.NoEncryption())
    public = key.public_key().public_bytes(serialization.Encoding.Raw,
                                           serialization.PublicFormat.Raw)
    op.bulk_insert(key_table, [{
        'id': 1,
        'private_key': base64.b64encode(raw).decode('ascii'),
        'public_key': base64.b64encode(public).decode('ascii'),
        'created_at': dt.datetime.now().replace(microsecond=0),
    }])


def downgrade() -> None:
    op.drop_table('trusted_office')
    op.drop_table('office_key')
