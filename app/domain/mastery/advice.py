"""Readiness and study-next: what a fitted model says about a full form. Pure, stdlib only.

Readiness is the probability of reaching the target on a full form. For the Beta model
(`readiness`): for each of N simulations draw every area's ability from its posterior, then the
number right in that area from a binomial over the blueprint's item count, and count how often the
total reaches the target (a Monte-Carlo convolution of per-area binomials that carries the
uncertainty of every estimate). For the pooled model (`pooled_readiness`, what the report uses):
the same probability integrated over the Laplace posterior on a grid.

Study-next ranks areas and tasks by what they are expected to cost on a real form.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat

from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.mastery.beta import MIN_RESPONSES, PRIOR, Mastery
from app.domain.mastery.pooled import (
    _GH,
    AREA_SD,
    DIFFICULTY_LOGIT,
    TASK_MIN_ANSWERS,
    Z80,
    Fit,
    _mix_terms,
    _p_mix,
    _score_info,
)


# -- readiness ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Readiness:
    probability: float  # P(score >= target) on a full form
    expected_percent: float
    low_percent: float  # 10th percentile of the simulated score
    high_percent: float  # 90th percentile
    responses: int
    simulations: int


def readiness(
    areas: Mapping[str, Mastery],
    blueprint: Mapping[str, int],
    target_percent: float,
    *,
    rng: random.Random,
    simulations: int = 1000,
) -> Readiness:
    total = sum(blueprint.values())
    need = math.ceil(total * target_percent / 100.0 - 1e-9)
    params = []
    for letter, n in blueprint.items():
        m = areas.get(letter)
        a, b = (m.alpha, m.beta) if m else PRIOR
        params.append((a, b, n))
    draw, uniform = rng.betavariate, rng.random
    scores = []
    hits = 0
    for _ in range(simulations):
        right = 0
        for a, b, n in params:
            p = draw(a, b)
            # the same draws in the same order as a generator expression, at half the cost
            right += len([1 for _ in repeat(None, n) if uniform() < p])
        scores.append(right)
        hits += right >= need
    scores.sort()
    pct = [100.0 * s / total for s in scores] if total else [0.0]
    return Readiness(
        probability=hits / simulations if simulations else 0.0,
        expected_percent=sum(pct) / len(pct),
        low_percent=pct[int(0.1 * (len(pct) - 1))],
        high_percent=pct[int(0.9 * (len(pct) - 1))],
        responses=sum(m.seen for m in areas.values()),
        simulations=simulations,
    )


# -- study next -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class StudyItem:
    kind: str  # "area" | "task"
    key: str  # area letter or task code
    title: str
    gain: float  # expected scored items gained on a full form
    reason: str
    mastery: Mastery
    measure: bool = False  # "practise to measure": answers here narrow the estimate the most


def study_next(
    areas: Mapping[str, Mastery],
    tasks: Mapping[str, Mastery],
    blueprint: Mapping[str, int],
    task_area: Mapping[str, str],
    titles: Mapping[str, str],
    *,
    limit: int = 8,
) -> list[StudyItem]:
    """Areas and tasks ranked by expected gain = items on the form x room to improve x confidence.

    Confidence is n / (n + MIN_RESPONSES) of the recency-weighted responses, so a weak estimate on
    three answers does not outrank a weak one on thirty. Areas and tasks with too little data come
    after, as "practise to measure" items weighted by their blueprint share.
    """
    tasks_in_area: dict[str, int] = {}
    for a in task_area.values():
        tasks_in_area[a] = tasks_in_area.get(a, 0) + 1
    ranked: list[StudyItem] = []
    unmeasured: list[StudyItem] = []

    def add(kind: str, key: str, items: float, m: Mastery) -> None:
        conf = m.weight_n / (m.weight_n + MIN_RESPONSES)
        gain = items * (1.0 - m.estimate) * conf
        if m.enough_data:
            reason = (
                f"{m.estimate * 100:.0f} % estimated ({m.low * 100:.0f}-"
                f"{m.high * 100:.0f} %) on {m.seen} answers"
            )
            ranked.append(StudyItem(kind, key, titles.get(key, key), gain, reason, m))
        else:
            unmeasured.append(
                StudyItem(
                    kind,
                    key,
                    titles.get(key, key),
                    items * 0.5 * 0.1,
                    QT_TRANSLATE_NOOP(
                        "Mastery", "not enough data ({0} answers) - practise to measure"
                    ).fill(m.seen),
                    m,
                )
            )

    for letter, n in blueprint.items():
        if letter in areas:
            add("area", letter, float(n), areas[letter])
    for code, m in tasks.items():
        area = task_area.get(code)
        if area is None or area not in blueprint:
            continue
        add("task", code, blueprint[area] / max(1, tasks_in_area.get(area, 1)), m)
    ranked.sort(key=lambda s: (-s.gain, s.key))
    unmeasured.sort(key=lambda s: (-s.gain, s.key))
    return (ranked + unmeasured)[:limit]


def weakest(areas: Mapping[str, Mastery]) -> str | None:
    """The area with the lowest estimate among those with enough data (else among all)."""
    pool = [m for m in areas.values() if m.enough_data] or list(areas.values())
    if not pool:
        return None
    return min(pool, key=lambda m: (m.estimate, m.key)).key


def pacing(
    seconds: Mapping[str, tuple[float, int]], budget_per_item_s: float
) -> dict[str, tuple[float, float]]:
    """Per key: (seconds per item, ratio to the test's budget per item)."""
    out = {}
    for k, (total, n) in seconds.items():
        per = total / n if n else 0.0
        out[k] = (per, per / budget_per_item_s if budget_per_item_s else 0.0)
    return out


def brier(predictions: Sequence[tuple[float, bool]]) -> float:
    return sum((p - (1.0 if y else 0.0)) ** 2 for p, y in predictions) / max(1, len(predictions))


# -- the pooled model's readiness and advice -----------------------------------------------------
def pooled_readiness(
    result: Fit, blueprint: Mapping[str, int], target_percent: float, *, nodes: int = 24
) -> Readiness:
    """P(score >= target) on a full form, integrating over the posterior.

    The level is integrated on `nodes` points; given the level each area's offset is normal
    (the arrowhead posterior), integrated by Gauss-Hermite; given both, the score is a sum of
    independent answers, taken as normal with a continuity correction.
    """
    total = sum(blueprint.values())
    need = math.ceil(total * target_percent / 100.0 - 1e-9)
    grid = [-3.5 + 7.0 * (k + 0.5) / nodes for k in range(nodes)]
    dens = [math.exp(-z * z / 2) for z in grid]
    norm = sum(dens)
    nodes_at: list[tuple[float, float, float]] = []  # (weight, mean, sd) of the score per node
    prob = mean_pct = 0.0
    # per area, what does not depend on the level: its items, mix, offset and spread
    per_area = []
    for area, n in blueprint.items():
        q = result.area_precision.get(area, 1.0 / AREA_SD**2)
        per_area.append(
            (
                n,
                _mix_terms(result.mixes.get(area, ((0.0, 1.0),))),
                result.area_offset.get(area, 0.0),
                result.area_info.get(area, 0.0) / q,
                math.sqrt(1.0 / q),
            )
        )
    for z, wz in zip(grid, dens, strict=True):
        wz /= norm
        level = result.level + z * result.level_sd
        mu = var = 0.0
        for n, terms, offset, pull, csd in per_area:
            # u | level: its mean moves against the level by info/q (the arrowhead's off-diagonal)
            cm = offset - pull * (level - result.level)
            m1 = m2 = 0.0
            for x, w in _GH:
                p = _p_mix(level + cm + x * csd, terms)
                m1 += w * p
                m2 += w * p * p
            mu += n * m1
            var += n * (m1 - m2) + n * n * (m2 - m1 * m1)
        sd = math.sqrt(max(var, 1e-9))
        prob += wz * 0.5 * math.erfc(-(mu - need + 0.5) / (sd * math.sqrt(2)))
        mean_pct += wz * mu
        nodes_at.append((wz, mu, sd))

    def cdf(s: int) -> float:
        """P(score <= s), summed over the nodes in order."""
        c = 0.0
        for wz, mu, sd in nodes_at:
            c += wz * 0.5 * math.erfc(-(s + 0.5 - mu) / (sd * math.sqrt(2)))
        return c

    def pct(q: float) -> float:
        # the first score whose cdf reaches q, by bisection (the cdf rises with the score): a
        # dozen sums over the nodes, not one per possible score
        lo, hi = 0, total + 1  # the answer is in [lo, hi]; hi means none reaches q
        while lo < hi:
            mid = (lo + hi) // 2
            if cdf(mid) >= q:
                hi = mid
            else:
                lo = mid + 1
        return 100.0 * lo / total if lo <= total else 100.0

    return Readiness(
        probability=min(1.0, max(0.0, prob)),
        expected_percent=100.0 * mean_pct / total if total else 0.0,
        low_percent=pct(0.1) if total else 0.0,
        high_percent=pct(0.9) if total else 0.0,
        responses=sum(m.mastery.seen for m in result.areas.values()),
        simulations=0,
    )


def pooled_study_next(
    result: Fit,
    blueprint: Mapping[str, int],
    titles: Mapping[str, str],
    task_area: Mapping[str, str],
    *,
    limit: int = 8,
) -> list[StudyItem]:
    """Areas by the items they are expected to cost on a real form, items x (1 - p); then the
    tasks whose answers say they are a gap (80 % sure the task is below its area), weakest first;
    then "practise to measure" where one more answer narrows the expected score the most."""
    out: list[StudyItem] = []
    tasks_in: dict[str, int] = {}
    for a in task_area.values():
        tasks_in[a] = tasks_in.get(a, 0) + 1
    for area, n in blueprint.items():
        e = result.areas.get(area)
        if e is None:
            continue
        m = e.mastery
        loss = n * (1.0 - m.estimate)
        reason = QT_TRANSLATE_NOOP(
            "Mastery",
            "you lose about {0:.1f} of {1} items here ({2:.0f} % estimated, {3:.0f}-{4:.0f} %, "
            "on {5} answers)",
        ).fill(loss, n, m.estimate * 100, m.low * 100, m.high * 100, m.seen)
        out.append(StudyItem("area", area, titles.get(area, area), loss, reason, m))
    out.sort(key=lambda s: (-s.gain, s.key))
    gaps = []
    for task, e in result.tasks.items():
        where = task_area.get(task)
        if where is None or where not in blueprint or e.mastery.seen == 0:
            continue
        whole = result.areas[where]
        below = e.mean - whole.mean
        own_sd = math.sqrt(max(1e-9, e.sd**2 - whole.sd**2))
        # informative only: the task's own answers (at least TASK_MIN_ANSWERS of them) put it
        # below its area; ranked by its estimated share right, so the first is the task most
        # likely among the weakest
        if below < 0 and e.mastery.seen >= TASK_MIN_ANSWERS:
            m = e.mastery
            share = blueprint[where] / max(1, tasks_in.get(where, 1))
            if below < -0.5 * own_sd:
                text = QT_TRANSLATE_NOOP(
                    "Mastery",
                    "a gap inside area {0}: {1:.0f} % estimated against {2:.0f} % for the area "
                    "({3} of {4} right)",
                )
            else:
                text = QT_TRANSLATE_NOOP(
                    "Mastery",
                    "below the rest of area {0}: {1:.0f} % estimated against {2:.0f} % for the "
                    "area ({3} of {4} right)",
                )
            reason = text.fill(
                where, m.estimate * 100, whole.mastery.estimate * 100, m.correct, m.seen
            )
            gaps.append(
                StudyItem("task", task, titles.get(task, task), share * (1 - m.estimate), reason, m)
            )
    gaps.sort(key=lambda s: (s.mastery.estimate, s.key))
    out += gaps[:3]
    out += practise_to_measure(result, blueprint, titles, task_area)
    return out[:limit]


def practise_to_measure(
    result: Fit,
    blueprint: Mapping[str, int],
    titles: Mapping[str, str],
    task_area: Mapping[str, str],
    *,
    limit: int = 2,
) -> list[StudyItem]:
    """The tasks whose next answer would remove the most variance from the expected score.

    One answer on a task (at the difficulty rating that tells the most about it now) narrows both
    the task's own offset and, through it, its area's; each is worth (items it moves on the form x
    slope of the share right)^2 x the variance removed. Areas whose 80 % band is already narrower
    than 25 points are measured well enough and left out. One task per area, the best first.
    """
    best: dict[str, tuple[float, str, int]] = {}
    for task, e in result.tasks.items():
        area = task_area.get(task)
        whole = result.areas.get(area or "")
        if area is None or whole is None or area not in blueprint:
            continue
        am = whole.mastery
        if am.high - am.low <= 0.25:
            continue
        share, rating = result.task_probe.get(task, (0.0, 2))
        n = blueprint[area]
        theta = e.mean - DIFFICULTY_LOGIT.get(rating, 0.0)
        info = _score_info(theta, 1.0, 0.0)[1]
        own = max(1e-9, e.sd**2 - whole.sd**2)
        slope_a = (am.high - am.low) / (2 * Z80 * whole.sd) if whole.sd > 0 else 0.0
        tm = e.mastery
        slope_t = (tm.high - tm.low) / (2 * Z80 * e.sd) if e.sd > 0 else 0.0
        via_area = info / (1.0 + info * own)  # what the answer says about the area's offset
        worth = (n * slope_a) ** 2 * (whole.sd**2 - 1.0 / (1.0 / whole.sd**2 + via_area))
        worth += (n * share * slope_t) ** 2 * (own - 1.0 / (1.0 / own + info))
        if area not in best or (worth, task) > (best[area][0], best[area][1]):
            best[area] = (worth, task, rating)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    names = {
        1: QT_TRANSLATE_NOOP("Mastery", "easier"),
        2: QT_TRANSLATE_NOOP("Mastery", "medium"),
        3: QT_TRANSLATE_NOOP("Mastery", "harder"),
    }
    out = []
    for area, (_worth, task, rating) in ranked:
        am, tm = result.areas[area].mastery, result.tasks[task].mastery
        reason = QT_TRANSLATE_NOOP(
            "Mastery",
            "practise to measure: area {0} is estimated {1:.0f}-{2:.0f} % on {3} answers; {4} "
            "items of this task ({5} answered) narrow your expected score the most",
        ).fill(area, am.low * 100, am.high * 100, am.seen, names.get(rating, names[2]), tm.seen)
        share = result.task_probe.get(task, (0.0, 2))[0]
        loss = blueprint[area] * share * (1 - tm.estimate)
        out.append(StudyItem("task", task, titles.get(task, task), loss, reason, tm, True))
    return out


def lowest_mastery_note(result: Fit, blueprint: Mapping[str, int]) -> str:
    """The lowest-mastery area, and why study-next differs from it when it does."""
    # an area with no answers has no measured mastery: "lowest" would name the pooled guess
    answered = [e for e in result.areas.values() if e.mastery.seen]
    if len(answered) < 2:  # nothing to compare
        return ""
    low = min(answered, key=lambda e: (e.mastery.estimate, e.key))
    loss = {
        a: n * (1 - result.areas[a].mastery.estimate)
        for a, n in blueprint.items()
        if a in result.areas and result.areas[a].mastery.seen
    }
    top = max(sorted(loss), key=lambda a: loss[a]) if loss else low.key
    if top == low.key:
        return QT_TRANSLATE_NOOP(
            "Mastery", "Area {0} is both your lowest and where you lose the most items"
        ).fill(low.key)
    return QT_TRANSLATE_NOOP(
        "Mastery",
        "Area {0} has your lowest mastery, but it has only {1} items on the test (about {2:.1f} "
        "lost); area {3} costs more ({4:.1f} items), so it comes first",
    ).fill(low.key, blueprint.get(low.key, 0), loss.get(low.key, 0), top, loss[top])
