"""Mock exams and practice sessions: start, answer, flag, save the clock, submit, report.

Every answer and flag is committed at once (crash-safe). No Qt.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, aliased

from app.domain.bank import LABELS, Style
from app.domain.errors import UserError
from app.domain.forms import FormItem, PoolItem, assemble_form, practice_selection
from app.domain.scoring import Score, ScoredItem, score_form
from app.services.banks import question_from_row
from app.services.reviews import record_review
from app.services.views import TestCard
from app.storage.database import Database
from app.storage.models import (
    AttemptRow,
    BankRow,
    ChoiceRow,
    ContentAreaRow,
    ProfileRow,
    QuestionRow,
    ResponseRow,
    TaskRow,
    TestRow,
)
from app.storage.versions import current_versions, same_question

MOCK, PRACTICE = "mock", "practice"
CONFIDENCE_LEVELS = ("sure", "unsure", "guess")  # response.confidence 0, 1, 2
IN_PROGRESS, SUBMITTED, ABANDONED = "in_progress", "submitted", "abandoned"


class ExamError(UserError, ValueError):
    """An exam action the user can correct (message says how)."""


@dataclass(frozen=True)
class ChoiceView:
    label: str
    text: str
    correct: bool
    rationale: str


@dataclass(frozen=True)
class ItemView:
    position: int
    question_id: int
    uid: str
    area: str
    area_title: str
    task: str
    task_text: str
    style: str
    stem: str
    choices: tuple[ChoiceView, ...]
    explanation: str
    scored: bool
    chosen: int | None  # index in shown order
    flagged: bool
    seconds: float
    exhibit: bytes | None = None
    exhibit_name: str | None = None
    exhibit_caption: str | None = None
    confidence: int | None = None  # practice: 0 sure, 1 unsure, 2 guess (CONFIDENCE_LEVELS)

    @property
    def key(self) -> int:
        return next(i for i, c in enumerate(self.choices) if c.correct)

    @property
    def answered(self) -> bool:
        return self.chosen is not None

    @property
    def correct(self) -> bool:
        return self.chosen is not None and self.choices[self.chosen].correct


@dataclass(frozen=True)
class AttemptState:
    attempt_id: int
    profile_id: int
    test_code: str
    test_title: str
    mode: str
    status: str
    items: tuple[ItemView, ...]
    time_limit_s: float | None
    elapsed_s: float
    current_position: int
    hide_countdown: bool
    note: str = ""

    @property
    def answered(self) -> int:
        return sum(1 for i in self.items if i.answered)


@dataclass(frozen=True)
class AnswerAck:
    position: int
    chosen: int | None
    correct: bool | None


@dataclass(frozen=True)
class AttemptReport:
    state: AttemptState
    score: Score


@dataclass(frozen=True)
class MockPlan:
    """What a mock about to start will be, for the intro screen (nothing is stored yet)."""

    test_code: str
    test_title: str
    profile_name: str
    scored_items: int  # drawn for this form (fewer than the blueprint when the pool is short)
    unscored_items: int  # research items added (0 when they are off)
    blueprint_scored: int
    blueprint_unscored: int
    blueprint_minutes: int
    time_multiplier: float
    hide_countdown: bool
    time_limit_s: float
    target_percent: float
    in_progress: int | None  # an attempt of this test already in progress (would be abandoned)
    in_progress_mode: str | None

    @property
    def items(self) -> int:
        return self.scored_items + self.unscored_items


@dataclass(frozen=True)
class InProgress:
    attempt_id: int
    test_code: str
    mode: str
    answered: int
    items: int
    remaining_s: float | None


class ExamService:
    def __init__(
        self,
        db: Database,
        now: Callable[[], datetime],
        rng: Callable[[], random.Random] = random.Random,
    ) -> None:
        self._db = db
        self._now = now
        self._rng = rng

    # -- home -----------------------------------------------------------------------------------
    def test_cards(self, profile_id: int | None) -> list[TestCard]:
        with self._db.read() as s:
            active = _active_counts(s)
            cards = []
            for t in s.scalars(select(TestRow).order_by(TestRow.code)):
                last = ip = None
                if profile_id is not None:
                    last = s.scalars(
                        select(AttemptRow)
                        .where(
                            AttemptRow.profile_id == profile_id,
                            AttemptRow.test_id == t.id,
                            AttemptRow.mode == MOCK,
                            AttemptRow.status == SUBMITTED,
                        )
                        .order_by(AttemptRow.submitted_at.desc(), AttemptRow.id.desc())
                    ).first()
                    ip = s.scalars(
                        select(AttemptRow)
                        .where(
                            AttemptRow.profile_id == profile_id,
                            AttemptRow.test_id == t.id,
                            AttemptRow.status == IN_PROGRESS,
                        )
                        .order_by(AttemptRow.id.desc())
                    ).first()
                pct = (
                    100.0 * last.score_correct / last.score_total
                    if last and last.score_total and last.score_correct is not None
                    else None
                )
                cards.append(
                    TestCard(
                        code=t.code,
                        title=t.title,
                        questions=active.get(t.id, 0),
                        scored_count=t.scored_count,
                        minutes=t.minutes,
                        last_percent=pct,
                        last_passed=None if pct is None else pct >= t.target_percent,
                        in_progress=ip.id if ip else None,
                        in_progress_mode=ip.mode if ip else None,
                        target_percent=t.target_percent,
                    )
                )
            return cards

    def in_progress(self, profile_id: int | None = None) -> list[InProgress]:
        with self._db.read() as s:
            q = (
                select(AttemptRow, TestRow.code)
                .join(TestRow, TestRow.id == AttemptRow.test_id)
                .where(AttemptRow.status == IN_PROGRESS)
                .order_by(AttemptRow.id)
            )
            if profile_id is not None:
                q = q.where(AttemptRow.profile_id == profile_id)
            out = []
            for a, code in s.execute(q).all():
                n, answered = s.execute(
                    select(func.count(), func.count(ResponseRow.chosen)).where(
                        ResponseRow.attempt_id == a.id
                    )
                ).one()
                rem = None if a.time_limit_s is None else max(0.0, a.time_limit_s - a.elapsed_s)
                out.append(InProgress(a.id, code, a.mode, int(answered), int(n), rem))
            return out

    # -- starting -------------------------------------------------------------------------------
    def mock_plan(
        self, profile_id: int, test_code: str, *, include_unscored: bool = False
    ) -> MockPlan:
        """Items and time of the mock start_mock would draw (same counts, same time rule)."""
        with self._db.read() as s:
            test, profile = _test(s, test_code), _profile(s, profile_id)
            per_area: dict[str, int] = {}
            for p in _pool(s, test):
                per_area[p.area] = per_area.get(p.area, 0) + 1
            scored = sum(min(a.scored_count, per_area.get(a.letter, 0)) for a in test.areas)
            left = sum(per_area.get(a.letter, 0) for a in test.areas) - scored
            unscored = min(test.unscored_count, left) if include_unscored else 0
            if scored + unscored == 0:
                raise ExamError(
                    f"{test.code} has no questions to draw a form from; import a bank for it first."
                )
            ip = s.scalars(
                select(AttemptRow)
                .where(
                    AttemptRow.profile_id == profile_id,
                    AttemptRow.test_id == test.id,
                    AttemptRow.status == IN_PROGRESS,
                )
                .order_by(AttemptRow.id.desc())
            ).first()
            return MockPlan(
                test_code=test.code,
                test_title=test.title,
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
                in_progress=ip.id if ip else None,
                in_progress_mode=ip.mode if ip else None,
            )

    def start_mock(
        self, profile_id: int, test_code: str, *, include_unscored: bool = False
    ) -> AttemptState:
        rng = self._rng()
        with self._db.write() as s:
            test, profile = _test(s, test_code), _profile(s, profile_id)
            pool = _pool(s, test)
            blueprint = {a.letter: a.scored_count for a in test.areas}
            seen = _seen_counts(s, profile_id, test.id)
            prev = _previous_form(s, profile_id, test.id)
            form = assemble_form(
                pool,
                blueprint,
                rng=rng,
                seen=seen,
                previous=prev,
                unscored=test.unscored_count if include_unscored else 0,
                strict=False,
            )
            if not form.items:
                raise ExamError(
                    f"{test.code} has no questions to draw a form from; import a bank for it first."
                )
            limit = _mock_limit(test, len(form.items), profile.time_multiplier)
            note = ""
            if form.shortfall:
                short = ", ".join(f"{a}: {n} short" for a, n in sorted(form.shortfall.items()))
                note = f"The question pool is smaller than the blueprint ({short})."
            attempt = self._create_attempt(
                s, profile, test, MOCK, form.items, limit, include_unscored
            )
            return _state(s, attempt, note=note)

    def start_practice(
        self,
        profile_id: int,
        test_code: str,
        *,
        count: int,
        areas: Sequence[str] = (),
        tasks: Sequence[str] = (),
        question_ids: Sequence[int] = (),
        timed: bool = False,
    ) -> AttemptState:
        """Practice on chosen areas/tasks (or exact questions); missed and unseen items first."""
        rng = self._rng()
        with self._db.write() as s:
            test, profile = _test(s, test_code), _profile(s, profile_id)
            pool = _pool(s, test)
            if question_ids:
                # ids may name versions an older attempt showed: practise what is current now
                wanted = set(current_versions(s, question_ids).values())
                pool = [p for p in pool if p.question_id in wanted]
            if areas or tasks:
                pool = [p for p in pool if p.area in set(areas) or p.task in set(tasks)]
            if not pool:
                raise ExamError("No questions match that choice; pick other areas or tasks.")
            form = practice_selection(
                pool,
                max(1, count),
                rng=rng,
                seen=_seen_counts(s, profile_id, test.id),
                missed=_missed(s, profile_id, test.id),
            )
            limit = None
            if timed:
                per_item = test.minutes * 60.0 / (test.scored_count + test.unscored_count)
                limit = per_item * len(form.items) * profile.time_multiplier
            attempt = self._create_attempt(s, profile, test, PRACTICE, form.items, limit, False)
            return _state(s, attempt)

    def _create_attempt(
        self,
        s: Session,
        profile: ProfileRow,
        test: TestRow,
        mode: str,
        items: Sequence[FormItem],
        limit: float | None,
        include_unscored: bool,
    ) -> AttemptRow:
        a = AttemptRow(
            profile_id=profile.id,
            test_id=test.id,
            mode=mode,
            status=IN_PROGRESS,
            started_at=self._now(),
            time_limit_s=limit,
            elapsed_s=0.0,
            saved_at=self._now(),
            current_position=0,
            include_unscored=include_unscored,
            target_percent=test.target_percent,
        )
        s.add(a)
        s.flush()
        s.add_all(
            ResponseRow(
                attempt_id=a.id,
                question_id=it.question_id,
                position=n,
                scored=it.scored,
                choice_order="".join(str(c) for c in it.choice_order),
                flagged=False,
                seconds=0.0,
            )
            for n, it in enumerate(items)
        )
        s.flush()
        return a

    # -- during the exam ------------------------------------------------------------------------
    def load(self, attempt_id: int) -> AttemptState:
        with self._db.read() as s:
            return _state(s, _attempt(s, attempt_id))

    def record_response(
        self,
        attempt_id: int,
        position: int,
        shown: int | None,
        *,
        elapsed_s: float,
        item_seconds: float,
    ) -> AnswerAck:
        """Commit one answer (or its removal) together with the clock. Returns correctness."""
        with self._db.write() as s:
            a = _attempt(s, attempt_id)
            _require_open(a)
            r = s.scalar(
                select(ResponseRow).where(
                    ResponseRow.attempt_id == attempt_id, ResponseRow.position == position
                )
            )
            if r is None:
                raise ExamError(f"question {position + 1} is not part of this attempt")
            order = [int(c) for c in r.choice_order]
            if shown is None:
                r.chosen, r.choice_id, r.correct, r.answered_at = None, None, None, None
                r.confidence = None
            else:
                if not 0 <= shown < len(order):
                    raise ExamError("that option does not exist")
                r.chosen = order[shown]
                r.choice_id, r.correct = _judge(s, r.question_id, r.chosen)
                r.answered_at = self._now()
            r.seconds = max(r.seconds, item_seconds)
            self._save_clock(a, elapsed_s, position)
            if a.mode == PRACTICE and r.correct is not None:
                # practice answers are final at once (feedback shown): schedule the review now
                record_review(s, a.profile_id, r.question_id, r.correct, self._now())
            return AnswerAck(position, shown, r.correct)

    def set_confidence(self, attempt_id: int, position: int, confidence: int | None) -> None:
        """How sure the learner was of an answered practice item (0 sure, 1 unsure, 2 guess).

        The report counts a right answer marked unsure or guess as weaker evidence and lists it
        under "lucky guesses"."""
        if confidence is not None and confidence not in range(len(CONFIDENCE_LEVELS)):
            raise ExamError("confidence is 0 (sure), 1 (unsure) or 2 (guess)")
        with self._db.write() as s:
            a = _attempt(s, attempt_id)
            _require_open(a)
            if a.mode == MOCK:
                raise ExamError("confidence is asked in practice only")
            r = s.scalar(
                select(ResponseRow).where(
                    ResponseRow.attempt_id == attempt_id, ResponseRow.position == position
                )
            )
            if r is None or r.chosen is None:
                raise ExamError(f"question {position + 1} has no answer to be sure of")
            r.confidence = confidence

    def set_flag(self, attempt_id: int, position: int, flagged: bool, *, elapsed_s: float) -> None:
        with self._db.write() as s:
            a = _attempt(s, attempt_id)
            _require_open(a)
            s.execute(
                update(ResponseRow)
                .where(ResponseRow.attempt_id == attempt_id, ResponseRow.position == position)
                .values(flagged=flagged)
            )
            self._save_clock(a, elapsed_s, position)

    def save_progress(
        self,
        attempt_id: int,
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
        with self._db.write() as s:
            a = _attempt(s, attempt_id)
            if a.status != IN_PROGRESS:
                return
            for pos, secs in seconds.items():
                s.execute(
                    update(ResponseRow)
                    .where(
                        ResponseRow.attempt_id == attempt_id,
                        ResponseRow.position == pos,
                        ResponseRow.seconds < secs,
                    )
                    .values(seconds=secs)
                )
            self._save_clock(a, elapsed_s, position)

    def _save_clock(self, a: AttemptRow, elapsed_s: float, position: int) -> None:
        if a.time_limit_s is not None:
            elapsed_s = min(elapsed_s, a.time_limit_s)
        a.elapsed_s = max(a.elapsed_s, elapsed_s)  # the clock never runs backwards
        a.current_position = position
        a.saved_at = self._now()

    def submit(self, attempt_id: int, *, elapsed_s: float) -> AttemptReport:
        with self._db.write() as s:
            a = _attempt(s, attempt_id)
            if a.status == IN_PROGRESS:
                self._save_clock(a, elapsed_s, a.current_position)
                rows = s.scalars(select(ResponseRow).where(ResponseRow.attempt_id == a.id)).all()
                scored = [r for r in rows if r.scored]
                a.score_correct = sum(1 for r in scored if r.correct)
                a.score_total = len(scored)
                a.status = SUBMITTED
                a.submitted_at = self._now()
                if a.mode == MOCK:
                    for r in rows:
                        if r.correct is None:  # left blank: not a miss, nothing to schedule
                            continue
                        record_review(s, a.profile_id, r.question_id, r.correct, self._now())
            state = _state(s, a)
            return AttemptReport(state, _score(s, a, state))

    def abandon(self, attempt_id: int) -> None:
        with self._db.write() as s:
            a = _attempt(s, attempt_id)
            if a.status == IN_PROGRESS:
                a.status = ABANDONED

    def report(self, attempt_id: int) -> AttemptReport:
        with self._db.read() as s:
            a = _attempt(s, attempt_id)
            state = _state(s, a)
            return AttemptReport(state, _score(s, a, state))

    def wrong_question_ids(self, attempt_id: int) -> list[int]:
        """Questions answered wrongly (a question left blank is not wrong; see unanswered)."""
        with self._db.read() as s:
            return list(
                s.scalars(
                    select(ResponseRow.question_id).where(
                        ResponseRow.attempt_id == attempt_id, ResponseRow.correct.is_(False)
                    )
                )
            )


# -- queries (take a session, never commit) -------------------------------------------------------
def _mock_limit(test: TestRow, items: int, multiplier: float) -> float:
    """The real test gives `minutes` for scored + research items; a mock keeps that pace."""
    total_items = test.scored_count + test.unscored_count
    return test.minutes * 60.0 * items / total_items * multiplier


def _active_counts(s: Session) -> dict[int, int]:
    rows = s.execute(
        select(QuestionRow.test_id, func.count())
        .join(BankRow, BankRow.id == QuestionRow.bank_id)
        .where(QuestionRow.retired.is_(False), BankRow.enabled.is_(True))
        .group_by(QuestionRow.test_id)
    ).all()
    return dict(rows)


def _test(s: Session, code: str) -> TestRow:
    t = s.scalar(select(TestRow).where(TestRow.code == code))
    if t is None:
        raise ExamError(f"No test {code!r} is loaded.")
    return t


def _profile(s: Session, profile_id: int) -> ProfileRow:
    p = s.get(ProfileRow, profile_id)
    if p is None:
        raise ExamError("Choose or create a profile first.")
    return p


def _attempt(s: Session, attempt_id: int) -> AttemptRow:
    a = s.get(AttemptRow, attempt_id)
    if a is None:
        raise ExamError("That attempt no longer exists.")
    return a


def _require_open(a: AttemptRow) -> None:
    if a.status != IN_PROGRESS:
        raise ExamError("This attempt has already been submitted.")


def _pool(s: Session, test: TestRow) -> list[PoolItem]:
    """What forms and practice draw from: current versions, not retired, of enabled banks."""
    q = (
        select(
            QuestionRow.id,
            ContentAreaRow.letter,
            TaskRow.code,
            QuestionRow.style,
            QuestionRow.shuffle_choices,
            select(func.count()).where(ChoiceRow.question_id == QuestionRow.id).scalar_subquery(),
        )
        .join(BankRow, BankRow.id == QuestionRow.bank_id)
        .join(ContentAreaRow, ContentAreaRow.id == QuestionRow.area_id)
        .join(TaskRow, TaskRow.id == QuestionRow.task_id)
        .where(
            QuestionRow.test_id == test.id,
            QuestionRow.is_current.is_(True),
            QuestionRow.retired.is_(False),
            BankRow.enabled.is_(True),
        )
    )
    out = []
    for qid, area, task, style, shuffle, n in s.execute(q):
        tech = style == Style.TECH_AB
        allowed = (not tech) and (test.shuffle_choices if shuffle is None else shuffle)
        out.append(PoolItem(qid, area, task, 4 if tech else int(n), bool(allowed)))
    return out


def _seen_counts(s: Session, profile_id: int, test_id: int) -> dict[int, int]:
    """Exposures per question (current version id), counting every version it was shown in."""
    version, current = aliased(QuestionRow), aliased(QuestionRow)
    rows = s.execute(
        select(current.id, func.count())
        .select_from(ResponseRow)
        .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
        .join(version, version.id == ResponseRow.question_id)
        .join(current, same_question(version, current))
        .where(AttemptRow.profile_id == profile_id, AttemptRow.test_id == test_id)
        .group_by(current.id)
    ).all()
    return dict(rows)


def _missed(s: Session, profile_id: int, test_id: int) -> set[int]:
    """Questions (current version ids) whose latest answered response, in any version, was wrong."""
    version, current = aliased(QuestionRow), aliased(QuestionRow)
    latest = (
        select(current.id.label("qid"), func.max(ResponseRow.id).label("rid"))
        .select_from(ResponseRow)
        .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
        .join(version, version.id == ResponseRow.question_id)
        .join(current, same_question(version, current))
        .where(
            AttemptRow.profile_id == profile_id,
            AttemptRow.test_id == test_id,
            ResponseRow.chosen.is_not(None),
        )
        .group_by(current.id)
        .subquery()
    )
    return set(
        s.scalars(
            select(latest.c.qid)
            .join(ResponseRow, latest.c.rid == ResponseRow.id)
            .where(ResponseRow.correct.is_(False))
        )
    )


def _previous_form(s: Session, profile_id: int, test_id: int) -> list[int]:
    last = s.scalar(
        select(AttemptRow.id)
        .where(
            AttemptRow.profile_id == profile_id,
            AttemptRow.test_id == test_id,
            AttemptRow.mode == MOCK,
        )
        .order_by(AttemptRow.id.desc())
    )
    if last is None:
        return []
    shown = list(s.scalars(select(ResponseRow.question_id).where(ResponseRow.attempt_id == last)))
    current = current_versions(s, shown)
    return [current.get(q, q) for q in shown]


def _judge(s: Session, question_id: int, chosen: int) -> tuple[int | None, bool]:
    """The chosen option's choice row (None for Technician A/B items) and whether it is right,
    in the version the attempt shows."""
    q = s.get(QuestionRow, question_id)
    assert q is not None
    if q.style == Style.TECH_AB:
        return None, question_from_row(q, "").rendered_choices()[chosen].correct
    c = q.choices[chosen]
    return c.id, c.correct


def _state(s: Session, a: AttemptRow, note: str = "") -> AttemptState:
    test = s.get(TestRow, a.test_id)
    profile = s.get(ProfileRow, a.profile_id)
    assert test is not None and profile is not None
    rows = s.scalars(
        select(ResponseRow).where(ResponseRow.attempt_id == a.id).order_by(ResponseRow.position)
    ).all()
    qids = [r.question_id for r in rows]
    questions = {q.id: q for q in s.scalars(select(QuestionRow).where(QuestionRow.id.in_(qids)))}
    tasks = {
        t.id: t
        for t in s.scalars(
            select(TaskRow).where(TaskRow.id.in_({q.task_id for q in questions.values()}))
        )
    }
    areas = {ar.id: ar for ar in test.areas}
    items = []
    for r in rows:
        q = questions[r.question_id]
        task = tasks[q.task_id]
        dq = question_from_row(q, task.code)
        rendered = dq.rendered_choices()
        order = [int(c) for c in r.choice_order]
        chosen = r.chosen
        if r.choice_id is not None:  # the option by identity, wherever the version holds it
            chosen = next((c.position for c in q.choices if c.id == r.choice_id), chosen)
        shown = tuple(
            ChoiceView(
                LABELS[i] if i < 4 else str(i + 1),
                rendered[o].text,
                rendered[o].correct,
                rendered[o].rationale,
            )
            for i, o in enumerate(order)
        )
        area = areas.get(q.area_id)
        items.append(
            ItemView(
                position=r.position,
                question_id=q.id,
                uid=q.uid,
                area=area.letter if area else "?",
                area_title=area.title if area else "",
                task=task.code,
                task_text=task.text,
                style=q.style,
                stem=dq.full_stem(),
                choices=shown,
                explanation=q.explanation,
                scored=r.scored,
                chosen=order.index(chosen) if chosen is not None else None,
                flagged=r.flagged,
                seconds=r.seconds,
                exhibit=q.exhibit_data,
                exhibit_name=q.exhibit,
                exhibit_caption=q.exhibit_caption,
                confidence=r.confidence,
            )
        )
    return AttemptState(
        attempt_id=a.id,
        profile_id=a.profile_id,
        test_code=test.code,
        test_title=test.title,
        mode=a.mode,
        status=a.status,
        items=tuple(items),
        time_limit_s=a.time_limit_s,
        elapsed_s=a.elapsed_s,
        current_position=a.current_position,
        hide_countdown=profile.hide_countdown,
        note=note,
    )


def _score(s: Session, a: AttemptRow, state: AttemptState) -> Score:
    test = s.get(TestRow, a.test_id)
    assert test is not None
    titles = {ar.letter: ar.title for ar in test.areas}
    # the mark recorded when the answer was given is the score: it never follows later edits
    # (nor an earlier build's re-import that reordered options under old answers)
    marked = dict(
        s.execute(
            select(ResponseRow.position, ResponseRow.correct).where(ResponseRow.attempt_id == a.id)
        ).all()
    )
    return score_form(
        [
            ScoredItem(i.area, i.scored, bool(marked.get(i.position)), i.answered, i.seconds)
            for i in state.items
        ],
        titles,
        target_percent=a.target_percent,
        elapsed_s=a.elapsed_s,
        limit_s=a.time_limit_s,
        test_minutes=test.minutes,
        test_items=test.scored_count + test.unscored_count,
    )


def with_item(state: AttemptState, item: ItemView) -> AttemptState:
    """A copy of the state with one item replaced (the UI keeps its view current this way)."""
    items = list(state.items)
    items[item.position] = item
    return replace(state, items=tuple(items))
