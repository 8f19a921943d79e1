"""Alembic migrations of the storage schema: env.py, versions/, alembic.ini for the CLI."""
