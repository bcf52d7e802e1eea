"""Queries about question versions: which row is the current version of a question.

A question row is one immutable version of the author's question (bank, uid); attempts point at
the version they showed, while drawing forms, counting exposures and spaced review follow the
question to its current version. Functions take a Session and never commit. No Qt.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session

from app.domain.ids import QuestionId
from app.storage.models import QuestionRow


def same_question(version: type[QuestionRow], current: type[QuestionRow]) -> ColumnElement[bool]:
    """Join condition: `current` is the current version of the question `version` is one of."""
    return and_(
        current.bank_id == version.bank_id,
        current.uid == version.uid,
        current.is_current.is_(True),
    )


def current_versions(
    s: Session, question_ids: Iterable[QuestionId]
) -> dict[QuestionId, QuestionId]:
    """Question (version) id -> the id of the current version of the same question."""
    from sqlalchemy.orm import aliased

    ids = list(set(question_ids))
    out: dict[QuestionId, QuestionId] = {}
    version, current = aliased(QuestionRow), aliased(QuestionRow)
    for start in range(0, len(ids), 500):
        out.update(
            s.execute(
                select(version.id, current.id)
                .join(current, same_question(version, current))
                .where(version.id.in_(ids[start : start + 500]))
            ).all()
        )
    return out
