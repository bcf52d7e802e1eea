"""The Beta model: mastery per key as a Beta posterior, and its quantiles. Pure, stdlib only.

Mastery per content area or task is a Beta posterior over the probability of answering an item of
that area right: prior Beta(1, 1), each response weighted by recency (half-life 30 days), so the
estimate is the posterior mean and the band its central 80 % interval (from the Beta quantiles,
computed here by Newton steps on the regularised incomplete beta function). Fewer than
MIN_RESPONSES responses is "not enough data". `Mastery` is also how the pooled model
(`pooled.py`) reports a key, as an equivalent Beta.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

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
