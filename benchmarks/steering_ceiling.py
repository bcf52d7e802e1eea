"""How well could ANY model steer in the steering simulation? A Bayes-optimal ceiling.

`benchmarks/steering.py` judges the report's study-next area against the learner's truly weakest
area (largest expected loss on a form, items x (1 - p)). Part of every miss is not the model's
fault: after one mock of 50-ish items the answers cannot tell two close areas apart. This module
measures that part with an oracle that knows everything the simulation knows and the app cannot:

- the population the learners are drawn from (level, area and task offsets, the 12 % gap tasks);
- (`full`) every item's true difficulty and discrimination, or (`ratings`) only what the app
  knows - the bank's 1-3 rating - with the items' spread around it integrated out;
- for drills, how much each one taught and when.

Given a learner's answers it computes the exact posterior of the learner's abilities on a grid
(level x area x task, the task offsets integrated numerically) and draws from it; it names the
area most often the worst across the draws, which is the decision that maximises the chance of
naming the truly weakest one. No model fed the same answers can do better on average, so its hit
rate is the ceiling for the study-next target.

Run `python -m benchmarks.steering_ceiling [learners]` (held-out banks and seed, as the targets).
"""

from __future__ import annotations

import math
import random
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from benchmarks.steering import (
    DIFFICULTY_LOGIT,
    DRILL_TEACHES,
    GUESS,
    HELD_OUT,
    Answer,
    SimItem,
    SimTest,
    load_test,
    pooled,
    simulate,
)

STEP = 0.1
PHI = [-3.5 + STEP * k for k in range(81)]  # area ability: level + area offset
DELTA = [-3.2 + STEP * k for k in range(47)]  # a task's offset from its area, gap included
THETA0 = PHI[0] + DELTA[0]
THETA = [THETA0 + STEP * k for k in range(len(PHI) + len(DELTA) - 1)]
LEVEL = [-2.0 + STEP * k for k in range(53)]
DRAWS = 300

# the simulation's population (benchmarks/steering.Learner)
LEVEL_MU, LEVEL_SD, AREA_SD, TASK_SD = 0.6, 0.7, 0.55, 0.35
GAP_SHARE, GAP_LO, GAP_HI = 0.12, 0.8, 1.6
ITEM_B_SD, A_LO, A_HI = 0.5, 0.8, 1.8


def _phi_cdf(x: float) -> float:
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


def _normal(x: float, sd: float) -> float:
    return math.exp(-0.5 * (x / sd) ** 2)


def _delta_prior() -> list[float]:
    out = []
    for d in DELTA:
        plain = (1 - GAP_SHARE) * _normal(d, TASK_SD) / (TASK_SD * math.sqrt(2 * math.pi))
        # gap g ~ U(GAP_LO, GAP_HI) subtracted: density of e - g at d, e ~ N(0, TASK_SD)
        gap = (GAP_SHARE / (GAP_HI - GAP_LO)) * (
            _phi_cdf((d + GAP_HI) / TASK_SD) - _phi_cdf((d + GAP_LO) / TASK_SD)
        )
        out.append(plain + gap)
    total = sum(out)
    return [x / total for x in out]


DELTA_PRIOR = _delta_prior()


def _logistic(x: float) -> float:
    if x < -35.0:
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))


def _rating_curve(rating: int) -> list[float]:
    """P(right) on THETA for an item known only by its rating: the item spread integrated out."""
    nodes = [(-2.0, 0.0545), (-1.0, 0.2442), (0.0, 0.4026), (1.0, 0.2442), (2.0, 0.0545)]
    out = []
    for t in THETA:
        p = 0.0
        for z, wz in nodes:
            b = DIFFICULTY_LOGIT.get(rating, 0.0) + z * ITEM_B_SD
            for k in range(5):
                a = A_LO + (A_HI - A_LO) * (k + 0.5) / 5
                p += wz * 0.2 * (GUESS + (1 - GUESS) * _logistic(a * (t - b)))
        out.append(p / sum(w for _, w in nodes))
    return out


@dataclass(frozen=True)
class Knowledge:
    """What the oracle knows of items: curves of P(right) over THETA."""

    item_curve: dict[int, list[float]]  # question id -> curve
    task_curve: dict[str, list[float]]  # task -> mean curve over the bank's items of it
    tasks_of: dict[str, list[str]]
    weight: dict[str, float]  # task -> its share of its area's items


def knowledge(test: SimTest, full: bool) -> Knowledge:
    ratings = {r: _rating_curve(r) for r in (1, 2, 3)}
    item_curve: dict[int, list[float]] = {}
    for i in test.items:
        if full:
            item_curve[i.question_id] = [
                GUESS + (1 - GUESS) * _logistic(i.a * (t - i.b)) for t in THETA
            ]
        else:
            item_curve[i.question_id] = ratings.get(i.difficulty, ratings[2])
    by_task: dict[str, list[SimItem]] = {}
    for i in test.items:
        by_task.setdefault(i.task, []).append(i)
    task_curve = {
        t: [
            sum(item_curve[i.question_id][k] for i in items) / len(items) for k in range(len(THETA))
        ]
        for t, items in by_task.items()
    }
    tasks_of: dict[str, list[str]] = {}
    for t, items in sorted(by_task.items()):
        tasks_of.setdefault(items[0].area, []).append(t)
    area_n = Counter(i.area for i in test.items)
    weight = {t: len(items) / area_n[items[0].area] for t, items in by_task.items()}
    return Knowledge(item_curve, task_curve, tasks_of, weight)


def _draw(weights: Sequence[float], rng: random.Random) -> int:
    total = sum(weights)
    x = rng.random() * total
    acc = 0.0
    for k, w in enumerate(weights):
        acc += w
        if acc >= x:
            return k
    return len(weights) - 1


def oracle_area(
    test: SimTest, know: Knowledge, answers: Sequence[Answer], rng: random.Random
) -> str:
    """The area most often the worst (largest items x (1 - p)) across posterior draws."""
    # every drill block taught its area DRILL_TEACHES afterwards: an answer counts at the ability
    # it was given at, today's minus what the later drills of its area taught
    ends: list[tuple[int, str]] = []  # (index of a drill block's last answer, its area)
    for k, a in enumerate(answers):
        nxt = answers[k + 1] if k + 1 < len(answers) else None
        if a.mode == "drill" and (
            nxt is None or nxt.mode != "drill" or (nxt.age_days, nxt.area) != (a.age_days, a.area)
        ):
            ends.append((k, a.area))
    loglik: dict[str, list[float]] = {}
    for k, a in enumerate(answers):
        later = sum(1 for end, area in ends if area == a.area and end >= k)
        shift = round(later * DRILL_TEACHES / STEP)
        curve = know.item_curve[a.question_id]
        ll = loglik.setdefault(a.task, [0.0] * len(THETA))
        for j in range(len(THETA)):
            src = min(len(THETA) - 1, max(0, j - shift))
            p = curve[src]
            ll[j] += math.log(p if a.correct else 1.0 - p)
    lik: dict[str, list[float]] = {}
    for t, ll in loglik.items():
        top = max(ll)
        lik[t] = [math.exp(x - top) for x in ll]
    area_lik: dict[str, list[float]] = {}
    task_marg: dict[str, list[float]] = {}
    for area in test.blueprint:
        logs = [0.0] * len(PHI)
        for t in know.tasks_of.get(area, []):
            if t not in lik:
                continue
            lt = lik[t]
            m = [
                sum(DELTA_PRIOR[d] * lt[f + d] for d in range(len(DELTA))) for f in range(len(PHI))
            ]
            task_marg[t] = m
            for f in range(len(PHI)):
                logs[f] += math.log(max(m[f], 1e-300))
        top = max(logs)
        area_lik[area] = [math.exp(x - top) for x in logs]
    areas = list(test.blueprint)
    # level: prior x prod over areas of the area offset integrated
    cond: dict[tuple[int, str], list[float]] = {}
    level_w = []
    for li, lam in enumerate(LEVEL):
        logw = -0.5 * ((lam - LEVEL_MU) / LEVEL_SD) ** 2
        for area in areas:
            row = [_normal(phi - lam, AREA_SD) * area_lik[area][f] for f, phi in enumerate(PHI)]
            cond[(li, area)] = row
            logw += math.log(max(sum(row), 1e-300))
        level_w.append(logw)
    top = max(level_w)
    level_w = [math.exp(x - top) for x in level_w]
    worst: Counter[str] = Counter()
    for _ in range(DRAWS):
        li = _draw(level_w, rng)
        loss = {}
        for area in areas:
            f = _draw(cond[(li, area)], rng)
            p = 0.0
            for t in know.tasks_of.get(area, []):
                if t in lik:
                    lt = lik[t]
                    d = _draw([DELTA_PRIOR[d] * lt[f + d] for d in range(len(DELTA))], rng)
                else:
                    d = _draw(DELTA_PRIOR, rng)
                p += know.weight[t] * know.task_curve[t][f + d]
            loss[area] = test.blueprint[area] * (1.0 - p)
        worst[max(sorted(loss), key=lambda a: loss[a])] += 1
    return max(sorted(worst), key=lambda a: worst[a])


SCENARIOS = ("1 mock", "2 mocks", "1 mock + 2 drills")


def ceiling(
    learners: int, *, tests: Sequence[str] = HELD_OUT, seed: int = 1
) -> dict[str, dict[str, tuple[int, int]]]:
    """hits[model][scenario] = (right, learners) for the oracles and the app's models, on the
    same learners `benchmarks.steering.run` draws (same seeds, same answers)."""
    names = ("oracle, items known", "oracle, ratings only", "pooled (the app)")
    out = {n: {s: (0, 0) for s in SCENARIOS} for n in names}
    for code in tests:
        test = load_test(code, seed)
        know = {True: knowledge(test, True), False: knowledge(test, False)}
        for k in range(learners):
            for scenario in SCENARIOS:
                learner = simulate(test, f"{code}-{seed}-{k}-{scenario}", scenario)
                loss = learner.true_loss()
                top = max(loss.values())
                picks = {
                    names[0]: oracle_area(test, know[True], learner.answers, random.Random(k)),
                    names[1]: oracle_area(test, know[False], learner.answers, random.Random(k)),
                    names[2]: pooled(test, learner.answers).study_area,
                }
                for name, area in picks.items():
                    hit, n = out[name][scenario]
                    right = area is not None and loss[area] >= top - 1e-12
                    out[name][scenario] = (hit + right, n + 1)
    return out


def table(results: dict[str, dict[str, tuple[int, int]]]) -> str:
    lines = ["| model | " + " | ".join(SCENARIOS) + " |", "|---|" + "---:|" * len(SCENARIOS)]
    for name, by in results.items():
        cells = []
        for s in SCENARIOS:
            hit, n = by[s]
            p = hit / n if n else float("nan")
            se = math.sqrt(p * (1 - p) / n) if n else float("nan")
            cells.append(f"{p * 100:.1f} % +- {se * 100:.1f}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str]) -> None:
    learners = int(argv[0]) if argv and argv[0].isdigit() else 100
    results = ceiling(learners)
    print(f"{learners} learners per held-out test ({', '.join(HELD_OUT)}) and scenario\n")
    print(table(results))


if __name__ == "__main__":
    main(sys.argv[1:])
