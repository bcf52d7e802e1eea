"""Form assembly: draw a mock exam that follows the blueprint exactly.

Pure and deterministic for a given random.Random. Prefers items this profile has seen least,
never repeats the previous form's items when the pool allows, orders items randomly, and shuffles
options only where allowed (Technician A/B options never move).
"""

from __future__ import annotations

import math
import random
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import overload

from app.domain.errors import UserError
from app.domain.ids import QuestionId

Enemies = Mapping[
    QuestionId, frozenset[QuestionId]
]  # question id -> ids it must never share a form with


@dataclass(frozen=True, slots=True)  # 20,000 of them for a large bank's mock
class PoolItem:
    question_id: QuestionId
    area: str
    task: str
    n_choices: int = 4
    shuffle: bool = True  # already resolved: test setting, item override, tech_ab never


class PoolColumns(Sequence[PoolItem]):
    """A pool held as columns: a large bank's mock draws from 20,000 items, and as PoolItems
    (an object and an int each) they left about 2 MB behind in the process after the draw.
    Here an item is a few bytes (its id in an array, area and task as indexes into one list of
    names), and a PoolItem is made only for an item looked at. Iterates and indexes like the
    list of PoolItems it stands for, in the order items were appended."""

    __slots__ = ("_area", "_ids", "_n", "_names", "_numbers", "_shuffle", "_task")

    def __init__(self) -> None:
        self._ids = array("q")
        self._area = array("H")
        self._task = array("H")
        self._n = array("H")
        self._shuffle = array("B")
        self._names: list[str] = []
        self._numbers: dict[str, int] = {}

    def _number(self, name: str) -> int:
        n = self._numbers.get(name)
        if n is None:
            n = self._numbers[name] = len(self._names)
            self._names.append(name)
        return n

    def append(self, item: PoolItem) -> None:
        self.add(item.question_id, item.area, item.task, item.n_choices, item.shuffle)

    def add(self, question_id: int, area: str, task: str, n_choices: int, shuffle: bool) -> None:
        """append(PoolItem(...)) without making the PoolItem."""
        numbers = self._numbers
        a = numbers.get(area)
        if a is None:
            a = self._number(area)
        t = numbers.get(task)
        if t is None:
            t = self._number(task)
        self._ids.append(question_id)
        self._area.append(a)
        self._task.append(t)
        self._n.append(n_choices)
        self._shuffle.append(shuffle)

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, i: int) -> PoolItem: ...
    @overload
    def __getitem__(self, i: slice) -> list[PoolItem]: ...
    def __getitem__(self, i: int | slice) -> PoolItem | list[PoolItem]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        names = self._names
        return PoolItem(
            QuestionId(self._ids[i]),
            names[self._area[i]],
            names[self._task[i]],
            self._n[i],
            bool(self._shuffle[i]),
        )

    def __iter__(self) -> Iterator[PoolItem]:
        for i in range(len(self._ids)):
            yield self[i]

    def by_area(
        self, marked: frozenset[QuestionId]
    ) -> tuple[dict[str, Sequence[PoolItem]], dict[str, Sequence[PoolItem]]]:
        """(fresh, others) per area, as `_by_area` groups a list, without making the items."""
        fresh: dict[int, array[int]] = {}
        others: dict[int, array[int]] = {}
        for i, (q, a) in enumerate(zip(self._ids, self._area, strict=True)):
            group = others if q in marked else fresh
            row = group.get(a)
            if row is None:
                row = group[a] = array("l")
            row.append(i)
        names = self._names
        return (
            {names[a]: _PoolView(self, rows) for a, rows in fresh.items()},
            {names[a]: _PoolView(self, rows) for a, rows in others.items()},
        )


class _PoolView(Sequence[PoolItem]):
    """Some items of a PoolColumns, by index, in the columns' order."""

    __slots__ = ("_columns", "_rows")

    def __init__(self, columns: PoolColumns, rows: array[int]) -> None:
        self._columns = columns
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, i: int) -> PoolItem: ...
    @overload
    def __getitem__(self, i: slice) -> list[PoolItem]: ...
    def __getitem__(self, i: int | slice) -> PoolItem | list[PoolItem]:
        if isinstance(i, slice):
            return [self._columns[r] for r in self._rows[i]]
        return self._columns[self._rows[i]]

    def __iter__(self) -> Iterator[PoolItem]:
        columns = self._columns
        for r in self._rows:
            yield columns[r]


def _by_area(
    pool: Iterable[PoolItem], marked: frozenset[QuestionId]
) -> tuple[dict[str, Sequence[PoolItem]], dict[str, Sequence[PoolItem]]]:
    """(fresh, others): the pool's items per area, those in `marked` apart, in pool order."""
    if isinstance(pool, PoolColumns):
        return pool.by_area(marked)
    fresh: dict[str, list[PoolItem]] = {}
    others: dict[str, list[PoolItem]] = {}
    for item in pool:
        group = others if item.question_id in marked else fresh
        group.setdefault(item.area, []).append(item)
    return dict(fresh), dict(others)


@dataclass(frozen=True)
class FormItem:
    question_id: QuestionId
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


class PoolTooSmallError(UserError, ValueError):
    pass


def _rank(
    items: Sequence[PoolItem],
    seen: Mapping[QuestionId, int],
    previous: frozenset[QuestionId],
    rng: random.Random,
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
    seen: Mapping[QuestionId, int] | None = None,
    previous: Iterable[QuestionId] = (),
    unscored: int = 0,
    strict: bool = True,
    enemies: Enemies | None = None,
) -> Form:
    """Exactly blueprint[area] scored items per area (plus `unscored` research items).

    With `strict`, a pool smaller than the blueprint raises PoolTooSmallError; otherwise the form
    is drawn short and the shortfall reported. `seen` counts how often the profile has seen each
    item (0 or more). No two items of one form are `enemies` (they test the same fact or share
    an exhibit); an area that cannot be filled without them is drawn short.
    """
    if enemies:
        return _assemble_apart(
            pool, blueprint, rng, seen or {}, frozenset(previous), unscored, strict, enemies
        )
    seen = seen or {}
    prev = frozenset(previous)
    # Items never seen and not on the previous form all rank first, in random order, so they are
    # drawn with rng.sample; only the (usually few) others are sorted. Ranking the whole pool
    # took 0.6 s for 100,000 items; this is one pass over it.
    marked = prev.union(q for q, n in seen.items() if n)
    fresh, others = _by_area(pool, marked)
    chosen: list[FormItem] = []
    taken: set[QuestionId] = set()
    shortfall: dict[str, int] = {}
    for area in sorted(blueprint):
        need = blueprint[area]
        take = _best(fresh.get(area, []), others.get(area, []), need, seen, prev, rng)
        if len(take) < need:
            shortfall[area] = need - len(take)
        chosen.extend(FormItem(i.question_id, area, True, _order(i, rng)) for i in take)
        taken.update(i.question_id for i in take)
    if strict and shortfall:
        detail = ", ".join(f"area {a} needs {n} more" for a, n in sorted(shortfall.items()))
        raise PoolTooSmallError(f"not enough questions for a full form: {detail}")
    if unscored:
        # research items: from what is left in the blueprint's areas, least seen first
        areas = sorted(blueprint)
        all_fresh = list(chain.from_iterable(fresh.get(a, ()) for a in areas))
        want = unscored + len(taken)
        if len(all_fresh) >= want:
            # a random sample big enough to hold `unscored` items not on the form yet: its
            # untaken items, in order, are a random draw from the untaken fresh ones
            drawn = rng.sample(all_fresh, want)
            extra = [i for i in drawn if i.question_id not in taken][:unscored]
        else:
            left_fresh = [i for i in all_fresh if i.question_id not in taken]
            left_others = [
                i for a in areas for i in others.get(a, ()) if i.question_id not in taken
            ]
            extra = _best(left_fresh, left_others, unscored, seen, prev, rng)
        chosen.extend(FormItem(i.question_id, i.area, False, _order(i, rng)) for i in extra)
    rng.shuffle(chosen)
    return Form(items=tuple(chosen), shortfall=shortfall)


def _best(
    fresh: Sequence[PoolItem],
    others: Sequence[PoolItem],
    k: int,
    seen: Mapping[QuestionId, int],
    previous: frozenset[QuestionId],
    rng: random.Random,
) -> list[PoolItem]:
    """The first k of _rank(fresh + others): fresh items (unseen, not on the previous form) in
    random order, then the others least seen first."""
    if len(fresh) >= k:
        return rng.sample(fresh, k)
    return rng.sample(fresh, len(fresh)) + _rank(others, seen, previous, rng)[: k - len(fresh)]


def practice_selection(
    pool: Iterable[PoolItem],
    count: int,
    *,
    rng: random.Random,
    seen: Mapping[QuestionId, int] | None = None,
    missed: Iterable[QuestionId] = (),
    enemies: Enemies | None = None,
) -> Form:
    """A practice set: missed items first, then unseen, then least seen; random within ties.
    No two `enemies` share a set."""
    seen = seen or {}
    miss = frozenset(missed)
    keyed = sorted(
        (
            (0 if i.question_id in miss else 1, seen.get(i.question_id, 0), rng.random(), i)
            for i in pool
        ),
        key=lambda k: (k[0], k[1], k[2]),
    )
    if enemies:
        picked = _apart((k[3] for k in keyed), count, enemies, set())
    else:
        picked = [k[3] for k in keyed[:count]]
    rng.shuffle(picked)
    return Form(
        items=tuple(FormItem(i.question_id, i.area, True, _order(i, rng)) for i in picked),
        shortfall={},
    )


# -- enemies: items that must never share a form -------------------------------------------------


def enemy_map(
    pairs: Iterable[tuple[QuestionId, QuestionId]], groups: Iterable[Iterable[QuestionId]] = ()
) -> Enemies:
    """Symmetric closure of enemy `pairs`, plus every pair within each of `groups` (the items
    that show one exhibit file). An item is never its own enemy."""
    out: dict[QuestionId, set[QuestionId]] = {}
    for a, b in pairs:
        if a != b:
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
    for g in groups:
        members = set(g)
        if len(members) > 1:
            for m in members:
                out.setdefault(m, set()).update(members - {m})
    return {k: frozenset(v) for k, v in out.items()}


def _apart(
    ranked: Iterable[PoolItem], k: int, enemies: Enemies, blocked: set[QuestionId]
) -> list[PoolItem]:
    """The first k of `ranked` that are not blocked, blocking each pick's enemies as it goes
    (`blocked` is updated in place, so later areas see the earlier areas' picks)."""
    out: list[PoolItem] = []
    if k <= 0:
        return out
    for item in ranked:
        q = item.question_id
        if q in blocked:
            continue
        out.append(item)
        blocked.add(q)
        blocked.update(enemies.get(q, ()))
        if len(out) == k:
            break
    return out


def _random_order(items: Sequence[PoolItem], first: int, rng: random.Random) -> Iterator[PoolItem]:
    """`items` in random order, lazily: a sample of `first` (O(first)), then - only when the
    walk gets that far - the rest shuffled. A 100,000-item pool is not shuffled for 10 picks."""
    if len(items) <= first:
        yield from rng.sample(items, len(items))
        return
    head = rng.sample(items, first)
    yield from head
    taken = {i.question_id for i in head}
    rest = [i for i in items if i.question_id not in taken]
    rng.shuffle(rest)
    yield from rest


def _lazy_rank(
    items: Sequence[PoolItem],
    seen: Mapping[QuestionId, int],
    previous: frozenset[QuestionId],
    rng: random.Random,
) -> Iterator[PoolItem]:
    """_rank, sorted only when the walk reaches it."""
    yield from _rank(items, seen, previous, rng)


def _assemble_apart(
    pool: Iterable[PoolItem],
    blueprint: Mapping[str, int],
    rng: random.Random,
    seen: Mapping[QuestionId, int],
    prev: frozenset[QuestionId],
    unscored: int,
    strict: bool,
    enemies: Enemies,
) -> Form:
    """assemble_form when some items are enemies: the same preference order (fresh items in
    random order, then the others least seen first), walked greedily past blocked items."""
    marked = prev.union(q for q, n in seen.items() if n)
    fresh, others = _by_area(pool, marked)
    blocked: set[QuestionId] = set()
    chosen: list[FormItem] = []
    shortfall: dict[str, int] = {}
    # the scarcest areas first: they have the fewest ways round a blocked item
    order = sorted(
        blueprint,
        key=lambda a: (len(fresh.get(a, ())) + len(others.get(a, ())) - blueprint[a], a),
    )
    for area in order:
        need = blueprint[area]
        ranked = chain(
            _random_order(fresh.get(area, []), 2 * need + 8, rng),
            _lazy_rank(others.get(area, []), seen, prev, rng),
        )
        take = _apart(ranked, need, enemies, blocked)
        if len(take) < need:
            shortfall[area] = need - len(take)
        chosen.extend(FormItem(i.question_id, area, True, _order(i, rng)) for i in take)
    if strict and shortfall:
        detail = ", ".join(f"area {a} needs {n} more" for a, n in sorted(shortfall.items()))
        raise PoolTooSmallError(f"not enough questions for a full form: {detail}")
    if unscored:
        areas = sorted(blueprint)
        left_fresh = list(chain.from_iterable(fresh.get(a, ()) for a in areas))
        left_others = [i for a in areas for i in others.get(a, ())]
        ranked = chain(
            _random_order(left_fresh, 2 * (unscored + len(chosen)) + 8, rng),
            _lazy_rank(left_others, seen, prev, rng),
        )
        extra = _apart(ranked, unscored, enemies, blocked)
        chosen.extend(FormItem(i.question_id, i.area, False, _order(i, rng)) for i in extra)
    rng.shuffle(chosen)
    return Form(items=tuple(chosen), shortfall=shortfall)


# -- recertification forms --------------------------------------------------------------------


def recert_count(scored_count: int) -> int:
    """The estimate used where a test's recertification length is not known: about half."""
    return max(1, math.ceil(scored_count / 2))


def recert_minutes(minutes: int, scored_count: int, unscored_count: int, count: int) -> int:
    """The estimate used where a recertification time is not known: the full test's time per
    item, rounded up to 5 minutes (A1: 60 items in 60 min -> 25 items in 25 min; the known A1R
    time is 30)."""
    per_item = minutes / max(1, scored_count + unscored_count)
    return max(5, math.ceil(per_item * count / 5) * 5)


def recert_blueprint(blueprint: Mapping[str, int], count: int) -> dict[str, int]:
    """`count` items over the areas in the blueprint's proportions (largest remainder; ties go
    to the bigger area, then the earlier letter). Every area keeps at least one item when the
    count allows, so a recertification form still touches each area."""
    total = sum(blueprint.values())
    areas = sorted(a for a, n in blueprint.items() if n > 0)
    if total <= 0 or count <= 0:
        return dict.fromkeys(blueprint, 0)
    if count >= total:
        return dict(blueprint)
    exact = {a: blueprint[a] * count / total for a in areas}
    out = {a: int(exact[a]) for a in areas}
    if count >= len(areas):
        for a in areas:
            out[a] = max(1, out[a])
    while sum(out.values()) > count:  # the minimum of one overshot: take from the largest
        a = max((x for x in areas if out[x] > 1), key=lambda x: (out[x] - exact[x], out[x]))
        out[a] -= 1
    rest = count - sum(out.values())
    for a in sorted(areas, key=lambda x: (-(exact[x] - out[x]), -blueprint[x], x))[:rest]:
        out[a] += 1
    return {a: out.get(a, 0) for a in blueprint}


@dataclass(frozen=True)
class RecertSpec:
    """A test's recertification form: scored items per area, minutes, and whether the figures
    are the bank's own or estimated here."""

    blueprint: Mapping[str, int]
    minutes: int
    count_estimated: bool
    minutes_estimated: bool
    notes: str = ""

    @property
    def scored_count(self) -> int:
        return sum(self.blueprint.values())

    @property
    def estimated(self) -> bool:
        return self.count_estimated or self.minutes_estimated


def recert_spec(
    blueprint: Mapping[str, int],
    minutes: int,
    unscored_count: int,
    *,
    scored_count: int | None = None,
    recert_minutes_: int | None = None,
    notes: str | None = None,
) -> RecertSpec:
    """The recertification form of a test with `blueprint` (area -> scored items) and `minutes`;
    `scored_count`/`recert_minutes_` are the bank's figures where it gives them."""
    full = sum(blueprint.values())
    count = scored_count if scored_count is not None else recert_count(full)
    mins = (
        recert_minutes_
        if recert_minutes_ is not None
        else recert_minutes(minutes, full, unscored_count, count)
    )
    return RecertSpec(
        blueprint=recert_blueprint(blueprint, count),
        minutes=mins,
        count_estimated=scored_count is None,
        minutes_estimated=recert_minutes_ is None,
        notes=notes or "",
    )
