from __future__ import annotations

import random
import tracemalloc
from collections import Counter
from typing import Any

import pytest

from app.domain.forms import (
    PoolColumns,
    PoolItem,
    PoolTooSmallError,
    assemble_form,
    enemy_map,
    practice_selection,
)
from app.domain.ids import QuestionId

BLUEPRINT = {"A": 19, "B": 5, "C": 11, "D": 10}


def pool(multiplier: int = 2, tech_every: int = 4) -> list[PoolItem]:
    items = []
    qid = 0
    for area, n in BLUEPRINT.items():
        for _ in range(n * multiplier):
            qid += 1
            items.append(PoolItem(QuestionId(qid), area, f"T.{area}.1.1", 4, qid % tech_every != 0))
    return items


def test_exact_blueprint_counts_and_random_order() -> None:
    form = assemble_form(pool(), BLUEPRINT, rng=random.Random(1))
    assert Counter(i.area for i in form.items) == BLUEPRINT
    assert form.scored_count == 45
    assert [i.area for i in form.items] != sorted(i.area for i in form.items)
    assert len({i.question_id for i in form.items}) == 45


def test_options_shuffle_only_where_allowed() -> None:
    p = pool()
    allowed = {i.question_id: i.shuffle for i in p}
    form = assemble_form(p, BLUEPRINT, rng=random.Random(2))
    fixed = [i for i in form.items if not allowed[i.question_id]]
    assert fixed and all(i.choice_order == (0, 1, 2, 3) for i in fixed)
    moved = [i for i in form.items if allowed[i.question_id]]
    assert any(i.choice_order != (0, 1, 2, 3) for i in moved)


def test_two_consecutive_forms_do_not_overlap_when_pool_is_double() -> None:
    p = pool(2)
    first = assemble_form(p, BLUEPRINT, rng=random.Random(3))
    seen = Counter(i.question_id for i in first.items)
    second = assemble_form(
        p, BLUEPRINT, rng=random.Random(4), seen=seen, previous=[i.question_id for i in first.items]
    )
    assert not {i.question_id for i in first.items} & {i.question_id for i in second.items}


def test_previous_form_avoided_even_without_seen_counts() -> None:
    p = pool(2)
    first = assemble_form(p, BLUEPRINT, rng=random.Random(5))
    second = assemble_form(
        p, BLUEPRINT, rng=random.Random(6), previous=[i.question_id for i in first.items]
    )
    assert not {i.question_id for i in first.items} & {i.question_id for i in second.items}


def test_least_seen_preferred() -> None:
    p = pool(3)
    seen = {i.question_id: 5 for i in p if i.question_id % 3}
    form = assemble_form(p, BLUEPRINT, rng=random.Random(7), seen=seen)
    assert all(i.question_id % 3 == 0 for i in form.items)


def test_unscored_research_items_are_extra_and_apart() -> None:
    form = assemble_form(pool(), BLUEPRINT, rng=random.Random(8), unscored=10)
    assert len(form.items) == 55 and form.scored_count == 45
    assert len({i.question_id for i in form.items}) == 55


def test_small_pool_strict_and_lenient() -> None:
    small = [i for i in pool(1) if i.area != "B"]
    with pytest.raises(PoolTooSmallError, match="area B needs 5 more"):
        assemble_form(small, BLUEPRINT, rng=random.Random(9))
    form = assemble_form(small, BLUEPRINT, rng=random.Random(9), strict=False)
    assert form.shortfall == {"B": 5} and len(form.items) == 40


def test_practice_prefers_missed_then_unseen() -> None:
    p = pool(1)
    seen = {i.question_id: 1 for i in p[:30]}
    form = practice_selection(
        p, 5, rng=random.Random(1), seen=seen, missed=[QuestionId(3), QuestionId(4)]
    )
    ids = {i.question_id for i in form.items}
    assert {3, 4} <= ids
    assert all(q in (3, 4) or q > 30 for q in ids)


def _columns(items: list[PoolItem]) -> PoolColumns:
    out = PoolColumns()
    for item in items:
        out.append(item)
    return out


def test_pool_columns_read_back_as_the_items_appended() -> None:
    items = pool(3)
    random.Random(5).shuffle(items)  # areas interleaved, as a bank's rows come
    cols = _columns(items)
    assert len(cols) == len(items) and list(cols) == items
    assert cols[0] == items[0] and cols[-1] == items[-1] and cols[3:9] == items[3:9]
    assert len({id(i.task) for i in cols}) == len({i.task for i in items})


@pytest.mark.parametrize("seed", range(12))
def test_a_form_from_pool_columns_is_the_form_from_the_same_list(seed: int) -> None:
    """Same draws, item for item, with a history (seen, previous form), research items and
    enemies: the columns only change how the pool is held."""
    rng = random.Random(seed)
    items = pool(3)
    rng.shuffle(items)
    ids = [i.question_id for i in items]
    seen = {q: rng.randint(0, 3) for q in rng.sample(ids, 40)} if seed % 2 else {}
    previous = rng.sample(ids, 20) if seed % 3 else []
    pairs = [(ids[i], ids[i + 1]) for i in range(0, 60, 3)] if seed % 4 == 1 else []
    enemies = enemy_map(pairs)
    kw: dict[str, Any] = {"seen": seen, "previous": previous, "enemies": enemies}
    kw["unscored"] = 5 if seed % 5 else 0
    from_list = assemble_form(items, BLUEPRINT, rng=random.Random(seed), **kw)
    from_columns = assemble_form(_columns(items), BLUEPRINT, rng=random.Random(seed), **kw)
    assert from_columns == from_list


def test_a_20000_item_pool_is_held_in_columns_not_objects() -> None:
    """A large bank's mock draws from every item: as a list of PoolItems the pool left about
    2 MB behind in the process after the draw (benchmarks' peak RSS)."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        cols = PoolColumns()
        for i in range(20_000):
            area = "ABCDEFGH"[i % 8]
            cols.append(PoolItem(QuestionId(100_000 + i), area, f"T.{area}.{i % 6}", 4, i % 4 > 0))
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(cols) == 20_000 and cols[19_999].question_id == 119_999
    assert held < 600_000  # the list of PoolItems: about 2,000,000
