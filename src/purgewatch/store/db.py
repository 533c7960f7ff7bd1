"""Engines and migrations: SQLite by default, any SQLAlchemy URL (PostgreSQL) by --db or $PURGEWATCH_DB."""

from __future__ import annotations

import os
import time
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import (
    ArgumentError,
    IntegrityError,
    NoSuchModuleError,
    OperationalError,
    ProgrammingError,
    SQLAlchemyError,
)

from purgewatch.errors import DatabaseError

DEFAULT_DB = "sqlite:///purgewatch.db"
DB_ENV = "PURGEWATCH_DB"


def database_url(url: str | None = None) -> str:
    return url or os.environ.get(DB_ENV) or DEFAULT_DB


def open_engine(url: str | None = None, migrate: bool = True) -> Engine:
    """An engine for the URL, with the schema migrated to the newest revision."""
    url = database_url(url)
    try:
        engine = create_engine(url, future=True)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise DatabaseError(f"bad database URL '{url}': {exc}") from exc
    except ImportError as exc:
        raise DatabaseError(f"database URL '{url}' needs the Python driver '{exc.name}' (pip install it)") from exc
    if engine.dialect.name == "sqlite":
        db_path = engine.url.database
        if db_path and db_path != ":memory:" and not Path(db_path).parent.exists():
            raise DatabaseError(f"bad database URL '{url}': folder {Path(db_path).parent} does not exist")
        event.listen(engine, "connect", _sqlite_pragmas)
    if migrate:
        try:
            upgrade(engine)
        except OperationalError as exc:
            raise DatabaseError(f"cannot open database '{engine.url.render_as_string(hide_password=True)}': "
                                f"{exc.orig}") from exc
        except SQLAlchemyError as exc:
            raise DatabaseError(f"database error on '{url}': {exc}") from exc
    return engine


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")  # readers (serve) and a writer (ingest) at once
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("purgewatch.store") / "migrations"))
    return cfg


MIGRATION_LOCK = 7365  # PostgreSQL advisory lock: one process migrates, the others wait and find it done


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision`. Safe when several processes open a new database at once: on
    PostgreSQL they queue on an advisory lock; on SQLite the transaction takes the write lock first."""
    cfg = alembic_config()
    for attempt in range(3):
        try:
            with engine.begin() as conn:
                if engine.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
            return
        except (OperationalError, IntegrityError, ProgrammingError):
            # SQLite: another process created the tables between our look and our write; look again
            if attempt == 2:
                raise
            time.sleep(0.5)
