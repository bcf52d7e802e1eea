"""What form assembly must honour beyond the blueprint: which items never share a form.

Two current questions of a test are enemies when either lists the other in `enemies` (stored per
bank as JSON) or when they show the same exhibit file of one bank. No Qt.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from app.banks.stored import enemy_pairs, stored_booklet
from app.domain.bank import Bank
from app.domain.forms import Enemies, enemy_map
from app.domain.ids import BankId, QuestionId, TestId
from app.storage.connection import Connection
from app.storage.queries import bank_links as q

if TYPE_CHECKING:
    from app.storage.session import Session


def form_enemies(s: Session | Connection, test_id: TestId) -> Enemies:
    """Enemies among the test's current, drawable questions of enabled banks (by question id).
    Reads only the questions that show an exhibit, plus all ids of banks that list enemies."""
    test = test_id
    shared: dict[tuple[int, str], list[QuestionId]] = {}
    for qid, bank, exhibit in q.drawable_exhibits(s, test):
        shared.setdefault((bank, exhibit), []).append(qid)
    listed = q.enemy_lists(s, test)
    pairs: list[tuple[QuestionId, QuestionId]] = []
    if listed:
        by_uid = q.drawable_by_uid(s, test, [b for b, _t in listed])
        for bank_id, text in listed:
            for a, b in enemy_pairs(text):
                qa, qb = by_uid.get((bank_id, a)), by_uid.get((bank_id, b))
                if qa is not None and qb is not None:
                    pairs.append((qa, qb))
    return enemy_map(pairs, (g for g in shared.values() if len(g) > 1))


def with_links(s: Session | Connection, bank: Bank, bank_id: BankId | None = None) -> Bank:
    """`bank` (loaded from the database) with its questions' `enemies` and `reference` lists and
    its booklet put back, so an export reads back as it was imported."""
    enemies: dict[str, list[str]] = {}
    links: dict[str, tuple[str, ...]] = {}
    reference = None
    exhibits = dict(bank.exhibit_files)
    for enemy_text, booklet_text in q.links_of(
        s, bank.test.code, None if bank_id is None else bank_id
    ):
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
