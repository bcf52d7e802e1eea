"""The Bayes-optimal ceiling of the steering simulation (benchmarks/steering_ceiling.py): its
posterior must find an area the answers make obvious, and on a few real learners it must do at
least as well as plain arithmetic - otherwise the ceiling it reports means nothing."""

from __future__ import annotations

import random

from benchmarks.steering import Learner, load_test, naive
from benchmarks.steering_ceiling import DELTA_PRIOR, ceiling, knowledge, oracle_area


def test_the_task_prior_is_a_proper_mixture_with_its_gap_tail() -> None:
    assert abs(sum(DELTA_PRIOR) - 1.0) < 1e-9
    # the 12 % gap tasks put visible mass below -0.8 logits, where a plain N(0, 0.35) has ~1 %
    from benchmarks.steering_ceiling import DELTA

    tail = sum(p for d, p in zip(DELTA, DELTA_PRIOR, strict=True) if d < -0.8)
    assert 0.08 < tail < 0.14


def test_the_oracle_names_an_area_the_answers_make_obvious() -> None:
    test = load_test("A5", 3)
    know = knowledge(test, full=False)
    # within the population the oracle assumes (area sd 0.55): one area 1.5 logits below the rest
    for k, weak in enumerate(("A", "C")):
        learner = Learner(test, random.Random(f"obvious-{k}"))
        for task in learner.theta:
            learner.theta[task] = 1.2 - (1.5 if task.split(".")[1] == weak else 0.0)
        for _ in range(4):
            learner.age(7)
            learner.mock()
        assert max(learner.true_loss(), key=lambda a: learner.true_loss()[a]) == weak
        assert oracle_area(test, know, learner.answers, random.Random(0)) == weak
        assert naive(test, learner.answers).study_area == weak


def test_on_real_learners_the_ceiling_is_a_hit_rate_for_every_model() -> None:
    results = ceiling(4, tests=("A5",), seed=2)
    for by in results.values():
        for hit, n in by.values():
            assert n == 4 and 0 <= hit <= n
    best = sum(h for h, _ in results["oracle, items known"].values())
    assert best >= 7  # of 12: a ceiling that cannot find the weakest area half the time is broken
