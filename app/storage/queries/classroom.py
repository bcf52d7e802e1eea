"""Queries about a classroom: class results (per-profile mocks, per-area tallies, item responses)
and the roster (classes, memberships, the profile a login answers as).

On PostgreSQL these run as the connected login, so row-level security decides what they see.
Functions take a Session, never commit and return typed rows or ORM rows the caller updates
inside its one transaction. No Qt, no services.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from app.domain.ids import ClassId, ProfileId, QuestionId, TaskId, TestId
from app.storage.models import (
    AttemptRow,
    ClassMemberRow,
    ClassRow,
    ContentAreaRow,
    ProfileRow,
    QuestionRow,
    ResponseRow,
    TaskRow,
)

_SUBMITTED_MOCK = (AttemptRow.mode == "mock", AttemptRow.status == "submitted")


# -- class results ------------------------------------------------------------------------------
class AreaTally(NamedTuple):
    profile_id: ProfileId
    letter: str
    scored: int
    correct: int


class MockScore(NamedTuple):
    correct: int | None
    total: int | None


class ItemResponse(NamedTuple):
    """One scored response of a submitted mock, with its attempt's total score."""

    question_id: QuestionId
    chosen: int | None  # authored position
    correct: bool
    attempt_score: int | None


def area_letters(s: Session, test_id: TestId) -> tuple[str, ...]:
    return tuple(
        s.scalars(
            select(ContentAreaRow.letter)
            .where(ContentAreaRow.test_id == test_id)
            .order_by(ContentAreaRow.letter)
        )
    )


def mock_area_tallies(s: Session, test_id: TestId) -> list[AreaTally]:
    """Per profile and content area: scored responses of submitted mocks, and how many right."""
    rows = s.execute(
        select(
            AttemptRow.profile_id,
            ContentAreaRow.letter,
            func.count(),
            func.sum(case((ResponseRow.correct.is_(True), 1), else_=0)),
        )
        .join(ResponseRow, ResponseRow.attempt_id == AttemptRow.id)
        .join(QuestionRow, QuestionRow.id == ResponseRow.question_id)
        .join(ContentAreaRow, ContentAreaRow.id == QuestionRow.area_id)
        .where(AttemptRow.test_id == test_id, *_SUBMITTED_MOCK, ResponseRow.scored.is_(True))
        .group_by(AttemptRow.profile_id, ContentAreaRow.letter)
    ).all()
    return [AreaTally(ProfileId(p), str(ltr), int(n), int(c or 0)) for p, ltr, n, c in rows]


def profiles_by_name(s: Session) -> list[ProfileRow]:
    return list(s.scalars(select(ProfileRow).order_by(ProfileRow.name)))


def mock_scores(s: Session, profile_id: ProfileId, test_id: TestId) -> list[MockScore]:
    """The profile's submitted mocks of the test, oldest first."""
    rows = s.execute(
        select(AttemptRow.score_correct, AttemptRow.score_total)
        .where(AttemptRow.profile_id == profile_id, AttemptRow.test_id == test_id, *_SUBMITTED_MOCK)
        .order_by(AttemptRow.submitted_at, AttemptRow.id)
    ).all()
    return [MockScore(c, n) for c, n in rows]


def answered_count(s: Session, profile_id: ProfileId, test_id: TestId) -> int:
    """Responses with an answer chosen, in any mode, of the profile on the test."""
    n = s.scalar(
        select(func.count())
        .select_from(ResponseRow)
        .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
        .where(
            AttemptRow.profile_id == profile_id,
            AttemptRow.test_id == test_id,
            ResponseRow.chosen.is_not(None),
        )
    )
    return int(n or 0)


def mock_item_responses(s: Session, test_id: TestId) -> list[ItemResponse]:
    rows = s.execute(
        select(
            ResponseRow.question_id,
            ResponseRow.chosen,
            ResponseRow.correct,
            AttemptRow.score_correct,
        )
        .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
        .where(AttemptRow.test_id == test_id, *_SUBMITTED_MOCK, ResponseRow.scored.is_(True))
    ).all()
    return [ItemResponse(QuestionId(q), c, bool(r), t) for q, c, r, t in rows]


def questions_by_id(s: Session, ids: Collection[int]) -> dict[QuestionId, QuestionRow]:
    return {
        QuestionId(q.id): q
        for q in s.scalars(select(QuestionRow).where(QuestionRow.id.in_(list(ids))))
    }


def task_codes(s: Session, test_id: TestId) -> dict[TaskId, str]:
    rows = s.execute(select(TaskRow.id, TaskRow.code).where(TaskRow.test_id == test_id)).all()
    return {TaskId(i): str(code) for i, code in rows}


# -- roster -------------------------------------------------------------------------------------
class MemberRow(NamedTuple):
    class_name: str
    login: str
    role: str
    profile: str | None
    active: bool


def class_by_name(s: Session, name: str) -> ClassRow | None:
    return s.scalar(select(ClassRow).where(ClassRow.name == name))


def membership(s: Session, class_id: ClassId, login: str) -> ClassMemberRow | None:
    return s.scalar(
        select(ClassMemberRow).where(
            ClassMemberRow.class_id == class_id, ClassMemberRow.login == login
        )
    )


def deactivate_memberships(s: Session, login: str) -> None:
    s.execute(update(ClassMemberRow).where(ClassMemberRow.login == login).values(active=False))


def members(s: Session) -> list[MemberRow]:
    """Every membership, active or not, by class, role and login."""
    rows = s.execute(
        select(
            ClassRow.name,
            ClassMemberRow.login,
            ClassMemberRow.role,
            ProfileRow.name,
            ClassMemberRow.active,
        )
        .join(ClassRow, ClassRow.id == ClassMemberRow.class_id)
        .outerjoin(ProfileRow, ProfileRow.id == ClassMemberRow.profile_id)
        .order_by(ClassRow.name, ClassMemberRow.role, ClassMemberRow.login)
    ).all()
    return [MemberRow(c, lg, r, p, bool(a)) for c, lg, r, p, a in rows]


def linked_profile(s: Session, login: str) -> ProfileRow | None:
    """The profile a login already answers as, through any of its memberships."""
    return s.scalar(
        select(ProfileRow)
        .join(ClassMemberRow, ClassMemberRow.profile_id == ProfileRow.id)
        .where(ClassMemberRow.login == login)
    )


def profile_by_name(s: Session, name: str) -> ProfileRow | None:
    return s.scalar(select(ProfileRow).where(ProfileRow.name == name))


def other_active_login(s: Session, profile_id: ProfileId, login: str) -> str | None:
    """Another login with an active membership answering as the profile, if any."""
    return s.scalar(
        select(ClassMemberRow.login).where(
            ClassMemberRow.profile_id == profile_id,
            ClassMemberRow.login != login,
            ClassMemberRow.active.is_(True),
        )
    )
