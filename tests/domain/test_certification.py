"""Certification tracker: five-year expiry, recertify-by window, Master progress, retake rule."""

from __future__ import annotations

from datetime import date, timedelta

from app.domain.certification import (
    Outcome,
    RenewalCheck,
    Standing,
    TestResult,
    expiry,
    renewal_checks,
    retake_date,
    track,
)

TODAY = date(2026, 12, 3)


def _pass(code: str, when: date) -> TestResult:
    return TestResult(code, when, Outcome.PASS)


def _fail(code: str, when: date) -> TestResult:
    return TestResult(code, when, Outcome.FAIL)


def _all_a(when: date) -> list[TestResult]:
    return [_pass(f"A{n}", when) for n in range(1, 9)]


def test_expiry_is_five_years_after_the_pass() -> None:
    assert expiry(date(2024, 5, 10)) == date(2029, 5, 10)
    assert expiry(date(2024, 2, 29)) == date(2029, 2, 28)


def test_standing_moves_from_current_to_recertify_to_expired() -> None:
    passed = date(2022, 6, 1)  # expires 2027-06-01, window opens 2026-06-01
    st = track([_pass("A5", passed)], TODAY).status("A5")
    assert st is not None
    assert st.standing is Standing.RECERTIFY
    assert st.expires_on == date(2027, 6, 1) and st.window_opens == date(2026, 6, 1)
    assert st.days_left == (date(2027, 6, 1) - TODAY).days
    assert track([_pass("A5", date(2024, 1, 1))], TODAY).certifications[0].standing is (
        Standing.CURRENT
    )
    old = track([_pass("A5", date(2021, 12, 3))], TODAY).certifications[0]
    assert old.standing is Standing.EXPIRED and old.days_left == 0


def test_the_latest_pass_counts() -> None:
    st = track([_pass("A1", date(2019, 1, 1)), _pass("A1", date(2024, 1, 1))], TODAY)
    assert st.certifications[0].expires_on == date(2029, 1, 1)


def test_master_needs_a1_to_a8_all_current() -> None:
    t = track(_all_a(date(2023, 3, 1)), TODAY)
    m = t.masters[0]
    assert m.title == "Master Automobile Technician"
    assert m.held and m.held_until == date(2028, 3, 1)
    partial = track([*_all_a(date(2023, 3, 1))[:-1], _pass("A8", date(2020, 1, 1))], TODAY)
    pm = partial.masters[0]
    assert not pm.held and pm.missing == ("A8",) and len(pm.current) == 7
    assert track([], TODAY).masters[0].missing == tuple(f"A{n}" for n in range(1, 9))


def test_master_ends_on_the_earliest_expiry() -> None:
    results = _all_a(date(2024, 3, 1))
    results[2] = _pass("A3", date(2022, 8, 1))
    assert track(results, TODAY).masters[0].held_until == date(2027, 8, 1)


def test_a_lapse_names_the_master_status_it_would_end() -> None:
    t = track([*_all_a(date(2023, 3, 1)), _pass("L1", date(2023, 3, 1))], TODAY)
    a4 = t.status("A4")
    l1 = t.status("L1")
    assert a4 is not None and a4.lapse_costs == ("Master Automobile Technician",)
    assert l1 is not None and l1.lapse_costs == ()
    # not held: nothing to lose
    assert track(_all_a(date(2023, 3, 1))[:7], TODAY).status("A1").lapse_costs == ()


def test_thirty_day_retake_after_a_recorded_fail() -> None:
    assert retake_date(date(2026, 11, 20)) == date(2026, 12, 20)
    st = track([_fail("A6", date(2026, 11, 20))], TODAY).status("A6")
    assert st is not None and st.standing is Standing.NOT_HELD
    assert st.last_fail == date(2026, 11, 20) and st.retake_from == date(2026, 12, 20)
    later = track([_fail("A6", date(2026, 10, 1))], TODAY).status("A6")
    assert later is not None and later.retake_from is None  # the wait is over
    passed_after = track(
        [_fail("A6", date(2026, 10, 1)), _pass("A6", date(2026, 11, 5))], TODAY
    ).status("A6")
    assert passed_after is not None and passed_after.last_fail is None
    # a failed recertification attempt while still current
    recert_fail = track(
        [_pass("A6", date(2022, 2, 1)), _fail("A6", date(2026, 11, 25))], TODAY
    ).status("A6")
    assert recert_fail is not None and recert_fail.standing is Standing.RECERTIFY
    assert recert_fail.retake_from == date(2026, 12, 25)


def test_codes_are_matched_case_blind() -> None:
    assert track([_pass("a1", date(2024, 1, 1))], TODAY).masters[0].current == ("A1",)


def _checks(
    results: list[TestResult], last: dict[str, date], areas: dict[str, int] | None = None
) -> tuple[RenewalCheck, ...]:
    return renewal_checks(track(results, TODAY), areas or {"A5": 3, "A1": 8}, last, TODAY)


def test_monthly_check_is_due_without_a_check_in_the_last_30_days() -> None:
    held = [_pass("A5", date(2024, 1, 1))]
    (never,) = _checks(held, {})
    assert never == RenewalCheck("A5", True, None, 6)
    (recent,) = _checks(held, {"A5": TODAY - timedelta(days=29)})
    assert not recent.due and recent.last_check == TODAY - timedelta(days=29)
    (old,) = _checks(held, {"A5": TODAY - timedelta(days=30)})
    assert old.due


def test_monthly_check_covers_held_certifications_only() -> None:
    results = [
        _pass("A5", date(2022, 6, 1)),  # inside the recertify window: still held
        _pass("A4", date(2020, 1, 1)),  # expired
        _fail("A6", date(2026, 11, 1)),  # never held
    ]
    assert [c.test_code for c in _checks(results, {})] == ["A5"]


def test_monthly_check_is_two_per_area_capped_at_twelve_and_zero_when_not_loaded() -> None:
    results = [_pass("A1", date(2024, 1, 1)), _pass("A9", date(2024, 1, 1))]
    by_code = {c.test_code: c.questions for c in _checks(results, {})}
    assert by_code == {"A1": 12, "A9": 0}
    assert _checks([_pass("A1", date(2024, 1, 1))], {}, {"A1": 5})[0].questions == 10
