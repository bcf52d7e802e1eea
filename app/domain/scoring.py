"""Scoring a submitted form: raw, percent, pass/fail estimate, per content area, pacing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ScoredItem:
    area: str
    scored: bool
    correct: bool
    answered: bool
    seconds: float


@dataclass(frozen=True)
class AreaScore:
    letter: str
    title: str
    items: int
    correct: int
    seconds: float

    @property
    def percent(self) -> float:
        return 100.0 * self.correct / self.items if self.items else 0.0


@dataclass(frozen=True)
class Score:
    correct: int
    total: int
    target_percent: float
    areas: tuple[AreaScore, ...]
    unscored_correct: int
    unscored_total: int
    answered: int
    elapsed_s: float
    limit_s: float | None
    budget_per_item_s: float

    @property
    def percent(self) -> float:
        return 100.0 * self.correct / self.total if self.total else 0.0

    @property
    def passed(self) -> bool:
        return self.percent >= self.target_percent

    @property
    def seconds_per_item(self) -> float:
        n = self.total + self.unscored_total
        return self.elapsed_s / n if n else 0.0


def score_form(
    items: Sequence[ScoredItem],
    area_titles: Mapping[str, str],
    *,
    target_percent: float,
    elapsed_s: float,
    limit_s: float | None,
    test_minutes: int,
    test_items: int,
) -> Score:
    """Unanswered items count as wrong. Unscored (research) items are reported apart."""
    areas = []
    for letter in sorted(area_titles):
        mine = [i for i in items if i.area == letter and i.scored]
        if not mine:
            continue
        areas.append(
            AreaScore(
                letter,
                area_titles[letter],
                len(mine),
                sum(1 for i in mine if i.correct),
                sum(i.seconds for i in mine),
            )
        )
    scored = [i for i in items if i.scored]
    unscored = [i for i in items if not i.scored]
    return Score(
        correct=sum(1 for i in scored if i.correct),
        total=len(scored),
        target_percent=target_percent,
        areas=tuple(areas),
        unscored_correct=sum(1 for i in unscored if i.correct),
        unscored_total=len(unscored),
        answered=sum(1 for i in items if i.answered),
        elapsed_s=elapsed_s,
        limit_s=limit_s,
        budget_per_item_s=(test_minutes * 60.0 / test_items) if test_items else 0.0,
    )
