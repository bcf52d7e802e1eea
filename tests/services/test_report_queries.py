"""The weak-area report from `app.storage.queries.reports` (answers grouped as coarsely as the
mastery model allows) equals the day-by-day path it replaced (tests/services/report_reference.py)
on randomized histories: modes, statuses, unanswered and unscored items, confidence, repeats,
practice on many days, answers dated after "now", several profiles. Seeded: the seed is printed,
BAYREADY_FAULT_SEED=N replays it."""

from __future__ import annotations

import dataclasses
import math
import random
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select, update

from app.domain.ids import ProfileId
from app.services.reports import build_report
from app.services.setup import AppServices
from app.storage.models import AttemptRow, QuestionRow, ResponseRow
from app.storage.queries import reports_rollup
from tests.conftest import FakeNow
from tests.factories import write_bank
from tests.faults.conftest import fault_seed
from tests.services.report_reference import build_report as reference_report

MODES = ("mock", "practice", "drill", "recert", "review")
STATUSES = ("submitted", "submitted", "in_progress", "abandoned")
STYLES = ("direct", "tech_ab", "except", "least_likely", "most_likely")


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    return write_bank(
        tmp_path / "b", "X1", {"A": 4, "B": 3, "C": 2}, per_area_factor=3, tasks_per_area=3
    )


def _history(
    services: AppServices, now: datetime, rng: random.Random, *, rollup: bool = True
) -> list[ProfileId]:
    """Random attempts and responses for three profiles, written directly; returns the ids.
    With `rollup` the answer rollup is then rebuilt (without: a database before 0011)."""
    db = services.db
    with db.write() as s:
        (test_id,) = s.execute(select(QuestionRow.test_id).limit(1)).one()
        questions = s.execute(
            select(QuestionRow.id, QuestionRow.style).where(QuestionRow.test_id == test_id)
        ).all()
        for qid, style in questions:  # ratings and negative styles the factory bank lacks
            s.execute(
                update(QuestionRow)
                .where(QuestionRow.id == qid)
                .values(
                    difficulty=rng.choice((1, 2, 2, 3)),
                    style=style if style == "tech_ab" else rng.choice(STYLES[:1] + STYLES[2:]),
                )
            )
    pids = [services.profiles.create(f"Learner {k}").profile_id for k in range(3)]
    attempts: list[dict[str, Any]] = []
    responses: list[dict[str, Any]] = []
    days = rng.choice((14, 30, 200))
    # the learner improves lately in some runs, so the model's "changed" test fires
    recent_p, old_p = rng.choice(((0.6, 0.6), (0.95, 0.3)))
    for aid in range(1, rng.randrange(61, 151)):
        started = now - timedelta(days=rng.uniform(-3, days), minutes=rng.uniform(0, 600))
        mode, status = rng.choice(MODES), rng.choice(STATUSES)
        limit = rng.choice((None, 3600.0))
        elapsed = rng.choice((100.0, 3500.0, 3600.0))
        submitted = started + timedelta(seconds=elapsed) if status == "submitted" else None
        drawn = rng.sample(questions, rng.randrange(1, min(20, len(questions))))
        right = 0
        for pos, (qid, _style) in enumerate(drawn):
            chosen = None if rng.random() < 0.2 else rng.randrange(4)
            p = recent_p if started > now - timedelta(days=rng.choice((9, 10, 11))) else old_p
            correct = None if chosen is None else rng.random() < p
            right += bool(correct)
            responses.append(
                {
                    "attempt_id": aid,
                    "question_id": qid,
                    "position": pos,
                    "scored": rng.random() < 0.9,
                    "choice_order": "0123",
                    "chosen": chosen,
                    "correct": correct,
                    "flagged": False,
                    "seconds": round(rng.uniform(5, 120), 3),
                    "answered_at": (
                        None
                        if chosen is None or rng.random() < 0.1
                        else started + timedelta(seconds=rng.uniform(0, elapsed))
                    ),
                    "confidence": rng.choice((None, 0, 1, 2)),
                }
            )
        attempts.append(
            {
                "id": aid,
                "profile_id": rng.choice(pids[:1] * 3 + pids[1:]),
                "test_id": test_id,
                "mode": mode,
                "status": status,
                "started_at": started,
                "submitted_at": submitted,
                "time_limit_s": limit,
                "elapsed_s": elapsed,
                "saved_at": submitted,
                "current_position": 0,
                "include_unscored": False,
                "target_percent": 70.0,
                "score_correct": right if submitted else None,
                "score_total": len(drawn) if submitted else None,
            }
        )
    with db.write() as s:
        s.execute(insert(AttemptRow), attempts)
        s.execute(insert(ResponseRow), responses)
        if rollup:  # written behind the services' back: the rollup they keep is rebuilt
            reports_rollup.rebuild(s)
    return pids


def _same(a: object, b: object, where: str = "report") -> None:
    """Equal, floats to 1e-9: the new path sums the same terms in another order."""
    if dataclasses.is_dataclass(a) and not isinstance(a, type):
        assert type(a) is type(b), where
        for f in dataclasses.fields(a):
            _same(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
    elif isinstance(a, tuple | list):
        assert isinstance(b, tuple | list) and len(a) == len(b), where
        for k, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{where}[{k}]")
    elif isinstance(a, dict):
        assert isinstance(b, dict) and a.keys() == b.keys(), where
        for k in a:
            _same(a[k], b[k], f"{where}[{k!r}]")
    elif isinstance(a, float) and not isinstance(b, bool):
        assert isinstance(b, float | int), where
        assert math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12), f"{where}: {a} != {b}"
    else:
        assert a == b, f"{where}: {a!r} != {b!r}"


@pytest.mark.parametrize("run", range(4))
def test_the_report_equals_the_day_by_day_path_on_random_histories(
    services: AppServices, bank: Path, fake_now: FakeNow, run: int
) -> None:
    rng = random.Random(fault_seed() + run)
    services.banks.import_file(bank)
    now = fake_now()
    pids = _history(services, now, rng)
    with services.db.read() as s:
        for pid in pids:
            for at in (now, now + timedelta(days=rng.choice((1, 9, 40)))):
                new = build_report(s, pid, "X1", at, random.Random(7))
                old = reference_report(s, pid, "X1", at, random.Random(7))
                _same(new, old)
    assert new.responses > 0  # the history reached the report
