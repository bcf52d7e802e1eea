"""The weak-area report's answer rollup and choice counts (migrations 0011, 0012) stay in step
with the responses through the services' own actions: after random sequences of answers
(changed, cleared, unsure), time saved, submissions, abandons, forms replaced, profiles deleted,
banks re-imported with changed items and days passing (the clock also set back), the stored
tables equal a recompute from the responses, and every profile's report built from them equals
the report built from the whole history (tests/services/report_reference.py) - on SQLite and
PostgreSQL. Seeded: the seed is printed, BAYREADY_FAULT_SEED=N replays it."""

from __future__ import annotations

import json
import random
from datetime import timedelta
from pathlib import Path

import pytest

from app.domain.ids import AttemptId, ProfileId
from app.services.exams import ExamError
from app.services.reports import build_report
from app.services.setup import AppServices
from app.storage.queries import reports_rollup
from tests.conftest import FakeNow
from tests.factories import bank_document
from tests.faults.conftest import fault_seed
from tests.services.report_reference import build_report as reference_report
from tests.services.test_report_queries import _same


def _write(path: Path, doc: dict[str, object]) -> Path:
    path.write_text(json.dumps(doc))
    return path


def _in_step(services: AppServices, where: str) -> None:
    with services.db.read() as s:
        assert reports_rollup.out_of_step(s) == [], where


def _act(
    services: AppServices,
    rng: random.Random,
    now: FakeNow,
    pids: list[ProfileId],
    bank: tuple[Path, dict[str, object]],
) -> str:
    """One random user action; returns what it was (for the failure message)."""
    exams = services.exams
    pid = rng.choice(pids)
    open_ = exams.in_progress(pid)
    roll = rng.random()
    if roll < 0.04:
        now.advance(rng.choice((-1, 1, 1, 1)) * rng.uniform(600, 9 * 86400))
        return "clock moved"
    if roll < 0.07 and len(pids) > 1:
        services.profiles.delete(pid)
        pids.remove(pid)
        pids.append(services.profiles.create(f"Learner {rng.randrange(10**6)}").profile_id)
        return f"profile {pid} deleted"
    if roll < 0.09:
        path, doc = bank
        questions = doc["questions"]
        assert isinstance(questions, list)
        for q in rng.sample(questions, 3):  # a new version of each: history keeps the old one
            q["difficulty"] = rng.choice((1, 2, 3))
        services.banks.import_file(_write(path, doc))
        return "bank re-imported"
    if not open_ or roll < 0.15:
        kind = rng.choice(("mock", "practice", "recert"))
        if kind == "practice":
            exams.start_practice(pid, "X1", count=rng.randrange(2, 8))
        else:
            replacing = open_[-1].attempt_id if open_ else None
            exams.start_mock(pid, "X1", recert=kind == "recert", replacing=replacing)
        return f"{kind} started"
    attempt: AttemptId = rng.choice(open_).attempt_id
    state = exams.load(attempt)
    if roll < 0.22:
        exams.submit(attempt, elapsed_s=rng.uniform(10, 4000))
        return f"attempt {attempt} submitted"
    if roll < 0.26:
        exams.abandon(attempt)
        return f"attempt {attempt} abandoned"
    item = rng.choice(state.items)
    if roll < 0.32:
        items = {
            i.position: rng.uniform(1, 90)
            for i in rng.sample(state.items, min(3, len(state.items)))
        }
        exams.save_progress(attempt, elapsed_s=rng.uniform(1, 100), position=0, items=items)
        return f"time saved on {attempt}"
    if roll < 0.38 and state.mode == "practice":
        try:
            exams.set_confidence(attempt, item.position, rng.choice((None, 0, 1, 2)))
        except ExamError:  # not answered yet
            return "confidence refused"
        return f"confidence on {attempt}"
    shown = None if rng.random() < 0.1 else rng.randrange(len(item.choices))
    exams.record_response(
        attempt,
        item.position,
        shown,
        elapsed_s=rng.uniform(1, 100),
        item_seconds=rng.uniform(1, 90),
    )
    now.advance(rng.uniform(5, 4 * 3600))
    return f"answer on {attempt}"


@pytest.mark.parametrize("run", range(2))
def test_the_rollup_stays_equal_to_a_recompute_through_random_actions(
    services: AppServices, tmp_path: Path, fake_now: FakeNow, run: int
) -> None:
    rng = random.Random(fault_seed() + run)
    doc = bank_document("X1", {"A": 4, "B": 3, "C": 2}, per_area_factor=3, tasks_per_area=3)
    questions = doc["questions"]
    assert isinstance(questions, list)
    for q in questions:
        q["difficulty"] = rng.choice((1, 2, 3))
    path = _write(tmp_path / "x1.json", doc)
    services.banks.import_file(path)
    pids = [services.profiles.create(f"Learner {k}").profile_id for k in range(3)]
    done = []
    for step in range(160):
        done.append(_act(services, rng, fake_now, pids, (path, doc)))
        if step % 10 == 9:
            _in_step(services, " -> ".join(done[-10:]))
    _in_step(services, "at the end")
    now = fake_now()
    with services.db.read() as s:
        answered = 0
        for pid in pids:
            for at in (now, now + timedelta(days=rng.choice((1, 9, 40))), now - timedelta(days=3)):
                new = build_report(s, pid, "X1", at, random.Random(7))
                old = reference_report(s, pid, "X1", at, random.Random(7))
                _same(new, old)
                answered += new.responses
    assert answered > 0  # the actions reached the report


def test_a_rebuild_restores_a_damaged_rollup(services: AppServices, tmp_path: Path) -> None:
    """out_of_step sees wrong rows and missing totals; rebuild mends them all."""
    path = _write(tmp_path / "x1.json", bank_document("X1", {"A": 4, "B": 2}, per_area_factor=3))
    services.banks.import_file(path)
    pid = services.profiles.ensure_default().profile_id
    st = services.exams.start_mock(pid, "X1")
    for item in st.items[:5]:
        services.exams.record_response(st.attempt_id, item.position, 0, elapsed_s=1, item_seconds=3)
    services.exams.submit(st.attempt_id, elapsed_s=10)
    _in_step(services, "after a mock")
    with services.db.write() as s:
        conn = s.connection()
        conn.execute(reports_rollup.DAY.update().values(answers=reports_rollup.DAY.c.answers + 1))
        conn.execute(reports_rollup.TOTAL.delete())
        conn.execute(reports_rollup.CHOICE.update().values(answers=7))
    with services.db.read() as s:
        problems = reports_rollup.out_of_step(s)
    assert any(p.startswith("answer_rollup ") for p in problems)
    assert any(p.startswith("answer_rollup_total ") for p in problems)
    assert any(p.startswith("answer_choice ") for p in problems)
    with services.db.write() as s:
        reports_rollup.rebuild(s, pid)
    _in_step(services, "after the rebuild")
