"""Synthetic learners with known per-area ability sit two A5 mocks drawn by the real form
assembler and scored by the real scorer; the report's weakest area must be the true weakest for
at least 90 % of 200 seeded learners. The readiness Brier score against a third mock is printed."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from app.banks.native import read_bank
from app.domain.bank import Style, area_letter
from app.domain.forms import PoolItem, assemble_form
from app.domain.ids import QuestionId
from app.domain.mastery import Evidence, brier, mastery, readiness, weakest
from app.domain.scoring import ScoredItem, score_form

BANK = Path(__file__).resolve().parents[2] / "question_banks" / "a5-brakes.yaml"


def sit(
    pool: list[PoolItem],
    blueprint: dict[str, int],
    ability: dict[str, float],
    rng: random.Random,
    seen: Counter[QuestionId],
    prev: list[QuestionId],
) -> tuple[list[ScoredItem], list[QuestionId]]:
    form = assemble_form(pool, blueprint, rng=rng, seen=seen, previous=prev)
    items = [
        ScoredItem(i.area, True, rng.random() < ability[i.area], True, 60.0) for i in form.items
    ]
    return items, [i.question_id for i in form.items]


def test_weakest_area_found_for_90_percent_of_learners() -> None:
    bank = read_bank(BANK)
    pool = [
        PoolItem(QuestionId(n), area_letter(q.task), q.task, 4, q.style != Style.TECH_AB)
        for n, q in enumerate(bank.questions)
    ]
    blueprint = {a.letter: a.scored_count for a in bank.content_areas}
    titles = {a.letter: a.title for a in bank.content_areas}
    hits = 0
    predictions = []
    for seed in range(200):
        rng = random.Random(seed)
        ability = {a: rng.uniform(0.65, 0.95) for a in blueprint}
        weak = rng.choice(sorted(blueprint))
        ability[weak] = min(v for a, v in ability.items() if a != weak) - rng.uniform(0.2, 0.35)
        seen: Counter[QuestionId] = Counter()
        prev: list[QuestionId] = []
        evidence = []
        for mock in range(2):
            items, prev = sit(pool, blueprint, ability, rng, seen, prev)
            seen.update(prev)
            score = score_form(
                items,
                titles,
                target_percent=70,
                elapsed_s=0,
                limit_s=None,
                test_minutes=75,
                test_items=55,
            )
            assert score.total == 45
            evidence += [Evidence(i.area, 7 * (1 - mock), 1, int(i.correct)) for i in items]
        areas = mastery(evidence, blueprint)
        hits += weakest(areas) == weak
        p = readiness(areas, blueprint, 70, rng=random.Random(seed)).probability
        third, _ = sit(pool, blueprint, ability, rng, seen, prev)
        predictions.append((p, sum(i.correct for i in third) >= 32))  # 70 % of 45 = 31.5
    rate = hits / 200
    score = brier(predictions)  # type: ignore[assignment]
    base = sum(y for _, y in predictions) / 200
    climatology = brier([(base, y) for _, y in predictions])  # always predicting the base rate
    print(
        f"\nweakest-area hit rate {rate:.3f}; readiness Brier score {score:.3f} against "
        f"{climatology:.3f} for the base rate (pass rate {base:.2f})"
    )
    assert rate >= 0.90
    assert score < climatology - 0.03  # type: ignore[operator]
