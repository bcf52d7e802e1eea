"""Study plans to a test date and the certification tracker: one method per user action. No Qt.

Plan settings and certification results are written in one transaction each, committed at once
like answers. The plan itself is never stored: it is made again from today whenever it is shown,
from the learner's latest results (the report's "study next"), the reviews due and the last mock -
so every result and every missed evening re-plans it.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from app.domain.certification import (
    Outcome,
    RenewalCheck,
    TestResult,
    Tracker,
    renewal_checks,
    track,
)
from app.domain.clock import WallClock
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.ids import CertificationId, ProfileId, TestId
from app.domain.planner import (
    GainItem,
    Goal,
    LearnerState,
    Plan,
    PlanError,
    PlannedSession,
    PlanSettings,
    SessionKind,
    adherence,
    make_plan,
)
from app.services.reports import build_report
from app.storage.connection import Connection
from app.storage.database import Database
from app.storage.queries import attempts_core, profiles, reviews
from app.storage.queries import plans as q
from app.storage.queries.attempts_core import TestFacts
from app.storage.queries.translations import titles_in

if TYPE_CHECKING:
    from app.storage.session import Session

DEFAULT_WEEKDAYS = frozenset({0, 1, 3})  # three evenings a week, as candidates are advised
DEFAULT_MINUTES = 45
DRILL_ITEMS_PER_MINUTE = 0.5  # a drill question with its feedback takes about two minutes


def local_date(moment: datetime) -> date:
    """The learner's calendar day of a stored UTC time (the plan is about evenings at home)."""
    return moment.replace(tzinfo=UTC).astimezone().date()


@dataclass(frozen=True)
class PlanView:
    profile_id: ProfileId
    profile: str
    test_code: str
    test_title: str
    stored: bool  # False: default settings, never saved
    settings: PlanSettings
    plan: Plan
    today: PlannedSession | None  # today's session, if one is planned and not done yet
    done_today: bool
    planned_so_far: int
    done_so_far: int
    since: date
    drill_items: int  # questions in a drill of the planned length

    @property
    def next_session(self) -> PlannedSession | None:
        return self.plan.sessions[0] if self.plan.sessions else None


@dataclass(frozen=True)
class ReportAppendix:
    """The study plan and certifications, for the end of the PDF report."""

    plan: PlanView | None
    tracker: Tracker


@dataclass(frozen=True)
class CertificationEntry:
    entry_id: CertificationId
    test_code: str
    taken_on: date
    outcome: Outcome


def _profile(s: Session | Connection, profile: str | ProfileId) -> Any:
    p = (
        profiles.profile(s, profile)
        if isinstance(profile, int)
        else profiles.profile_by_name(s, profile)
    )
    if p is None:
        raise PlanError(QT_TRANSLATE_NOOP("PlanError", "no profile called '{0}'"), profile)
    return p


def _test(s: Session | Connection, code: str) -> TestFacts:
    t = attempts_core.test_by_code(s, code.upper())
    if t is None:
        raise PlanError(QT_TRANSLATE_NOOP("PlanError", "no test '{0}' is loaded"), code)
    return t


def _weekdays(text: str) -> frozenset[int]:
    return frozenset(int(x) for x in text.split(",") if x.strip().isdigit())


class PlanService:
    def __init__(
        self,
        db: Database,
        now: WallClock,
        today: Callable[[], date] | None = None,
    ) -> None:
        self._db = db
        self._now = now
        self._today = today or (lambda: local_date(now()))

    # -- plan ------------------------------------------------------------------------------
    def save_settings(
        self,
        profile: str | ProfileId,
        test_code: str,
        *,
        test_date: date | None,
        weekdays: frozenset[int],
        minutes: int,
        goal: Goal = Goal.CERTIFICATION,
    ) -> None:
        """Book (or clear) the test date and the weekly routine; committed at once."""
        PlanSettings(test_date, weekdays, minutes, goal).check()
        with self._db.write() as s:
            p, t = _profile(s, profile), _test(s, test_code)
            row = q.study_plan(s, ProfileId(p.id), TestId(t.id))
            if row is None:
                from app.storage.models import StudyPlanRow

                row = StudyPlanRow(profile_id=p.id, test_id=t.id)
                s.add(row)
            row.test_date = test_date
            row.weekdays = ",".join(str(d) for d in sorted(weekdays))
            row.minutes = minutes
            row.goal = goal.value
            row.updated_at = self._now()

    def plan(self, profile: str | ProfileId, test_code: str, *, language: str = "en") -> PlanView:
        """The plan; with `language` the test, area and task titles come from the bank's
        translation where it has one (English otherwise)."""
        today = self._today()
        with self._db.connect() as s:
            p, t = _profile(s, profile), _test(s, test_code)
            pid, tid = ProfileId(p.id), TestId(t.id)
            row = q.study_plan_settings(s, pid, tid)
            if row is None:
                settings = PlanSettings(None, DEFAULT_WEEKDAYS, DEFAULT_MINUTES)
                since = today
            else:
                settings = PlanSettings(
                    row.test_date, _weekdays(row.weekdays), row.minutes, Goal(row.goal)
                )
                since = local_date(row.updated_at)
            report = build_report(s, p.id, t.code, self._now(), random.Random(7))
            titles = titles_in(s, t.id, language) if language != "en" else None
            named = {**titles.areas, **titles.tasks} if titles is not None else {}
            gains = [
                GainItem(x.key, named.get(x.key, x.title), x.gain, x.kind)
                for x in report.study_next
                if x.mastery.enough_data
            ]
            days = _study_days(s, pid, tid)
            last_mock = q.last_timed_form_at(s, pid, tid)  # a recert form is a timed form too
            due = reviews.due_count(s, pid, tid, self._now())
            learner = LearnerState(
                gains=gains,
                reviews_due=due,
                last_mock=local_date(last_mock) if last_mock is not None else None,
                mock_minutes=max(1, round(t.minutes * p.time_multiplier)),
                done_today=today in days,
            )
            made = make_plan(settings, learner, today)
            planned, done = adherence(settings.weekdays, since, today, sorted(days))
            return PlanView(
                profile_id=p.id,
                profile=p.name,
                test_code=t.code,
                test_title=(titles.title if titles else None) or t.title,
                stored=row is not None,
                settings=settings,
                plan=made,
                today=made.on(today),
                done_today=today in days,
                planned_so_far=planned,
                done_so_far=done,
                since=since,
                drill_items=max(5, round(settings.minutes * DRILL_ITEMS_PER_MINUTE)),
            )

    # -- certifications --------------------------------------------------------------------
    def record_result(
        self, profile: str | ProfileId, test_code: str, taken_on: date, outcome: Outcome
    ) -> CertificationId:
        """One real test result, committed at once. Returns its id."""
        code = test_code.strip().upper()
        if not code or len(code) > 16 or not code.isalnum():
            raise PlanError(
                QT_TRANSLATE_NOOP(
                    "PlanError",
                    "Enter the test code as printed on the certificate, for example A5.",
                )
            )
        if taken_on > self._today():
            raise PlanError(
                QT_TRANSLATE_NOOP(
                    "PlanError", "A result cannot be dated in the future; check the date."
                )
            )
        from app.storage.models import CertificationRow

        with self._db.write() as s:
            p = _profile(s, profile)
            row = CertificationRow(
                profile_id=p.id,
                test_code=code,
                taken_on=taken_on,
                result=outcome.value,
                recorded_at=self._now(),
            )
            s.add(row)
            s.flush()
            return row.id

    def remove_result(self, profile: str | ProfileId, entry_id: CertificationId) -> None:
        with self._db.write() as s:
            p = _profile(s, profile)
            q.delete_certification(s, ProfileId(p.id), entry_id)

    def results(self, profile: str | ProfileId) -> list[CertificationEntry]:
        with self._db.read() as s:
            p = _profile(s, profile)
            rows = q.certifications(s, ProfileId(p.id))
            return [
                CertificationEntry(r.id, r.test_code, r.taken_on, Outcome(r.result)) for r in rows
            ]

    def report_appendix(
        self, profile: str | ProfileId, test_code: str, *, language: str = "en"
    ) -> ReportAppendix:
        try:
            plan: PlanView | None = self.plan(profile, test_code, language=language)
        except PlanError:
            plan = None
        return ReportAppendix(plan, self.tracker(profile))

    def tracker(self, profile: str | ProfileId) -> Tracker:
        entries = self.results(profile)
        return track(
            [TestResult(e.test_code, e.taken_on, e.outcome) for e in entries], self._today()
        )

    def renewal_checks(self, profile: str | ProfileId) -> tuple[RenewalCheck, ...]:
        """The monthly check per held certification, from existing data (no marker is stored).

        The rule: any submitted practice attempt on a test (a monthly check, a drill, a review)
        keeps that test current, so the last check is the latest such submission's local date.
        """
        tracker = self.tracker(profile)
        codes = [c.test_code for c in tracker.certifications]
        with self._db.read() as s:
            p = _profile(s, profile)
            areas = q.area_counts(s, codes)
            last = q.last_practice_at(s, ProfileId(p.id), codes)
            last_checks = {code: local_date(at) for code, at in last.items()}
        return renewal_checks(tracker, areas, last_checks, tracker.today)


def _study_days(s: Session | Connection, profile_id: ProfileId, test_id: TestId) -> set[date]:
    """Days with any practice, review or mock on this test (start or last answer)."""
    days: set[date] = set()
    for started, last in q.attempt_activity(s, profile_id, test_id):
        if last is not None:  # an attempt opened and never answered is not study
            days.add(local_date(last))
            days.add(local_date(started))
    return days


def plan_json(view: PlanView) -> str:
    st = view.settings
    return (
        json.dumps(
            {
                "profile": view.profile,
                "test": view.test_code,
                "today": view.plan.today.isoformat(),
                "test_date": st.test_date.isoformat() if st.test_date else None,
                "weekdays": sorted(st.weekdays),
                "minutes": st.minutes,
                "goal": st.goal.value,
                "done_so_far": view.done_so_far,
                "planned_so_far": view.planned_so_far,
                "notes": list(view.plan.notes),
                "sessions": [
                    {
                        "date": x.day.isoformat(),
                        "kind": x.kind.value,
                        "minutes": x.minutes,
                        "focus": list(x.focus),
                        "focus_titles": list(x.focus_titles),
                        "warm_up_reviews": x.warm_up_reviews,
                    }
                    for x in view.plan.sessions
                ],
            },
            indent=2,
        )
        + "\n"
    )


WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def plan_text(view: PlanView) -> str:
    """The plan for a terminal: settings, progress, then one line per evening."""
    st = view.settings
    booked = st.test_date.isoformat() if st.test_date else "not booked"
    days = " ".join(WEEKDAY_NAMES[d] for d in sorted(st.weekdays))
    lines = [
        f"{view.profile} - {view.test_code} {view.test_title}",
        f"test date {booked}; {days}; {st.minutes} minutes; goal {st.goal.value}",
        f"done {view.done_so_far} of {view.planned_so_far} planned evenings since "
        f"{view.since.isoformat()}",
        *view.plan.notes,
    ]
    for x in view.plan.sessions:
        extra = f" (start with {x.warm_up_reviews} reviews)" if x.warm_up_reviews else ""
        lines.append(
            f"{x.day.isoformat()} {WEEKDAY_NAMES[x.day.weekday()]}  {x.minutes:>3} min  "
            f"{session_title(x, view.test_code)}{extra}"
        )
    return "\n".join(lines) + "\n"


def session_title(x: PlannedSession, test_code: str) -> str:
    """A short human title, used by the calendar export and the CLI."""
    if x.kind is SessionKind.MOCK:
        return f"{test_code} full timed mock exam"
    if x.kind is SessionKind.RECERT_FORM:
        return f"{test_code} recertification practice form"
    if x.kind is SessionKind.REVIEW:
        return f"{test_code} spaced review of missed questions"
    if x.focus_titles:
        return f"{test_code} drill: {', '.join(x.focus_titles)}"
    return f"{test_code} mixed practice drill"


ICS_EVENING_START = "190000"  # floating local time: an evening session at 7 pm


def _ics_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 5545 folds lines longer than 75 octets with CRLF and one space."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts: list[str] = []
    current = ""
    for ch in line:
        limit = 75 if not parts else 74
        if len((current + ch).encode("utf-8")) > limit:
            parts.append(current)
            current = ch
        else:
            current += ch
    parts.append(current)
    return "\r\n ".join(parts)


def plan_ics(view: PlanView, stamp: datetime) -> str:
    """The planned sessions as an iCalendar file (one timed event per evening, local time)."""
    stamp_text = stamp.strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//BayReady//Study plan//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_ics_text(f'BayReady {view.test_code} study plan')}",
    ]
    for x in view.plan.sessions:
        day = x.day.strftime("%Y%m%d")
        about = [f"{x.minutes} minutes."]
        if x.warm_up_reviews:
            about.append(f"Start with {x.warm_up_reviews} questions due for review.")
        if x.kind is SessionKind.DRILL:
            about.append(f"About {view.drill_items} questions.")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{day}-{x.kind.value}-{view.test_code}-{view.profile_id}@bayready.plan",
            f"DTSTAMP:{stamp_text}",
            f"DTSTART:{day}T{ICS_EVENING_START}",
            f"DURATION:PT{x.minutes}M",
            f"SUMMARY:{_ics_text(session_title(x, view.test_code))}",
            f"DESCRIPTION:{_ics_text(' '.join(about))}",
            f"CATEGORIES:{x.kind.value.upper()}",
            "END:VEVENT",
        ]
    if view.settings.test_date is not None:
        day = view.settings.test_date.strftime("%Y%m%d")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{day}-test-{view.test_code}-{view.profile_id}@bayready.plan",
            f"DTSTAMP:{stamp_text}",
            f"DTSTART;VALUE=DATE:{day}",
            f"SUMMARY:{_ics_text(f'ASE {view.test_code} test day')}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
