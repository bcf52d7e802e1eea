"""Form assembly draws unseen items first without ranking the whole pool: the ranking rules hold
for research items and when the unseen items run out, and a seed still fixes the form."""

from __future__ import annotations

import random
from collections import Counter

from app.domain.forms import PoolItem, assemble_form
from app.domain.ids import QuestionId

BLUEPRINT = {"A": 6, "B": 4}


def pool(per_area: int) -> list[PoolItem]:
    return [
        PoolItem(QuestionId(n * 10 + (0 if a == "A" else 1)), a, f"T.{a}.1.1", 4, True)
        for a in BLUEPRINT
        for n in range(per_area)
    ]


def test_research_items_are_unseen_and_not_on_the_form_when_the_pool_allows() -> None:
    p = pool(40)
    seen = {i.question_id: 2 for i in p[:30]}  # 30 of area A's 40 seen twice
    form = assemble_form(p, BLUEPRINT, rng=random.Random(3), seen=seen, unscored=20)
    ids = [i.question_id for i in form.items]
    assert len(ids) == len(set(ids)) == 30 and form.scored_count == 10
    assert not set(ids) & set(seen)
    assert Counter(i.area for i in form.items if i.scored) == BLUEPRINT


def test_when_unseen_items_run_out_the_least_seen_come_next() -> None:
    p = pool(10)  # A: 10, B: 10
    a_items = [i.question_id for i in p if i.area == "A"]
    seen = {q: n for n, q in enumerate(a_items)}  # counts 0..9 (0 counts as unseen)
    form = assemble_form(p, BLUEPRINT, rng=random.Random(4), seen=seen)
    chosen_a = sorted(i.question_id for i in form.items if i.area == "A")
    assert chosen_a == sorted(a_items[:6])  # the six least seen


def test_previous_form_comes_after_unseen_items_among_research_items() -> None:
    p = pool(12)
    previous = [i.question_id for i in p if i.area == "B"][:8]
    form = assemble_form(p, BLUEPRINT, rng=random.Random(5), previous=previous, unscored=10)
    ids = {i.question_id for i in form.items}
    fresh = {i.question_id for i in p} - set(previous)
    assert len(ids) == 20 and len(ids & fresh) == len(fresh)  # all 16 fresh ones before any


def test_the_same_seed_draws_the_same_form() -> None:
    p = pool(500)
    seen = {i.question_id: 1 for i in p[::3]}
    one = assemble_form(p, BLUEPRINT, rng=random.Random(9), seen=seen, unscored=5)
    two = assemble_form(p, BLUEPRINT, rng=random.Random(9), seen=seen, unscored=5)
    assert one == two
