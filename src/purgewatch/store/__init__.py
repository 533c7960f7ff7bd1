"""The store stage: documents, persons, events and their evidence in SQLite or PostgreSQL."""

from purgewatch.store.db import DB_ENV, DEFAULT_DB, database_url, open_engine
from purgewatch.store.repository import Store

__all__ = ["DB_ENV", "DEFAULT_DB", "Store", "database_url", "open_engine"]
