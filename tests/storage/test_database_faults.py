"""Database faults a user can cause: each is one clear message naming the database, nothing is
written into a damaged file, and nothing hangs (real SQLite files, sockets and PostgreSQL)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import IntegrityError, OperationalError

from app.storage.database import (
    GUI_BUSY_TIMEOUT_MS,
    DamagedDatabaseError,
    Database,
    DatabaseBusyError,
    DatabaseUnreachableError,
    DatabaseWriteError,
)
from tests.conftest import PG_URL
from tests.faults.database import (
    build_shipped_db,
    damage,
    digest,
    free_port,
    held_write_lock,
    read_only,
    silent_server,
)


@pytest.fixture(scope="module")
def shipped_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_shipped_db(tmp_path_factory.mktemp("shipped") / "bayready.db")


ADD_PROFILE = text(
    "INSERT INTO profile (name, created_at, time_multiplier, hide_countdown) "
    "VALUES (:n, '2026-01-01', 1, 0)"
)


# -- damaged or foreign files ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "content", [os.urandom(64 * 1024), b"not a database\n"], ids=["random", "text"]
)
def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(DamagedDatabaseError) as e:
        Database(f"sqlite:///{path}")
    msg = str(e.value)
    assert str(path) in msg and "\n" not in msg
    assert "Restore a backup" in msg and "notes.db.damaged" in msg
    assert path.read_bytes() == content
    assert not Path(f"{path}-wal").exists()


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "places.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(DamagedDatabaseError) as e:
        Database(f"sqlite:///{path}")
    assert "another program" in str(e.value) and str(path) in str(e.value)
    assert digest(path) == before


def test_a_folder_or_fifo_given_as_the_database_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.db")
    (tmp_path / "folder.db").mkdir()
    for name in ("pipe.db", "folder.db"):
        with pytest.raises(DamagedDatabaseError, match="not a regular file"):
            Database(f"sqlite:///{tmp_path / name}")


def test_damaged_pages_are_found_at_open_and_nothing_is_written(
    shipped_db: Path, tmp_path: Path
) -> None:
    path = damage(shipped_db, tmp_path / "bayready.db")
    before = digest(path)
    with pytest.raises(DamagedDatabaseError) as e:
        Database(f"sqlite:///{path}")
    assert str(path) in str(e.value) and "quick_check" in str(e.value)
    assert "\n" not in str(e.value)
    assert digest(path) == before


def test_a_healthy_file_an_empty_file_and_no_file_all_open(
    shipped_db: Path, tmp_path: Path
) -> None:
    for path in (shipped_db, tmp_path / "new.db"):
        Database(f"sqlite:///{path}").dispose()
    empty = tmp_path / "empty.db"
    empty.touch()
    db = Database(f"sqlite:///{empty}")
    assert db.upgrade() is True
    db.dispose()


# -- locked, full, read-only -----------------------------------------------------------------------
def test_a_locked_database_says_another_program_holds_it(tmp_path: Path) -> None:
    path = tmp_path / "bayready.db"
    db = Database(f"sqlite:///{path}", busy_timeout_ms=GUI_BUSY_TIMEOUT_MS)
    db.upgrade()
    with db.read() as s:
        assert s.execute(text("PRAGMA busy_timeout")).scalar() == GUI_BUSY_TIMEOUT_MS
    with held_write_lock(path), pytest.raises(DatabaseBusyError) as e, db.write() as s:
        s.execute(ADD_PROFILE, {"n": "a"})
    assert "Another program is using the database" in str(e.value) and str(path) in str(e.value)
    with db.write() as s:  # once the other program lets go, the same action succeeds
        s.execute(ADD_PROFILE, {"n": "a"})
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM profile")).scalar() == 1
    db.dispose()


def limit_pages(db: Database, extra_pages: int) -> None:
    """Make the disk 'full' `extra_pages` pages from now (SQLite reports SQLITE_FULL)."""

    def cap(dbapi_conn: Any, _record: Any) -> None:
        n = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count={n + extra_pages}")

    db.engine.dispose()
    event.listen(db.engine, "connect", cap)


def test_a_full_disk_is_one_message_and_the_transaction_is_rolled_back(tmp_path: Path) -> None:
    path = tmp_path / "bayready.db"
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    limit_pages(db, 2)
    with pytest.raises(DatabaseWriteError) as e, db.write() as s:
        for i in range(2000):
            s.execute(
                ADD_PROFILE,
                {"n": f"learner {i} " + "x" * 150},
            )
    assert "is full" in str(e.value) and str(path) in str(e.value)
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM profile")).scalar() == 0
    db.dispose()


def test_a_read_only_folder_is_one_message(tmp_path: Path) -> None:
    folder = tmp_path / "locked-folder"
    folder.mkdir()
    with read_only(folder):
        db = Database(f"sqlite:///{folder / 'bayready.db'}")
        with pytest.raises(DatabaseWriteError) as e:
            db.upgrade()
        db.dispose()
        with pytest.raises(DatabaseWriteError) as e2:
            Database(f"sqlite:///{folder / 'sub' / 'bayready.db'}")
    assert str(folder / "bayready.db") in str(e.value) and "--data-dir" in str(e.value)
    assert str(folder / "sub") in str(e2.value)


def test_programming_errors_are_not_disguised(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'bayready.db'}")
    db.upgrade()
    with pytest.raises(OperationalError), db.write() as s:
        s.execute(text("SELECT no_such_column FROM profile"))
    with pytest.raises(IntegrityError), db.write() as s:
        s.execute(text("INSERT INTO bank (test_id) VALUES (1)"))
    db.dispose()


# -- bad URLs and servers that do not answer -------------------------------------------------------
@pytest.mark.parametrize("url", ["foo://bar", "postgresql+nodriver://h/db", "mysql://h/db"])
def test_a_bad_url_is_one_message(url: str) -> None:
    with pytest.raises(DatabaseUnreachableError) as e:
        Database(url)
    assert "not a database URL" in str(e.value) and "\n" not in str(e.value)


def test_a_server_that_never_answers_times_out() -> None:
    with silent_server() as port:
        db = Database(f"postgresql://u@127.0.0.1:{port}/db?connect_timeout=2")
        with pytest.raises(DatabaseUnreachableError) as e:
            db.upgrade()
    assert f"127.0.0.1:{port}/db" in str(e.value) and "timeout" in str(e.value)
    db.dispose()


def test_the_default_connect_timeout_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.storage import database

    args = database._pg_connect_args("postgresql+psycopg://u@h/db")
    assert args["connect_timeout"] == database.PG_CONNECT_TIMEOUT_S
    assert "statement_timeout" in args["options"]
    assert "connect_timeout" not in database._pg_connect_args(
        "postgresql+psycopg://u@h/db?connect_timeout=3"
    )


def test_a_refused_connection_is_one_message() -> None:
    port = free_port()
    db = Database(f"postgresql://u:secret@127.0.0.1:{port}/db")
    with pytest.raises(DatabaseUnreachableError) as e:
        db.upgrade()
    assert "Cannot use the database server" in str(e.value) and "secret" not in str(e.value)
    db.dispose()


@pytest.mark.postgres
def test_postgres_statements_time_out(monkeypatch: pytest.MonkeyPatch) -> None:
    if not PG_URL:
        pytest.skip("PostgreSQL not available (run through make test)")
    from app.storage import database

    db = Database(PG_URL)
    with db.read() as s:
        assert s.execute(text("SHOW statement_timeout")).scalar() == "30s"
        assert s.execute(text("SHOW lock_timeout")).scalar() == "10s"
    db.dispose()
    monkeypatch.setattr(database, "PG_STATEMENT_TIMEOUT_MS", 300)
    db = Database(PG_URL)
    with pytest.raises(DatabaseUnreachableError) as e, db.read() as s:
        s.execute(text("SELECT pg_sleep(30)"))
    assert "took too long" in str(e.value)
    db.dispose()


CORE_ONLY = """
import sys
from pathlib import Path
from sqlalchemy import text
from app.storage.database import Database

db = Database(f"sqlite:///{Path(sys.argv[1]) / 'core.db'}")
with db.begin() as conn:
    conn.execute(text("CREATE TABLE t (x INTEGER)"))
    conn.execute(text("INSERT INTO t VALUES (1)"))
try:
    with db.begin() as conn:
        conn.execute(text("INSERT INTO t VALUES (2)"))
        raise RuntimeError("rolled back")
except RuntimeError:
    pass
with db.connect() as conn:
    print(conn.execute(text("SELECT count(*) FROM t")).scalar_one())
db.dispose()
print("sqlalchemy.orm" in sys.modules)
"""


def test_the_core_entry_commits_a_user_action_without_loading_the_orm(tmp_path: Path) -> None:
    """`begin()` commits one action (or rolls all of it back) and `connect()` reads, on Core
    connections: a fresh interpreter using only them never imports sqlalchemy.orm (8 MB)."""
    import subprocess
    import sys

    import app

    script = tmp_path / "core.py"
    script.write_text(CORE_ONLY)
    env = {**os.environ, "PYTHONPATH": str(Path(app.__file__).parents[1])}
    r = subprocess.run(
        [sys.executable, str(script), str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["1", "False"]
