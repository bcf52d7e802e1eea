"""Engine set-up, schema upgrades and the transaction helpers services use.

SQLite connections get foreign keys, WAL, a busy timeout and `synchronous=FULL` (a committed answer
survives a power cut). Write transactions start with BEGIN IMMEDIATE so two processes never
deadlock upgrading a read lock. PostgreSQL (the classroom database) uses its defaults.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.resources import migrations_dir
from app.storage.schema import HEAD_REVISION as HEAD_REVISION  # re-exported
from app.storage.schema import quick_revision as quick_revision

BUSY_TIMEOUT_MS = 15000
MIGRATIONS = migrations_dir()  # through importlib.resources, as in a wheel


class DatabaseError(Exception):
    """A database problem the user can act on (message says how)."""


class NewerDatabaseError(DatabaseError):
    pass


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _begin)
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def _make_engine(
    url: str, *, immediate: bool, connect_args: dict[str, Any] | None = None
) -> Engine:
    is_sqlite = url.startswith("sqlite")
    kwargs: dict[str, Any] = {}
    if is_sqlite:
        kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
    elif connect_args:
        kwargs["connect_args"] = dict(connect_args)
    engine = create_engine(url, **kwargs)
    if is_sqlite:
        event.listen(engine, "connect", _sqlite_pragmas)

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def sqlite_path(url: str) -> Path | None:
    if not url.startswith("sqlite:///"):
        return None
    p = url[len("sqlite:///") :]
    return Path(p) if p and p != ":memory:" else None


class Database:
    """One database: a writer engine (BEGIN IMMEDIATE) and a reader engine."""

    def __init__(self, url: str, *, connect_args: dict[str, Any] | None = None) -> None:
        """`connect_args` (PostgreSQL): a saved password or passfile, kept out of the URL."""
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        path = sqlite_path(url)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise DatabaseError(f"cannot create the folder {path.parent}: {e.strerror}") from e
        self.engine = _make_engine(url, immediate=True, connect_args=connect_args)
        self.read_engine = _make_engine(url, immediate=False) if self.is_sqlite else self.engine
        self._writer = sessionmaker(self.engine, expire_on_commit=False)
        self._reader = sessionmaker(self.read_engine, expire_on_commit=False)

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One user action: commits on success, rolls back on any exception."""
        with self._writer.begin() as s:
            yield s

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as s:
            yield s

    def dispose(self) -> None:
        self.engine.dispose()
        if self.read_engine is not self.engine:
            self.read_engine.dispose()

    # -- schema -------------------------------------------------------------------------------
    def current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
            return row[0] if row else None

    def upgrade(self, revision: str = "head") -> bool:
        """Bring the schema to `revision` in one transaction; True if anything changed."""
        from alembic import command
        from alembic.config import Config
        from alembic.script import ScriptDirectory

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        script = ScriptDirectory.from_config(cfg)
        current = self.current_revision()
        known = {r.revision for r in script.walk_revisions()}
        if current is not None and current not in known:
            raise NewerDatabaseError(
                f"The database {self.display_name()} was written by a newer version of BayReady "
                f"(schema {current}). Update BayReady, or start it with --db pointing to another "
                "database."
            )
        target = script.get_current_head() if revision == "head" else revision
        if current == target:
            return False
        from sqlalchemy.exc import ProgrammingError

        try:
            with self.engine.connect() as conn:
                # SQLite rebuilds a table to change its constraints; with foreign keys on,
                # dropping the old table would cascade into (delete) the rows that refer to it.
                # The pragma only takes effect outside a transaction, so it is set on the bare
                # connection and the references are checked before the upgrade commits
                # (SQLite's documented procedure).
                raw = conn.connection.driver_connection if self.is_sqlite else None
                if raw is not None:
                    raw.execute("PRAGMA foreign_keys=OFF")
                try:
                    with conn.begin():
                        cfg.attributes["connection"] = conn
                        command.upgrade(cfg, revision)
                        if raw is not None:
                            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
                            if broken is not None:
                                raise DatabaseError(
                                    f"The database {self.display_name()} could not be upgraded: a "
                                    f"row of {broken[0]} refers to a missing row of {broken[2]}. "
                                    "Restore a backup or start with another --db."
                                )
                finally:
                    if raw is not None:
                        raw.execute("PRAGMA foreign_keys=ON")
        except ProgrammingError as e:
            if getattr(e.orig, "sqlstate", None) != "42501":  # insufficient_privilege
                raise
            raise DatabaseError(
                f"The database {self.display_name()} needs an upgrade (schema {current} to "
                f"{target}) that only its owner may run. Ask your instructor to run `bayready db "
                "upgrade` and then `bayready classroom init`."
            ) from None
        return True

    def display_name(self) -> str:
        path = sqlite_path(self.url)
        return str(path) if path else self.url.split("@")[-1]
