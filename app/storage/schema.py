"""What can be learnt about a SQLite database with the standard library alone (fast start-up):
its schema revision and, when that is current, the list of tests for the home screen."""

from __future__ import annotations

import sqlite3
from pathlib import Path

# The newest migration this build knows; tests check it equals Alembic's head.
HEAD_REVISION = "0009_profile_language"


def quick_revision(path: Path) -> str | None:
    """The schema revision of a SQLite file using only the standard library (fast start-up)."""
    if not path.exists():
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


TEST_LIST_SQL = """
SELECT t.code, t.title, t.scored_count, t.minutes, t.target_percent,
       (SELECT count(*) FROM question q JOIN bank b ON b.id = q.bank_id
         WHERE q.test_id = t.id AND q.retired = 0 AND b.enabled = 1)
  FROM test t ORDER BY t.code
"""


def quick_test_list(path: Path) -> list[tuple[str, str, int, int, float, int]] | None:
    """Tests with active question counts, read-only, or None unless the schema is current."""
    if quick_revision(path) != HEAD_REVISION:
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            return [tuple(r) for r in con.execute(TEST_LIST_SQL)]
        finally:
            con.close()
    except sqlite3.Error:
        return None
