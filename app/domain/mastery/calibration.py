"""Item calibration: an item's difficulty from many learners' answers (a classroom database's),
shrunk to its bank rating, for `fit(recalibrated=...)`. Pure, stdlib only.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.domain.mastery.pooled import DIFFICULTY_LOGIT, GUESS

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
