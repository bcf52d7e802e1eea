"""Enemies never share a form: mocks (with and without research items), practice and drills,
checked over many seeds; and the recertification blueprint keeps the areas' proportions."""

from __future__ import annotations

import random
from collections.abc import Mapping

import pytest

from app.domain.forms import (
    PoolItem,
    assemble_form,
    enemy_map,
    practice_selection,
    recert_blueprint,
    recert_count,
    recert_minutes,
)
from app.domain.ids import QuestionId as Q

SEEDS = range(300)


def _pool() -> list[PoolItem]:
    # 3 areas, 12 items each; items 0-11 area A, 12-23 B, 24-35 C
    return [PoolItem(Q(i), "ABC"[i // 12], f"T.{'ABC'[i // 12]}.1.{i % 3}") for i in range(36)]


def _enemies() -> dict[Q, frozenset[Q]]:
    # pairs inside an area, across areas, and one exhibit shared by four items
    pairs = [(0, 1), (2, 3), (4, 5), (0, 12), (13, 25), (30, 31), (6, 33)]
    return dict(enemy_map([(Q(a), Q(b)) for a, b in pairs], [[Q(i) for i in (7, 8, 20, 26)]]))


def _clean(ids: list[Q], enemies: Mapping[Q, frozenset[Q]]) -> bool:
    s = set(ids)
    return all(not (enemies.get(q, frozenset()) & s) for q in ids)


def test_enemy_map_is_symmetric_and_groups_make_pairs() -> None:
    m = enemy_map([(Q(1), Q(2)), (Q(3), Q(3))], [[Q(5), Q(6), Q(7)], [Q(9)]])
    assert m[Q(1)] == {2} and m[Q(2)] == {1}
    assert 3 not in m and 9 not in m  # never its own enemy; a lone exhibit user has none
    assert m[Q(5)] == {6, 7} and m[Q(7)] == {5, 6}


@pytest.mark.parametrize("unscored", [0, 4])
def test_mock_forms_never_hold_two_enemies(unscored: int) -> None:
    pool, enemies = _pool(), _enemies()
    blueprint = {"A": 6, "B": 5, "C": 6}
    for seed in SEEDS:
        rng = random.Random(seed)
        seen = {Q(q): rng.randrange(3) for q in range(0, 36, 5)}
        form = assemble_form(
            pool,
            blueprint,
            rng=rng,
            seen=seen,
            previous=[Q(q) for q in range(seed % 7, 36, 7)],
            unscored=unscored,
            enemies=enemies,
        )
        ids = [i.question_id for i in form.items]
        assert len(ids) == len(set(ids)) == 17 + unscored, seed
        assert _clean(ids, enemies), (seed, ids)
        for area, n in blueprint.items():
            assert sum(1 for i in form.items if i.scored and i.area == area) == n


def test_without_enemies_the_form_is_what_it_was() -> None:
    """The enemy-aware path only runs when some item has an enemy: seeded forms stay put."""
    pool = _pool()
    for seed in range(20):
        a = assemble_form(pool, {"A": 5, "B": 5}, rng=random.Random(seed))
        b = assemble_form(pool, {"A": 5, "B": 5}, rng=random.Random(seed), enemies={})
        assert a == b


def test_a_pool_too_tight_for_enemies_is_drawn_short_not_together() -> None:
    pool = [PoolItem(Q(i), "A", "T.A.1.1") for i in range(4)]
    enemies = enemy_map([(Q(0), Q(1)), (Q(2), Q(3))])
    for seed in range(50):
        form = assemble_form(pool, {"A": 3}, rng=random.Random(seed), enemies=enemies, strict=False)
        ids = [i.question_id for i in form.items]
        assert len(ids) == 2 and _clean(ids, enemies)
        assert form.shortfall == {"A": 1}


def test_practice_and_drills_never_hold_two_enemies() -> None:
    pool, enemies = _pool(), _enemies()
    for seed in SEEDS:
        rng = random.Random(seed)
        missed = [
            Q(q) for q in rng.sample(range(36), 8)
        ]  # a drill of missed items puts enemies first
        form = practice_selection(
            pool, 1 + seed % 20, rng=rng, missed=[*missed, Q(0), Q(1), Q(7), Q(8)], enemies=enemies
        )
        ids = [i.question_id for i in form.items]
        assert len(ids) == 1 + seed % 20
        assert _clean(ids, enemies), (seed, ids)


def test_recert_blueprint_keeps_proportions_and_every_area() -> None:
    bp = {"A": 10, "B": 8, "C": 12, "D": 5, "E": 10}
    r = recert_blueprint(bp, 23)
    assert sum(r.values()) == 23
    assert all(abs(r[a] - bp[a] * 23 / 45) < 1 for a in bp)
    tiny = recert_blueprint({"A": 1, "B": 1, "C": 40}, 5)
    assert tiny == {"A": 1, "B": 1, "C": 3}
    assert recert_blueprint(bp, 100) == bp
    for n in range(1, 46):
        assert sum(recert_blueprint(bp, n).values()) == n


def test_recert_estimates() -> None:
    assert recert_count(50) == 25 and recert_count(45) == 23 and recert_count(1) == 1
    assert recert_minutes(75, 45, 10, 23) == 35
