"""What a bank stores beside its questions and forms must honour: its enemies lists (items that
never share a form), the exhibits its questions show, and its reference booklet.

Functions take a Session or a Core Connection (Core tables only, so the exam path runs without
the ORM), never commit and return the stored text or small typed rows; parsing
the stored JSON is `app.banks.stored`'s. No Qt, no services.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import Select, select
from sqlalchemy.engine import Connection

from app.domain.ids import BankId, QuestionId, TestId
from app.storage.tables import bank_table as _bank
from app.storage.tables import question_table as _question
from app.storage.tables import test_table as _test

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class ExhibitUse(NamedTuple):
    question_id: QuestionId
    bank_id: BankId
    exhibit: str


class BankLinks(NamedTuple):
    enemies: str | None  # JSON, as stored
    reference: str | None  # the booklet, as stored


def _drawable(test_id: TestId) -> Select[Any]:
    """The test's current, unretired questions of enabled banks."""
    return (
        select(_question.c.id, _question.c.uid, _question.c.bank_id, _question.c.exhibit)
        .join(_bank, _bank.c.id == _question.c.bank_id)
        .where(
            _question.c.test_id == test_id,
            _question.c.is_current.is_(True),
            _question.c.retired.is_(False),
            _bank.c.enabled.is_(True),
        )
    )


def drawable_exhibits(s: Session | Connection, test_id: TestId) -> list[ExhibitUse]:
    """The drawable questions that show an exhibit, with the file they show."""
    rows = s.execute(_drawable(test_id).where(_question.c.exhibit.is_not(None)))
    return [ExhibitUse(QuestionId(q), BankId(b), str(x)) for q, _uid, b, x in rows]


def enemy_lists(s: Session | Connection, test_id: TestId) -> list[tuple[BankId, str]]:
    """(bank, stored enemies JSON) of the test's enabled banks that list enemies."""
    rows = s.execute(
        select(_bank.c.id, _bank.c.enemies).where(
            _bank.c.test_id == test_id, _bank.c.enabled.is_(True), _bank.c.enemies.is_not(None)
        )
    ).all()
    return [(BankId(b), str(text)) for b, text in rows]


def drawable_by_uid(
    s: Session | Connection, test_id: TestId, bank_ids: Collection[BankId]
) -> dict[tuple[BankId, str], QuestionId]:
    """(bank, author's id) -> question id, for the drawable questions of those banks."""
    rows = s.execute(_drawable(test_id).where(_question.c.bank_id.in_(list(bank_ids))))
    return {(BankId(b), str(uid)): QuestionId(q) for q, uid, b, _x in rows}


def links_of(
    s: Session | Connection, test_code: str, bank_id: BankId | None = None
) -> list[BankLinks]:
    """Enemies and booklet of the test's banks not removed (or of one bank), oldest first."""
    test_id = select(_test.c.id).where(_test.c.code == test_code).scalar_subquery()
    q = select(_bank.c.enemies, _bank.c.reference).where(
        _bank.c.test_id == test_id, _bank.c.removed.is_(False)
    )
    if bank_id is not None:
        q = q.where(_bank.c.id == bank_id)
    return [BankLinks(e, r) for e, r in s.execute(q.order_by(_bank.c.id))]


def booklet_text(s: Session | Connection, test_code: str) -> str | None:
    """The stored booklet of the test's first enabled bank that has one."""
    return s.scalar(
        select(_bank.c.reference)
        .join(_test, _test.c.id == _bank.c.test_id)
        .where(
            _test.c.code == test_code,
            _bank.c.enabled.is_(True),
            _bank.c.removed.is_(False),
            _bank.c.reference.is_not(None),
        )
        .order_by(_bank.c.id)
    )


def has_booklet(s: Session | Connection, test_id: TestId) -> bool:
    return (
        s.scalar(
            select(_bank.c.id)
            .where(
                _bank.c.test_id == test_id,
                _bank.c.enabled.is_(True),
                _bank.c.removed.is_(False),
                _bank.c.reference.is_not(None),
            )
            .limit(1)
        )
        is not None
    )
