"""Steering on the harder simulation (benchmarks/steering.py), at a size `make test` can afford:
3PL items with guessing, task gaps inside areas, real forms from the shipped A5, A8 and G1
blueprints, drills that teach. The pooled model must beat plain arithmetic on the study-next
regret, beat the Beta model after drills and be calibrated on readiness; `make bench` runs the
full simulation and the held-out one and writes the tables into docs/steering.md."""

from __future__ import annotations

import pytest

from benchmarks.steering import (
    current,
    naive,
    pooled,
    reliability_table,
    run,
    table,
)


def test_pooled_model_beats_naive_arithmetic_and_is_calibrated() -> None:
    results = run({"naive": naive, "pooled": pooled}, 20, scenarios=("1 mock", "2 mocks"))
    for scenario in ("1 mock", "2 mocks"):
        n = results["naive"][scenario].figures()
        p = results["pooled"][scenario].figures()
        print(f"\n{scenario}: naive {n}\npooled {p}")
        assert p["study"] >= n["study"]
        assert p["regret"] < n["regret"]
        assert abs(p["predicted"] - p["observed"]) < 0.08  # 60 learners: the noise is +-6
        assert 0.65 <= p["bands"] <= 0.92


def test_after_drills_the_pooled_model_moves_on_and_the_tables_are_written() -> None:
    """Drilled (missed-first) items and the learning they bring: the Beta model keeps sending the
    learner back to the drilled area; the pooled one loses fewer items by its choice."""
    scenarios = ("1 mock + 2 drills", "4 mocks")
    results = run({"naive": naive, "current": current, "pooled": pooled}, 12, scenarios=scenarios)
    drills = {name: by["1 mock + 2 drills"].figures() for name, by in results.items()}
    assert drills["pooled"]["regret"] < drills["current"]["regret"]
    assert drills["pooled"]["study"] > drills["current"]["study"]
    text = table(results)
    assert text.count("\n| pooled |") == len(scenarios)
    assert "flagged task in true 3 weakest" in text
    rows = [r for r in reliability_table(results).splitlines() if r.startswith("| pooled |")]
    assert sum(int(r.split("|")[3]) for r in rows) == 12 * 3 * len(scenarios)


def test_a_classroom_database_recalibrates_items_toward_their_true_difficulty(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Other learners' answers (as `services.calibration` reads them) move each task and
    rating's difficulty the way the items truly differ from their rating."""
    from benchmarks import steering

    monkeypatch.setattr(steering, "CLASS_SIZE", 80)
    monkeypatch.setattr(steering, "_CLASSROOM", {})
    test = steering.load_test("A8", 5)
    cells = steering.classroom_offsets(test)
    truth: dict[tuple[str, int], list[float]] = {}
    for i in test.items:
        truth.setdefault((i.task, i.difficulty), []).append(
            i.b - steering.DIFFICULTY_LOGIT[i.difficulty]
        )
    pairs = [(cells[k], sum(v) / len(v)) for k, v in truth.items() if k in cells]
    assert len(pairs) >= 10
    mx = sum(x for x, _ in pairs) / len(pairs)
    my = sum(y for _, y in pairs) / len(pairs)
    cov = sum((x - mx) * (y - my) for x, y in pairs)
    sx = sum((x - mx) ** 2 for x, _ in pairs) ** 0.5
    sy = sum((y - my) ** 2 for _, y in pairs) ** 0.5
    assert cov / (sx * sy) > 0.5
