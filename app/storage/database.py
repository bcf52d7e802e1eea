"""Engine set-up, schema upgrades and the transaction helpers services use.

SQLite connections get foreign keys, WAL, a busy timeout, `synchronous=FULL` (a committed answer
survives a power cut) and a small page cache (`SQLITE_CACHE_KIB`). Write transactions start with
BEGIN IMMEDIATE so two processes never deadlock upgrading a read lock. A SQLite file is checked
with `PRAGMA quick_check` when opened (about 4 ms for the nine shipped banks), so a damaged or
foreign file is refused before anything is written into it. PostgreSQL (the classroom database)
gets connect, statement and lock timeouts and TCP keepalives, so a server that stops answering
cannot hang the app.

Faults a user can cause or fix (damaged file, locked, disk full, read-only folder, unreachable
server, bad URL) are raised as `DatabaseError` subclasses whose message names the database and
says what to do; anything else (a programming error) propagates unchanged to the crash hook.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection, Engine, make_url

from app.resources import migrations_dir
from app.storage.schema import HEAD_REVISION as HEAD_REVISION  # re-exported
from app.storage.schema import quick_revision as quick_revision

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 15000  # the CLI and background jobs wait out another writer this long
# A click in the GUI waits at most this long for another program's write to finish, then says so
# (commits take milliseconds; only a long import in another process holds the lock longer).
GUI_BUSY_TIMEOUT_MS = 1500
# PostgreSQL: libpq's connect_timeout covers the whole start-up exchange, so a server that accepts
# TCP and never answers fails after this; a `connect_timeout` in the URL's query wins.
PG_CONNECT_TIMEOUT_S = 10
PG_STATEMENT_TIMEOUT_MS = 30000
PG_LOCK_TIMEOUT_MS = 10000
MIGRATIONS = migrations_dir()  # through importlib.resources, as in a wheel
# Each pooled SQLite connection's private page cache, in KiB (SQLite's default is 2 MB). The GUI
# keeps a writer and a reader connection open, and one large read (a 20,000-question pool, a
# report) leaves a full cache behind on each until the process exits: about 5 MB of the memory
# peak with a mock open. The file's pages stay in the operating system's cache, so a small cache
# costs no time that could be measured on the bank import or the weak-area report.
SQLITE_CACHE_KIB = 256


class DatabaseError(Exception):
    """A database problem the user can act on (message says how)."""


class NewerDatabaseError(DatabaseError):
    pass


class DamagedDatabaseError(DatabaseError):
    """The file is not a SQLite database, or its pages are damaged."""


class DatabaseBusyError(DatabaseError):
    """Another program holds the write lock; trying again later can succeed."""


class DatabaseWriteError(DatabaseError):
    """Disk full, read-only file or folder, I/O error: nothing was written."""


class DatabaseUnreachableError(DatabaseError):
    """The database server refused, timed out or the URL names nothing that answers."""


def _sqlite_pragmas(busy_timeout_ms: int) -> Any:
    def pragmas(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _begin)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
        cur.close()

    return pragmas


def _pg_connect_args(url: str) -> dict[str, Any]:
    query = make_url(url).query
    args: dict[str, Any] = {
        "options": (
            f"-c statement_timeout={PG_STATEMENT_TIMEOUT_MS} -c lock_timeout={PG_LOCK_TIMEOUT_MS}"
        ),
        # a server that vanishes mid-session (cable pulled, VM paused) is noticed in ~30 s
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 5,
        "keepalives_count": 3,
        "tcp_user_timeout": 30000,
    }
    if "connect_timeout" not in query:
        args["connect_timeout"] = PG_CONNECT_TIMEOUT_S
    return {k: v for k, v in args.items() if k not in query}


def _make_engine(
    url: str,
    *,
    immediate: bool,
    busy_timeout_ms: int,
    name: str,
    connect_args: dict[str, Any] | None = None,
) -> Engine:
    is_sqlite = url.startswith("sqlite")
    kwargs: dict[str, Any] = {}
    try:
        if is_sqlite:
            kwargs["connect_args"] = {
                "timeout": busy_timeout_ms / 1000,
                "check_same_thread": False,
            }
        elif url.startswith("postgresql"):
            kwargs["connect_args"] = {**_pg_connect_args(url), **(connect_args or {})}
        engine = create_engine(url, **kwargs)
    except (sa_exc.ArgumentError, sa_exc.NoSuchModuleError, ImportError, ValueError) as e:
        raise DatabaseUnreachableError(
            f"{name} is not a database URL BayReady can use ({e}). Give a SQLite file path "
            "or a URL such as postgresql+psycopg://user@host/dbname."
        ) from e
    if is_sqlite:
        event.listen(engine, "connect", _sqlite_pragmas(busy_timeout_ms))

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    @event.listens_for(engine, "handle_error")
    def _explain(ctx: Any) -> DatabaseError | None:
        if ctx.is_pre_ping:
            return None
        return explain(ctx.original_exception, name, is_sqlite=is_sqlite)

    return engine


def _damaged(name: str, detail: str) -> DamagedDatabaseError:
    return DamagedDatabaseError(
        f"The database {name} is damaged or is not a BayReady database ({detail}). Nothing was "
        f"written to it. Restore a backup copy of it, or move it aside (rename it, for example to "
        f"{Path(name).name}.damaged) and try again to begin with a new, empty one."
    )


def explain(e: BaseException, name: str, *, is_sqlite: bool) -> DatabaseError | None:
    """The user-facing error for a driver exception, or None when it is a programming error."""
    text_ = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    low = text_.lower()
    if is_sqlite:
        if not isinstance(e, sqlite3.Error) or isinstance(
            e, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError
        ):
            return None
        if "locked" in low or "busy" in low:
            return DatabaseBusyError(
                f"Another program is using the database {name} (it is holding it to write). "
                "Close the other BayReady window or program using this file, then try again."
            )
        if "disk is full" in low or "database or disk is full" in low:
            return DatabaseWriteError(
                f"The disk holding the database {name} is full, so nothing more could be saved. "
                "Free some disk space, then try again."
            )
        if "readonly" in low or "read-only" in low:
            return DatabaseWriteError(
                f"The database {name} cannot be written: the file or its folder is read-only. "
                "Make it writable, or start BayReady with --data-dir (or --db) pointing to a "
                "folder you can write to."
            )
        if "unable to open" in low:
            return DatabaseWriteError(
                f"The database {name} cannot be opened: check that its folder exists and that you "
                "may write to it, or start BayReady with --data-dir (or --db) pointing elsewhere."
            )
        if "disk i/o" in low:
            return DatabaseWriteError(
                f"The disk reported an error reading or writing the database {name}; nothing was "
                "saved. Check the disk (or the network drive) and try again."
            )
        if "malformed" in low or "not a database" in low or "corrupt" in low:
            return _damaged(name, text_)
        return None
    # PostgreSQL (psycopg): errors the server or the network raise, not SQL mistakes (nor
    # permissions, which the classroom code explains itself)
    try:
        import psycopg
    except ImportError:
        return None

    if isinstance(e, psycopg.errors.QueryCanceled):
        return DatabaseUnreachableError(
            f"The database server {name} took too long to answer and the request was stopped "
            f"({text_}). Try again; if it keeps happening, ask whoever runs the server."
        )
    if isinstance(e, psycopg.errors.LockNotAvailable):
        return DatabaseBusyError(
            f"Another program is holding data in the database {name} that this action needs. "
            "Try again in a moment."
        )
    pg = psycopg.errors
    if isinstance(
        e, pg.DiskFull | pg.OutOfMemory | pg.InsufficientResources | pg.ReadOnlySqlTransaction
    ):
        return DatabaseWriteError(
            f"The database server {name} could not save this ({text_}): it is out of disk space "
            "or read-only. Nothing was saved; ask whoever runs the server, then try again."
        )
    if isinstance(e, psycopg.OperationalError):
        return DatabaseUnreachableError(
            f"Cannot use the database server {name}: {text_}. Check that the server is running "
            "and reachable and that the URL (host, port, user, database name) is right."
        )
    return None


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not a healthy BayReady database before anything is written to it.

    A missing or empty file is fine (a new database). `PRAGMA quick_check` reads every page but
    skips the index cross-checks of integrity_check: about 4 ms for the nine shipped banks. A
    healthy SQLite file of another program (tables, none of them Alembic's) is refused too, so
    `--db` pointing at the wrong file never grows BayReady's tables inside it.
    """
    try:
        if not path.exists():
            return
        if not path.is_file():  # a folder, a FIFO or a device would hang or fail obscurely
            raise _damaged(str(path), "it is not a regular file")
        if path.stat().st_size == 0:
            return
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            rows = con.execute("PRAGMA quick_check(1)").fetchall()
            tables = {
                r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        finally:
            con.close()
    except sqlite3.Error as e:
        err = explain(e, str(path), is_sqlite=True)
        if err is None:
            raise _damaged(str(path), str(e)) from e
        raise err from e
    except OSError as e:
        raise DatabaseWriteError(f"cannot read the database {path}: {e.strerror}") from e
    problems = [str(r[0]) for r in rows]
    if problems != ["ok"]:
        lines = " ".join(problems).replace("*** in database main ***", "").split()
        raise _damaged(str(path), "quick_check: " + " ".join(lines)[:160])
    if tables and "alembic_version" not in tables:
        raise DamagedDatabaseError(
            f"The file {path} is a database of another program (it has no BayReady tables), "
            "so BayReady will not write into it. Give BayReady another file (--db or "
            "--data-dir), or move this one aside."
        )


def sqlite_path(url: str) -> Path | None:
    if not url.startswith("sqlite:///"):
        return None
    p = url[len("sqlite:///") :]
    return Path(p) if p and p != ":memory:" else None


class Database:
    """One database: a writer engine (BEGIN IMMEDIATE) and a reader engine."""

    def __init__(
        self,
        url: str,
        *,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        check: bool = True,
        connect_args: dict[str, Any] | None = None,
    ) -> None:
        """`connect_args` (PostgreSQL): a saved password or passfile, kept out of the URL."""
        if url.startswith(("postgresql://", "postgres://")):  # the driver we ship
            url = "postgresql+psycopg://" + url.split("://", 1)[1]
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        if url.startswith("postgresql"):
            from app.storage.tables import describe_postgresql

            describe_postgresql()
        self.busy_timeout_ms = busy_timeout_ms
        path = sqlite_path(url)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise DatabaseWriteError(
                    f"cannot create the folder {path.parent} for the database: {e.strerror}. "
                    "Start BayReady with --data-dir pointing to a folder you can write to."
                ) from e
            if check:
                check_sqlite_file(path)
        name = self.display_name()
        self.engine = _make_engine(
            url,
            immediate=True,
            busy_timeout_ms=busy_timeout_ms,
            name=name,
            connect_args=connect_args,
        )
        self.read_engine = (
            _make_engine(url, immediate=False, busy_timeout_ms=busy_timeout_ms, name=name)
            if self.is_sqlite
            else self.engine
        )
        # the ORM's sessions are made on first use: the path from start-up to an open mock
        # runs on Core connections (begin/connect) and never imports sqlalchemy.orm (8 MB)
        self._writer: sessionmaker[Session] | None = None
        self._reader: sessionmaker[Session] | None = None

    @contextlib.contextmanager
    def begin(self) -> Iterator[Connection]:
        """One user action on Core: commits on success, rolls back on any exception."""
        with self.engine.begin() as conn:
            yield conn

    @contextlib.contextmanager
    def connect(self) -> Iterator[Connection]:
        """A read on Core (the transaction is rolled back at the end)."""
        with self.read_engine.connect() as conn:
            yield conn

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One user action through the ORM: commits on success, rolls back on any exception."""
        if self._writer is None:
            from sqlalchemy.orm import sessionmaker

            self._writer = sessionmaker(self.engine, expire_on_commit=False)
        with self._writer.begin() as s:
            yield s

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        if self._reader is None:
            from sqlalchemy.orm import sessionmaker

            self._reader = sessionmaker(self.read_engine, expire_on_commit=False)
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
                        if not self.is_sqlite:  # rewriting a big classroom table may exceed 30 s
                            conn.exec_driver_sql("SET LOCAL statement_timeout = 0")
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
        if path is not None:
            return str(path)
        try:
            u = make_url(self.url)
        except (sa_exc.ArgumentError, ValueError):
            return self.url.split("@")[-1]  # never show a password
        if u.host is None:
            return u.render_as_string(hide_password=True)
        return f"{u.host}{f':{u.port}' if u.port else ''}/{u.database or ''}"
