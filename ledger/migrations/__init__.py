"""Alembic migrations, kept inside the package so an installed copy can migrate itself."""
