"""Queries about attempts and a profile's history on a test: the pool forms draw from, exposures,
misses, the previous form, and judging an answer in the version the attempt shows.

Positions: a response's `chosen` column is the option's *authored* position in the question
version (0-3 as the author wrote them); the ui's `ItemView.chosen` is the *shown* position after
the attempt's shuffle (`choice_order`). Functions here deal in authored positions only.
Functions take a Session and never commit. No Qt, no services.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.domain.attempts import Mode
from app.domain.bank import Style
from app.domain.forms import PoolItem
from app.domain.ids import ChoiceId, ProfileId, QuestionId, TestId
from app.storage.models import (
    AttemptRow,
    BankRow,
    ChoiceRow,
    ContentAreaRow,
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


def pool(s: Session, test: TestRow) -> list[PoolItem]:
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
    # Core rows, read as they come (the ORM would buffer every row first), and one string per
    # area and task code instead of one per row: a 20,000-item pool is a start-up memory peak
    names: dict[str, str] = {}
    for qid, area, task, style, shuffle, n in s.connection().execute(q):
        tech = style == Style.TECH_AB
        allowed = (not tech) and (test.shuffle_choices if shuffle is None else shuffle)
        area, task = names.setdefault(area, area), names.setdefault(task, task)
        out.append(PoolItem(qid, area, task, 4 if tech else int(n), bool(allowed)))
    return out


def seen_counts(s: Session, profile_id: ProfileId, test_id: TestId) -> dict[int, int]:
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


def missed(s: Session, profile_id: ProfileId, test_id: TestId) -> set[int]:
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


def previous_form(s: Session, profile_id: ProfileId, test_id: TestId) -> list[int]:
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


def shown_items(s: Session, attempt_id: int) -> list[tuple[ResponseRow, QuestionRow, TaskRow]]:
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


def marks(s: Session, attempt_id: int) -> dict[int, bool | None]:
    """Position -> the mark recorded when the answer was given (None: left blank)."""
    rows = s.execute(
        select(ResponseRow.position, ResponseRow.correct).where(
            ResponseRow.attempt_id == attempt_id
        )
    )
    return {position: correct for position, correct in rows}
