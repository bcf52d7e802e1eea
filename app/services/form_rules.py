"""What form assembly must honour beyond the blueprint: which items never share a form.

Two current questions of a test are enemies when either lists the other in `enemies` (stored per
bank as JSON) or when they show the same exhibit file of one bank. No Qt.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.banks.stored import enemy_pairs, stored_booklet
from app.domain.bank import Bank
from app.domain.forms import Enemies, enemy_map
from app.storage.models import BankRow, QuestionRow, TestRow


def form_enemies(s: Session, test_id: int) -> Enemies:
    """Enemies among the test's current, drawable questions of enabled banks (by question id).
    Reads only the questions that show an exhibit, plus all ids of banks that list enemies."""
    drawable = (
        select(QuestionRow.id, QuestionRow.uid, QuestionRow.bank_id, QuestionRow.exhibit)
        .join(BankRow, BankRow.id == QuestionRow.bank_id)
        .where(
            QuestionRow.test_id == test_id,
            QuestionRow.is_current.is_(True),
            QuestionRow.retired.is_(False),
            BankRow.enabled.is_(True),
        )
    )
    shared: dict[tuple[int, str], list[int]] = {}
    for qid, _uid, bank, exhibit in s.execute(drawable.where(QuestionRow.exhibit.is_not(None))):
        shared.setdefault((bank, str(exhibit)), []).append(qid)
    listed = s.execute(
        select(BankRow.id, BankRow.enemies).where(
            BankRow.test_id == test_id, BankRow.enabled.is_(True), BankRow.enemies.is_not(None)
        )
    ).all()
    pairs: list[tuple[int, int]] = []
    if listed:
        banks = [b for b, _t in listed]
        by_uid = {
            (bank, uid): qid
            for qid, uid, bank, _x in s.execute(drawable.where(QuestionRow.bank_id.in_(banks)))
        }
        for bank_id, text in listed:
            for a, b in enemy_pairs(text):
                qa, qb = by_uid.get((bank_id, a)), by_uid.get((bank_id, b))
                if qa is not None and qb is not None:
                    pairs.append((qa, qb))
    return enemy_map(pairs, (g for g in shared.values() if len(g) > 1))


def with_links(s: Session, bank: Bank, bank_id: int | None = None) -> Bank:
    """`bank` (loaded from the database) with its questions' `enemies` and `reference` lists and
    its booklet put back, so an export reads back as it was imported."""
    test_id = select(TestRow.id).where(TestRow.code == bank.test.code).scalar_subquery()
    q = select(BankRow.enemies, BankRow.reference).where(
        BankRow.test_id == test_id, BankRow.removed.is_(False)
    )
    if bank_id is not None:
        q = q.where(BankRow.id == bank_id)
    enemies: dict[str, list[str]] = {}
    links: dict[str, tuple[str, ...]] = {}
    reference = None
    exhibits = dict(bank.exhibit_files)
    for enemy_text, booklet_text in s.execute(q.order_by(BankRow.id)):
        for a, b in enemy_pairs(enemy_text):
            enemies.setdefault(a, []).append(b)
        if booklet_text and reference is None:
            reference, shown, links = stored_booklet(booklet_text)
            exhibits.update(shown)
    if not enemies and reference is None:
        return bank
    questions = tuple(
        replace(
            x,
            enemies=tuple(e for e in enemies.get(x.id, ()) if e != x.id),
            reference=links.get(x.id, ()),
        )
        for x in bank.questions
    )
    return replace(bank, questions=questions, reference=reference, exhibit_files=exhibits)
