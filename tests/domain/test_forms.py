from __future__ import annotations

import random
from collections import Counter

import pytest

from app.domain.forms import PoolItem, PoolTooSmallError, assemble_form, practice_selection
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
