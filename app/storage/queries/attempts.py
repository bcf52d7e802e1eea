"""Queries about attempts and a profile's history on a test: the pool forms draw from, exposures,
misses, the previous form, and judging an answer in the version the attempt shows.

Positions: a response's `chosen` is the option's *authored* position in the question version
(0-3 as the author wrote them); the ui's `ItemView.chosen_shown` is the *shown* position after
the attempt's shuffle (`choice_order`). Functions here deal in authored positions only.
Functions take a Session and never commit. No Qt, no services.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, aliased

from app.domain.attempts import Mode, Status
from app.domain.bank import Style
from app.domain.forms import FormItem, PoolColumns
from app.domain.ids import AttemptId, ChoiceId, ProfileId, QuestionId, TestId
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
from app.storage.queries.banks import question_from_row
from app.storage.versions import current_versions as current_versions
from app.storage.versions import same_question


def active_counts(s: Session) -> dict[int, int]:
    rows = s.execute(
        select(QuestionRow.test_id, func.count())
        .join(BankRow, BankRow.id == QuestionRow.bank_id)
        .where(QuestionRow.retired.is_(False), BankRow.enabled.is_(True))
        .group_by(QuestionRow.test_id)
    ).all()
    return dict(rows)


def pool(s: Session, test: TestRow) -> PoolColumns:
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
    out = PoolColumns()
    # Core rows, read as they come (the ORM would buffer every row first), kept as columns: a
    # 20,000-item pool is the mock's memory peak
    for qid, area, task, style, shuffle, n in s.connection().execute(q):
        tech = style == Style.TECH_AB
        allowed = (not tech) and (test.shuffle_choices if shuffle is None else shuffle)
        out.add(qid, area, task, 4 if tech else int(n), bool(allowed))
    return out


def seen_counts(s: Session, profile_id: ProfileId, test_id: TestId) -> dict[QuestionId, int]:
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
    return {QuestionId(q): n for q, n in rows}


def missed(s: Session, profile_id: ProfileId, test_id: TestId) -> set[QuestionId]:
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


def previous_form(s: Session, profile_id: ProfileId, test_id: TestId) -> list[QuestionId]:
    last = s.scalar(
        select(AttemptRow.id)
        .where(
            AttemptRow.profile_id == profile_id,
            AttemptRow.test_id == test_id,
            AttemptRow.mode.in_((Mode.MOCK, Mode.RECERT)),
        )
        .order_by(AttemptRow.id.desc())
    )
    if last is None:
        return []
    shown = list(s.scalars(select(ResponseRow.question_id).where(ResponseRow.attempt_id == last)))
    current = current_versions(s, shown)
    return [current.get(q, q) for q in shown]


def judge(s: Session, question_id: QuestionId, authored: int) -> tuple[ChoiceId | None, bool]:
    """The chosen option's choice row (None for Technician A/B items) and whether it is right,
    in the version the attempt shows."""
    q = s.get(QuestionRow, question_id)
    assert q is not None
    if q.style == Style.TECH_AB:
        return None, question_from_row(q, "").rendered_choices()[authored].correct
    c = q.choices[authored]
    return ChoiceId(c.id), c.correct


def shown_items(
    s: Session, attempt_id: AttemptId
) -> list[tuple[ResponseRow, QuestionRow, TaskRow]]:
    """An attempt's responses by position, each with the question version it shows and its task."""
    rows = s.scalars(
        select(ResponseRow)
        .where(ResponseRow.attempt_id == attempt_id)
        .order_by(ResponseRow.position)
    ).all()
    qids = [r.question_id for r in rows]
    questions = {q.id: q for q in s.scalars(select(QuestionRow).where(QuestionRow.id.in_(qids)))}
    tasks = {
        t.id: t
        for t in s.scalars(
            select(TaskRow).where(TaskRow.id.in_({q.task_id for q in questions.values()}))
        )
    }
    out = []
    for r in rows:
        q = questions[r.question_id]
        out.append((r, q, tasks[q.task_id]))
    return out


def marks(s: Session, attempt_id: AttemptId) -> dict[int, bool | None]:
    """Position -> the mark recorded when the answer was given (None: left blank)."""
    rows = s.execute(
        select(ResponseRow.position, ResponseRow.correct).where(
            ResponseRow.attempt_id == attempt_id
        )
    )
    return {position: correct for position, correct in rows}


# -- the home screen and the exam service's rows ---------------------------------------------------
def tests(s: Session) -> Sequence[TestRow]:
    return s.scalars(select(TestRow).order_by(TestRow.code)).all()


def test_by_code(s: Session, code: str) -> TestRow | None:
    return s.scalar(select(TestRow).where(TestRow.code == code))


def last_submitted_mock(s: Session, profile_id: ProfileId, test_id: TestId) -> AttemptRow | None:
    """The profile's latest submitted full mock of the test (what the home card scores)."""
    return s.scalars(
        select(AttemptRow)
        .where(
            AttemptRow.profile_id == profile_id,
            AttemptRow.test_id == test_id,
            AttemptRow.mode == Mode.MOCK,
            AttemptRow.status == Status.SUBMITTED,
        )
        .order_by(AttemptRow.submitted_at.desc(), AttemptRow.id.desc())
    ).first()


def latest_open(s: Session, profile_id: ProfileId, test_id: TestId) -> AttemptRow | None:
    """The profile's newest attempt of the test still in progress (any mode)."""
    return s.scalars(
        select(AttemptRow)
        .where(
            AttemptRow.profile_id == profile_id,
            AttemptRow.test_id == test_id,
            AttemptRow.status == Status.IN_PROGRESS,
        )
        .order_by(AttemptRow.id.desc())
    ).first()


def open_attempts(
    s: Session, profile_id: ProfileId | None
) -> list[tuple[AttemptRow, str, int, int]]:
    """Attempts in progress (of one profile, or all), oldest first: each with its test code,
    its item count and how many items are answered."""
    q = (
        select(AttemptRow, TestRow.code)
        .join(TestRow, TestRow.id == AttemptRow.test_id)
        .where(AttemptRow.status == Status.IN_PROGRESS)
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
        out.append((a, code, int(n), int(answered)))
    return out


def add_attempt(
    s: Session,
    profile: ProfileRow,
    test: TestRow,
    mode: Mode,
    items: Iterable[FormItem],
    *,
    limit_s: float | None,
    include_unscored: bool,
    now: datetime,
) -> AttemptRow:
    """A new attempt in progress with one unanswered response per item, in form order."""
    a = AttemptRow(
        profile_id=profile.id,
        test_id=test.id,
        mode=mode,
        status=Status.IN_PROGRESS,
        started_at=now,
        time_limit_s=limit_s,
        elapsed_s=0.0,
        saved_at=now,
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


def response_at(s: Session, attempt_id: AttemptId, position: int) -> ResponseRow | None:
    return s.scalar(
        select(ResponseRow).where(
            ResponseRow.attempt_id == attempt_id, ResponseRow.position == position
        )
    )


def responses(s: Session, attempt_id: AttemptId) -> Sequence[ResponseRow]:
    return s.scalars(select(ResponseRow).where(ResponseRow.attempt_id == attempt_id)).all()


def set_flag(s: Session, attempt_id: AttemptId, position: int, flagged: bool) -> None:
    s.execute(
        update(ResponseRow)
        .where(ResponseRow.attempt_id == attempt_id, ResponseRow.position == position)
        .values(flagged=flagged)
    )


def raise_seconds(s: Session, attempt_id: AttemptId, seconds: Mapping[int, float]) -> None:
    """Time spent per position, only ever raised (a late periodic save never lowers it)."""
    for position, secs in seconds.items():
        s.execute(
            update(ResponseRow)
            .where(
                ResponseRow.attempt_id == attempt_id,
                ResponseRow.position == position,
                ResponseRow.seconds < secs,
            )
            .values(seconds=secs)
        )


def wrong_question_ids(s: Session, attempt_id: AttemptId) -> list[QuestionId]:
    """Question versions answered wrongly (a blank is not wrong)."""
    return [
        QuestionId(q)
        for q in s.scalars(
            select(ResponseRow.question_id).where(
                ResponseRow.attempt_id == attempt_id, ResponseRow.correct.is_(False)
            )
        )
    ]
