"""Item difficulty recalibrated from every learner's answers in the database (a classroom's).

The bank's `difficulty` rating (1, 2, 3) is a prior; where enough learners answered an item, its
share right against other items of the same rating moves it (`domain.mastery.item_offsets`,
shrunk to the rating). The report's model takes the result per task and rating.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.ids import TestId
from app.domain.mastery import MIN_CALIBRATION_LEARNERS, cell_offsets, item_offsets
from app.storage.connection import Connection
from app.storage.queries import calibration as q

if TYPE_CHECKING:
    from app.storage.session import Session


def recalibrated_cells(s: Session | Connection, test_id: TestId) -> dict[tuple[str, int], float]:
    """Per (task code, rating), logits its items are harder (+) or easier (-) than rated.

    Empty (the bank's ratings stand) until MIN_CALIBRATION_LEARNERS profiles have sat the test:
    a one-learner install pays one small count, not the aggregation.
    """
    if q.learners(s, test_id) < MIN_CALIBRATION_LEARNERS:
        return {}
    tallies = q.item_tallies(s, test_id)
    return cell_offsets(tallies, item_offsets(tallies))
