"""The study planner over simulated weeks, with the date injected (no clock of its own)."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest

from app.domain.planner import (
    GainItem,
    Goal,
    LearnerState,
    PlanError,
    PlanSettings,
    SessionKind,
    adherence,
    make_plan,
)

MON_TUE_THU = frozenset({0, 1, 3})
TODAY = date(2026, 12, 7)  # a Monday
GAINS = (
    GainItem("C", "Brakes", 4.0),
    GainItem("A", "Engine", 2.0),
    GainItem("B", "Fuel", 1.0),
)


def _settings(test_date: date | None = TODAY + timedelta(days=42), **kw: object) -> PlanSettings:
    base: dict[str, object] = {"weekdays": MON_TUE_THU, "minutes": 45, "goal": Goal.CERTIFICATION}
    base.update(kw)
    return PlanSettings(test_date=test_date, **base)  # type: ignore[arg-type]


def _learner(**kw: object) -> LearnerState:
    base: dict[str, object] = {"gains": GAINS, "last_mock": TODAY - timedelta(days=3)}
    base.update(kw)
    return LearnerState(**base)  # type: ignore[arg-type]


def test_sessions_fall_on_chosen_evenings_before_the_date() -> None:
    plan = make_plan(_settings(), _learner(), TODAY)
    assert plan.sessions
    assert all(x.day.weekday() in MON_TUE_THU for x in plan.sessions)
    assert plan.sessions[0].day == TODAY
    assert max(x.day for x in plan.sessions) < TODAY + timedelta(days=42)
    assert len(plan.sessions) == 18  # six weeks of three evenings


def test_every_ordinary_session_keeps_its_minutes() -> None:
    plan = make_plan(_settings(minutes=30), _learner(reviews_due=200), TODAY)
    for x in plan.sessions:
        if x.kind in (SessionKind.DRILL, SessionKind.REVIEW):
            assert x.minutes == 30


def test_mock_about_every_two_weeks_and_one_in_the_last_week() -> None:
    test_date = TODAY + timedelta(days=56)
    plan = make_plan(_settings(test_date), _learner(mock_minutes=75), TODAY)
    mocks = [x.day for x in plan.sessions if x.kind is SessionKind.MOCK]
    assert any(0 < (test_date - d).days <= 7 for d in mocks)
    gaps = [(b - a).days for a, b in pairwise(mocks)]
    assert all(10 <= g <= 17 for g in gaps[:-1]), gaps
    assert 3 <= len(mocks) <= 5
    assert all(x.minutes == 75 for x in plan.sessions if x.kind is SessionKind.MOCK)
    assert any("75 minutes" in n for n in plan.notes)  # longer than a 45-minute evening


def test_first_session_is_a_diagnostic_mock_when_none_taken() -> None:
    plan = make_plan(_settings(), _learner(last_mock=None), TODAY)
    assert plan.sessions[0].kind is SessionKind.MOCK


def test_drills_aim_at_the_largest_gain_and_spread_by_it() -> None:
    plan = make_plan(_settings(), _learner(), TODAY)
    drills = [x for x in plan.sessions if x.kind is SessionKind.DRILL]
    assert drills[0].focus == ("C",)
    assert drills[0].focus_titles == ("Brakes",)
    counts = {k: sum(1 for x in drills if x.focus == (k,)) for k in "CAB"}
    assert counts["C"] > counts["A"] >= counts["B"] >= 1


def test_many_due_reviews_make_a_review_session_few_a_warm_up() -> None:
    many = make_plan(_settings(), _learner(reviews_due=25), TODAY)
    assert many.sessions[0].kind is SessionKind.REVIEW
    few = make_plan(_settings(), _learner(reviews_due=4), TODAY)
    assert few.sessions[0].kind is SessionKind.DRILL
    assert few.sessions[0].warm_up_reviews == 4
    assert few.sessions[1].warm_up_reviews == 0
    assert any(x.kind is SessionKind.REVIEW for x in few.sessions)  # spaced review later on


def test_a_result_that_moves_the_weakest_area_moves_the_drills() -> None:
    before = make_plan(_settings(), _learner(), TODAY)
    after_result = (GainItem("C", "Brakes", 0.5), GainItem("A", "Engine", 2.0), GAINS[2])
    after = make_plan(_settings(), _learner(gains=after_result), TODAY)
    assert before.sessions[0].focus == ("C",)
    assert after.sessions[0].focus == ("A",)


def test_simulated_weeks_with_missed_days_never_pile_up() -> None:
    """Re-plan every day for six weeks; the learner skips every third evening."""
    settings = _settings(TODAY + timedelta(days=42))
    gains = dict((g.key, g.gain) for g in GAINS)
    last_mock: date | None = TODAY - timedelta(days=3)
    day = TODAY
    missed = done = 0
    while day < TODAY + timedelta(days=42):
        learner = LearnerState(
            gains=[GainItem(k, k, v) for k, v in gains.items()],
            last_mock=last_mock,
            mock_minutes=60,
        )
        plan = make_plan(settings, learner, day)
        # nothing is ever planned in the past, and one session per day at most
        assert all(x.day >= day for x in plan.sessions)
        assert len({x.day for x in plan.sessions}) == len(plan.sessions)
        for x in plan.sessions:
            assert x.minutes == (60 if x.kind is SessionKind.MOCK else 45)
        today = plan.on(day)
        if today is not None:
            if (missed + done) % 3 == 2:
                missed += 1
            else:
                done += 1
                if today.kind is SessionKind.MOCK:
                    last_mock = day
                for k in today.focus:
                    gains[k] = gains[k] * 0.6  # drilling closes part of the gap
        day += timedelta(days=1)
    assert missed >= 5 and done >= 10
    assert gains["C"] < 4.0 and gains["A"] < 2.0


def test_a_missed_evening_is_dropped_not_added_to_the_next() -> None:
    plan_mon = make_plan(_settings(), _learner(), TODAY)
    plan_tue = make_plan(_settings(), _learner(), TODAY + timedelta(days=1))  # Monday missed
    assert plan_tue.sessions[0].day == TODAY + timedelta(days=1)
    assert plan_tue.sessions[0].minutes == 45
    assert len(plan_tue.sessions) == len(plan_mon.sessions) - 1


def test_done_today_plans_from_tomorrow() -> None:
    plan = make_plan(_settings(), _learner(done_today=True), TODAY)
    assert plan.sessions[0].day == TODAY + timedelta(days=1)


def test_changed_date_replans_to_the_new_date() -> None:
    near = make_plan(_settings(TODAY + timedelta(days=14)), _learner(), TODAY)
    far = make_plan(_settings(TODAY + timedelta(days=35)), _learner(), TODAY)
    assert max(x.day for x in near.sessions) < TODAY + timedelta(days=14)
    assert len(far.sessions) > len(near.sessions)
    for p, when in ((near, 14), (far, 35)):
        last_mock = max(x.day for x in p.sessions if x.kind is SessionKind.MOCK)
        assert 0 < (TODAY + timedelta(days=when) - last_mock).days <= 7


def test_no_test_date_plans_four_weeks() -> None:
    plan = make_plan(_settings(None), _learner(), TODAY)
    assert max(x.day for x in plan.sessions) < TODAY + timedelta(days=28)
    assert len(plan.sessions) == 12
    assert plan.notes


def test_date_in_the_past_plans_nothing_and_says_so() -> None:
    plan = make_plan(_settings(TODAY - timedelta(days=2)), _learner(), TODAY)
    assert plan.sessions == ()
    assert "passed" in plan.notes[0]
    assert make_plan(_settings(TODAY), _learner(), TODAY).sessions == ()


def test_date_tomorrow_leaves_one_evening() -> None:
    plan = make_plan(_settings(TODAY + timedelta(days=1)), _learner(), TODAY)  # Tuesday test
    assert [x.day for x in plan.sessions] == [TODAY]
    # the last evening before the test is the final-week check
    assert plan.sessions[0].kind is SessionKind.MOCK


def test_no_evening_before_the_date() -> None:
    plan = make_plan(
        _settings(TODAY + timedelta(days=2), weekdays=frozenset({4})), _learner(), TODAY
    )
    assert plan.sessions == ()
    assert plan.notes


def test_recertification_plans_recert_forms_of_half_length() -> None:
    plan = make_plan(
        _settings(goal=Goal.RECERTIFICATION), _learner(last_mock=None, mock_minutes=90), TODAY
    )
    forms = [x for x in plan.sessions if x.kind is SessionKind.RECERT_FORM]
    assert forms and all(x.minutes == 45 for x in forms)
    assert not any(x.kind is SessionKind.MOCK for x in plan.sessions)


def test_no_evidence_gives_mixed_drills() -> None:
    plan = make_plan(_settings(), _learner(gains=()), TODAY)
    drills = [x for x in plan.sessions if x.kind is SessionKind.DRILL]
    assert drills and all(x.focus == () for x in drills)


@pytest.mark.parametrize(
    "kw",
    [{"weekdays": frozenset()}, {"weekdays": frozenset({7})}, {"minutes": 5}, {"minutes": 500}],
)
def test_bad_settings_are_refused_with_a_fix(kw: dict[str, object]) -> None:
    with pytest.raises(PlanError):
        make_plan(_settings(**kw), _learner(), TODAY)  # type: ignore[arg-type]


def test_weeks_group_sessions_by_monday() -> None:
    plan = make_plan(_settings(), _learner(), TODAY)
    weeks = plan.weeks()
    assert weeks[0][0] == TODAY and len(weeks) == 6
    assert all(len(s) == 3 for _, s in weeks)


def test_adherence_counts_planned_and_done_evenings() -> None:
    since = TODAY - timedelta(days=14)  # two weeks of Mon/Tue/Thu before today
    done = [since, since + timedelta(days=1), since + timedelta(days=2), TODAY]
    planned, n = adherence(MON_TUE_THU, since, TODAY, done)
    assert planned == 7  # six past evenings plus today, done
    assert n == 4
    assert adherence(MON_TUE_THU, TODAY, TODAY, []) == (0, 0)
