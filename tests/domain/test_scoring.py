from __future__ import annotations

from app.domain.scoring import ScoredItem, score_form


def test_score_per_area_unanswered_wrong_and_research_apart() -> None:
    items = [
        ScoredItem("A", True, True, True, 60),
        ScoredItem("A", True, False, False, 10),  # unanswered counts wrong
        ScoredItem("B", True, True, True, 80),
        ScoredItem("B", False, True, True, 30),  # research: not in the score
    ]
    s = score_form(
        items,
        {"A": "Alpha", "B": "Beta"},
        target_percent=70,
        elapsed_s=180,
        limit_s=300,
        test_minutes=75,
        test_items=55,
    )
    assert (s.correct, s.total) == (2, 3)
    assert round(s.percent, 1) == 66.7 and not s.passed
    assert [(a.letter, a.items, a.correct) for a in s.areas] == [("A", 2, 1), ("B", 1, 1)]
    assert (s.unscored_correct, s.unscored_total) == (1, 1)
    assert s.answered == 3
    assert round(s.budget_per_item_s, 1) == 81.8
    assert s.seconds_per_item == 45
