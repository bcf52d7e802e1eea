"""Queries about question versions: which row is the current version of a question.

A question row is one immutable version of the author's question (bank, uid); attempts point at
the version they showed, while drawing forms, counting exposures and spaced review follow the
question to its current version. The rule is written once, in queries/attempts_core.py (the
mock's path runs on Core); these are its ORM-side entries. Functions take a Session and never
commit. No Qt.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from app.domain.ids import QuestionId
from app.storage.queries import attempts_core
from app.storage.queries.attempts_core import same_question as same_question

__all__ = ["current_versions", "same_question"]


def current_versions(
    s: Session, question_ids: Iterable[QuestionId]
) -> dict[QuestionId, QuestionId]:
    """Question (version) id -> the id of the current version of the same question."""
    s.flush()  # the Core query must see the session's pending rows, as its own query would
    return attempts_core.current_versions(s.connection(), question_ids)
