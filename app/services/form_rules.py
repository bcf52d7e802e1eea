"""What form assembly must honour beyond the blueprint: which items never share a form.

Two current questions of a test are enemies when either lists the other in `enemies` (stored per
bank as JSON) or when they show the same exhibit file of one bank. No Qt.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.banks.stored import enemy_pairs
from app.domain.forms import Enemies, enemy_map
from app.storage.models import BankRow, QuestionRow


def form_enemies(s: Session, test_id: int) -> Enemies:
    """Enemies among the test's current, drawable questions of enabled banks (by question id)."""
    rows = s.execute(
        select(QuestionRow.id, QuestionRow.uid, QuestionRow.bank_id, QuestionRow.exhibit)
        .join(BankRow, BankRow.id == QuestionRow.bank_id)
        .where(
            QuestionRow.test_id == test_id,
            QuestionRow.is_current.is_(True),
            QuestionRow.retired.is_(False),
            BankRow.enabled.is_(True),
        )
    ).all()
    by_uid = {(bank, uid): qid for qid, uid, bank, _x in rows}
    shared: dict[tuple[int, str], list[int]] = {}
    for qid, _uid, bank, exhibit in rows:
        if exhibit:
            shared.setdefault((bank, exhibit), []).append(qid)
    pairs: list[tuple[int, int]] = []
    for bank_id, text in s.execute(
        select(BankRow.id, BankRow.enemies).where(
            BankRow.test_id == test_id, BankRow.enabled.is_(True), BankRow.enemies.is_not(None)
        )
    ):
        for a, b in enemy_pairs(text):
            qa, qb = by_uid.get((bank_id, a)), by_uid.get((bank_id, b))
            if qa is not None and qb is not None:
                pairs.append((qa, qb))
    return enemy_map(pairs, (g for g in shared.values() if len(g) > 1))
