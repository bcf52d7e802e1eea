"""Exam assembly: app.domain.forms.assemble_form drawing a mock exam from a large pool.

The pool spreads over the 8 areas of a 50-item blueprint; the profile has already seen 5 % of it
(up to 5,000 items, 1-3 times each), the previous form is avoided and 10 research items are added,
as ExamService.start_mock asks. Baseline: the least any draw must do - one pass grouping the pool
by area, then random.sample per area.
"""

from __future__ import annotations

import random
import time

from benchmarks.figures import Figure, Target, median

BLUEPRINT = {"A": 10, "B": 8, "C": 7, "D": 7, "E": 6, "F": 5, "G": 4, "H": 3}


def measure(pool_size: int, repeats: int) -> Figure:
    from app.domain.forms import PoolItem, assemble_form
    from app.domain.ids import QuestionId

    letters = sorted(BLUEPRINT)
    weights = [BLUEPRINT[a] for a in letters]
    rng = random.Random(20)
    pool = []
    for qid in range(1, pool_size + 1):
        area = rng.choices(letters, weights)[0]
        pool.append(PoolItem(QuestionId(qid), area, f"B20.{area}.1.{qid % 6 + 1}", 4, qid % 4 != 0))
    seen = {
        QuestionId(q): rng.randint(1, 3)
        for q in rng.sample(range(1, pool_size + 1), pool_size // 20)
    }
    previous = rng.sample(sorted(seen), min(60, len(seen)))

    def minimal_draw(r: random.Random) -> int:
        by_area: dict[str, list[PoolItem]] = {}
        for item in pool:
            by_area.setdefault(item.area, []).append(item)
        return sum(len(r.sample(by_area[a], n)) for a, n in BLUEPRINT.items())

    app_ms: list[float] = []
    base_ms: list[float] = []
    for n in range(repeats):
        started = time.perf_counter()
        form = assemble_form(
            pool, BLUEPRINT, rng=random.Random(n), seen=seen, previous=previous, unscored=10
        )
        app_ms.append((time.perf_counter() - started) * 1000)
        if len(form.items) != sum(BLUEPRINT.values()) + 10:
            raise RuntimeError(f"assemble_form drew {len(form.items)} items")
        started = time.perf_counter()
        minimal_draw(random.Random(n))
        base_ms.append((time.perf_counter() - started) * 1000)
    return Figure(
        key="forms.assemble",
        label=f"Exam assembly from a {pool_size:,}-question pool",
        value=median(app_ms),
        baseline=median(base_ms),
        baseline_label="group by area + random.sample",
        unit="ms",
        target=Target("max", 50.0),
        samples=tuple(app_ms),
        baseline_samples=tuple(base_ms),
        note=f"median of {repeats}; {len(seen):,} items seen before, 10 research items",
    )
