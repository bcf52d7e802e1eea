"""Form assembly: draw a mock exam that follows the blueprint exactly.

Pure and deterministic for a given random.Random. Prefers items this profile has seen least,
never repeats the previous form's items when the pool allows, orders items randomly, and shuffles
options only where allowed (Technician A/B options never move).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PoolItem:
    question_id: int
    area: str
    task: str
    n_choices: int = 4
    shuffle: bool = True  # already resolved: test setting, item override, tech_ab never


@dataclass(frozen=True)
class FormItem:
    question_id: int
    area: str
    scored: bool
    choice_order: tuple[int, ...]


@dataclass(frozen=True)
class Form:
    items: tuple[FormItem, ...]
    shortfall: Mapping[str, int]  # area -> items missing when the pool is too small

    @property
    def scored_count(self) -> int:
        return sum(1 for i in self.items if i.scored)


class PoolTooSmallError(ValueError):
    pass


def _rank(
    items: Sequence[PoolItem], seen: Mapping[int, int], previous: frozenset[int], rng: random.Random
) -> list[PoolItem]:
    """Least seen first, then not on the previous form, then random (ties broken randomly)."""
    keyed = [
        (seen.get(i.question_id, 0), i.question_id in previous, rng.random(), i) for i in items
    ]
    keyed.sort(key=lambda k: (k[0], k[1], k[2]))
    return [k[3] for k in keyed]


def _order(item: PoolItem, rng: random.Random) -> tuple[int, ...]:
    order = list(range(item.n_choices))
    if item.shuffle:
        rng.shuffle(order)
    return tuple(order)


def assemble_form(
    pool: Iterable[PoolItem],
    blueprint: Mapping[str, int],
    *,
    rng: random.Random,
    seen: Mapping[int, int] | None = None,
    previous: Iterable[int] = (),
    unscored: int = 0,
    strict: bool = True,
) -> Form:
    """Exactly blueprint[area] scored items per area (plus `unscored` research items).

    With `strict`, a pool smaller than the blueprint raises PoolTooSmallError; otherwise the form
    is drawn short and the shortfall reported.
    """
    seen = seen or {}
    prev = frozenset(previous)
    by_area: dict[str, list[PoolItem]] = {}
    for item in pool:
        by_area.setdefault(item.area, []).append(item)
    chosen: list[FormItem] = []
    leftovers: list[PoolItem] = []
    shortfall: dict[str, int] = {}
    for area in sorted(blueprint):
        need = blueprint[area]
        ranked = _rank(by_area.get(area, []), seen, prev, rng)
        if len(ranked) < need:
            shortfall[area] = need - len(ranked)
        take, rest = ranked[:need], ranked[need:]
        chosen.extend(FormItem(i.question_id, area, True, _order(i, rng)) for i in take)
        leftovers.extend(rest)
    if strict and shortfall:
        detail = ", ".join(f"area {a} needs {n} more" for a, n in sorted(shortfall.items()))
        raise PoolTooSmallError(f"not enough questions for a full form: {detail}")
    if unscored:
        # research items: spread like the blueprint, from what is left, least seen first
        extra = _rank(leftovers, seen, prev, rng)[:unscored]
        chosen.extend(FormItem(i.question_id, i.area, False, _order(i, rng)) for i in extra)
    rng.shuffle(chosen)
    return Form(items=tuple(chosen), shortfall=shortfall)


def practice_selection(
    pool: Iterable[PoolItem],
    count: int,
    *,
    rng: random.Random,
    seen: Mapping[int, int] | None = None,
    missed: Iterable[int] = (),
) -> Form:
    """A practice set: missed items first, then unseen, then least seen; random within ties."""
    seen = seen or {}
    miss = frozenset(missed)
    keyed = sorted(
        (
            (0 if i.question_id in miss else 1, seen.get(i.question_id, 0), rng.random(), i)
            for i in pool
        ),
        key=lambda k: (k[0], k[1], k[2]),
    )
    picked = [k[3] for k in keyed[:count]]
    rng.shuffle(picked)
    return Form(
        items=tuple(FormItem(i.question_id, i.area, True, _order(i, rng)) for i in picked),
        shortfall={},
    )
