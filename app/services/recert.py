"""Recertification forms: the shorter test a certified technician re-sits, drawn to the same
content-area proportions with no research items. The figures come from the bank's
`test.recert` block, or are estimated (half the scored count, the full test's pace). No Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.forms import RecertSpec, recert_spec
from app.storage.queries.attempts_core import TestFacts


@dataclass(frozen=True)
class RecertPlan:
    """What the intro screen says about the recertification form (nothing stored yet)."""

    scored_items: int  # drawn for this form (fewer than the spec when the pool is short)
    spec_scored: int
    spec_minutes: int
    time_limit_s: float
    estimated: bool  # the count or the time is our estimate, not the bank's figure
    notes: str


def recert_spec_of(test: TestFacts) -> RecertSpec:
    return recert_spec(
        {a.letter: a.scored_count for a in test.areas},
        test.minutes,
        test.unscored_count,
        scored_count=test.recert_scored_count,
        recert_minutes_=test.recert_minutes,
        notes=test.recert_notes,
    )


def recert_limit(spec: RecertSpec, items: int, multiplier: float) -> float:
    """The recertification time for `items` items: the form's own pace (a short pool keeps it)."""
    return spec.minutes * 60.0 * items / max(1, spec.scored_count) * multiplier


def recert_plan(test: TestFacts, per_area: Mapping[str, int], multiplier: float) -> RecertPlan:
    spec = recert_spec_of(test)
    drawn = sum(min(n, per_area.get(a, 0)) for a, n in spec.blueprint.items())
    return RecertPlan(
        scored_items=drawn,
        spec_scored=spec.scored_count,
        spec_minutes=spec.minutes,
        time_limit_s=recert_limit(spec, drawn, multiplier),
        estimated=spec.estimated,
        notes=spec.notes,
    )
