"""Mock exams and practice sessions: start, answer, flag, save the clock, submit, report.

Every answer and flag is committed at once (crash-safe). The path from start-up to an open mock
(the home's cards, the mock's plan and start, resuming, answering, flagging, the periodic save)
runs on Core connections (storage/queries/attempts_core.py); the other use cases import the ORM
when first used. This module must not import it: the ui imports it before any exam. No Qt.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from app.domain.attempts import Mode, Status
from app.domain.clock import WallClock
from app.domain.errors import UserError
from app.domain.forms import PoolItem, assemble_form, practice_selection
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.ids import AttemptId, ProfileId, QuestionId, TestId
from app.services.attempt_views import attempt_score, attempt_state
from app.services.booklet import BookletView, has_booklet, load_booklet
from app.services.exam_views import (
    CONFIDENCE_LEVELS,
    AnswerAck,
    AttemptReport,
    AttemptState,
    ChoiceView,
    InProgress,
    ItemView,
    MockPlan,
    with_item,
)
from app.services.form_rules import form_enemies
from app.services.recert import recert_limit, recert_plan, recert_spec_of
from app.services.views import TestCard
from app.storage.connection import Connection
from app.storage.database import Database
from app.storage.queries import attempts_core as core
from app.storage.queries import reports_rollup
from app.storage.queries.attempts_core import TestFacts
from app.storage.queries.translations import titles_in

if TYPE_CHECKING:
    from app.storage.models import AttemptRow, ProfileRow, TestRow
    from app.storage.session import Session

# the ui imports the views from here
__all__ = [
    "ABANDONED",
    "CONFIDENCE_LEVELS",
    "EXAM_MODES",
    "IN_PROGRESS",
    "MOCK",
    "PRACTICE",
    "RECERT",
    "SUBMITTED",
    "AnswerAck",
    "AttemptReport",
    "AttemptState",
    "ChoiceView",
    "ExamError",
    "ExamService",
    "InProgress",
    "ItemView",
    "MockPlan",
    "with_item",
]

MOCK, PRACTICE, RECERT = Mode.MOCK, Mode.PRACTICE, Mode.RECERT
# timed exams: no feedback until submitted, unanswered items count as wrong, missed ones reviewed
EXAM_MODES = (MOCK, RECERT)
IN_PROGRESS, SUBMITTED, ABANDONED = Status.IN_PROGRESS, Status.SUBMITTED, Status.ABANDONED


_NO_QUESTIONS = QT_TRANSLATE_NOOP(
    "ExamError", "{0} has no questions to draw a form from; import a bank for it first."
)


class ExamError(UserError, ValueError):
    """An exam action the user can correct (message says how)."""


class ExamService:
    def __init__(
        self,
        db: Database,
        now: WallClock,
        rng: Callable[[], random.Random] = random.Random,
    ) -> None:
        self._db = db
        self._now = now
        self._rng = rng

    # -- home -----------------------------------------------------------------------------------
    def test_cards(self, profile_id: ProfileId | None, *, language: str = "en") -> list[TestCard]:
        """One card per test for home; titles in `language` where the bank is translated."""
        with self._db.connect() as s:
            active = core.active_counts(s)
            cards = []
            for t in core.tests(s):
                last = ip = None
                if profile_id is not None:
                    pid, tid = profile_id, TestId(t.id)
                    last = core.last_submitted_mock(s, pid, tid)
                    ip = core.latest_open(s, pid, tid)
                pct = (
                    100.0 * last.score_correct / last.score_total
                    if last and last.score_total and last.score_correct is not None
                    else None
                )
                cards.append(
                    TestCard(
                        code=t.code,
                        title=_title_in(s, t, language),
                        questions=active.get(t.id, 0),
                        scored_count=t.scored_count,
                        minutes=t.minutes,
                        last_percent=pct,
                        last_passed=None if pct is None else pct >= t.target_percent,
                        in_progress=AttemptId(ip.id) if ip else None,
                        in_progress_mode=ip.mode if ip else None,
                        target_percent=t.target_percent,
                    )
                )
            return cards

    def in_progress(self, profile_id: ProfileId | None = None) -> list[InProgress]:
        with self._db.connect() as s:
            pid = None if profile_id is None else profile_id
            out = []
            for a, code, n, answered in core.open_attempts(s, pid):
                rem = None if a.time_limit_s is None else max(0.0, a.time_limit_s - a.elapsed_s)
                out.append(InProgress(AttemptId(a.id), code, a.mode, answered, n, rem))
            return out

    # -- starting -------------------------------------------------------------------------------
    def mock_plan(
        self,
        profile_id: ProfileId,
        test_code: str,
        *,
        include_unscored: bool = False,
        language: str = "en",
    ) -> MockPlan:
        """Items and time of the mock start_mock would draw (same counts, same time rule), and of
        the recertification form."""
        with self._db.connect() as s:
            test, profile = _test(s, test_code), _profile(s, profile_id)
            per_area: dict[str, int] = {}
            for p in core.pool(s, test.id, test.shuffle_choices):
                per_area[p.area] = per_area.get(p.area, 0) + 1
            scored = sum(min(a.scored_count, per_area.get(a.letter, 0)) for a in test.areas)
            left = sum(per_area.get(a.letter, 0) for a in test.areas) - scored
            unscored = min(test.unscored_count, left) if include_unscored else 0
            if scored + unscored == 0:
                raise ExamError(_NO_QUESTIONS, test.code)
            ip = core.latest_open(s, profile_id, TestId(test.id))
            return MockPlan(
                test_code=test.code,
                test_title=_title_in(s, test, language),
                profile_name=profile.name,
                scored_items=scored,
                unscored_items=unscored,
                blueprint_scored=test.scored_count,
                blueprint_unscored=test.unscored_count,
                blueprint_minutes=test.minutes,
                time_multiplier=profile.time_multiplier,
                hide_countdown=profile.hide_countdown,
                time_limit_s=_mock_limit(test, scored + unscored, profile.time_multiplier),
                target_percent=test.target_percent,
                in_progress=AttemptId(ip.id) if ip else None,
                in_progress_mode=ip.mode if ip else None,
                recert=recert_plan(test, per_area, profile.time_multiplier),
                has_booklet=has_booklet(s, test.id),
            )

    def start_mock(
        self,
        profile_id: ProfileId,
        test_code: str,
        *,
        include_unscored: bool = False,
        recert: bool = False,
        replacing: AttemptId | None = None,
        language: str = "en",
    ) -> AttemptState:
        """A full mock, or with `recert` the shorter recertification form (same proportions,
        no research items). `replacing` names an attempt in progress the learner chose to
        abandon for this one: abandoned in the same transaction, so a crash never leaves both
        open (nor neither)."""
        rng = self._rng()
        with self._db.begin() as s:
            test, profile = _test(s, test_code), _profile(s, profile_id)
            pool = core.pool(s, test.id, test.shuffle_choices)
            blueprint = {a.letter: a.scored_count for a in test.areas}
            if recert:
                spec = recert_spec_of(test)
                blueprint, include_unscored = dict(spec.blueprint), False
            seen = core.seen_counts(s, profile_id, TestId(test.id))
            prev = core.previous_form(s, profile_id, TestId(test.id))
            form = assemble_form(
                pool,
                blueprint,
                rng=rng,
                seen=seen,
                previous=prev,
                unscored=test.unscored_count if include_unscored else 0,
                strict=False,
                enemies=form_enemies(s, test.id),
            )
            if not form.items:
                raise ExamError(_NO_QUESTIONS, test.code)
            limit = _mock_limit(test, len(form.items), profile.time_multiplier)
            if recert:
                limit = recert_limit(spec, len(form.items), profile.time_multiplier)
            note = ""
            if form.shortfall:
                short = ", ".join(f"{a}: {n} short" for a, n in sorted(form.shortfall.items()))
                note = f"The question pool is smaller than the blueprint ({short})."
            attempt_id = core.add_attempt(
                s,
                profile_id,
                test,
                RECERT if recert else MOCK,
                form.items,
                limit_s=limit,
                include_unscored=include_unscored,
                now=self._now(),
            )
            if replacing is not None:
                old = _attempt(s, replacing)
                if old.status == IN_PROGRESS:
                    with reports_rollup.kept_in_step(s, replacing):
                        core.set_status(s, replacing, ABANDONED)
            return attempt_state(s, _attempt(s, attempt_id), note=note, language=language)

    def start_practice(
        self,
        profile_id: ProfileId,
        test_code: str,
        *,
        count: int,
        areas: Sequence[str] = (),
        tasks: Sequence[str] = (),
        question_ids: Sequence[QuestionId] = (),
        timed: bool = False,
        language: str = "en",
    ) -> AttemptState:
        """Practice on chosen areas/tasks (or exact questions); missed and unseen items first."""
        from app.storage.queries import attempts

        rng = self._rng()
        with self._db.write() as s:
            test, profile = _orm_test(s, test_code), _orm_profile(s, profile_id)
            pool: Sequence[PoolItem] = attempts.pool(s, test)
            if question_ids:
                # ids may name versions an older attempt showed: practise what is current now
                wanted = set(attempts.current_versions(s, question_ids).values())
                pool = [p for p in pool if p.question_id in wanted]
            if areas or tasks:
                pool = [p for p in pool if p.area in set(areas) or p.task in set(tasks)]
            if not pool:
                raise ExamError(
                    QT_TRANSLATE_NOOP(
                        "ExamError", "No questions match that choice; pick other areas or tasks."
                    )
                )
            form = practice_selection(
                pool,
                max(1, count),
                rng=rng,
                seen=attempts.seen_counts(s, profile_id, TestId(test.id)),
                missed=attempts.missed(s, profile_id, TestId(test.id)),
                enemies=form_enemies(s.connection(), test.id),
            )
            limit = None
            if timed:
                per_item = test.minutes * 60.0 / (test.scored_count + test.unscored_count)
                limit = per_item * len(form.items) * profile.time_multiplier
            attempt = attempts.add_attempt(
                s,
                profile,
                test,
                PRACTICE,
                form.items,
                limit_s=limit,
                include_unscored=False,
                now=self._now(),
            )
            return attempt_state(s.connection(), attempt, language=language)

    def booklet(self, test_code: str) -> BookletView | None:
        """The test's reference booklet for the exam screen's side pane (None: it has none)."""
        with self._db.connect() as s:
            return load_booklet(s, test_code)

    # -- during the exam ------------------------------------------------------------------------
    def load(self, attempt_id: AttemptId, *, language: str = "en") -> AttemptState:
        """An attempt's view, its items in `language` where translated (English otherwise)."""
        with self._db.connect() as s:
            return attempt_state(s, _attempt(s, attempt_id), language=language)

    def record_response(
        self,
        attempt_id: AttemptId,
        position: int,
        shown: int | None,
        *,
        elapsed_s: float,
        item_seconds: float,
    ) -> AnswerAck:
        """Commit one answer (or its removal) together with the clock. Returns correctness."""
        with self._db.begin() as s:
            a = _attempt(s, attempt_id)
            _require_open(a)
            r = core.response_at(s, attempt_id, position)
            if r is None:
                raise ExamError(f"question {position + 1} is not part of this attempt")
            order = [int(c) for c in r.choice_order]
            if shown is not None and not 0 <= shown < len(order):
                raise ExamError("that option does not exist")
            correct: bool | None = None
            # the report's answer rollup follows the answer in this transaction
            with reports_rollup.kept_in_step(s, attempt_id, [position]):
                values: dict[str, Any] = {"seconds": max(r.seconds, item_seconds)}
                if shown is None:
                    values.update(
                        chosen=None, choice_id=None, correct=None, answered_at=None, confidence=None
                    )
                else:
                    chosen = order[shown]
                    choice_id, correct = core.judge(s, QuestionId(r.question_id), chosen)
                    values.update(
                        chosen=chosen, choice_id=choice_id, correct=correct, answered_at=self._now()
                    )
                core.update_response(s, r.id, **values)
            self._save_clock(s, a, elapsed_s, position)
            if a.mode == PRACTICE and correct is not None:
                # practice answers are final at once (feedback shown): schedule the review now,
                # through the ORM on this same connection (one transaction)
                from app.services.reviews import record_review
                from app.storage.session import session_on

                with session_on(s) as orm:
                    record_review(orm, a.profile_id, r.question_id, correct, self._now())
            return AnswerAck(position, shown, correct)

    def set_confidence(self, attempt_id: AttemptId, position: int, confidence: int | None) -> None:
        """How sure the learner was of an answered practice item (0 sure, 1 unsure, 2 guess).

        The report counts a right answer marked unsure or guess as weaker evidence and lists it
        under "lucky guesses"."""
        if confidence is not None and confidence not in range(len(CONFIDENCE_LEVELS)):
            raise ExamError("confidence is 0 (sure), 1 (unsure) or 2 (guess)")
        from app.storage.queries import attempts

        with self._db.write() as s:
            a = _orm_attempt(s, attempt_id)
            _require_open(a)
            if a.mode in EXAM_MODES:
                raise ExamError("confidence is asked in practice only")
            r = attempts.response_at(s, attempt_id, position)
            if r is None or r.chosen is None:
                raise ExamError(f"question {position + 1} has no answer to be sure of")
            with reports_rollup.kept_in_step(s, attempt_id, [position]):
                r.confidence = confidence

    def set_flag(
        self, attempt_id: AttemptId, position: int, flagged: bool, *, elapsed_s: float
    ) -> None:
        with self._db.begin() as s:
            a = _attempt(s, attempt_id)
            _require_open(a)
            core.set_flag(s, attempt_id, position, flagged)
            self._save_clock(s, a, elapsed_s, position)

    def save_progress(
        self,
        attempt_id: AttemptId,
        *,
        elapsed_s: float,
        position: int,
        item_position: int | None = None,
        item_seconds: float = 0.0,
        items: Mapping[int, float] | None = None,
    ) -> None:
        """The periodic save (every few seconds): clock, position and time spent per item.

        `items` maps positions to seconds spent on them (only ever raised, never lowered).
        """
        seconds = dict(items or {})
        if item_position is not None:
            seconds[item_position] = max(item_seconds, seconds.get(item_position, 0.0))
        with self._db.begin() as s:
            a = _attempt(s, attempt_id)
            if a.status != IN_PROGRESS:
                return
            with reports_rollup.kept_in_step(s, attempt_id, seconds):
                core.raise_seconds(s, attempt_id, seconds)
            self._save_clock(s, a, elapsed_s, position)

    def _save_clock(self, s: Connection, a: Any, elapsed_s: float, position: int) -> None:
        core.save_clock(s, a, elapsed_s=elapsed_s, position=position, saved_at=self._now())

    def _save_orm_clock(self, s: Session, a: AttemptRow, elapsed_s: float, position: int) -> None:
        """The same clock rule as the Core path, on the session's connection: flushed first, and
        the row's clock columns expired after, so the session reads what was written."""
        s.flush()
        self._save_clock(s.connection(), a, elapsed_s, position)
        s.expire(a, ["elapsed_s", "current_position", "saved_at"])

    def submit(
        self, attempt_id: AttemptId, *, elapsed_s: float, language: str = "en"
    ) -> AttemptReport:
        from app.services.reviews import record_review
        from app.storage.queries import attempts

        with self._db.write() as s:
            a = _orm_attempt(s, attempt_id)
            if a.status == IN_PROGRESS:
                self._save_orm_clock(s, a, elapsed_s, a.current_position)
                rows = attempts.responses(s, attempt_id)
                scored = [r for r in rows if r.scored]
                a.score_correct = sum(1 for r in scored if r.correct)
                a.score_total = len(scored)
                # blanks of a submitted mock count (as wrong) from now on: the rollup follows
                with reports_rollup.kept_in_step(s, attempt_id):
                    a.status = SUBMITTED
                    a.submitted_at = self._now()
                if a.mode in EXAM_MODES:
                    for r in rows:
                        if r.correct is None:  # left blank: not a miss, nothing to schedule
                            continue
                        record_review(s, a.profile_id, r.question_id, r.correct, self._now())
            s.flush()
            state = attempt_state(s.connection(), a, language=language)
            return AttemptReport(state, attempt_score(s.connection(), a, state))

    def abandon(self, attempt_id: AttemptId) -> None:
        with self._db.write() as s:
            a = _orm_attempt(s, attempt_id)
            if a.status == IN_PROGRESS:
                with reports_rollup.kept_in_step(s, attempt_id):
                    a.status = ABANDONED

    def report(self, attempt_id: AttemptId, *, language: str = "en") -> AttemptReport:
        with self._db.connect() as s:
            a = _attempt(s, attempt_id)
            state = attempt_state(s, a, language=language)
            return AttemptReport(state, attempt_score(s, a, state))

    def wrong_question_ids(self, attempt_id: AttemptId) -> list[QuestionId]:
        """Questions answered wrongly (a question left blank is not wrong; see unanswered)."""
        from app.storage.queries import attempts

        with self._db.read() as s:
            return attempts.wrong_question_ids(s, attempt_id)


# -- helpers inside a use case's transaction -------------------------------------------------------
def _mock_limit(test: TestFacts | TestRow, items: int, multiplier: float) -> float:
    """The real test gives `minutes` for scored + research items; a mock keeps that pace."""
    total_items = test.scored_count + test.unscored_count
    return test.minutes * 60.0 * items / total_items * multiplier


def _test(s: Connection, code: str) -> TestFacts:
    t = core.test_by_code(s, code)
    if t is None:
        raise ExamError(QT_TRANSLATE_NOOP("ExamError", "No test '{0}' is loaded."), code)
    return t


def _profile(s: Connection, profile_id: ProfileId) -> Any:
    p = core.profile(s, profile_id)
    if p is None:
        raise ExamError(QT_TRANSLATE_NOOP("ExamError", "Choose or create a profile first."))
    return p


def _attempt(s: Connection, attempt_id: AttemptId) -> Any:
    a = core.attempt(s, attempt_id)
    if a is None:
        raise ExamError(QT_TRANSLATE_NOOP("ExamError", "That attempt no longer exists."))
    return a


def _orm_test(s: Session, code: str) -> TestRow:
    from app.storage.queries import attempts

    t = attempts.test_by_code(s, code)
    if t is None:
        raise ExamError(QT_TRANSLATE_NOOP("ExamError", "No test '{0}' is loaded."), code)
    return t


def _orm_profile(s: Session, profile_id: ProfileId) -> ProfileRow:
    from app.storage.models import ProfileRow

    p = s.get(ProfileRow, profile_id)
    if p is None:
        raise ExamError(QT_TRANSLATE_NOOP("ExamError", "Choose or create a profile first."))
    return p


def _orm_attempt(s: Session, attempt_id: AttemptId) -> AttemptRow:
    from app.storage.models import AttemptRow

    a = s.get(AttemptRow, attempt_id)
    if a is None:
        raise ExamError(QT_TRANSLATE_NOOP("ExamError", "That attempt no longer exists."))
    return a


def _require_open(a: Any) -> None:
    if a.status != IN_PROGRESS:
        raise ExamError(QT_TRANSLATE_NOOP("ExamError", "This attempt has already been submitted."))


def _title_in(s: Connection, test: Any, language: str) -> str:
    """The test's title in `language` where its bank is translated, else the English one."""
    if language == "en":
        return str(test.title)
    titles = titles_in(s, test.id, language)
    return (titles.title if titles else None) or str(test.title)
