"""Mastery, readiness and study-next on synthetic histories with known answers."""

from __future__ import annotations

import random

from app.domain.mastery import (
    MIN_RESPONSES,
    Evidence,
    beta_interval,
    mastery,
    readiness,
    recency_weight,
    study_next,
    weakest,
)

A5 = {"A": 19, "B": 5, "C": 11, "D": 10}
TASKS = {f"A5.{a}.1.{k}": a for a in A5 for k in (1, 2)}
TITLES = {a: f"Area {a}" for a in A5}


def history(rates: dict[str, float], n: int = 30, age: float = 1.0) -> list[Evidence]:
    out = []
    for area, rate in rates.items():
        for k in (1, 2):
            out.append(Evidence(f"A5.{area}.1.{k}", age, n, round(n * rate)))
    return out


def area_ev(ev: list[Evidence]) -> list[Evidence]:
    return [Evidence(TASKS[e.key], e.age_days, e.n, e.correct) for e in ev]


def test_beta_interval_of_uniform_prior() -> None:
    lo, hi = beta_interval(1, 1, 0.8)
    assert abs(lo - 0.1) < 1e-6 and abs(hi - 0.9) < 1e-6
    lo, hi = beta_interval(31, 11, 0.8)
    assert lo < 31 / 42 < hi and hi - lo < 0.2


def test_three_responses_is_not_enough_data() -> None:
    m = mastery([Evidence("A5.D.1.1", 0, 3, 1)])["A5.D.1.1"]
    assert m.seen == 3 and not m.enough_data and MIN_RESPONSES > 3
    wide = m.high - m.low
    m30 = mastery([Evidence("A5.D.1.1", 0, 30, 10)])["A5.D.1.1"]
    assert m30.enough_data and (m30.high - m30.low) < wide


def test_weak_only_in_area_d_ranks_d_first() -> None:
    ev = history({"A": 0.9, "B": 0.9, "C": 0.9, "D": 0.4})
    tasks = mastery(ev)
    areas = mastery(area_ev(ev))
    ranked = study_next(areas, tasks, A5, TASKS, TITLES)
    assert (ranked[0].kind, ranked[0].key) == ("area", "D")
    task_items = [s for s in ranked if s.kind == "task"]
    assert task_items[0].key.startswith("A5.D.")
    assert weakest(areas) == "D"


def test_recency_weighting_prefers_recent_answers() -> None:
    old_bad = Evidence("A5.A.1.1", 120, 20, 4)
    new_good = Evidence("A5.A.1.1", 0, 20, 18)
    m = mastery([old_bad, new_good])["A5.A.1.1"]
    assert m.estimate > 0.75 and m.raw == 22 / 40
    assert recency_weight(30) == 0.5


def test_readiness_rises_with_mastery() -> None:
    values = []
    for rate in (0.5, 0.65, 0.75, 0.9):
        areas = mastery(area_ev(history(dict.fromkeys(A5, rate))))
        values.append(readiness(areas, A5, 70, rng=random.Random(1)).probability)
    assert values == sorted(values) and values[0] < 0.1 and values[-1] > 0.9
    r = readiness(mastery(area_ev(history(dict.fromkeys(A5, 0.75)))), A5, 70, rng=random.Random(1))
    assert r.low_percent <= r.expected_percent <= r.high_percent
    assert r.responses == 4 * 60


def test_no_data_gives_uncertain_readiness_and_measure_first() -> None:
    areas = mastery([], list(A5))
    r = readiness(areas, A5, 70, rng=random.Random(2))
    assert 0.1 < r.probability < 0.5 and r.responses == 0
    ranked = study_next(areas, mastery([], list(TASKS)), A5, TASKS, TITLES)
    assert all("not enough data" in s.reason for s in ranked)
