"""Persistence: SQLAlchemy models, sessions, migrations, backups, audit log."""
