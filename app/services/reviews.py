"""Spaced review of missed questions, scheduled by FSRS (the `fsrs` library). No Qt.

A wrong answer puts the question in the learner's review queue (rating Again); answering a queued
question again reschedules it (Good when right, Again when wrong). The FSRS card is stored as JSON.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from app.domain.clock import WallClock
from app.domain.ids import ProfileId, QuestionId
from app.storage.database import Database
from app.storage.queries import reviews as q

if TYPE_CHECKING:
    from app.storage.session import Session


def _aware(dt: datetime) -> datetime:
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt


def _naive(dt: datetime) -> datetime:
    return dt.astimezone(UTC).replace(tzinfo=None)


def record_review(
    s: Session, profile_id: ProfileId, question_id: QuestionId, correct: bool, now: datetime
) -> None:
    """Schedule one answer; a right answer to a question never missed is not queued.

    The card belongs to the question, not one version of it: an answer to a version an attempt
    started on before a re-import goes to the current version's card."""
    from fsrs import Card, Rating, Scheduler

    from app.storage.models import ReviewCardRow
    from app.storage.versions import current_versions

    question_id = current_versions(s, [question_id]).get(question_id, question_id)

    row = q.card(s, profile_id, question_id)
    if row is None and correct:
        return
    card = Card.from_json(row.card) if row is not None else Card()
    card, _log = Scheduler(enable_fuzzing=False).review_card(
        card, Rating.Good if correct else Rating.Again, _aware(now)
    )
    if row is None:
        row = ReviewCardRow(
            profile_id=profile_id, question_id=question_id, card="", due=now, lapses=0
        )
        s.add(row)
    row.card = card.to_json()
    row.due = _naive(card.due)
    if not correct:
        row.lapses += 1


class ReviewService:
    def __init__(self, db: Database, now: WallClock) -> None:
        self._db = db
        self._now = now

    def due_counts(self, profile_id: ProfileId) -> dict[str, int]:
        """Test code -> questions due for review now."""
        with self._db.connect() as s:
            return q.due_counts(s, profile_id, self._now())

    def due_question_ids(
        self, profile_id: ProfileId, test_code: str, limit: int = 50
    ) -> list[QuestionId]:
        with self._db.read() as s:
            return list(q.due_question_ids(s, profile_id, test_code, self._now(), limit))

    def queue_size(self, profile_id: ProfileId) -> int:
        with self._db.read() as s:
            return q.queue_size(s, profile_id)
