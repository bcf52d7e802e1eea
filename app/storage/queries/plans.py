"""Queries behind study plans and the certification tracker: the stored plan settings, study
activity (when attempts were started and last answered), the last timed form, reviews due, and
the learner's real test results. Functions take a Session and never commit. No Qt, no services.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.domain.ids import CertificationId, ProfileId, TestId
from app.storage.models import (
    AttemptRow,
    CertificationRow,
    ContentAreaRow,
    ResponseRow,
    StudyPlanRow,
    TestRow,
)


class AttemptActivity(NamedTuple):
    started_at: datetime
    last_answered_at: datetime | None  # None: opened and never answered


def study_plan(s: Session, profile_id: ProfileId, test_id: TestId) -> StudyPlanRow | None:
    return s.scalar(
        select(StudyPlanRow).where(
            StudyPlanRow.profile_id == profile_id, StudyPlanRow.test_id == test_id
        )
    )


def attempt_activity(s: Session, profile_id: ProfileId, test_id: TestId) -> list[AttemptActivity]:
    """Per attempt of the profile on the test (any mode): its start and its last answer."""
    rows = s.execute(
        select(AttemptRow.started_at, func.max(ResponseRow.answered_at))
        .outerjoin(ResponseRow, ResponseRow.attempt_id == AttemptRow.id)
        .where(AttemptRow.profile_id == profile_id, AttemptRow.test_id == test_id)
        .group_by(AttemptRow.id, AttemptRow.started_at)
    ).all()
    return [AttemptActivity(started, last) for started, last in rows]


def last_timed_form_at(s: Session, profile_id: ProfileId, test_id: TestId) -> datetime | None:
    """When the profile last submitted a timed form (a mock, or a recert form) of the test."""
    return s.scalar(
        select(func.max(AttemptRow.submitted_at)).where(
            AttemptRow.profile_id == profile_id,
            AttemptRow.test_id == test_id,
            AttemptRow.mode.in_(("mock", "recert")),
            AttemptRow.status == "submitted",
        )
    )


def certifications(s: Session, profile_id: ProfileId) -> list[CertificationRow]:
    """The profile's recorded test results by test code, then date taken."""
    return list(
        s.scalars(
            select(CertificationRow)
            .where(CertificationRow.profile_id == profile_id)
            .order_by(CertificationRow.test_code, CertificationRow.taken_on)
        )
    )


def delete_certification(s: Session, profile_id: ProfileId, entry_id: CertificationId) -> None:
    """Removes the result if it is the profile's (another profile's id is left alone)."""
    s.execute(
        delete(CertificationRow).where(
            CertificationRow.id == entry_id, CertificationRow.profile_id == profile_id
        )
    )


def area_counts(s: Session, test_codes: Collection[str]) -> dict[str, int]:
    """Test code -> its content areas, for the loaded tests among `test_codes`."""
    rows = s.execute(
        select(TestRow.code, func.count(ContentAreaRow.id))
        .join(ContentAreaRow, ContentAreaRow.test_id == TestRow.id)
        .where(TestRow.code.in_(list(test_codes)))
        .group_by(TestRow.code)
    )
    return {code: int(n) for code, n in rows}


def last_practice_at(
    s: Session, profile_id: ProfileId, test_codes: Collection[str]
) -> dict[str, datetime]:
    """Test code -> when the profile last submitted a practice attempt on it."""
    rows = s.execute(
        select(TestRow.code, func.max(AttemptRow.submitted_at))
        .join(AttemptRow, AttemptRow.test_id == TestRow.id)
        .where(
            TestRow.code.in_(list(test_codes)),
            AttemptRow.profile_id == profile_id,
            AttemptRow.mode == "practice",
            AttemptRow.status == "submitted",
        )
        .group_by(TestRow.code)
    )
    return {code: at for code, at in rows if at is not None}
