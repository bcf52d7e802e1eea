"""What can be learnt about a SQLite database with the standard library alone (fast start-up):
its schema revision and, when that is current, the list of tests and the rest of the home page
(profiles, last mock, attempt in progress, reviews due) while SQLAlchemy is still loading."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.domain.ids import ProfileId

# The newest migration this build knows; tests check it equals Alembic's head.
HEAD_REVISION = "0013_response_partial_indexes"


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


# code, title, scored count, minutes, target %, active questions, last mock's correct and total,
# in-progress attempt's id and mode
HomeTestRow = tuple[str, str, int, int, float, int, int | None, int | None, int | None, str | None]


@dataclass(frozen=True)
class HomeRows:
    """What the home page shows for one profile, read in one snapshot with sqlite3 alone:
    profiles as (id, name, language code, attempts), the chosen profile, one row per test and the
    questions due for review per test code."""

    profiles: tuple[tuple[int, str, str | None, int], ...]
    profile_id: ProfileId
    tests: tuple[HomeTestRow, ...]
    due: dict[str, int]


PROFILES_SQL = """
SELECT p.id, p.name, p.language, (SELECT count(*) FROM attempt a WHERE a.profile_id = p.id)
  FROM profile p ORDER BY p.name
"""

# the same rows as ExamService.test_cards (attempts.last_submitted_mock and latest_open)
HOME_TESTS_SQL = """
SELECT t.code, t.title, t.scored_count, t.minutes, t.target_percent,
       (SELECT count(*) FROM question q JOIN bank b ON b.id = q.bank_id
         WHERE q.test_id = t.id AND q.retired = 0 AND b.enabled = 1),
       m.score_correct, m.score_total, o.id, o.mode,
       (SELECT tt.body FROM test_translation tt WHERE tt.test_id = t.id AND tt.language = :lang)
  FROM test t
  LEFT JOIN attempt m ON m.id = (
       SELECT a.id FROM attempt a
        WHERE a.profile_id = :profile AND a.test_id = t.id AND a.mode = 'mock'
          AND a.status = 'submitted'
        ORDER BY a.submitted_at DESC, a.id DESC LIMIT 1)
  LEFT JOIN attempt o ON o.id = (
       SELECT a.id FROM attempt a
        WHERE a.profile_id = :profile AND a.test_id = t.id AND a.status = 'in_progress'
        ORDER BY a.id DESC LIMIT 1)
 ORDER BY t.code
"""

# the same counts as ReviewService.due_counts
DUE_SQL = """
SELECT t.code, count(*) FROM test t
  JOIN question q ON q.test_id = t.id
  JOIN review_card r ON r.question_id = q.id
 WHERE r.profile_id = :profile AND r.due <= :now AND q.retired = 0
 GROUP BY t.code
"""


def _title(english: str, body: str | None) -> str:
    if body is None:
        return english
    try:
        title = json.loads(body).get("title")
    except (ValueError, AttributeError):
        return english
    return title if isinstance(title, str) and title else english


def quick_home_rows(
    path: Path, wanted_profile: str | None, now: datetime, language_of: Callable[[str | None], str]
) -> HomeRows | None:
    """The home page's data for the profile named `wanted_profile` (else the first by name),
    titles in `language_of(that profile's language code)`; `now` is naive UTC, for what is due.
    None when the schema is not this build's, there is no profile yet (the first one is made
    through the services) or SQLite says anything but yes: the services then fill the page."""
    if not path.exists():
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            con.execute("BEGIN")  # one snapshot for all the reads
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            if row is None or row[0] != HEAD_REVISION:
                return None
            profiles = tuple(
                (int(i), str(n), lang, int(k)) for i, n, lang, k in con.execute(PROFILES_SQL)
            )
            if not profiles:
                return None
            chosen = next((p for p in profiles if p[1] == wanted_profile), profiles[0])
            pid, lang = chosen[0], language_of(chosen[2])
            tests = tuple(
                (c, _title(t, body), sc, m, float(tp), int(n), mc, mt, oid, mode)
                for c, t, sc, m, tp, n, mc, mt, oid, mode, body in con.execute(
                    HOME_TESTS_SQL, {"profile": pid, "lang": lang}
                )
            )
            stamp = now.isoformat(sep=" ", timespec="microseconds")  # as SQLAlchemy stores it
            due = {str(c): int(n) for c, n in con.execute(DUE_SQL, {"profile": pid, "now": stamp})}
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return HomeRows(profiles, ProfileId(pid), tests, due)
