"""Mastery, readiness and study-next from a learner's response history. Pure, stdlib only.

Mastery per content area or task is a Beta posterior over the probability of answering an item of
that area right: prior Beta(1, 1), each response weighted by recency (half-life 30 days), so the
estimate is the posterior mean and the band its central 80 % interval (from the Beta quantiles,
computed here by bisection on the regularised incomplete beta function). Fewer than MIN_RESPONSES
responses is "not enough data".

Readiness is the probability of reaching the target on a full form: for each of N simulations draw
every area's ability from its posterior, then the number right in that area from a binomial over the
blueprint's item count, and count how often the total reaches the target (a Monte-Carlo
convolution of per-area binomials that carries the uncertainty of every estimate).
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat

HALF_LIFE_DAYS = 30.0
MIN_RESPONSES = 5
BAND = 0.80
PRIOR = (1.0, 1.0)


@dataclass(frozen=True)
class Evidence:
    """Responses of one key (area or task) on one day: `age_days` old, `n` seen, `correct` right."""

    key: str
    age_days: float
    n: int
    correct: int


@dataclass(frozen=True)
class Mastery:
    key: str
    seen: int
    correct: int
    alpha: float
    beta: float
    low: float
    high: float

    @property
    def estimate(self) -> float:
        return self.alpha / (self.alpha + self.beta)

    @property
    def raw(self) -> float:
        return self.correct / self.seen if self.seen else 0.0

    @property
    def enough_data(self) -> bool:
        return self.seen >= MIN_RESPONSES

    @property
    def weight_n(self) -> float:
        """Recency-weighted number of responses behind the estimate."""
        return self.alpha + self.beta - sum(PRIOR)


def recency_weight(age_days: float, half_life: float = HALF_LIFE_DAYS) -> float:
    return float(0.5 ** (max(0.0, age_days) / half_life))


def mastery(evidence: Iterable[Evidence], keys: Iterable[str] = ()) -> dict[str, Mastery]:
    """Posterior per key; keys with no evidence get the prior (and 'not enough data')."""
    acc: dict[str, list[float]] = {k: [0.0, 0.0, 0, 0] for k in keys}
    weights: dict[float, float] = {}  # a long history has a few hundred distinct ages
    for e in evidence:
        a = acc.setdefault(e.key, [0.0, 0.0, 0, 0])
        w = weights.get(e.age_days)
        if w is None:
            w = weights[e.age_days] = recency_weight(e.age_days)
        a[0] += w * e.correct
        a[1] += w * (e.n - e.correct)
        a[2] += e.n
        a[3] += e.correct
    out = {}
    for k, (wc, ww, n, c) in acc.items():
        alpha, beta = PRIOR[0] + wc, PRIOR[1] + ww
        lo, hi = beta_interval(alpha, beta, BAND)
        out[k] = Mastery(k, int(n), int(c), alpha, beta, lo, hi)
    return out


# -- Beta quantiles (stdlib only) -----------------------------------------------------------------
def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction for the incomplete beta function (Numerical Recipes, Lentz)."""
    tiny = 1e-30
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c if abs(1.0 + aa / c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c if abs(1.0 + aa / c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 3e-10:
            break
    return h


def beta_cdf(x: float, a: float, b: float) -> float:
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    ln = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    front = math.exp(ln)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def beta_quantile(p: float, a: float, b: float) -> float:
    """x with beta_cdf(x, a, b) = p.

    Newton steps on the density inside a shrinking bracket, bisecting whenever a step would leave
    it: about 6 evaluations of the CDF where plain bisection needed 60 (the weak-area report
    computes two quantiles per area and task).
    """
    if p <= 0.0:
        return 0.0
    if p >= 1.0:
        return 1.0
    log_norm = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
    lo, hi = 0.0, 1.0
    x = a / (a + b)
    for _ in range(200):
        f = beta_cdf(x, a, b) - p
        if f < 0.0:
            lo = x
        else:
            hi = x
        density = math.exp(log_norm + (a - 1.0) * math.log(x) + (b - 1.0) * math.log1p(-x))
        nxt = x - f / density if 0.0 < density < math.inf else (lo + hi) / 2
        if not lo < nxt < hi:
            nxt = (lo + hi) / 2
        if abs(nxt - x) < 1e-13 or hi - lo < 1e-13:
            return nxt
        x = nxt
    return x


def beta_interval(a: float, b: float, band: float = BAND) -> tuple[float, float]:
    tail = (1.0 - band) / 2
    return beta_quantile(tail, a, b), beta_quantile(1.0 - tail, a, b)


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
                    f"not enough data ({m.seen} answers) - practise to measure",
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
