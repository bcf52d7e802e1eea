"""Queries behind study plans and the certification tracker: the stored plan settings, study
activity (when attempts were started and last answered), the last timed form, reviews due, and
the learner's real test results. Functions take a Session and never commit. No Qt, no services.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Connection, Row

from app.domain.ids import CertificationId, ProfileId, TestId
from app.storage.tables import attempt_table as _attempt
from app.storage.tables import certification_table as _certification
from app.storage.tables import content_area_table as _content_area
from app.storage.tables import response_table as _response
from app.storage.tables import study_plan_table as _study_plan
from app.storage.tables import test_table as _test

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.storage.models import StudyPlanRow


class AttemptActivity(NamedTuple):
    started_at: datetime
    last_answered_at: datetime | None  # None: opened and never answered


def study_plan(s: Session, profile_id: ProfileId, test_id: TestId) -> StudyPlanRow | None:
    """The plan's row, to change it (the ORM: imported on first use)."""
    from app.storage.models import StudyPlanRow

    return s.scalar(
        select(StudyPlanRow).where(
            StudyPlanRow.profile_id == profile_id, StudyPlanRow.test_id == test_id
        )
    )


def study_plan_settings(
    s: Session | Connection, profile_id: ProfileId, test_id: TestId
) -> Row[Any] | None:
    """The plan's row as read (Core: the home's Today line reads it without the ORM)."""
    p = _study_plan.c
    return s.execute(
        select(_study_plan).where(p.profile_id == profile_id, p.test_id == test_id)
    ).first()


def attempt_activity(
    s: Session | Connection, profile_id: ProfileId, test_id: TestId
) -> list[AttemptActivity]:
    """Per attempt of the profile on the test (any mode): its start and its last answer."""
    rows = s.execute(
        select(_attempt.c.started_at, func.max(_response.c.answered_at))
        .outerjoin(_response, _response.c.attempt_id == _attempt.c.id)
        .where(_attempt.c.profile_id == profile_id, _attempt.c.test_id == test_id)
        .group_by(_attempt.c.id, _attempt.c.started_at)
    ).all()
    return [AttemptActivity(started, last) for started, last in rows]


def last_timed_form_at(
    s: Session | Connection, profile_id: ProfileId, test_id: TestId
) -> datetime | None:
    """When the profile last submitted a timed form (a mock, or a recert form) of the test."""
    found: datetime | None = s.scalar(
        select(func.max(_attempt.c.submitted_at)).where(
            _attempt.c.profile_id == profile_id,
            _attempt.c.test_id == test_id,
            _attempt.c.mode.in_(("mock", "recert")),
            _attempt.c.status == "submitted",
        )
    )
    return found


def certifications(s: Session | Connection, profile_id: ProfileId) -> list[Row[Any]]:
    """The profile's recorded test results by test code, then date taken."""
    c = _certification.c
    return list(
        s.execute(
            select(_certification)
            .where(c.profile_id == profile_id)
            .order_by(c.test_code, c.taken_on)
        )
    )


def delete_certification(
    s: Session | Connection, profile_id: ProfileId, entry_id: CertificationId
) -> None:
    """Removes the result if it is the profile's (another profile's id is left alone)."""
    s.execute(
        delete(_certification).where(
            _certification.c.id == entry_id, _certification.c.profile_id == profile_id
        )
    )


def area_counts(s: Session | Connection, test_codes: Collection[str]) -> dict[str, int]:
    """Test code -> its content areas, for the loaded tests among `test_codes`."""
    rows = s.execute(
        select(_test.c.code, func.count(_content_area.c.id))
        .join(_content_area, _content_area.c.test_id == _test.c.id)
        .where(_test.c.code.in_(list(test_codes)))
        .group_by(_test.c.code)
    )
    return {code: int(n) for code, n in rows}


def last_practice_at(
    s: Session | Connection, profile_id: ProfileId, test_codes: Collection[str]
) -> dict[str, datetime]:
    """Test code -> when the profile last submitted a practice attempt on it."""
    rows = s.execute(
        select(_test.c.code, func.max(_attempt.c.submitted_at))
        .join(_attempt, _attempt.c.test_id == _test.c.id)
        .where(
            _test.c.code.in_(list(test_codes)),
            _attempt.c.profile_id == profile_id,
            _attempt.c.mode == "practice",
            _attempt.c.status == "submitted",
        )
        .group_by(_test.c.code)
    )
    return {code: at for code, at in rows if at is not None}
