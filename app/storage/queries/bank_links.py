"""What a bank stores beside its questions and forms must honour: its enemies lists (items that
never share a form), the exhibits its questions show, and its reference booklet.

Functions take a Session, never commit and return the stored text or small typed rows; parsing
the stored JSON is `app.banks.stored`'s. No Qt, no services.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.domain.ids import BankId, QuestionId, TestId
from app.storage.models import BankRow, QuestionRow, TestRow


class ExhibitUse(NamedTuple):
    question_id: QuestionId
    bank_id: BankId
    exhibit: str


class BankLinks(NamedTuple):
    enemies: str | None  # JSON, as stored
    reference: str | None  # the booklet, as stored


def _drawable(test_id: TestId) -> Select[int, str, int, str | None]:
    """The test's current, unretired questions of enabled banks."""
    return (
        select(QuestionRow.id, QuestionRow.uid, QuestionRow.bank_id, QuestionRow.exhibit)
        .join(BankRow, BankRow.id == QuestionRow.bank_id)
        .where(
            QuestionRow.test_id == test_id,
            QuestionRow.is_current.is_(True),
            QuestionRow.retired.is_(False),
            BankRow.enabled.is_(True),
        )
    )


def drawable_exhibits(s: Session, test_id: TestId) -> list[ExhibitUse]:
    """The drawable questions that show an exhibit, with the file they show."""
    rows = s.execute(_drawable(test_id).where(QuestionRow.exhibit.is_not(None)))
    return [ExhibitUse(QuestionId(q), BankId(b), str(x)) for q, _uid, b, x in rows]


def enemy_lists(s: Session, test_id: TestId) -> list[tuple[BankId, str]]:
    """(bank, stored enemies JSON) of the test's enabled banks that list enemies."""
    rows = s.execute(
        select(BankRow.id, BankRow.enemies).where(
            BankRow.test_id == test_id, BankRow.enabled.is_(True), BankRow.enemies.is_not(None)
        )
    ).all()
    return [(BankId(b), str(text)) for b, text in rows]


def drawable_by_uid(
    s: Session, test_id: TestId, bank_ids: Collection[BankId]
) -> dict[tuple[BankId, str], QuestionId]:
    """(bank, author's id) -> question id, for the drawable questions of those banks."""
    rows = s.execute(_drawable(test_id).where(QuestionRow.bank_id.in_(list(bank_ids))))
    return {(BankId(b), str(uid)): QuestionId(q) for q, uid, b, _x in rows}


def links_of(s: Session, test_code: str, bank_id: BankId | None = None) -> list[BankLinks]:
    """Enemies and booklet of the test's banks not removed (or of one bank), oldest first."""
    test_id = select(TestRow.id).where(TestRow.code == test_code).scalar_subquery()
    q = select(BankRow.enemies, BankRow.reference).where(
        BankRow.test_id == test_id, BankRow.removed.is_(False)
    )
    if bank_id is not None:
        q = q.where(BankRow.id == bank_id)
    return [BankLinks(e, r) for e, r in s.execute(q.order_by(BankRow.id))]


def booklet_text(s: Session, test_code: str) -> str | None:
    """The stored booklet of the test's first enabled bank that has one."""
    return s.scalar(
        select(BankRow.reference)
        .join(TestRow, TestRow.id == BankRow.test_id)
        .where(
            TestRow.code == test_code,
            BankRow.enabled.is_(True),
            BankRow.removed.is_(False),
            BankRow.reference.is_not(None),
        )
        .order_by(BankRow.id)
    )


def has_booklet(s: Session, test_id: TestId) -> bool:
    return (
        s.scalar(
            select(BankRow.id)
            .where(
                BankRow.test_id == test_id,
                BankRow.enabled.is_(True),
                BankRow.removed.is_(False),
                BankRow.reference.is_not(None),
            )
            .limit(1)
        )
        is not None
    )
