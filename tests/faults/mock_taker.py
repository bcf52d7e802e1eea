"""A scripted learner for the kill test: sits a mock exam through the app's own services on a real
database file and reports every step on stdout, one JSON object per line, flushed at once.

    {"found": {...}}                 first: what this process finds (the previous one was killed)
    {"intent": {...}}                an answer is about to be recorded (it may commit unacked)
    {"ack": "answer", ...}           after record_response returned (committed, with the clock)
    {"ack": "clock", ...}            after save_progress returned (the periodic clock save)

Run as `python -m tests.faults.mock_taker --db FILE --data-dir DIR --bank FILE --seed N` from the
repository root. With --steps 0 it only reports what it finds.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from sqlalchemy import text

from app.domain.clock import ExamClock
from app.paths import AppPaths
from app.services.setup import open_services
from app.storage.queries import reports_rollup


def say(kind: str, **fields: object) -> None:
    """One line per step, flushed before the next step starts (a kill may come at any moment)."""
    line = {"ack": fields.pop("what"), **fields} if kind == "ack" else {kind: fields}
    print(json.dumps(line), flush=True)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--data-dir", type=Path, required=True)
    p.add_argument("--bank", type=Path, required=True)
    p.add_argument("--test", required=True)
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--steps", type=int, default=1_000_000)
    args = p.parse_args()
    services = open_services(AppPaths(args.data_dir, f"sqlite:///{args.db}"))
    exams = services.exams
    profile = services.profiles.ensure_default()
    if not any(t.code == args.test for t in services.banks.list_tests()):
        services.banks.import_file(args.bank)
    pending = exams.in_progress(profile.profile_id)
    state = (
        exams.load(pending[-1].attempt_id)
        if pending
        else exams.start_mock(profile.profile_id, args.test, include_unscored=False)
    )
    with services.db.read() as s:
        integrity = [str(r[0]) for r in s.execute(text("PRAGMA integrity_check"))]
        # the report's answer rollup is written in each answer's transaction: never out of step
        rollup = reports_rollup.out_of_step(s)
    say(
        "found",
        attempt=state.attempt_id,
        resumed=bool(pending),
        in_progress=len(pending),
        elapsed=state.elapsed_s,
        answers={str(i.position): i.chosen_shown for i in state.items},
        choices=[len(i.choices) for i in state.items],
        integrity=integrity,
        rollup=rollup,
    )
    clock = ExamClock(state.time_limit_s, time.monotonic, elapsed_s=state.elapsed_s)
    clock.start()
    rng = random.Random(args.seed)
    n = len(state.items)
    for _ in range(args.steps):
        position = rng.randrange(n)
        if rng.random() < 0.25:
            elapsed = clock.elapsed_s()
            exams.save_progress(state.attempt_id, elapsed_s=elapsed, position=position)
            say("ack", what="clock", position=position, elapsed=elapsed)
            continue
        shown = None if rng.random() < 0.05 else rng.randrange(len(state.items[position].choices))
        say("intent", position=position, shown=shown)
        elapsed = clock.elapsed_s()
        exams.record_response(
            state.attempt_id, position, shown, elapsed_s=elapsed, item_seconds=rng.uniform(1, 60)
        )
        say("ack", what="answer", position=position, shown=shown, elapsed=elapsed)
    services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
