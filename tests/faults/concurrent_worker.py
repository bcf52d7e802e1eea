"""One of the two processes of the concurrency test, through the app's own services.

    python -m tests.faults.concurrent_worker answer --db FILE --data-dir DIR --attempt N --seconds S
    python -m tests.faults.concurrent_worker import --db FILE --data-dir DIR --folder D --seconds S

`answer` records answers on a mock exam as fast as it can; `import` writes and imports one new
generated bank after another. Each prints one JSON line per committed action. Any exception - a
"database is locked" OperationalError included - ends the process with a traceback and exit 1.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from app.domain.ids import AttemptId
from app.paths import AppPaths
from app.services.setup import AppServices, open_services
from tests.factories import write_bank


def answer(services: AppServices, attempt: AttemptId, seconds: float, seed: int) -> None:
    exams = services.exams
    state = exams.load(attempt)
    rng = random.Random(seed)
    started = time.monotonic()
    while (elapsed := time.monotonic() - started) < seconds:
        position = rng.randrange(len(state.items))
        shown = rng.randrange(len(state.items[position].choices))
        exams.record_response(attempt, position, shown, elapsed_s=elapsed, item_seconds=1.0)
        print(json.dumps({"answer": [position, shown]}), flush=True)


def import_banks(services: AppServices, folder: Path, seconds: float) -> None:
    started = time.monotonic()
    n = 0
    while time.monotonic() - started < seconds:
        n += 1
        code = f"C{n}"
        path = write_bank(folder / code, code, {"A": 10, "B": 8, "C": 7}, per_area_factor=8)
        result = services.banks.import_file(path)
        doc = json.loads(path.read_text())
        choices = sum(len(q.get("choices") or ()) for q in doc["questions"])
        print(json.dumps({"bank": code, "questions": result.added, "choices": choices}), flush=True)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("role", choices=["answer", "import"])
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--data-dir", type=Path, required=True)
    p.add_argument("--seconds", type=float, required=True)
    p.add_argument("--attempt", type=int)
    p.add_argument("--folder", type=Path)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args()
    services = open_services(AppPaths(args.data_dir, f"sqlite:///{args.db}"))
    try:
        if args.role == "answer":
            answer(services, args.attempt, args.seconds, args.seed)
        else:
            import_banks(services, args.folder, args.seconds)
    finally:
        services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
