"""Form assembly on every shipped bank: exact blueprint counts, two consecutive forms disjoint."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from app.banks.native import read_bank
from app.banks.reference import is_reference_file
from app.domain.bank import Style, area_letter
from app.domain.forms import PoolItem, assemble_form
from app.domain.ids import QuestionId

BANKS = sorted(
    p
    for p in (Path(__file__).resolve().parents[2] / "question_banks").glob("*.yaml")
    if not is_reference_file(p)
)


@pytest.mark.parametrize("path", BANKS, ids=[p.stem for p in BANKS])
def test_two_full_disjoint_forms(path: Path) -> None:
    bank = read_bank(path)
    pool = [
        PoolItem(QuestionId(i), area_letter(q.task), q.task, 4, q.style != Style.TECH_AB)
        for i, q in enumerate(bank.questions)
    ]
    blueprint = {a.letter: a.scored_count for a in bank.content_areas}
    rng = random.Random(path.stem)
    first = assemble_form(pool, blueprint, rng=rng)
    assert Counter(i.area for i in first.items) == blueprint
    assert first.scored_count == bank.test.scored_count
    ids = [i.question_id for i in first.items]
    second = assemble_form(pool, blueprint, rng=rng, seen=Counter(ids), previous=ids)
    assert Counter(i.area for i in second.items) == blueprint
    assert not set(ids) & {i.question_id for i in second.items}
    tech = {i for i, q in enumerate(bank.questions) if q.style == Style.TECH_AB}
    assert all(i.choice_order == (0, 1, 2, 3) for i in first.items if i.question_id in tech)
