"""The pooled item-response model: difficulty, partial pooling, no pull to 50 %, learning from
practice, recency only on a detected change, study next in expected items lost."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain.mastery import (
    DIFFICULTY_LOGIT,
    Answered,
    fit,
    lowest_mastery_note,
    pooled_readiness,
    pooled_study_next,
    practise_to_measure,
    recalibrated_difficulty,
)

# a test with a big area A (3 tasks) and a small area B (1 task of 4 items)
TASK_AREA = {"T.A.1": "A", "T.A.2": "A", "T.A.3": "A", "T.B.1": "B"}
POOL = {"T.A.1": {1: 4, 2: 4, 3: 4}, "T.A.2": {2: 10}, "T.A.3": {2: 10}, "T.B.1": {2: 4}}
BLUEPRINT = {"A": 30, "B": 4}
TITLES = {"A": "Big area", "B": "Small area"}


def ans(task: str, n: int, c: int, d: int = 2, age: float = 0, practice: bool = False) -> Answered:
    return Answered(task, TASK_AREA[task], d, age, n, c, practice)


def strong_learner() -> list[Answered]:
    return [ans("T.A.1", 12, 11), ans("T.A.2", 10, 9), ans("T.A.3", 10, 9)]


def test_a_small_area_is_estimated_near_the_learners_level_not_50_percent() -> None:
    # 3 of 4 right in B, from a learner who gets 90 % elsewhere: the Beta(1, 1) model said 67 %
    result = fit([*strong_learner(), ans("T.B.1", 4, 3)], POOL, TASK_AREA)
    b = result.areas["B"].mastery
    assert 0.72 < b.estimate < 0.9
    assert b.low < 0.75 < b.high  # honest: four answers leave a wide band
    # with no answers at all, B follows the learner's level
    alone = fit(strong_learner(), POOL, TASK_AREA).areas["B"].mastery
    assert alone.seen == 0 and alone.estimate > 0.75


def test_the_same_score_on_harder_items_means_more_ability() -> None:
    easy = fit([ans("T.A.2", 10, 6, d=1)], POOL, TASK_AREA).areas["A"].mastery
    hard = fit([ans("T.A.2", 10, 6, d=3)], POOL, TASK_AREA).areas["A"].mastery
    assert hard.estimate > easy.estimate + 0.05


def test_missed_first_drill_items_do_not_sink_the_area() -> None:
    """A drill of hard items, half right, moves the estimate much less than the raw percent."""
    base = [ans("T.A.2", 10, 8, age=7), ans("T.A.3", 10, 8, age=7)]
    before = fit(base, POOL, TASK_AREA).areas["A"].mastery
    drill = [ans("T.A.1", 10, 5, d=3, practice=True)]
    after = fit(base + drill, POOL, TASK_AREA).areas["A"].mastery
    raw_drop = 16 / 20 - 21 / 30
    assert before.estimate - after.estimate < raw_drop / 2


def test_practice_counts_as_learning() -> None:
    """Mock answers given before two days of practice count as given at a lower ability."""
    mock = [ans("T.A.2", 10, 6, age=9), ans("T.A.3", 10, 6, age=9)]
    without = fit(mock, POOL, TASK_AREA).areas["A"].mastery
    practised = [
        ans("T.A.2", 10, 6, age=9),
        ans("T.A.3", 10, 6, age=9),
        ans("T.A.1", 4, 2, d=2, age=4, practice=True),
        ans("T.A.1", 4, 2, d=2, age=2, practice=True),
    ]
    with_practice = fit(practised, POOL, TASK_AREA).areas["A"].mastery
    assert with_practice.estimate > without.estimate


def test_recency_only_when_the_learner_changed() -> None:
    steady = [ans("T.A.2", 20, 14, age=60), ans("T.A.2", 20, 14, age=1)]
    assert fit(steady, POOL, TASK_AREA).changed == ()
    jumped = [ans("T.A.2", 30, 12, age=60), ans("T.A.2", 30, 27, age=1)]
    result = fit(jumped, POOL, TASK_AREA)
    assert result.changed == ("A",)
    assert result.areas["A"].mastery.estimate > 39 / 60 + 0.05  # the recent answers weigh more


def test_study_next_ranks_by_items_lost_and_says_so() -> None:
    # B is the lowest percent, but A costs more items on the real test
    result = fit(
        [ans("T.A.1", 12, 7), ans("T.A.2", 10, 6), ans("T.A.3", 10, 6), ans("T.B.1", 4, 1)],
        POOL,
        TASK_AREA,
    )
    ranked = pooled_study_next(result, BLUEPRINT, TITLES, TASK_AREA)
    areas = [s for s in ranked if s.kind == "area" and "practise to measure" not in s.reason]
    assert [s.key for s in areas] == ["A", "B"]
    a = areas[0]
    assert a.gain == pytest.approx(30 * (1 - a.mastery.estimate))
    assert a.reason.startswith(f"you lose about {a.gain:.1f} of 30 items here")
    assert result.areas["B"].mastery.estimate < result.areas["A"].mastery.estimate
    note = lowest_mastery_note(result, BLUEPRINT)
    assert note.startswith("Area B has your lowest mastery, but it has only 4 items")
    assert "area A costs more" in note


def test_the_lowest_mastery_note_never_names_an_area_without_answers() -> None:
    # B unanswered: its pooled estimate may be the lowest, but it is no measurement
    answers = [ans("T.A.1", 12, 11), ans("T.A.2", 10, 10), ans("T.A.3", 10, 10)]
    result = fit(answers, POOL, TASK_AREA)
    assert result.areas["B"].mastery.seen == 0
    assert result.areas["B"].mastery.estimate < result.areas["A"].mastery.estimate
    assert lowest_mastery_note(result, BLUEPRINT) == ""  # one answered area: nothing to compare
    assert lowest_mastery_note(fit([], POOL, TASK_AREA), BLUEPRINT) == ""
    # nor as the area that "costs more": a big unanswered area C beside answered A and B
    task_area = {**TASK_AREA, "T.C.1": "C"}
    pool = {**POOL, "T.C.1": {2: 40}}
    answers = [ans("T.A.1", 12, 11), ans("T.A.2", 10, 9), ans("T.A.3", 10, 9)]
    answers.append(Answered("T.B.1", "B", 2, 0, 4, 1, False))
    result = fit(answers, pool, task_area)
    note = lowest_mastery_note(result, {"A": 10, "B": 4, "C": 40})
    assert "C" not in note.replace("Area", "").replace("area", "")
    assert note.startswith("Area B")


def test_a_task_is_advised_only_when_its_answers_say_it_is_a_gap() -> None:
    even = fit([ans("T.A.1", 6, 5), ans("T.A.2", 6, 5), ans("T.A.3", 6, 5)], POOL, TASK_AREA)
    assert not [
        s
        for s in pooled_study_next(even, BLUEPRINT, TITLES, TASK_AREA)
        if s.kind == "task" and not s.measure
    ]
    gap = fit([ans("T.A.1", 6, 1), ans("T.A.2", 10, 9), ans("T.A.3", 10, 9)], POOL, TASK_AREA)
    ranked = pooled_study_next(gap, BLUEPRINT, TITLES, TASK_AREA)
    tasks = [s for s in ranked if s.kind == "task" and not s.measure]
    assert [t.key for t in tasks] == ["T.A.1"]
    assert "area A" in tasks[0].reason and "1 of 6 right" in tasks[0].reason


def test_practise_to_measure_picks_the_widest_costliest_band() -> None:
    result = fit([ans("T.A.2", 20, 14)], POOL, TASK_AREA)
    measure = [s for s in pooled_study_next(result, BLUEPRINT, TITLES, TASK_AREA) if s.measure]
    # A's 30 items outweigh B's 4 even though B has no answers; within A, a task not yet answered
    assert measure and measure[0].kind == "task" and TASK_AREA[measure[0].key] == "A"
    assert measure[0].key != "T.A.2" and "practise to measure" in measure[0].reason


def test_practise_to_measure_picks_the_task_that_tells_most_not_the_first_code() -> None:
    # T.A.3 holds most of area A's items and has no answers; T.A.1 (the first code) has ten
    pool = {"T.A.1": {2: 3}, "T.A.2": {2: 3}, "T.A.3": {1: 6, 2: 6, 3: 6}, "T.B.1": {2: 4}}
    result = fit([ans("T.A.1", 10, 7)], pool, TASK_AREA)
    measure = practise_to_measure(result, BLUEPRINT, TITLES, TASK_AREA)
    assert [m.key for m in measure][:1] == ["T.A.3"]
    assert all(m.measure and m.kind == "task" for m in measure)
    # once T.A.3 is well measured, the next answers are worth more elsewhere
    more = fit([ans("T.A.1", 10, 7), ans("T.A.3", 30, 21)], pool, TASK_AREA)
    again = practise_to_measure(more, BLUEPRINT, TITLES, TASK_AREA)
    assert "T.A.3" not in [m.key for m in again[:1]]


def test_readiness_rises_with_ability_and_brackets_its_expectation() -> None:
    values = []
    for right in (10, 20, 26, 30):
        r = pooled_readiness(
            fit([ans("T.A.2", 30, right), ans("T.B.1", 4, min(4, right // 7))], POOL, TASK_AREA),
            BLUEPRINT,
            70,
        )
        assert r.low_percent <= r.expected_percent <= r.high_percent
        values.append(r.probability)
    assert values == sorted(values) and values[0] < 0.05 and values[-1] > 0.9
    empty = pooled_readiness(fit([], POOL, TASK_AREA), BLUEPRINT, 70)
    assert 0.1 < empty.probability < 0.9 and empty.responses == 0


def test_recalibrated_difficulty_shrinks_to_the_rating() -> None:
    assert recalibrated_difficulty(2, 0, 0, 0.7) == DIFFICULTY_LOGIT[2]
    few = recalibrated_difficulty(2, 4, 0, 0.7)
    many = recalibrated_difficulty(2, 400, 120, 0.7)
    assert DIFFICULTY_LOGIT[2] < few < many  # missed by most: harder, more so on more answers
    assert recalibrated_difficulty(2, 400, 280, 0.7) == pytest.approx(DIFFICULTY_LOGIT[2], abs=0.1)


def test_item_offsets_move_an_item_only_on_enough_answers() -> None:
    from app.domain.mastery import ItemTally, cell_offsets, item_offsets

    tallies = [
        ItemTally(1, "A.1", 2, 60, 18, 6),  # 30 % right where its rating's others get 70 %
        ItemTally(2, "A.1", 2, 60, 42, 6),
        ItemTally(3, "A.2", 2, 60, 42, 6),
        ItemTally(4, "A.2", 2, 10, 1, 6),  # too few answers: keeps its rating
        ItemTally(5, "B.1", 3, 40, 10, 2),  # too few learners
    ]
    off = item_offsets(tallies)
    assert set(off) == {1, 2, 3}
    assert off[1] > 0.8  # much harder than the others of its rating
    assert off[2] == off[3] < off[1] - 1.5  # both alike, easier than the rest of their rating
    cells = cell_offsets(tallies, off)
    assert cells[("A.1", 2)] == pytest.approx((off[1] + off[2]) / 2)
    assert ("B.1", 3) not in cells


def test_fit_reads_recalibrated_items_as_harder() -> None:
    from app.domain.mastery import Answered, fit

    task_area = {"A.1": "A", "B.1": "B"}
    pool = {"A.1": {2: 4}, "B.1": {2: 4}}
    answers = [Answered("A.1", "A", 2, 0, 10, 5), Answered("B.1", "B", 2, 0, 10, 8)]
    plain = fit(answers, pool, task_area)
    harder = fit(answers, pool, task_area, recalibrated={("A.1", 2): 1.0})
    # half right on items now known to be hard says more ability than on medium ones ...
    assert harder.tasks["A.1"].mean > plain.tasks["A.1"].mean + 0.3
    # ... and the bank's items of the task are harder too: the share expected stays honest
    assert harder.areas["A"].mastery.estimate < harder.areas["B"].mastery.estimate


def test_the_fit_s_inlined_sums_equal_score_info_row_by_row_exactly() -> None:
    """_task_score_info is _score_info inlined (the fit's hot loop): the same floats, bit for
    bit, including thetas past the +-30 clamp."""
    import random

    from app.domain.mastery import _score_info, _task_prior, _task_score_info

    rng = random.Random(15)
    for _ in range(200):
        tasks = [f"T{k}" for k in range(rng.randrange(1, 5))]
        v = {t: rng.uniform(-2, 2) for t in tasks}
        rows = [
            (rng.choice(tasks), rng.choice((-1.0, 0.0, 1.2, 40.0, -45.0)), float(n), c * 0.6)
            for n in (rng.randrange(1, 9) for _ in range(rng.randrange(1, 30)))
            for c in (rng.randrange(0, n + 1),)
        ]
        base = rng.uniform(-3, 3)
        per_task: dict[str, list[float]] = {}
        for task, b, n, c in rows:
            s, f = _score_info(base + v[task] - b, n, c)
            acc = per_task.setdefault(task, list(_task_prior(v[task])))
            acc[0] += s
            acc[1] += f
        # what _mode passes: per task, in the order tasks first appear, its rows in order
        rows_of: dict[str, list[tuple[float, float, float]]] = {}
        for task, b, n, c in rows:
            rows_of.setdefault(task, []).append((b, n, c))
        task_rows = tuple((task, tuple(r)) for task, r in rows_of.items())
        got = _task_score_info(task_rows, base, v)
        assert list(got) == list(per_task)
        assert {t: list(gh) for t, gh in got.items()} == per_task


def _history(kind: str) -> list[Answered]:
    import random

    rng = random.Random(4)
    if kind == "mixed":
        return [
            ans(task, n, rng.randrange(0, n + 1), d=rng.choice((1, 2, 3)))
            for task in TASK_AREA
            for n in (rng.randrange(1, 12) for _ in range(6))
        ]
    if kind == "all wrong":
        return [ans(task, 8, 0) for task in TASK_AREA]
    if kind == "mostly wrong":
        return [ans(task, 10, rng.randrange(0, 3), d=rng.choice((1, 2, 3))) for task in TASK_AREA]
    if kind == "all right":
        return [ans(task, 8, 8, d=3) for task in TASK_AREA]
    assert kind == "huge counts"
    return [ans(task, 5000, rng.randrange(1000, 4000)) for task in TASK_AREA]


HISTORIES = ("mixed", "all wrong", "mostly wrong", "all right", "huge counts")


@pytest.mark.parametrize("kind", HISTORIES)
def test_the_fit_is_the_posterior_mode(kind: str) -> None:
    """Every component of the log posterior's gradient is zero at the fit: the level, each area
    offset and each task offset (moving one coordinate at a time stopped on the ridge between
    the level and the area offsets, 0.09 logits short of it on the benchmark's history; full
    steps without backtracking cycled between two points 1 logit apart for a learner who missed
    every answer, the guessing floor making the log posterior non-concave there)."""
    from app.domain.mastery import AREA_SD, LEVEL_PRIOR, TASK_SD, _score_info

    answers = _history(kind)
    result = fit(answers, POOL, TASK_AREA)
    level = result.level
    u = {a: result.areas[a].mean - level for a in result.areas}
    v = {t: result.tasks[t].mean - result.areas[TASK_AREA[t]].mean for t in TASK_AREA}
    g_level = -(level - LEVEL_PRIOR[0]) / LEVEL_PRIOR[1] ** 2
    g_area = {a: -u[a] / AREA_SD**2 for a in u}
    g_task = {t: -v[t] / TASK_SD**2 for t in v}
    for a in answers:
        theta = level + u[a.area] + v[a.task] - DIFFICULTY_LOGIT[a.difficulty]
        g = _score_info(theta, a.n, a.correct)[0]
        g_level += g
        g_area[a.area] += g
        g_task[a.task] += g
    assert abs(g_level) < 1e-6
    assert all(abs(g) < 1e-6 for g in g_area.values())
    assert all(abs(g) < 1e-6 for g in g_task.values())


@pytest.mark.parametrize("kind", HISTORIES)
def test_the_fit_does_not_depend_on_its_step_budget(kind: str) -> None:
    answers = _history(kind)
    at = {steps: fit(answers, POOL, TASK_AREA, steps=steps) for steps in (50, 51, 200)}
    for steps in (51, 200):
        assert at[steps].level == pytest.approx(at[50].level, abs=1e-9)
        for area in at[50].areas:
            assert at[steps].areas[area].mean == pytest.approx(at[50].areas[area].mean, abs=1e-9)


@pytest.mark.parametrize("kind", HISTORIES)
def test_the_fit_stops_after_a_small_full_newton_step(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full Newton step below NEWTON_LAST_STEP is the last: the step after it only confirmed
    the mode (it moved 2e-14 logits on the benchmark's history). Fewer passes over the answers,
    the same fit to 1e-9."""
    from app.domain.mastery import pooled

    passes = 0
    log_posterior = pooled._log_posterior

    def counted(*args: Any) -> float:
        nonlocal passes
        passes += 1
        return log_posterior(*args)

    monkeypatch.setattr(pooled, "_log_posterior", counted)
    answers = _history(kind)
    early = fit(answers, POOL, TASK_AREA)
    early_passes, passes = passes, 0
    monkeypatch.setattr(pooled, "NEWTON_LAST_STEP", 0.0)  # step until a move below 1e-10
    confirmed = fit(answers, POOL, TASK_AREA)
    assert early_passes < passes
    assert early.level == pytest.approx(confirmed.level, abs=1e-9)
    for key, est in confirmed.tasks.items():
        assert early.tasks[key].mean == pytest.approx(est.mean, abs=1e-9)
        assert early.tasks[key].mastery.estimate == pytest.approx(est.mastery.estimate, abs=1e-9)


# low and high percent as the linear scan over every score gave them (before the bisection)
_QUANTILES = [
    ("all right", 3, 0.0, 75.0, 100.0),
    ("all right", 3, 70.0, 75.0, 100.0),
    ("all right", 30, 0.0, 91.17647058823529, 100.0),
    ("all right", 30, 70.0, 91.17647058823529, 100.0),
    ("all wrong", 3, 0.0, 0.0, 75.0),
    ("all wrong", 3, 70.0, 0.0, 75.0),
    ("all wrong", 30, 0.0, 20.58823529411765, 47.05882352941177),
    ("all wrong", 30, 70.0, 20.58823529411765, 47.05882352941177),
    ("huge counts", 3, 0.0, 25.0, 75.0),
    ("huge counts", 3, 70.0, 25.0, 75.0),
    ("huge counts", 30, 0.0, 32.35294117647059, 55.88235294117647),
    ("huge counts", 30, 70.0, 32.35294117647059, 55.88235294117647),
    ("mixed", 3, 0.0, 25.0, 75.0),
    ("mixed", 3, 70.0, 25.0, 75.0),
    ("mixed", 30, 0.0, 41.1764705882353, 67.6470588235294),
    ("mixed", 30, 70.0, 41.1764705882353, 67.6470588235294),
    ("mostly wrong", 3, 0.0, 0.0, 50.0),
    ("mostly wrong", 3, 70.0, 0.0, 50.0),
    ("mostly wrong", 30, 0.0, 20.58823529411765, 44.11764705882353),
    ("mostly wrong", 30, 70.0, 20.58823529411765, 44.11764705882353),
]


@pytest.mark.parametrize(("kind", "a_items", "target", "low", "high"), _QUANTILES)
def test_readiness_quantiles_are_the_first_scores_whose_cdf_reaches_10_and_90_percent(
    kind: str, a_items: int, target: float, low: float, high: float
) -> None:
    """The quantiles are found by bisection over the scores: the same scores the scan over all
    of them found, including 0 % and 100 % at the ends."""
    result = fit(_history(kind), POOL, TASK_AREA)
    ready = pooled_readiness(result, {"A": a_items, "B": 4 if a_items == 30 else 1}, target)
    assert (ready.low_percent, ready.high_percent) == (low, high)
