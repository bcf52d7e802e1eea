"""Weak-area report: ReportService.weak_area_report over a long history.

A migrated SQLite file gets the shipped A8 bank (50 scored items) through the importer; then
`attempts` submitted mock exams of `per_attempt` answered items each, spread over the last 180
days, are written with raw sqlite3 executemany in one transaction. Baseline: the report's own
main aggregation (responses per task, difficulty rating, mode, side of the recent window,
confidence and the previous answer on the question - the same window and grouping as
`app.storage.queries.reports.answer_groups`) run as raw SQL through sqlite3. Target: both at
most 1.3x that and 60 ms.
"""

from __future__ import annotations

import random
import sqlite3
import time
from datetime import datetime, timedelta
from pathlib import Path

from benchmarks.figures import Figure, Target, median

REPO = Path(__file__).resolve().parent.parent
BANK = REPO / "question_banks" / "a8-engine-performance.yaml"
CODE = "A8"
NOW = datetime(2026, 11, 1, 9, 0, 0)

# What app.storage.queries.reports.answer_groups sends for this history (no practice, so no
# "later practice" term): one row per task, rating, mode, side of the recent window (RECENT_DAYS),
# confidence and previous answer on the question, with the latest day of each group.
AGGREGATE = """
SELECT task_id, difficulty, practice, max(CASE WHEN given > :today THEN :today ELSE given END),
       count(*), sum(CASE WHEN correct IS 1 THEN 1 ELSE 0 END), sum(seconds),
       sum(CASE WHEN chosen IS NOT NULL THEN 1 ELSE 0 END), sure, before
FROM (
  SELECT question.task_id, question.difficulty, attempt.mode = 'practice' AS practice,
         date(coalesce(response.answered_at, attempt.submitted_at, attempt.started_at)) AS given,
         response.correct, response.seconds, response.chosen,
         coalesce(response.confidence, 0) AS sure,
         lag(CASE WHEN response.correct IS 1 THEN 1 ELSE -1 END, 1, 0)
           OVER (PARTITION BY response.question_id ORDER BY response.id) AS before
  FROM response
  JOIN attempt ON attempt.id = response.attempt_id
  JOIN question ON question.id = response.question_id
  WHERE attempt.profile_id = :profile AND attempt.test_id = :test AND response.scored IS 1
    AND (response.chosen IS NOT NULL
         OR (attempt.mode IN ('mock', 'recert') AND attempt.status = 'submitted'))
)
GROUP BY task_id, difficulty, practice,
         CASE WHEN practice IS 1 THEN CASE WHEN given > :today THEN :today ELSE given END END,
         CASE WHEN (CASE WHEN given > :today THEN :today ELSE given END) <= :old THEN 1 ELSE 0 END,
         sure, before
"""


def _aggregate_args(profile_id: int, test_id: int) -> dict[str, object]:
    from app.domain.mastery import RECENT_DAYS

    today = NOW.date()
    old = today - timedelta(days=int(RECENT_DAYS) + 1)
    return {"profile": profile_id, "test": test_id, "today": str(today), "old": str(old)}


def _history(db_file: Path, profile_id: int, attempts: int, per_attempt: int) -> tuple[int, int]:
    """Writes the attempts and responses; returns (test id, responses written)."""
    rng = random.Random(500)
    con = sqlite3.connect(db_file, isolation_level=None)
    try:
        (test_id,) = con.execute("SELECT id FROM test WHERE code = ?", (CODE,)).fetchone()
        questions = con.execute(
            "SELECT question.id, content_area.letter FROM question "
            "JOIN content_area ON content_area.id = question.area_id WHERE question.test_id = ?",
            (test_id,),
        ).fetchall()
        ability = {letter: rng.uniform(0.45, 0.9) for _, letter in questions}
        attempt_rows = []
        response_rows = []
        for a in range(1, attempts + 1):
            started = NOW - timedelta(days=180 * (attempts - a) / attempts, hours=2)
            submitted = started + timedelta(minutes=70)
            right = 0
            drawn = rng.sample(questions, min(per_attempt, len(questions)))
            for pos, (qid, letter) in enumerate(drawn):
                chosen = None if rng.random() < 0.03 else rng.randrange(4)
                correct = None if chosen is None else rng.random() < ability[letter]
                right += bool(correct)
                answered = None if chosen is None else started + timedelta(seconds=80 * pos)
                response_rows.append(
                    (a, qid, pos, 1, "0123", chosen, correct, 0, rng.uniform(20, 120), answered)
                )
            attempt_rows.append(
                (a, profile_id, test_id, "mock", "submitted", started, submitted, 4500.0, 4200.0,
                 submitted, 0, 0, 70.0, right, len(drawn))
            )  # fmt: skip
        con.execute("BEGIN IMMEDIATE")
        con.executemany(
            "INSERT INTO attempt (id, profile_id, test_id, mode, status, started_at, "
            "submitted_at, time_limit_s, elapsed_s, saved_at, current_position, "
            "include_unscored, target_percent, score_correct, score_total) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [tuple(_sql(v) for v in r) for r in attempt_rows],
        )
        con.executemany(
            "INSERT INTO response (attempt_id, question_id, position, scored, choice_order, "
            "chosen, correct, flagged, seconds, answered_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [tuple(_sql(v) for v in r) for r in response_rows],
        )
        con.execute("COMMIT")
    finally:
        con.close()
    return int(test_id), len(response_rows)


def _sql(value: object) -> object:
    """Datetimes as SQLAlchemy stores them in SQLite."""
    return (
        value.isoformat(sep=" ", timespec="microseconds") if isinstance(value, datetime) else value
    )


def measure(workdir: Path, attempts: int, per_attempt: int, repeats: int) -> Figure:
    from app.services.banks import BankService
    from app.services.profiles import ProfileService
    from app.services.reports import ReportService
    from app.storage.database import Database

    db_file = workdir / "history.db"
    db = Database(f"sqlite:///{db_file}")
    try:
        db.upgrade()
        BankService(db, lambda: NOW).import_file(BANK)
        profile = ProfileService(db, lambda: NOW).ensure_default()
        test_id, responses = _history(db_file, profile.id, attempts, per_attempt)
        reports = ReportService(db, lambda: NOW)
        report = reports.weak_area_report(profile.id, CODE)  # warm-up: page cache, mappers
        if report.responses != responses:
            raise RuntimeError(f"the report counted {report.responses} of {responses} responses")
        app_ms: list[float] = []
        for _ in range(repeats):
            started = time.perf_counter()
            reports.weak_area_report(profile.id, CODE)
            app_ms.append((time.perf_counter() - started) * 1000)
    finally:
        db.dispose()
    base_ms: list[float] = []
    con = sqlite3.connect(db_file)
    try:
        args = _aggregate_args(profile.id, test_id)
        con.execute(AGGREGATE, args).fetchall()
        for _ in range(repeats):
            started = time.perf_counter()
            groups = con.execute(AGGREGATE, args).fetchall()
            base_ms.append((time.perf_counter() - started) * 1000)
    finally:
        con.close()
    return Figure(
        key="reports.weak_area",
        label=f"Weak-area report, {attempts} attempts x {per_attempt} responses",
        value=median(app_ms),
        baseline=median(base_ms),
        baseline_label="its main SQL aggregation, raw",
        unit="ms",
        target=Target("ratio", 1.3, also_max=60.0),
        samples=tuple(app_ms),
        baseline_samples=tuple(base_ms),
        note=f"median of {repeats}; {responses:,} responses over 180 days, "
        f"{len(groups):,} task, rating, mode, recent-or-not, confidence and previous-answer "
        "groups; "
        f"shipped {CODE} bank",
    )
