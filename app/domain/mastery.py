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
from dataclasses import dataclass, field
from itertools import repeat

from app.domain.i18n import QT_TRANSLATE_NOOP

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


# -- the pooled item-response model ---------------------------------------------------------------
# What the report uses. The Beta model above treats every answer alike and every key on its own:
# it drags estimates toward 50 %, cannot name a small area from four answers and reads drilled
# (missed-first, harder) items as a fall in ability. Here an answer's chance of being right is a
# 3-parameter logistic in the learner's ability on the logit scale, with 25 % guessing and the
# item's difficulty taken from the bank's rating (DIFFICULTY_LOGIT; `difficulty_logit` takes
# recalibrated values). Ability on a task is level + area offset + task offset, with normal priors:
# the level around the population's, each area around the level (sd AREA_SD), each task around its
# area (sd TASK_SD). The fit is the posterior mode by coordinate Fisher scoring; the uncertainty is
# the Laplace approximation (the level and area offsets jointly, which is an arrowhead matrix).
GUESS = 0.25
DIFFICULTY_LOGIT: Mapping[int, float] = {1: -1.0, 2: 0.0, 3: 1.0}
LEVEL_PRIOR = (0.3, 1.0)  # mean and sd of a learner's level (logits) before any answer
AREA_SD = 0.7
TASK_SD = 0.75
TASK_MIN_ANSWERS = 2  # task advice needs this many answers on the task
ITEM_SD = 0.5  # items of one rating differ in difficulty (logits)
LEARN_PER_SESSION = 0.4  # logits an area's ability rises per day of practice in it (assumed)
LEARN_CAP = 1.2
LEARN_SAME_DAY = 1.0
# a missed item asked again is likely harder than its rating says (and a right one easier): the
# mean shift of an item's difficulty (sd 0.5 around its rating) after one answer, near p = 0.7
REPEAT_SHIFT: Mapping[int, float] = {-1: 0.2, 1: -0.1}
# a right answer the learner marked unsure or a guess is weaker evidence of knowing: it counts as
# this fraction of an answer (a wrong one counts in full whatever was said)
CONFIDENCE_WEIGHT: Mapping[int, float] = {0: 1.0, 1: 0.6, 2: 0.3}
RECENT_DAYS = 10.0  # a change test compares answers younger than this with the fit
CHANGE_Z = 2.5
Z80 = 1.2815515655446004
_GH = (  # Gauss-Hermite nodes and weights for E[f(X)], X ~ N(0, 1)
    (-2.8569700138728056, 0.011257411327720689),
    (-1.355626179974266, 0.2220759220056126),
    (0.0, 0.5333333333333333),
    (1.355626179974266, 0.2220759220056126),
    (2.8569700138728056, 0.011257411327720689),
)


@dataclass(frozen=True)
class Answered:
    """Responses on one task, at one difficulty rating, on one day."""

    task: str
    area: str
    difficulty: int
    age_days: float
    n: int
    correct: int
    practice: bool = False  # drill or practice (not a mock): the learner studies while doing it
    before: int = 0  # the learner's previous answer on these items: -1 wrong, +1 right, 0 none
    confidence: int = 0  # what the learner said: 0 sure (or not said), 1 unsure, 2 guess


@dataclass(frozen=True)
class Estimate:
    key: str
    mean: float  # ability on the logit scale
    sd: float
    mastery: Mastery  # on the probability scale, over the bank's items of this key


@dataclass(frozen=True)
class Fit:
    level: float
    level_sd: float
    areas: Mapping[str, Estimate]
    tasks: Mapping[str, Estimate]
    changed: tuple[str, ...]  # areas whose recent answers say the learner changed
    # internals readiness and study-next use
    area_offset: Mapping[str, float]
    area_precision: Mapping[str, float]
    area_info: Mapping[str, float]
    mixes: Mapping[str, tuple[tuple[float, float], ...]]  # area -> (logit offset, weight)
    # task -> (its share of its area's bank items, the rating whose items tell the most now)
    task_probe: Mapping[str, tuple[float, int]] = field(default_factory=dict)


def p_right(theta: float) -> float:
    """P(right) at ability minus difficulty `theta` (logits), with guessing."""
    if theta < -30.0:
        return GUESS
    return GUESS + (1.0 - GUESS) / (1.0 + math.exp(-theta))


def _score_info(theta: float, n: float, c: float) -> tuple[float, float]:
    """(d loglik / d theta, Fisher information) of c right out of n at `theta`."""
    s = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, theta))))
    p = GUESS + (1.0 - GUESS) * s
    dp = (1.0 - GUESS) * s * (1.0 - s)
    return (c / p - (n - c) / (1.0 - p)) * dp, n * dp * dp / (p * (1.0 - p))


def _p_mix(theta: float, mix: Sequence[tuple[float, float]]) -> float:
    """Expected share right over a bank's items: `mix` holds (logit offset, weight) per task and
    rating, and items of one rating differ by ITEM_SD around it. Averaging the logistic over that
    spread is, to within a point, a logistic with its slope flattened by 1 / sqrt(1 + pi s^2 / 8)
    - the same answer as integrating, at a third of the cost (readiness calls this often)."""
    k = 1.0 / math.sqrt(1.0 + math.pi * ITEM_SD**2 / 8.0)
    total = 0.0
    for off, w in mix:
        x = k * (theta + off)
        total += w * (GUESS if x < -30.0 else GUESS + (1.0 - GUESS) / (1.0 + math.exp(-x)))
    return total


def fit(
    answers: Iterable[Answered],
    pool: Mapping[str, Mapping[int, int]],
    task_area: Mapping[str, str],
    *,
    difficulty_logit: Mapping[int, float] = DIFFICULTY_LOGIT,
    sweeps: int = 30,
    recalibrated: Mapping[tuple[str, int], float] | None = None,
) -> Fit:
    """Posterior for level, areas and tasks.

    `pool`: per task, how many of the bank's items carry each difficulty rating - the mastery of
    an area or task is the expected share right over those items (what a form draws from).
    `recalibrated`: per (task, rating), logits the bank's items of it are harder (+) or easier
    (-) than their rating says, from many learners' answers (`item_offsets`); answers and the
    bank's items both carry it.
    """
    shift = recalibrated or {}
    # (task, effective difficulty) -> [n, c]; an answer given before later practice in its area
    # was given at a lower ability than today's, so it counts as if the item were that much harder
    groups: dict[tuple[str, float], list[float]] = {}
    old: dict[tuple[str, float], list[float]] = {}  # the part older than RECENT_DAYS
    seen: dict[str, list[int]] = {}
    answers = [a for a in answers if a.n > 0 and a.task in task_area]
    practice_at: dict[str, dict[float, int]] = {}
    for a in answers:
        if a.practice:
            day = practice_at.setdefault(task_area[a.task], {})
            day[a.age_days] = day.get(a.age_days, 0) + a.n
    for a in answers:
        later = sum(
            1.0 if age < a.age_days else LEARN_SAME_DAY if age == a.age_days else 0.0
            for age in practice_at.get(task_area[a.task], {})
        )
        b = difficulty_logit.get(a.difficulty, 0.0) + min(LEARN_CAP, LEARN_PER_SESSION * later)
        b += shift.get((a.task, a.difficulty), 0.0)
        b += REPEAT_SHIFT.get(a.before, 0.0)
        key = (a.task, round(b, 3))
        w = CONFIDENCE_WEIGHT.get(a.confidence, 1.0)
        n_eff, c_eff = a.n - a.correct * (1.0 - w), a.correct * w
        g = groups.setdefault(key, [0.0, 0.0])
        g[0] += n_eff
        g[1] += c_eff
        if a.age_days > RECENT_DAYS:
            o = old.setdefault(key, [0.0, 0.0])
            o[0] += n_eff
            o[1] += c_eff
        for name in (a.task, a.area):
            tally = seen.setdefault(name, [0, 0])
            tally[0] += a.n
            tally[1] += a.correct
    areas = sorted(set(task_area.values()))
    level, u, v = _mode(groups, task_area, areas, difficulty_logit, sweeps, LEVEL_PRIOR[0], None)
    # Recency only where the evidence says the learner changed: if an area's recent answers are
    # off the fit by more than CHANGE_Z standard errors, its older answers count half.
    changed = []
    for area in areas:
        o_sum = e_sum = var = 0.0
        for (task, d), (n, c) in groups.items():
            if task_area[task] != area:
                continue
            n_old, c_old = old.get((task, d), (0.0, 0.0))
            n_new = n - n_old
            if n_new <= 0:
                continue
            p = p_right(level + u[area] + v[task] - d)
            o_sum += c - c_old
            e_sum += n_new * p
            var += n_new * p * (1 - p)
        has_old = any(task_area[t] == area for t, _ in old)
        if has_old and var > 0 and abs(o_sum - e_sum) / math.sqrt(var) > CHANGE_Z:
            changed.append(area)
    if changed:
        for (task, d), (n_old, c_old) in old.items():
            if task_area[task] in changed:
                g = groups[(task, d)]
                g[0] -= n_old / 2
                g[1] -= c_old / 2
        level, u, v = _mode(groups, task_area, areas, difficulty_logit, sweeps, level, (u, v))
    # information per task at the mode, discounted for the task's own spread around its area
    info_t: dict[str, float] = {}
    for (task, d), (n, _c) in groups.items():
        theta = level + u[task_area[task]] + v[task] - d
        info_t[task] = info_t.get(task, 0.0) + _score_info(theta, n, 0.0)[1]
    info_a: dict[str, float] = dict.fromkeys(areas, 0.0)
    for task, i in info_t.items():
        info_a[task_area[task]] += i / (1.0 + i * TASK_SD**2)
    q_aa = {a: info_a[a] + 1.0 / AREA_SD**2 for a in areas}
    schur = (
        1.0 / LEVEL_PRIOR[1] ** 2
        + sum(info_a.values())
        - sum(info_a[a] ** 2 / q_aa[a] for a in areas)
    )
    var_level = 1.0 / schur
    mixes: dict[str, tuple[tuple[float, float], ...]] = {}
    tasks_of: dict[str, list[str]] = {}
    for task, area in task_area.items():
        tasks_of.setdefault(area, []).append(task)
    area_est: dict[str, Estimate] = {}
    task_est: dict[str, Estimate] = {}
    probe: dict[str, tuple[float, int]] = {}
    for area in areas:
        total = sum(sum(pool.get(t, {}).values()) for t in tasks_of[area]) or 1
        merged: dict[float, float] = {}  # offsets 0.02 logits apart read alike: fewer terms
        unseen_w = 0.0
        for t in sorted(tasks_of[area]):
            counts = pool.get(t, {})
            tw = sum(counts.values()) / total
            if t not in info_t:
                unseen_w += tw
            for d, k in sorted(counts.items()):
                b = difficulty_logit.get(d, 0.0) + shift.get((t, d), 0.0)
                off = round((v[t] - b) * 50.0) / 50.0
                merged[off] = merged.get(off, 0.0) + k / total
        mix = sorted(merged.items()) or [(0.0, 1.0)]
        mixes[area] = tuple(mix)
        mean = level + u[area]
        ratio = info_a[area] / q_aa[area]
        var = 1.0 / q_aa[area] + var_level * (1.0 - ratio) ** 2 + (unseen_w * TASK_SD) ** 2
        sd = math.sqrt(var)
        area_est[area] = Estimate(area, mean, sd, _as_mastery(area, mean, sd, mix, seen))
        for t in tasks_of[area]:
            counts = pool.get(t, {}) or {2: 1}
            n_items = sum(counts.values())
            tmix = [
                (-difficulty_logit.get(d, 0.0) - shift.get((t, d), 0.0), k / n_items)
                for d, k in counts.items()
            ]
            t_var = 1.0 / (info_t.get(t, 0.0) + 1.0 / TASK_SD**2) + var
            tm = mean + v[t]
            best = max(
                sorted(counts),
                key=lambda d: _score_info(
                    tm - difficulty_logit.get(d, 0.0) - shift.get((t, d), 0.0), 1.0, 0.0
                )[1],
            )
            probe[t] = (n_items / total, best)
            est = Estimate(
                t, tm, math.sqrt(t_var), _as_mastery(t, tm, math.sqrt(t_var), tmix, seen)
            )
            task_est[t] = est
    return Fit(
        level,
        math.sqrt(var_level),
        area_est,
        task_est,
        tuple(changed),
        dict(u),
        q_aa,
        info_a,
        mixes,
        probe,
    )


def _mode(
    groups: Mapping[tuple[str, float], list[float]],
    task_area: Mapping[str, str],
    areas: Sequence[str],
    difficulty_logit: Mapping[int, float],
    sweeps: int,
    level: float,
    start: tuple[dict[str, float], dict[str, float]] | None,
) -> tuple[float, dict[str, float], dict[str, float]]:
    u = dict(start[0]) if start else dict.fromkeys(areas, 0.0)
    v = dict(start[1]) if start else dict.fromkeys(task_area, 0.0)
    by_area: dict[str, list[tuple[str, float, float, float]]] = {}
    for (task, d), (n, c) in groups.items():
        by_area.setdefault(task_area[task], []).append((task, d, n, c))
    mu0, sd0 = LEVEL_PRIOR
    for _ in range(sweeps):
        moved = 0.0
        g, i = -(level - mu0) / sd0**2, 1.0 / sd0**2
        for area, rows in by_area.items():
            g, i = _add_score_info(rows, level + u[area], v, g, i)
        step = max(-1.0, min(1.0, g / i))
        level += step
        moved = abs(step)
        for area, rows in by_area.items():
            g, i = _add_score_info(
                rows, level + u[area], v, -u[area] / AREA_SD**2, 1.0 / AREA_SD**2
            )
            step = max(-1.0, min(1.0, g / i))
            u[area] += step
            moved = max(moved, abs(step))
            per_task = _task_score_info(rows, level + u[area], v)
            for task, (g, i) in per_task.items():
                step = max(-1.0, min(1.0, g / i))
                v[task] += step
                moved = max(moved, abs(step))
        if moved < 1e-3:
            break
    return level, u, v


def _add_score_info(
    rows: Sequence[tuple[str, float, float, float]],
    base: float,
    v: Mapping[str, float],
    g: float,
    i: float,
) -> tuple[float, float]:
    """g and i plus _score_info(base + v[task] - b, n, c) of every row, in order.

    The same arithmetic as calling _score_info per row, inlined: the fit's hot loop (the
    weak-area report sweeps a few hundred rows 30 times, three passes each).
    """
    k = 1.0 - GUESS
    exp = math.exp
    for task, b, n, c in rows:
        x = base + v[task] - b
        x = x if x < 30.0 else 30.0
        x = x if x > -30.0 else -30.0
        s = 1.0 / (1.0 + exp(-x))
        p = GUESS + k * s
        dp = k * s * (1.0 - s)
        g += (c / p - (n - c) / (1.0 - p)) * dp
        i += n * dp * dp / (p * (1.0 - p))
    return g, i


def _task_score_info(
    rows: Sequence[tuple[str, float, float, float]], base: float, v: Mapping[str, float]
) -> dict[str, list[float]]:
    """Per task: its prior's (gradient, curvature) plus _score_info of its rows, in order."""
    k = 1.0 - GUESS
    exp = math.exp
    per_task: dict[str, list[float]] = {}
    for task, b, n, c in rows:
        x = base + v[task] - b
        x = x if x < 30.0 else 30.0
        x = x if x > -30.0 else -30.0
        s = 1.0 / (1.0 + exp(-x))
        p = GUESS + k * s
        dp = k * s * (1.0 - s)
        acc = per_task.get(task)
        if acc is None:
            acc = per_task[task] = list(_task_prior(v[task]))
        acc[0] += (c / p - (n - c) / (1.0 - p)) * dp
        acc[1] += n * dp * dp / (p * (1.0 - p))
    return per_task


def _task_prior(v: float) -> tuple[float, float]:
    """(d log prior / dv, its curvature) of a task's offset from its area.

    Normal, sd TASK_SD (a Student-t, for gap tasks, was tried on the tuning set and lost).
    """
    return -v / TASK_SD**2, 1.0 / TASK_SD**2


def _as_mastery(
    key: str,
    mean: float,
    sd: float,
    mix: Sequence[tuple[float, float]],
    seen: Mapping[str, list[int]],
) -> Mastery:
    est = sum(w * _p_mix(mean + z * sd, mix) for z, w in _GH)
    est = min(max(est, 1e-6), 1 - 1e-6)
    lo, hi = _p_mix(mean - Z80 * sd, mix), _p_mix(mean + Z80 * sd, mix)
    # an equivalent Beta (same mean and spread) for the code that reads alpha and beta
    spread = max(1e-6, ((hi - lo) / (2 * Z80)) ** 2)
    total = max(0.1, est * (1 - est) / spread - 1.0)
    n, c = seen.get(key, [0, 0])
    return Mastery(key, n, c, est * total, (1 - est) * total, lo, hi)


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
    cdf_at = [0.0] * (total + 1)
    prob = mean_pct = 0.0
    for z, wz in zip(grid, dens, strict=True):
        wz /= norm
        level = result.level + z * result.level_sd
        mu = var = 0.0
        for area, n in blueprint.items():
            mix = result.mixes.get(area, ((0.0, 1.0),))
            q = result.area_precision.get(area, 1.0 / AREA_SD**2)
            info = result.area_info.get(area, 0.0)
            # u | level: its mean moves against the level by info/q (the arrowhead's off-diagonal)
            cm = result.area_offset.get(area, 0.0) - (info / q) * (level - result.level)
            csd = math.sqrt(1.0 / q)
            ps = [_p_mix(level + cm + x * csd, mix) for x, _ in _GH]
            m1 = sum(w * p for p, (_, w) in zip(ps, _GH, strict=True))
            m2 = sum(w * p * p for p, (_, w) in zip(ps, _GH, strict=True))
            mu += n * m1
            var += n * (m1 - m2) + n * n * (m2 - m1 * m1)
        sd = math.sqrt(max(var, 1e-9))
        prob += wz * 0.5 * math.erfc(-(mu - need + 0.5) / (sd * math.sqrt(2)))
        mean_pct += wz * mu
        for s in range(total + 1):
            cdf_at[s] += wz * 0.5 * math.erfc(-(s + 0.5 - mu) / (sd * math.sqrt(2)))

    def pct(q: float) -> float:
        for s, c in enumerate(cdf_at):
            if c >= q:
                return 100.0 * s / total
        return 100.0

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
    if not result.areas:
        return ""
    low = min(result.areas.values(), key=lambda e: (e.mastery.estimate, e.key))
    loss = {
        a: n * (1 - result.areas[a].mastery.estimate)
        for a, n in blueprint.items()
        if a in result.areas
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


MIN_CALIBRATION_ANSWERS = 30  # an item is recalibrated only from at least this many answers
MIN_CALIBRATION_LEARNERS = 3  # ... given by at least this many learners


@dataclass(frozen=True)
class ItemTally:
    """Every learner's counted answers on one question (a classroom database's)."""

    question_id: int
    task: str
    rating: int
    n: int
    correct: int
    learners: int


def item_offsets(tallies: Sequence[ItemTally]) -> dict[int, float]:
    """Per question, logits it is harder (+) or easier (-) than its bank rating says.

    The population's share right on all items of a rating is the yardstick; an item's own share
    moves it away from its rating by `recalibrated_difficulty` (weight n / (n + 20)). Only items
    with at least MIN_CALIBRATION_ANSWERS answers from MIN_CALIBRATION_LEARNERS learners get an
    offset; the rest keep their rating.
    """
    per_rating: dict[int, list[int]] = {}
    for t in tallies:
        acc = per_rating.setdefault(t.rating, [0, 0])
        acc[0] += t.n
        acc[1] += t.correct
    out: dict[int, float] = {}
    for t in tallies:
        if t.n < MIN_CALIBRATION_ANSWERS or t.learners < MIN_CALIBRATION_LEARNERS:
            continue
        n_all, c_all = per_rating[t.rating]
        if n_all <= t.n:  # nothing else of its rating to compare with
            continue
        population = (c_all - t.correct) / (n_all - t.n)
        d = recalibrated_difficulty(t.rating, t.n, t.correct, population)
        out[t.question_id] = d - DIFFICULTY_LOGIT.get(t.rating, 0.0)
    return out


def cell_offsets(
    tallies: Sequence[ItemTally], offsets: Mapping[int, float]
) -> dict[tuple[str, int], float]:
    """Per (task, rating), the mean offset over its items (those without one count as 0): what
    `fit(recalibrated=...)` takes - the report's evidence is grouped by task and rating."""
    sums: dict[tuple[str, int], list[float]] = {}
    for t in tallies:
        acc = sums.setdefault((t.task, t.rating), [0.0, 0.0])
        acc[0] += offsets.get(t.question_id, 0.0)
        acc[1] += 1.0
    return {k: s / n for k, (s, n) in sums.items() if n and s != 0.0}


def recalibrated_difficulty(
    rating: int, n: int, correct: int, population_p: float, *, prior_weight: float = 20.0
) -> float:
    """An item's difficulty (logits) from many learners' answers, shrunk to its bank rating.

    `population_p` is the share right that learners of the same levels got on items of that
    rating; the item's offset from it is weighted n / (n + prior_weight) - the hook for a
    classroom database that holds many learners' answers.
    """
    prior = DIFFICULTY_LOGIT.get(rating, 0.0)
    if n <= 0:
        return prior

    def logit_above_guess(p: float) -> float:
        x = min(max((p - GUESS) / (1 - GUESS), 0.02), 0.98)
        return math.log(x / (1 - x))

    shift = logit_above_guess(population_p) - logit_above_guess((correct + 0.5) / (n + 1.0))
    return prior + shift * n / (n + prior_weight)
