"""Certification tracker: expiry, recertify-by windows, Master status, retake rule. Pure, stdlib.

The learner enters results (test code, date, pass or fail); everything else is worked out here from
an injected `today`. The rules used:
- A certification expires five years after the pass date (29 February passes expire on 28 February).
- The "recertify by" window opens one year before expiry. This is our own choice, made without a
  source: a year leaves room for a retake after a failed recertification test and for the 30-day
  wait; the learner may recertify earlier.
- Master Automobile Technician needs A1 to A8 all current; it ends when the first of them expires.
- After a recorded fail, the same test can be taken again 30 days later at the earliest.
- A monthly renewal-style check (as ASE's renewal app does) is due for each held (current)
  certification with no check in the last 30 days: two questions per content area, at most 12.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

VALID_YEARS = 5
WINDOW_DAYS = 365
RETAKE_DAYS = 30
CHECK_EVERY_DAYS = 30
CHECK_PER_AREA = 2
CHECK_MAX = 12
MASTER_GROUPS: dict[str, tuple[str, ...]] = {
    "Master Automobile Technician": tuple(f"A{n}" for n in range(1, 9)),
}


class Outcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"


class Standing(StrEnum):
    CURRENT = "current"
    RECERTIFY = "recertify"  # current, inside the recertify-by window
    EXPIRED = "expired"
    NOT_HELD = "not_held"


@dataclass(frozen=True)
class TestResult:
    __test__ = False  # not a pytest class

    test_code: str
    taken_on: date
    outcome: Outcome


@dataclass(frozen=True)
class CertificationStatus:
    test_code: str
    standing: Standing
    passed_on: date | None
    expires_on: date | None
    window_opens: date | None
    days_left: int | None  # to expiry; negative once expired
    last_fail: date | None  # a fail after the latest pass (or with no pass)
    retake_from: date | None  # earliest retake after that fail, if still in the future
    lapse_costs: tuple[str, ...]  # Master titles held now that this expiry would end


@dataclass(frozen=True)
class MasterProgress:
    title: str
    required: tuple[str, ...]
    current: tuple[str, ...]
    missing: tuple[str, ...]  # not held, or expired
    held_until: date | None  # earliest expiry when all are current

    @property
    def held(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class Tracker:
    today: date
    certifications: tuple[CertificationStatus, ...]
    masters: tuple[MasterProgress, ...]

    def status(self, test_code: str) -> CertificationStatus | None:
        return next((c for c in self.certifications if c.test_code == test_code), None)


def expiry(passed_on: date) -> date:
    try:
        return passed_on.replace(year=passed_on.year + VALID_YEARS)
    except ValueError:  # 29 February into a common year
        return passed_on.replace(year=passed_on.year + VALID_YEARS, day=28)


def retake_date(failed_on: date) -> date:
    return failed_on + timedelta(days=RETAKE_DAYS)


def _status(code: str, results: Sequence[TestResult], today: date) -> CertificationStatus:
    passes = [r.taken_on for r in results if r.outcome is Outcome.PASS and r.taken_on <= today]
    passed_on = max(passes, default=None)
    fails = [
        r.taken_on
        for r in results
        if r.outcome is Outcome.FAIL and (passed_on is None or r.taken_on > passed_on)
    ]
    last_fail = max(fails, default=None)
    retake = retake_date(last_fail) if last_fail is not None else None
    if passed_on is None:
        return CertificationStatus(
            code, Standing.NOT_HELD, None, None, None, None, last_fail,
            retake if retake is not None and retake > today else None, (),
        )  # fmt: skip
    expires = expiry(passed_on)
    opens = expires - timedelta(days=WINDOW_DAYS)
    if today >= expires:
        standing = Standing.EXPIRED
    elif today >= opens:
        standing = Standing.RECERTIFY
    else:
        standing = Standing.CURRENT
    return CertificationStatus(
        code, standing, passed_on, expires, opens, (expires - today).days, last_fail,
        retake if retake is not None and retake > today else None, (),
    )  # fmt: skip


def _is_current(c: CertificationStatus | None) -> bool:
    return c is not None and c.standing in (Standing.CURRENT, Standing.RECERTIFY)


def track(results: Sequence[TestResult], today: date) -> Tracker:
    by_code: dict[str, list[TestResult]] = {}
    for r in results:
        by_code.setdefault(r.test_code.upper(), []).append(r)
    statuses = {code: _status(code, rs, today) for code, rs in sorted(by_code.items())}
    masters = []
    for title, required in MASTER_GROUPS.items():
        current = tuple(c for c in required if _is_current(statuses.get(c)))
        missing = tuple(c for c in required if c not in current)
        until = None
        if not missing:
            until = min(e for c in required if (e := statuses[c].expires_on) is not None)
        masters.append(MasterProgress(title, required, current, missing, until))
    out = []
    for code, st in statuses.items():
        costs = tuple(m.title for m in masters if m.held and code in m.required)
        out.append(_with_costs(st, costs))
    return Tracker(today, tuple(out), tuple(masters))


def _with_costs(st: CertificationStatus, costs: tuple[str, ...]) -> CertificationStatus:
    return replace(st, lapse_costs=costs) if costs else st


@dataclass(frozen=True)
class RenewalCheck:
    """The monthly check of one held certification."""

    test_code: str
    due: bool
    last_check: date | None
    questions: int  # 0 when the test is not loaded (no content areas known)


def renewal_checks(
    tracker: Tracker,
    area_counts: Mapping[str, int],
    last_checks: Mapping[str, date],
    today: date,
) -> tuple[RenewalCheck, ...]:
    """The monthly check for each current certification (expired and never-held ones have none).

    A check is due when no check was done in the last `CHECK_EVERY_DAYS` days (a check on
    `today - 30` no longer counts). It asks `CHECK_PER_AREA` questions per content area of the test
    (`area_counts`, by upper-case test code), capped at `CHECK_MAX`. What counts as a check is the
    caller's rule: `last_checks` holds the date of the latest one per test code.
    """
    out = []
    for c in tracker.certifications:
        if not _is_current(c):
            continue
        last = last_checks.get(c.test_code)
        due = last is None or (today - last).days >= CHECK_EVERY_DAYS
        n = min(CHECK_MAX, CHECK_PER_AREA * max(0, area_counts.get(c.test_code, 0)))
        out.append(RenewalCheck(c.test_code, due, last, n))
    return tuple(out)
