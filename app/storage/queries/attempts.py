"""ORM queries about attempts and a profile's history on a test, for the use cases off the path
to an open mock (practice, submit, reports): exposures, misses, the rows they change. The mock's
path (the pool, the previous form, judging an answer, an attempt's items) is in attempts_core.py.

Positions: a response's `chosen` is the option's *authored* position in the question version
(0-3 as the author wrote them); the ui's `ItemView.chosen_shown` is the *shown* position after
the attempt's shuffle (`choice_order`). Functions here deal in authored positions only.
Functions take a Session and never commit. No Qt, no services.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.domain.attempts import Mode
from app.domain.forms import FormItem, PoolColumns
from app.domain.ids import AttemptId, ProfileId, QuestionId, TestId
from app.storage.models import (
    AttemptRow,
    ProfileRow,
    QuestionRow,
    ResponseRow,
    TestRow,
)
from app.storage.queries import attempts_core
from app.storage.versions import current_versions as current_versions
from app.storage.versions import same_question


def pool(s: Session, test: TestRow) -> PoolColumns:
    """What forms and practice draw from: current versions, not retired, of enabled banks."""
    return attempts_core.pool(s.connection(), TestId(test.id), test.shuffle_choices)


def seen_counts(s: Session, profile_id: ProfileId, test_id: TestId) -> dict[QuestionId, int]:
    """Exposures per question (current version id), counting every version it was shown in."""
    s.flush()  # the Core query must see the session's pending rows, as an ORM query would
    return attempts_core.seen_counts(s.connection(), profile_id, test_id)


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


# -- the ORM rows the exam service changes outside the mock path (practice, submit) --------------
def tests(s: Session) -> Sequence[TestRow]:
    return s.scalars(select(TestRow).order_by(TestRow.code)).all()


def test_by_code(s: Session, code: str) -> TestRow | None:
    return s.scalar(select(TestRow).where(TestRow.code == code))


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
    """A new attempt in progress with one unanswered response per item, in form order: the Core
    insert (one source for the columns set), then the row read into the session."""
    s.flush()  # pending changes go first, in the order the ORM would have written them
    attempt_id = attempts_core.add_attempt(
        s.connection(),
        ProfileId(profile.id),
        test,
        mode,
        items,
        limit_s=limit_s,
        include_unscored=include_unscored,
        now=now,
    )
    a = s.get(AttemptRow, attempt_id)
    assert a is not None
    return a


def response_at(s: Session, attempt_id: AttemptId, position: int) -> ResponseRow | None:
    return s.scalar(
        select(ResponseRow).where(
            ResponseRow.attempt_id == attempt_id, ResponseRow.position == position
        )
    )


def responses(s: Session, attempt_id: AttemptId) -> Sequence[ResponseRow]:
    return s.scalars(select(ResponseRow).where(ResponseRow.attempt_id == attempt_id)).all()


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
