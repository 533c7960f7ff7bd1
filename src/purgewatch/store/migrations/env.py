"""Alembic environment: runs on the connection purgewatch hands it (see store/db.py)."""

from alembic import context

from purgewatch.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through purgewatch.store.db.upgrade()")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
