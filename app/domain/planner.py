"""Study plan to a test date: which evening does what, from today. Pure, stdlib only.

No clock of its own: `today` is always passed in, so the plan is re-made from today after every
result and after a missed evening. A missed evening is simply dropped - the plan starts again at
today with the same session length, so missed work is never piled onto one evening.

Rules (stated here because they are choices, not ASE's):
- Sessions fall on the learner's chosen weekdays (0 = Monday), from today up to the day before the
  test date; with no test date the plan covers `horizon_days` ahead.
- A full timed mock about every two weeks (the first as a diagnostic when none was ever taken), and
  one in the last week before the date. A mock takes the test's own time, which may be longer
  than an ordinary session; for a recertification goal the mock is a recert-length form.
- Spaced review when due: the next session is a review when many cards are due, otherwise the due
  cards open the next drill as a warm-up; every fourth ordinary session is a review of whatever has
  come due by then (drills keep adding missed questions to the queue).
- Drills aim at the largest expected gain. Each time an area or task is planned, its remaining gain
  is halved, so the biggest gap gets most evenings without crowding out the next ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from app.domain.errors import UserError
from app.domain.i18n import QT_TRANSLATE_NOOP

MOCK_EVERY_DAYS = 14
FINAL_WEEK_DAYS = 7
REVIEW_SESSION_AT = 10  # due cards that fill a session of their own
REVIEW_EVERY = 4  # every fourth ordinary session is a review
DEFAULT_HORIZON_DAYS = 28
MIN_MINUTES, MAX_MINUTES = 10, 240


class Goal(StrEnum):
    CERTIFICATION = "certification"
    RECERTIFICATION = "recertification"


class SessionKind(StrEnum):
    DRILL = "drill"
    REVIEW = "review"
    MOCK = "mock"
    RECERT_FORM = "recert_form"


class PlanError(UserError, ValueError):
    """Settings the learner can correct; the message says how."""


@dataclass(frozen=True)
class GainItem:
    """One area or task and the expected scored items a full form would gain by mastering it."""

    key: str
    title: str
    gain: float
    kind: str = "area"  # "area" (a content-area letter) or "task" (a task code)


@dataclass(frozen=True)
class PlanSettings:
    test_date: date | None  # None: not booked
    weekdays: frozenset[int]  # 0 = Monday ... 6 = Sunday
    minutes: int
    goal: Goal = Goal.CERTIFICATION

    def check(self) -> None:
        if not self.weekdays:
            raise PlanError(
                QT_TRANSLATE_NOOP("PlanError", "Choose at least one evening of the week to study.")
            )
        if any(d < 0 or d > 6 for d in self.weekdays):
            raise PlanError("Weekdays are numbered 0 (Monday) to 6 (Sunday).")
        if not MIN_MINUTES <= self.minutes <= MAX_MINUTES:
            raise PlanError(
                QT_TRANSLATE_NOOP(
                    "PlanError", "A session lasts between {0} and {1} minutes; {2} is outside that."
                ),
                MIN_MINUTES,
                MAX_MINUTES,
                self.minutes,
            )


@dataclass(frozen=True)
class LearnerState:
    gains: Sequence[GainItem]  # from the report's "study next", largest first or not
    reviews_due: int = 0
    last_mock: date | None = None
    mock_minutes: int = 60  # the test's time limit for a full form
    done_today: bool = False  # a session was already done today: plan from tomorrow


@dataclass(frozen=True)
class PlannedSession:
    day: date
    kind: SessionKind
    minutes: int
    focus: tuple[str, ...] = ()  # area letters or task codes, drills only
    focus_titles: tuple[str, ...] = ()
    warm_up_reviews: int = 0  # due review cards that open a drill
    focus_kind: str = ""  # "area" or "task" when the drill has a focus


@dataclass(frozen=True)
class Plan:
    today: date
    settings: PlanSettings
    sessions: tuple[PlannedSession, ...]
    notes: tuple[str, ...] = field(default=())

    def on(self, day: date) -> PlannedSession | None:
        return next((x for x in self.sessions if x.day == day), None)

    def weeks(self) -> list[tuple[date, tuple[PlannedSession, ...]]]:
        """Sessions grouped by the Monday of their week, in order."""
        out: dict[date, list[PlannedSession]] = {}
        for x in self.sessions:
            out.setdefault(x.day - timedelta(days=x.day.weekday()), []).append(x)
        return [(k, tuple(v)) for k, v in sorted(out.items())]


def study_days(start: date, end: date, weekdays: frozenset[int]) -> list[date]:
    """Days from start to end inclusive that fall on the chosen weekdays."""
    n = (end - start).days + 1
    return [
        d for d in (start + timedelta(days=i) for i in range(max(0, n))) if d.weekday() in weekdays
    ]


def make_plan(
    settings: PlanSettings,
    learner: LearnerState,
    today: date,
    *,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
) -> Plan:
    settings.check()
    notes: list[str] = []
    start = today + timedelta(days=1) if learner.done_today else today
    if settings.test_date is None:
        end = start + timedelta(days=horizon_days - 1)
        notes.append(
            QT_TRANSLATE_NOOP("Planner", "No test date booked: the plan shows the next four weeks.")
        )
    elif settings.test_date <= today:
        return Plan(
            today,
            settings,
            (),
            (
                QT_TRANSLATE_NOOP(
                    "Planner",
                    "The test date has passed. Record the result in Certifications, or set a new "
                    "date.",
                ),
            )
            if settings.test_date < today
            else (
                QT_TRANSLATE_NOOP(
                    "Planner", "The test is today. No more study sessions are planned - good luck."
                ),
            ),
        )
    else:
        end = settings.test_date - timedelta(days=1)
    days = study_days(start, end, settings.weekdays)
    if settings.test_date is not None and not days:
        notes.append(QT_TRANSLATE_NOOP("Planner", "No study evening falls before the test date."))

    mock_kind = (
        SessionKind.RECERT_FORM if settings.goal is Goal.RECERTIFICATION else SessionKind.MOCK
    )
    mock_days = _mock_days(days, settings.test_date, learner.last_mock)
    mock_minutes = learner.mock_minutes
    if mock_kind is SessionKind.RECERT_FORM:
        mock_minutes = max(MIN_MINUTES, round(learner.mock_minutes / 2))
    if mock_days and mock_minutes > settings.minutes:
        notes.append(
            QT_TRANSLATE_NOOP(
                "Planner",
                "A mock takes {0} minutes, longer than your {1}-minute sessions: keep that "
                "evening free.",
            ).fill(mock_minutes, settings.minutes)
        )

    remaining = {g.key: max(0.0, g.gain) for g in learner.gains}
    order = {g.key: i for i, g in enumerate(learner.gains)}
    titles = {g.key: g.title for g in learner.gains}
    kinds = {g.key: g.kind for g in learner.gains}
    sessions: list[PlannedSession] = []
    ordinary = 0
    reviews_first = learner.reviews_due
    for d in days:
        if d in mock_days:
            sessions.append(PlannedSession(d, mock_kind, mock_minutes))
            continue
        ordinary += 1
        if ordinary == 1 and reviews_first >= REVIEW_SESSION_AT:
            sessions.append(PlannedSession(d, SessionKind.REVIEW, settings.minutes))
            continue
        if ordinary > 1 and ordinary % REVIEW_EVERY == 0:
            sessions.append(PlannedSession(d, SessionKind.REVIEW, settings.minutes))
            continue
        warm_up = reviews_first if ordinary == 1 else 0
        focus = _pick(remaining, order)
        if focus is None:  # nothing to gain (or no evidence yet): a mixed drill
            sessions.append(
                PlannedSession(d, SessionKind.DRILL, settings.minutes, warm_up_reviews=warm_up)
            )
            continue
        remaining[focus] /= 2
        sessions.append(
            PlannedSession(
                d,
                SessionKind.DRILL,
                settings.minutes,
                (focus,),
                (titles[focus],),
                warm_up_reviews=warm_up,
                focus_kind=kinds[focus],
            )
        )
    return Plan(today, settings, tuple(sessions), tuple(notes))


def _pick(remaining: dict[str, float], order: dict[str, int]) -> str | None:
    best = max(remaining, key=lambda k: (remaining[k], -order[k]), default=None)
    if best is None or remaining[best] <= 0.05:
        return None
    return best


def _mock_days(days: Sequence[date], test_date: date | None, last_mock: date | None) -> set[date]:
    if not days:
        return set()
    chosen: set[date] = set()
    final: date | None = None
    if test_date is not None:
        window = [d for d in days if (test_date - d).days <= FINAL_WEEK_DAYS]
        if window:
            # early in the last week, leaving evenings to work on what the mock shows
            preferred = [d for d in window if (test_date - d).days >= 2]
            final = preferred[0] if preferred else window[-1]
            chosen.add(final)
    due = days[0] if last_mock is None else last_mock + timedelta(days=MOCK_EVERY_DAYS)
    for d in days:
        if final is not None and d > final - timedelta(days=FINAL_WEEK_DAYS):
            break  # the final mock covers the last fortnight's check
        if d >= due:
            chosen.add(d)
            due = d + timedelta(days=MOCK_EVERY_DAYS)
    return chosen


def adherence(
    weekdays: frozenset[int], since: date, today: date, done_days: Sequence[date]
) -> tuple[int, int]:
    """(planned, done) evenings from `since` up to yesterday, plus today once done.

    A study day counts as done when any practice, review or mock happened on it; study on another
    day counts too (it was done instead), but never more than was planned.
    """
    planned = len(study_days(since, today - timedelta(days=1), weekdays))
    done_set = {d for d in done_days if since <= d <= today}
    if today in done_set and today.weekday() in weekdays:
        planned += 1
    return planned, min(planned, len(done_set))
