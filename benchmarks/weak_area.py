"""Weak-area report: ReportService.weak_area_report over a long history.

A migrated SQLite file gets the shipped A8 bank (50 scored items) through the importer; then
`attempts` submitted mock exams of `per_attempt` answered items each, spread over the last 180
days, are written with raw sqlite3 executemany in one transaction, and the answer rollup the app
keeps when answers are saved is built from them as migration 0011 backfills it (timed, in the
note). Baseline: every SQL statement the report sends (captured from one report, with its
parameters: the rollup, the repeated wrong choices, the style tallies, the trend...) replayed
through raw sqlite3 on its own connection - the report minus SQLAlchemy and Python. Target: both
at most 1.3x that and 60 ms.
"""

from __future__ import annotations

import random
import sqlite3
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.figures import Figure, Target, median

REPO = Path(__file__).resolve().parent.parent
BANK = REPO / "question_banks" / "a8-engine-performance.yaml"
CODE = "A8"
NOW = datetime(2026, 11, 1, 9, 0, 0)


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
    from sqlalchemy import event

    from app.services.banks import BankService
    from app.services.profiles import ProfileService
    from app.services.reports import ReportService
    from app.storage.database import Database
    from app.storage.queries import reports_rollup

    db_file = workdir / "history.db"
    db = Database(f"sqlite:///{db_file}")
    sent: list[tuple[str, Any]] = []

    def keep(_c: object, _cur: object, sql: str, params: Any, *_a: object) -> None:
        sent.append((sql, params))

    try:
        db.upgrade()
        BankService(db, lambda: NOW).import_file(BANK)
        profile = ProfileService(db, lambda: NOW).ensure_default()
        _test_id, responses = _history(db_file, profile.profile_id, attempts, per_attempt)
        started = time.perf_counter()
        with db.write() as s:  # what migration 0011 does to an existing history
            reports_rollup.rebuild(s)
        backfill_ms = (time.perf_counter() - started) * 1000
        reports = ReportService(db, lambda: NOW)
        report = reports.weak_area_report(profile.profile_id, CODE)  # warm-up: page cache, mappers
        if report.responses != responses:
            raise RuntimeError(f"the report counted {report.responses} of {responses} responses")
        event.listen(db.read_engine, "before_cursor_execute", keep)
        reports.weak_area_report(profile.profile_id, CODE)
        event.remove(db.read_engine, "before_cursor_execute", keep)
        app_ms: list[float] = []
        for _ in range(repeats):
            started = time.perf_counter()
            reports.weak_area_report(profile.profile_id, CODE)
            app_ms.append((time.perf_counter() - started) * 1000)
    finally:
        db.dispose()
    base_ms: list[float] = []
    con = sqlite3.connect(db_file)
    try:
        statements = [(sql, params) for sql, params in sent if sql.lstrip().startswith("SELECT")]
        rows = sum(len(con.execute(sql, params).fetchall()) for sql, params in statements)
        for _ in range(repeats):
            started = time.perf_counter()
            con.execute("BEGIN")  # one read transaction, as the report's session
            for sql, params in statements:
                con.execute(sql, params).fetchall()
            con.execute("COMMIT")
            base_ms.append((time.perf_counter() - started) * 1000)
    finally:
        con.close()
    return Figure(
        key="reports.weak_area",
        label=f"Weak-area report, {attempts} attempts x {per_attempt} responses",
        value=median(app_ms),
        baseline=median(base_ms),
        baseline_label="its SQL statements, raw",
        unit="ms",
        target=Target("ratio", 1.3, also_max=60.0),
        samples=tuple(app_ms),
        baseline_samples=tuple(base_ms),
        note=f"median of {repeats}; {responses:,} responses over 180 days; the baseline replays "
        f"the report's {len(statements)} SELECT statements ({rows:,} rows) through sqlite3; "
        f"the rollup's backfill took {backfill_ms:.0f} ms; shipped {CODE} bank",
        extra={"statements": len(statements), "rows": rows, "backfill_ms": backfill_ms},
    )
