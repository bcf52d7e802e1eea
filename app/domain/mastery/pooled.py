"""The pooled item-response model: what the weak-area report fits. Pure, stdlib only.

The Beta model (`beta.py`) treats every answer alike and every key on its own: it drags estimates
toward 50 %, cannot name a small area from four answers and reads drilled (missed-first, harder)
items as a fall in ability. Here an answer's chance of being right is a 3-parameter logistic in
the learner's ability on the logit scale, with 25 % guessing and the item's difficulty taken from
the bank's rating (DIFFICULTY_LOGIT; `difficulty_logit` takes recalibrated values). Ability on a
task is level + area offset + task offset, with normal priors: the level around the population's,
each area around the level (sd AREA_SD), each task around its area (sd TASK_SD). The fit is the
posterior mode by Fisher scoring; the uncertainty is the Laplace approximation (the level and area
offsets jointly, which is an arrowhead matrix).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from app.domain.mastery.beta import Mastery

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
# a full Newton step smaller than this (logits) is the last one _mode takes: it closes in
# quadratically there, leaving an error of about the step's square
NEWTON_LAST_STEP = 1e-6
_GH = (  # Gauss-Hermite nodes and weights for E[f(X)], X ~ N(0, 1)
    (-2.8569700138728056, 0.011257411327720689),
    (-1.355626179974266, 0.2220759220056126),
    (0.0, 0.5333333333333333),
    (1.355626179974266, 0.2220759220056126),
    (2.8569700138728056, 0.011257411327720689),
)


class Answered(NamedTuple):
    """Responses on one task, at one difficulty rating, on one day.

    A NamedTuple, not a frozen dataclass: the report makes a few hundred per showing, and a
    frozen dataclass's __init__ costs four times as much (about 0.4 ms on the benchmark's)."""

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


# the slope of a logistic averaged over items whose difficulty spreads by ITEM_SD (_p_mix)
_MIX_SLOPE = 1.0 / math.sqrt(1.0 + math.pi * ITEM_SD**2 / 8.0)
_MIX_REACH = 600.0  # |slope x theta| beyond this reads as this: e^600 still fits in a float

# a task and its (difficulty logit, answers, right) rows, per task of an area: what _mode's
# passes walk
TaskRows = tuple[tuple[str, tuple[tuple[float, float, float], ...]], ...]

# a mix's constants: (sum of weights, (weight, e^(-slope x offset)) per term)
MixTerms = tuple[float, tuple[tuple[float, float], ...]]


def _mix_terms(mix: Sequence[tuple[float, float]]) -> MixTerms:
    """What _p_mix needs of `mix`, worked out once per mix rather than once per call."""
    return (
        sum(w for _off, w in mix),
        tuple((w, math.exp(-_MIX_SLOPE * off)) for off, w in mix),
    )


def _p_mix(theta: float, terms: MixTerms) -> float:
    """Expected share right over a bank's items: the mix holds (logit offset, weight) per task
    and rating, and items of one rating differ by ITEM_SD around it. Averaging the logistic over
    that spread is, to within a point, a logistic with its slope flattened by
    1 / sqrt(1 + pi s^2 / 8) - the same answer as integrating, at a third of the cost (readiness
    calls this often). e^(-slope (theta + offset)) is e^(-slope theta) x the term's constant:
    one exp per call, not one per term."""
    x = _MIX_SLOPE * theta
    x = x if x < _MIX_REACH else _MIX_REACH
    scale = math.exp(-(x if x > -_MIX_REACH else -_MIX_REACH))
    weights, terms_of = terms
    total = 0.0
    for w, e in terms_of:
        total += w / (1.0 + scale * e)
    return GUESS * weights + (1.0 - GUESS) * total


def fit(
    answers: Iterable[Answered],
    pool: Mapping[str, Mapping[int, int]],
    task_area: Mapping[str, str],
    *,
    difficulty_logit: Mapping[int, float] = DIFFICULTY_LOGIT,
    steps: int = 50,
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
    # the report passes a few hundred of these: no generator, no throwaway list per answer, and
    # the look-ups bound once (this loop is a third of the fit's time outside _mode)
    rating_logit, shifted = difficulty_logit.get, shift.get
    repeat_shift, weight_of = REPEAT_SHIFT.get, CONFIDENCE_WEIGHT.get
    group_of, old_of, seen_of, practice_of = groups.get, old.get, seen.get, practice_at.get
    for task, area, difficulty, age_a, n_a, c_a, _practice, before, confidence in answers:
        ages = practice_of(task_area[task])
        later = (
            sum(1.0 if age < age_a else LEARN_SAME_DAY if age == age_a else 0.0 for age in ages)
            if ages
            else 0.0
        )
        b = rating_logit(difficulty, 0.0) + min(LEARN_CAP, LEARN_PER_SESSION * later)
        b += shifted((task, difficulty), 0.0)
        b += repeat_shift(before, 0.0)
        key = (task, round(b, 3))
        w = weight_of(confidence, 1.0)
        n_eff, c_eff = n_a - c_a * (1.0 - w), c_a * w
        g = group_of(key)
        if g is None:
            groups[key] = [n_eff, c_eff]
        else:
            g[0] += n_eff
            g[1] += c_eff
        if age_a > RECENT_DAYS:
            o = old_of(key)
            if o is None:
                old[key] = [n_eff, c_eff]
            else:
                o[0] += n_eff
                o[1] += c_eff
        tally = seen_of(task)
        if tally is None:
            seen[task] = [n_a, c_a]
        else:
            tally[0] += n_a
            tally[1] += c_a
        tally = seen_of(area)
        if tally is None:
            seen[area] = [n_a, c_a]
        else:
            tally[0] += n_a
            tally[1] += c_a
    areas = sorted(set(task_area.values()))
    level, u, v = _mode(groups, task_area, areas, steps, LEVEL_PRIOR[0], None)
    # Recency only where the evidence says the learner changed: if an area's recent answers are
    # off the fit by more than CHANGE_Z standard errors, its older answers count half.
    recent = {area: [0.0, 0.0, 0.0] for area in areas}  # observed, expected, variance
    none_old = (0.0, 0.0)
    for key, (n, c) in groups.items():
        n_old, c_old = old_of(key, none_old)
        n_new = n - n_old
        if n_new <= 0:
            continue
        task, d = key
        area = task_area[task]
        theta = level + u[area] + v[task] - d
        p = GUESS if theta < -30.0 else GUESS + (1.0 - GUESS) / (1.0 + math.exp(-theta))
        acc = recent[area]
        acc[0] += c - c_old
        acc[1] += n_new * p
        acc[2] += n_new * p * (1 - p)
    has_old = {task_area[t] for t, _ in old}
    changed = [
        area
        for area, (o_sum, e_sum, var) in recent.items()
        if area in has_old and var > 0 and abs(o_sum - e_sum) / math.sqrt(var) > CHANGE_Z
    ]
    if changed:
        for (task, d), (n_old, c_old) in old.items():
            if task_area[task] in changed:
                g = groups[(task, d)]
                g[0] -= n_old / 2
                g[1] -= c_old / 2
        level, u, v = _mode(groups, task_area, areas, steps, level, (u, v))
    # information per task at the mode, discounted for the task's own spread around its area
    info_t: dict[str, float] = {}
    k, exp = 1.0 - GUESS, math.exp
    for (task, d), (n, _c) in groups.items():
        theta = level + u[task_area[task]] + v[task] - d
        # _score_info(theta, n, 0.0)[1], inlined: the same floats
        sig = 1.0 / (1.0 + exp(-max(-30.0, min(30.0, theta))))
        p = GUESS + k * sig
        dp = k * sig * (1.0 - sig)
        info_t[task] = info_t.get(task, 0.0) + n * dp * dp / (p * (1.0 - p))
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
    steps: int,
    level: float,
    start: tuple[dict[str, float], dict[str, float]] | None,
) -> tuple[float, dict[str, float], dict[str, float]]:
    """The posterior mode of (level, area offsets, task offsets) by joint Fisher scoring.

    Each step solves the whole system: the information matrix is a task block (diagonal) bordered
    by the areas and the level, so the tasks are eliminated in closed form, then the areas (an
    arrowhead again), leaving one equation in the level - one pass over the rows per step. A
    step moves no parameter more than one logit. It stops when the largest move is below 1e-10
    logits, or after a full Newton step below NEWTON_LAST_STEP (see below): a handful of steps,
    where moving one coordinate at a time took 30 sweeps of three passes (the level and the area
    offsets trade off along a ridge that coordinates crawl along).
    Fisher scoring closes in by a factor of about ten a step; within 0.01 logits of the mode the
    steps use the observed curvature instead (Newton's method: the error squares each step),
    falling back to Fisher's whenever the observed curvature is not positive.
    """
    u = dict(start[0]) if start else dict.fromkeys(areas, 0.0)
    v = dict(start[1]) if start else dict.fromkeys(task_area, 0.0)
    # per area, its tasks in the order they first appear, each with its (difficulty, n, c) rows
    # in order: the passes look a task's offset up once, not once per row
    rows_of: dict[str, dict[str, list[tuple[float, float, float]]]] = {}
    for (task, d), (n, c) in groups.items():
        rows_of.setdefault(task_area[task], {}).setdefault(task, []).append((d, n, c))
    by_area: dict[str, TaskRows] = {
        area: tuple((task, tuple(rows)) for task, rows in tasks.items())
        for area, tasks in rows_of.items()
    }
    mu0, sd0 = LEVEL_PRIOR
    q_task, q_area = 1.0 / TASK_SD**2, 1.0 / AREA_SD**2
    newton = False
    before = _log_posterior(by_area, level, u, v)
    for _ in range(steps):
        curvature = _task_score_curvature if newton else _task_score_info
        g_level, h_level = -(level - mu0) / sd0**2, 1.0 / sd0**2
        # per area, with its tasks eliminated: (gradient, curvature, coupling to the level);
        # per task: (gradient, curvature, information of its answers) to substitute back
        reduced: dict[str, tuple[float, float, float]] = {}
        per_task: dict[str, tuple[float, float, float]] = {}
        for area, rows in by_area.items():
            g_area, info_area = -u[area] * q_area, 0.0
            elim_h = elim_g = 0.0
            for task, (g_t, h_t) in curvature(rows, level + u[area], v).items():
                info_t = h_t - q_task
                g_area += g_t + v[task] * q_task  # the answers' part of the task's gradient
                info_area += info_t
                elim_h += info_t * info_t / h_t
                elim_g += info_t * g_t / h_t
                per_task[task] = (g_t, h_t, info_t)
            g_level += g_area + u[area] * q_area - elim_g
            h_level += info_area - elim_h
            reduced[area] = (g_area - elim_g, q_area + info_area - elim_h, info_area - elim_h)
        for g_red, h_red, couple in reduced.values():
            g_level -= couple * g_red / h_red
            h_level -= couple * couple / h_red
        if newton and (
            h_level <= 0.0
            or any(h_red <= 0.0 for _g, h_red, _c in reduced.values())
            or any(h_t <= 0.0 for _g, h_t, _i in per_task.values())
        ):
            newton = False  # not concave here: this step by Fisher scoring
            continue
        d_level = g_level / h_level
        d_area = {
            area: (g_red - couple * d_level) / h_red
            for area, (g_red, h_red, couple) in reduced.items()
        }
        d_task = {
            task: (g_t - info_t * (d_level + d_area[task_area[task]])) / h_t
            for task, (g_t, h_t, info_t) in per_task.items()
        }
        largest = max(
            abs(d_level),
            max(map(abs, d_area.values()), default=0.0),
            max(map(abs, d_task.values()), default=0.0),
        )
        scale = 1.0 / largest if largest > 1.0 else 1.0
        # Backtracking: with the guessing floor the log posterior is not concave for a learner who
        # misses most answers, and a full step can overshoot into a two-point cycle (all-wrong
        # answers swung 1 logit each step and stopped wherever the step count ran out). A step is
        # taken only if the log posterior does not fall, halving it until it does not.
        for _halving in range(40):
            level_new = level + scale * d_level
            u_new = {a: u[a] + scale * d_area.get(a, 0.0) for a in u}
            v_new = {t: v[t] + scale * d_task.get(t, 0.0) for t in v}
            after = _log_posterior(by_area, level_new, u_new, v_new)
            if after >= before - 1e-12 * (1.0 + abs(before)):
                break
            scale /= 2.0
        else:
            break  # no step up from here: this is the mode as far as floating point can tell
        level, u, v, before = level_new, u_new, v_new, after
        if largest * scale < 1e-10:
            break
        if newton and scale == 1.0 and largest < NEWTON_LAST_STEP:
            # a full Newton step this close in leaves an error of about its square (1e-12
            # logits): the step that would only confirm it is not taken
            break
        newton = largest < 1e-2
    return level, u, v


def _log_posterior(
    by_area: Mapping[str, TaskRows],
    level: float,
    u: Mapping[str, float],
    v: Mapping[str, float],
) -> float:
    """The log posterior _mode climbs (up to a constant): the answers' log likelihood plus the
    normal priors of the level, the area offsets and the task offsets."""
    mu0, sd0 = LEVEL_PRIOR
    k = 1.0 - GUESS
    exp, log = math.exp, math.log
    total = -((level - mu0) ** 2) / (2.0 * sd0**2)
    total -= sum(x * x for x in u.values()) / (2.0 * AREA_SD**2)
    total -= sum(x * x for x in v.values()) / (2.0 * TASK_SD**2)
    for area, task_rows in by_area.items():
        base = level + u[area]
        for task, rows in task_rows:
            at = base + v[task]
            for b, n, c in rows:
                x = at - b
                x = x if x < 30.0 else 30.0
                x = x if x > -30.0 else -30.0
                s = 1.0 / (1.0 + exp(-x))
                total += c * log(GUESS + k * s) + (n - c) * log(k * (1.0 - s))
    return total


def _task_score_info(
    task_rows: TaskRows, base: float, v: Mapping[str, float]
) -> dict[str, tuple[float, float]]:
    """Per task: its prior's (gradient, curvature) plus _score_info of its rows, in order."""
    k = 1.0 - GUESS
    exp = math.exp
    per_task: dict[str, tuple[float, float]] = {}
    for task, rows in task_rows:
        at = base + v[task]
        g, h = _task_prior(v[task])
        for b, n, c in rows:
            x = at - b
            x = x if x < 30.0 else 30.0
            x = x if x > -30.0 else -30.0
            s = 1.0 / (1.0 + exp(-x))
            p = GUESS + k * s
            dp = k * s * (1.0 - s)
            g += (c / p - (n - c) / (1.0 - p)) * dp
            h += n * dp * dp / (p * (1.0 - p))
        per_task[task] = (g, h)
    return per_task


def _task_score_curvature(
    task_rows: TaskRows, base: float, v: Mapping[str, float]
) -> dict[str, tuple[float, float]]:
    """_task_score_info with the observed curvature (minus the log likelihood's second
    derivative) in place of the Fisher information: what Newton's method steps by."""
    k = 1.0 - GUESS
    exp = math.exp
    per_task: dict[str, tuple[float, float]] = {}
    for task, rows in task_rows:
        at = base + v[task]
        g, h = _task_prior(v[task])
        for b, n, c in rows:
            x = at - b
            x = x if x < 30.0 else 30.0
            x = x if x > -30.0 else -30.0
            s = 1.0 / (1.0 + exp(-x))
            p = GUESS + k * s
            dp = k * s * (1.0 - s)
            ratio = c / p - (n - c) / (1.0 - p)
            g += ratio * dp
            h += (c / (p * p) + (n - c) / ((1.0 - p) * (1.0 - p))) * dp * dp - ratio * dp * (
                1.0 - 2.0 * s
            )
        per_task[task] = (g, h)
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
    terms = _mix_terms(mix)
    est = sum(w * _p_mix(mean + z * sd, terms) for z, w in _GH)
    est = min(max(est, 1e-6), 1 - 1e-6)
    lo, hi = _p_mix(mean - Z80 * sd, terms), _p_mix(mean + Z80 * sd, terms)
    # an equivalent Beta (same mean and spread) for the code that reads alpha and beta
    spread = max(1e-6, ((hi - lo) / (2 * Z80)) ** 2)
    total = max(0.1, est * (1 - est) / spread - 1.0)
    n, c = seen.get(key, [0, 0])
    return Mastery(key, n, c, est * total, (1 - est) * total, lo, hi)
