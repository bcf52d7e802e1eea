"""Migrations build the schema the models describe; old databases upgrade; newer ones refuse."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.storage.database import HEAD_REVISION, MIGRATIONS, Database, NewerDatabaseError
from app.storage.models import Base


def _script() -> ScriptDirectory:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg)


def test_head_constant_matches_alembic() -> None:
    assert _script().get_current_head() == HEAD_REVISION


def test_migrated_schema_matches_models(db_url: str) -> None:
    db = Database(db_url)
    try:
        assert db.upgrade() is True
        assert db.upgrade() is False
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
        assert db.current_revision() == HEAD_REVISION
    finally:
        db.dispose()


def test_every_revision_upgrades_to_head_keeping_rows(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    revisions = [r.revision for r in _script().walk_revisions()][::-1]  # oldest first
    db = Database(url)
    try:
        db.upgrade(revisions[0])
        with db.engine.begin() as c:
            c.exec_driver_sql(
                "INSERT INTO profile (name, created_at, time_multiplier, "
                "hide_countdown) VALUES ('Old', '2025-01-01 00:00:00', 1.0, 0)"
            )
        db.upgrade()
        assert db.current_revision() == HEAD_REVISION
        with db.engine.connect() as c:
            assert c.exec_driver_sql("SELECT name FROM profile").scalar() == "Old"
    finally:
        db.dispose()


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    db = Database(url)
    db.upgrade()
    with db.engine.begin() as c:
        c.exec_driver_sql("UPDATE alembic_version SET version_num='9999_future'")
    with pytest.raises(NewerDatabaseError, match="written by a newer version of BayReady"):
        db.upgrade()
    db.dispose()


def test_sqlite_pragmas(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'p.db'}")
    db.upgrade()
    with db.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    db.dispose()
    con = sqlite3.connect(tmp_path / "p.db")
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
