"""Item difficulty recalibrated from every learner's answers in the database (a classroom's).

The bank's `difficulty` rating (1, 2, 3) is a prior; where enough learners answered an item, its
share right against other items of the same rating moves it (`domain.mastery.item_offsets`,
shrunk to the rating). The report's model takes the result per task and rating.
"""

from __future__ import annotations

from sqlalchemy import and_, case, distinct, func, or_, select
from sqlalchemy.orm import Session

from app.domain.mastery import MIN_CALIBRATION_LEARNERS, ItemTally, cell_offsets, item_offsets
from app.storage.models import AttemptRow, QuestionRow, ResponseRow, TaskRow


def item_tallies(s: Session, test_id: int) -> list[ItemTally]:
    """Per question of the test, every profile's counted, scored answers (one aggregation)."""
    rows = s.execute(
        select(
            QuestionRow.id,
            TaskRow.code,
            QuestionRow.difficulty,
            func.count(),
            func.sum(case((ResponseRow.correct.is_(True), 1), else_=0)),
            func.count(distinct(AttemptRow.profile_id)),
        )
        .select_from(ResponseRow)
        .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
        .join(QuestionRow, QuestionRow.id == ResponseRow.question_id)
        .join(TaskRow, TaskRow.id == QuestionRow.task_id)
        .where(
            AttemptRow.test_id == test_id,
            ResponseRow.scored.is_(True),
            or_(
                ResponseRow.chosen.is_not(None),
                and_(AttemptRow.mode.in_(("mock", "recert")), AttemptRow.status == "submitted"),
            ),
        )
        .group_by(QuestionRow.id, TaskRow.code, QuestionRow.difficulty)
    ).all()
    return [
        ItemTally(int(q), str(task), int(d or 2), int(n), int(c or 0), int(k))
        for q, task, d, n, c, k in rows
    ]


def recalibrated_cells(s: Session, test_id: int) -> dict[tuple[str, int], float]:
    """Per (task code, rating), logits its items are harder (+) or easier (-) than rated.

    Empty (the bank's ratings stand) until MIN_CALIBRATION_LEARNERS profiles have sat the test:
    a one-learner install pays one small count, not the aggregation.
    """
    learners = s.scalar(
        select(func.count(distinct(AttemptRow.profile_id))).where(AttemptRow.test_id == test_id)
    )
    if int(learners or 0) < MIN_CALIBRATION_LEARNERS:
        return {}
    tallies = item_tallies(s, test_id)
    return cell_offsets(tallies, item_offsets(tallies))
