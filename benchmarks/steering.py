"""Steering simulation: is the report's advice right for learners closer to real ones?

Learners have an overall level, an offset per content area and a further offset per task (so a gap
task can sit inside a strong area). Items differ: each gets a true difficulty around the bank's
`difficulty` (1-3) and a discrimination, and answers follow a 3-parameter logistic model with 25 %
guessing. Mocks are drawn by the app's own form assembler from the shipped banks' blueprints (G1's
areas B and G have 4 scored items). Drills between mocks pick the recommended area's items
missed-first and teach something (the area's ability rises a little afterwards).

A steering model is any function from a learner's responses to a `Steer` (first study-next area,
flagged task, readiness, per-area bands). `current` wraps `app.domain.mastery` as the report uses
it; `naive` is plain arithmetic on raw percents. Figures per model and scenario:
- study-next hit: the first area is the truly weakest by expected loss, items x (1 - p);
- task hit: the flagged task is among the learner's true 3 weakest tasks;
- readiness: mean predicted pass probability vs the observed pass rate on a fresh mock, and Brier;
- band coverage: share of areas whose true p lies in the reported 80 % band.

Run `python -m benchmarks.steering [learners] [--write]`; `make bench` writes docs/steering.md.
"""

from __future__ import annotations

import math
import random
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from app.banks.native import read_bank
from app.banks.reference import is_reference_file
from app.domain.bank import Style, area_letter
from app.domain.forms import PoolItem, assemble_form
from app.domain.ids import QuestionId

REPO = Path(__file__).resolve().parent.parent
BANKS = {
    p.name.split("-")[0].upper(): p
    for p in sorted((REPO / "question_banks").glob("[ag]*.yaml"))
    if not is_reference_file(p)  # translation sidecars and the glossary sit beside the banks
}
TUNE = ("A5", "A8", "G1")  # the model's constants were chosen on these, seed 0
HELD_OUT = ("A1", "A4", "A7", "G1")  # judged on these, seed 1 (G1 for its 4-item areas)
GUESS = 0.25
DIFFICULTY_LOGIT = {1: -0.8, 2: 0.0, 3: 0.8}  # the simulation's truth around the bank's rating
DRILL_ITEMS = 15
DRILL_TEACHES = 0.35  # logits added to the drilled area's tasks after a drill
SCENARIOS = ("1 mock", "2 mocks", "4 mocks", "1 mock + 2 drills")


@dataclass(frozen=True)
class SimItem:
    question_id: QuestionId
    area: str
    task: str
    difficulty: int  # the bank's rating, what the app knows
    b: float  # true difficulty (logits)
    a: float  # true discrimination


@dataclass(frozen=True)
class SimTest:
    code: str
    items: tuple[SimItem, ...]
    pool: tuple[PoolItem, ...]
    blueprint: dict[str, int]
    titles: dict[str, str]
    target_percent: float


@dataclass(frozen=True)
class Answer:
    """One response as the app stores it (mode: mock | drill)."""

    question_id: QuestionId
    area: str
    task: str
    difficulty: int
    correct: bool
    age_days: float
    mode: str


@dataclass(frozen=True)
class Steer:
    study_area: str | None
    flagged_task: str | None
    readiness: float
    bands: dict[str, tuple[float, float]] = field(default_factory=dict)


Model = Callable[[SimTest, Sequence[Answer]], Steer]


@cache
def load_test(code: str, seed: int = 0) -> SimTest:
    bank = read_bank(BANKS[code])
    rng = random.Random(f"items-{code}-{seed}")
    items = []
    pool = []
    for n, q in enumerate(bank.questions):
        if q.retired:
            continue
        b = DIFFICULTY_LOGIT.get(q.difficulty, 0.0) + rng.gauss(0.0, 0.5)
        items.append(
            SimItem(
                QuestionId(n), area_letter(q.task), q.task, q.difficulty, b, rng.uniform(0.8, 1.8)
            )
        )
        pool.append(
            PoolItem(QuestionId(n), area_letter(q.task), q.task, 4, q.style != Style.TECH_AB)
        )
    return SimTest(
        code,
        tuple(items),
        tuple(pool),
        {a.letter: a.scored_count for a in bank.content_areas},
        {a.letter: a.title for a in bank.content_areas},
        float(bank.target_percent) if hasattr(bank, "target_percent") else 70.0,
    )


def p_correct(theta: float, item: SimItem) -> float:
    return GUESS + (1.0 - GUESS) / (1.0 + math.exp(-item.a * (theta - item.b)))


class Learner:
    def __init__(self, test: SimTest, rng: random.Random) -> None:
        self.test = test
        self.rng = rng
        level = rng.gauss(0.6, 0.7)
        area_off = {a: rng.gauss(0.0, 0.55) for a in test.blueprint}
        self.theta: dict[str, float] = {}
        for task in sorted({i.task for i in test.items}):
            gap = -rng.uniform(0.8, 1.6) if rng.random() < 0.12 else 0.0
            self.theta[task] = level + area_off[area_letter(task)] + rng.gauss(0.0, 0.35) + gap
        self.answers: list[Answer] = []
        self.seen: Counter[QuestionId] = Counter()
        self.previous: list[QuestionId] = []
        self.by_id = {i.question_id: i for i in test.items}

    def p(self, item: SimItem) -> float:
        return p_correct(self.theta[item.task], item)

    def answer(self, item: SimItem, mode: str) -> bool:
        ok = self.rng.random() < self.p(item)
        self.answers.append(
            Answer(item.question_id, item.area, item.task, item.difficulty, ok, 0.0, mode)
        )
        self.seen[item.question_id] += 1
        return ok

    def age(self, days: float) -> None:
        self.answers = [
            Answer(
                a.question_id, a.area, a.task, a.difficulty, a.correct, a.age_days + days, a.mode
            )
            for a in self.answers
        ]

    def mock(self) -> int:
        form = assemble_form(
            self.test.pool,
            self.test.blueprint,
            rng=self.rng,
            seen=self.seen,
            previous=self.previous,
        )
        self.previous = [i.question_id for i in form.items]
        return sum(self.answer(self.by_id[i.question_id], "mock") for i in form.items)

    def fresh_mock_passes(self) -> bool:
        """A further mock, not recorded: did the learner pass?"""
        form = assemble_form(
            self.test.pool,
            self.test.blueprint,
            rng=self.rng,
            seen=self.seen,
            previous=self.previous,
        )
        right = sum(self.rng.random() < self.p(self.by_id[i.question_id]) for i in form.items)
        total = sum(self.test.blueprint.values())
        return right >= math.ceil(total * self.test.target_percent / 100.0 - 1e-9)

    def drill(self, area: str) -> None:
        """DRILL_ITEMS of `area`, missed first, then least seen; then the area improves."""
        missed = {a.question_id for a in self.answers if not a.correct}
        items = [i for i in self.test.items if i.area == area]
        self.rng.shuffle(items)
        items.sort(key=lambda i: (i.question_id not in missed, self.seen[i.question_id]))
        for item in items[:DRILL_ITEMS]:
            self.answer(item, "drill")
        for task in self.theta:
            if area_letter(task) == area:
                self.theta[task] += DRILL_TEACHES

    # -- the truth ---------------------------------------------------------------------------
    def area_p(self) -> dict[str, float]:
        acc: dict[str, list[float]] = {}
        for i in self.test.items:
            acc.setdefault(i.area, []).append(self.p(i))
        return {a: sum(v) / len(v) for a, v in acc.items()}

    def true_loss(self) -> dict[str, float]:
        ap = self.area_p()
        return {a: n * (1.0 - ap[a]) for a, n in self.test.blueprint.items()}

    def weakest_tasks(self, k: int = 3) -> list[str]:
        acc: dict[str, list[float]] = {}
        for i in self.test.items:
            acc.setdefault(i.task, []).append(self.p(i))
        return sorted(acc, key=lambda t: sum(acc[t]) / len(acc[t]))[:k]


# -- models ---------------------------------------------------------------------------------------
def current(test: SimTest, answers: Sequence[Answer]) -> Steer:
    """app.domain.mastery as the report service calls it (evidence per task and per area)."""
    from app.domain import mastery as m

    task_area = {i.task: i.area for i in test.items}
    per_task: dict[tuple[str, float], list[int]] = {}
    per_area: dict[tuple[str, float], list[int]] = {}
    for a in answers:
        for acc, key in ((per_task, (a.task, a.age_days)), (per_area, (a.area, a.age_days))):
            v = acc.setdefault(key, [0, 0])
            v[0] += 1
            v[1] += a.correct
    area_m = m.mastery(
        [m.Evidence(k, age, n, c) for (k, age), (n, c) in per_area.items()], test.blueprint
    )
    task_m = m.mastery(
        [m.Evidence(k, age, n, c) for (k, age), (n, c) in per_task.items()], task_area
    )
    ranked = m.study_next(area_m, task_m, test.blueprint, task_area, test.titles, limit=200)
    area = next((s.key for s in ranked if s.kind == "area"), None)
    task = next((s.key for s in ranked if s.kind == "task"), None)
    ready = m.readiness(area_m, test.blueprint, test.target_percent, rng=random.Random(7))
    bands = {k: (v.low, v.high) for k, v in area_m.items()}
    return Steer(area, task, ready.probability, bands)


def naive(test: SimTest, answers: Sequence[Answer]) -> Steer:
    """Plain arithmetic: raw percent per area and task, plug-in normal readiness."""
    area: dict[str, list[int]] = {}
    task: dict[str, list[int]] = {}
    for a in answers:
        for acc, key in ((area, a.area), (task, a.task)):
            v = acc.setdefault(key, [0, 0])
            v[0] += 1
            v[1] += a.correct
    total_n = sum(v[0] for v in area.values())
    overall = sum(v[1] for v in area.values()) / total_n if total_n else 0.5
    raw = {k: (area[k][1] / area[k][0] if k in area else overall) for k in test.blueprint}
    loss = {k: n * (1.0 - raw[k]) for k, n in test.blueprint.items()}
    study = max(sorted(loss), key=lambda k: loss[k])
    flagged = min(sorted(task), key=lambda k: task[k][1] / task[k][0]) if task else None
    n_items = sum(test.blueprint.values())
    mu = sum(test.blueprint[k] * raw[k] for k in test.blueprint)
    var = sum(test.blueprint[k] * raw[k] * (1 - raw[k]) for k in test.blueprint) or 1e-9
    need = math.ceil(n_items * test.target_percent / 100.0 - 1e-9)
    ready = 0.5 * math.erfc(-(mu - need + 0.5) / math.sqrt(2 * var))
    return Steer(study, flagged, ready, {k: (raw[k], raw[k]) for k in raw})


CLASS_SIZE = 300  # learners of a simulated classroom database, two mocks each


_CLASSROOM: dict[int, dict[tuple[str, int], float]] = {}


def classroom_offsets(test: SimTest) -> dict[tuple[str, int], float]:
    """What `services.calibration` would read from a classroom database of this test: other
    learners' mock answers, recalibrated per task and rating by `domain.mastery.item_offsets`."""
    from app.domain import mastery as m

    if id(test) in _CLASSROOM:  # load_test keeps one SimTest per bank and seed
        return _CLASSROOM[id(test)]
    n: Counter[QuestionId] = Counter()
    right: Counter[QuestionId] = Counter()
    who: dict[QuestionId, set[int]] = {}
    for k in range(CLASS_SIZE):
        learner = Learner(test, random.Random(f"class-{test.code}-{k}"))
        for _ in range(2):
            learner.mock()
        for a in learner.answers:
            n[a.question_id] += 1
            right[a.question_id] += a.correct
            who.setdefault(a.question_id, set()).add(k)
    by_id = {i.question_id: i for i in test.items}
    tallies = [
        m.ItemTally(q, by_id[q].task, by_id[q].difficulty, n[q], right[q], len(who[q])) for q in n
    ]
    _CLASSROOM[id(test)] = m.cell_offsets(tallies, m.item_offsets(tallies))
    return _CLASSROOM[id(test)]


def pooled(test: SimTest, answers: Sequence[Answer], *, classroom: bool = False) -> Steer:
    """The pooled item-response model (app.domain.mastery.fit) as the report uses it; with
    `classroom`, as it is in a classroom database (item difficulty recalibrated)."""
    from app.domain import mastery as m

    task_area, pool = pool_of(test)
    grouped: dict[tuple[str, int, float, bool, int], list[int]] = {}
    last: dict[int, bool] = {}  # answers are in the order given: the previous one per item
    for a in answers:
        before = 0 if a.question_id not in last else 1 if last[a.question_id] else -1
        last[a.question_id] = a.correct
        key = (a.task, a.difficulty, a.age_days, a.mode != "mock", before)
        v = grouped.setdefault(key, [0, 0])
        v[0] += 1
        v[1] += a.correct
    result = m.fit(
        [
            m.Answered(t, task_area[t], d, age, n, c, practice, before)
            for (t, d, age, practice, before), (n, c) in grouped.items()
        ],
        pool,
        task_area,
        recalibrated=classroom_offsets(test) if classroom else None,
    )
    ranked = m.pooled_study_next(result, test.blueprint, test.titles, task_area, limit=50)
    area = next((s.key for s in ranked if s.kind == "area"), None)
    task = next((s.key for s in ranked if s.kind == "task" and not s.measure), None)
    ready = m.pooled_readiness(result, test.blueprint, test.target_percent)
    bands = {k: (e.mastery.low, e.mastery.high) for k, e in result.areas.items()}
    return Steer(area, task, ready.probability, bands)


_POOLS: dict[str, tuple[dict[str, str], dict[str, dict[int, int]]]] = {}


def pool_of(test: SimTest) -> tuple[dict[str, str], dict[str, dict[int, int]]]:
    if test.code in _POOLS:
        return _POOLS[test.code]
    task_area = {i.task: i.area for i in test.items}
    pool: dict[str, dict[int, int]] = {}
    for i in test.items:
        counts = pool.setdefault(i.task, {})
        counts[i.difficulty] = counts.get(i.difficulty, 0) + 1
    _POOLS[test.code] = task_area, pool
    return task_area, pool


def pooled_classroom(test: SimTest, answers: Sequence[Answer]) -> Steer:
    return pooled(test, answers, classroom=True)


MODELS: dict[str, Model] = {
    "naive": naive,
    "current": current,
    "pooled": pooled,
    "pooled + classroom": pooled_classroom,
}


# -- scenarios and figures ------------------------------------------------------------------------
@dataclass
class Tally:
    n: int = 0
    study_hits: int = 0
    task_hits: int = 0
    task_n: int = 0
    predicted: list[float] = field(default_factory=list)
    observed: list[bool] = field(default_factory=list)
    band_in: int = 0
    band_n: int = 0
    regret: float = 0.0  # true loss of the weakest area minus the chosen one's, items

    def add(self, steer: Steer, learner: Learner, passed: bool, with_task: bool) -> None:
        loss = learner.true_loss()
        worst = max(loss.values())
        self.n += 1
        self.study_hits += steer.study_area is not None and loss[steer.study_area] >= worst - 1e-12
        self.regret += worst - (loss[steer.study_area] if steer.study_area else 0.0)
        if with_task:
            self.task_n += 1
            self.task_hits += steer.flagged_task in learner.weakest_tasks(3)
        self.predicted.append(steer.readiness)
        self.observed.append(passed)
        truth = learner.area_p()
        for a, (lo, hi) in steer.bands.items():
            if a in truth:
                self.band_n += 1
                self.band_in += lo <= truth[a] <= hi

    def figures(self) -> dict[str, float]:
        obs = sum(self.observed) / max(1, self.n)
        pred = sum(self.predicted) / max(1, self.n)
        brier = sum((p - y) ** 2 for p, y in zip(self.predicted, self.observed, strict=True))
        return {
            "study": self.study_hits / max(1, self.n),
            "task": self.task_hits / self.task_n if self.task_n else float("nan"),
            "predicted": pred,
            "observed": obs,
            "brier": brier / max(1, self.n),
            "bands": self.band_in / self.band_n if self.band_n else float("nan"),
            "regret": self.regret / max(1, self.n),
        }


def simulate(test: SimTest, seed: str, scenario: str) -> Learner:
    """A learner drawn from `seed`, taken through `scenario` (mocks a week apart, or one mock and
    two drills two days apart); every model and the ceiling see these same answers."""
    learner = Learner(test, random.Random(seed))
    if scenario.endswith("drills"):
        learner.mock()
        for _ in range(2):
            learner.age(2)
            # the drills follow the current report, as a learner following the app
            learner.drill(current(test, learner.answers).study_area or "A")
    else:
        for _ in range(int(scenario.split()[0])):
            learner.age(7)
            learner.mock()
    return learner


def run(
    models: dict[str, Model],
    learners: int,
    *,
    tests: Sequence[str] = TUNE,
    seed: int = 0,
    scenarios: Sequence[str] = SCENARIOS,
) -> dict[str, dict[str, Tally]]:
    """tallies[model][scenario]; every model sees the same learners and answers."""
    out = {name: {s: Tally() for s in scenarios} for name in models}
    for code in tests:
        test = load_test(code, seed)
        for k in range(learners):
            for scenario in scenarios:
                learner = simulate(test, f"{code}-{seed}-{k}-{scenario}", scenario)
                state = random.getstate()
                passed = learner.fresh_mock_passes()
                random.setstate(state)
                for name, model in models.items():
                    steer = model(test, learner.answers)
                    out[name][scenario].add(steer, learner, passed, scenario == "4 mocks")
    return out


def reliability(tally: Tally, bins: int = 5) -> list[tuple[str, int, float, float]]:
    rows = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        pairs = [
            (p, y)
            for p, y in zip(tally.predicted, tally.observed, strict=True)
            if lo <= p < hi or (b == bins - 1 and p == 1.0)
        ]
        if pairs:
            rows.append(
                (
                    f"{lo * 100:.0f}-{hi * 100:.0f} %",
                    len(pairs),
                    sum(p for p, _ in pairs) / len(pairs),
                    sum(y for _, y in pairs) / len(pairs),
                )
            )
    return rows


def table(results: dict[str, dict[str, Tally]]) -> str:
    lines = [
        "| model | scenario | study next right | regret (items) | flagged task in true 3 weakest"
        " | readiness predicted / observed | Brier | 80 % bands cover |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, by in results.items():
        for scenario, t in by.items():
            f = t.figures()
            task = "" if math.isnan(f["task"]) else f"{f['task'] * 100:.0f} %"
            bands = "" if name == "naive" else f"{f['bands'] * 100:.0f} %"
            lines.append(
                f"| {name} | {scenario} | {f['study'] * 100:.0f} % | {f['regret']:.2f} | {task} | "
                f"{f['predicted'] * 100:.1f} / {f['observed'] * 100:.1f} % | {f['brier']:.3f} | "
                f"{bands} |"
            )
    return "\n".join(lines)


def pooled_tally(by: dict[str, Tally]) -> Tally:
    pooled_all = Tally()
    for t in by.values():
        pooled_all.predicted += t.predicted
        pooled_all.observed += t.observed
    return pooled_all


def reliability_table(results: dict[str, dict[str, Tally]]) -> str:
    lines = [
        "| model | predicted band | learners | mean predicted | observed pass |",
        "|---|---|---|---|---|",
    ]
    for name, by in results.items():
        for label, n, p, o in reliability(pooled_tally(by)):
            lines.append(f"| {name} | {label} | {n} | {p * 100:.1f} % | {o * 100:.1f} % |")
    return "\n".join(lines)


def main(argv: Sequence[str]) -> None:
    learners = int(argv[0]) if argv and argv[0].isdigit() else 200
    sections = []
    for title, tests, seed in (
        ("Tuning set (A5, A8, G1; seed 0)", TUNE, 0),
        ("Held out (A1, A4, A7, G1 with other item draws and learners; seed 1)", HELD_OUT, 1),
    ):
        results = run(MODELS, learners, seed=seed, tests=tests)
        body = f"## {title}\n\n{table(results)}\n\nReliability of readiness, all scenarios:\n\n"
        body += reliability_table(results)
        print(body + "\n")
        sections.append(body)
    if "--write" in argv:
        doc = (REPO / "docs" / "steering.md").read_text(encoding="utf-8")
        head = doc.split(MARKER)[0]
        (REPO / "docs" / "steering.md").write_text(
            f"{head}{MARKER}\n\n{learners} learners per test and scenario; written by "
            f"`python -m benchmarks.steering {learners} --write` (part of `make bench`).\n\n"
            + "\n\n".join(sections)
            + "\n",
            encoding="utf-8",
        )


MARKER = "<!-- figures below are written by benchmarks/steering.py -->"


if __name__ == "__main__":
    main(sys.argv[1:])
