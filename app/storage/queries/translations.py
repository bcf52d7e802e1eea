"""Storing and reading translations (from bank sidecar files). Takes a Session, never commits.

A translation is stored with the question version it translates. Storing a bank's translation
replaces the one its current versions had in that language, so a translation-only change never
adds an English version; older versions keep theirs (an attempt shows what it showed). No Qt.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from app.domain.bank import Bank
from app.domain.ids import BankId, QuestionId, TestId
from app.domain.translation import (
    BankTranslation,
    OptionText,
    QuestionTranslation,
    StatementText,
    fingerprint,
)
from app.storage.models import QuestionRow, QuestionTranslationRow, TestTranslationRow


@dataclass(frozen=True)
class StoredTranslation:
    """One question version's translation, as stored (`current`: made from its English)."""

    current: bool
    words: QuestionTranslation
    exhibit_data: bytes | None


@dataclass(frozen=True)
class TranslatedTitles:
    """A test's titles in one language (a code missing here is shown in English)."""

    title: str | None
    areas: Mapping[str, str]
    subareas: Mapping[str, str]
    tasks: Mapping[str, str]


def store_translations(
    s: Session,
    bank: Bank,
    bank_id: BankId,
    test_id: TestId,
    translations: Iterable[BankTranslation],
) -> int:
    """Replace the translations of the bank's current question versions; returns how many
    questions were stored as current translations."""
    english = {q.id: q for q in bank.questions}
    current_ids: dict[str, int] = dict(
        s.execute(
            select(QuestionRow.uid, QuestionRow.id).where(
                QuestionRow.bank_id == bank_id, QuestionRow.is_current.is_(True)
            )
        ).all()
    )
    ids = list(current_ids.values())
    done = 0
    for t in translations:
        for start in range(0, len(ids), 500):
            s.execute(
                delete(QuestionTranslationRow).where(
                    QuestionTranslationRow.question_id.in_(ids[start : start + 500]),
                    QuestionTranslationRow.language == t.language,
                )
            )
        s.execute(
            delete(TestTranslationRow).where(
                TestTranslationRow.test_id == test_id, TestTranslationRow.language == t.language
            )
        )
        titles = {
            "title": t.test_title,
            "areas": t.areas,
            "subareas": t.subareas,
            "tasks": t.tasks,
        }
        s.add(TestTranslationRow(test_id=test_id, language=t.language, body=json.dumps(titles)))
        rows = []
        for qt in t.questions:
            qid, q = current_ids.get(qt.id), english.get(qt.id)
            if qid is None or q is None:
                continue
            current = qt.fingerprint == fingerprint(q)
            done += current
            body = {
                "stem": qt.stem,
                "explanation": qt.explanation,
                "choices": [[c.text, c.rationale] for c in qt.choices],
                "technician_a": (
                    [qt.technician_a.says, qt.technician_a.rationale] if qt.technician_a else None
                ),
                "technician_b": (
                    [qt.technician_b.says, qt.technician_b.rationale] if qt.technician_b else None
                ),
                "exhibit_caption": qt.exhibit_caption,
            }
            rows.append(
                {
                    "question_id": qid,
                    "language": t.language,
                    "fingerprint": qt.fingerprint,
                    "current": current,
                    "body": json.dumps(body, ensure_ascii=False),
                    "exhibit_data": t.exhibit_files.get(qt.exhibit) if qt.exhibit else None,
                }
            )
        if rows:
            s.execute(insert(QuestionTranslationRow), rows)
    s.flush()
    return done


def translations_of(
    s: Session, question_ids: Iterable[QuestionId], language: str | None = None
) -> dict[tuple[int, str], StoredTranslation]:
    """Stored translations of these question versions: (question id, language) -> words."""
    ids = list(set(question_ids))
    out: dict[tuple[int, str], StoredTranslation] = {}
    for start in range(0, len(ids), 500):
        query = select(QuestionTranslationRow).where(
            QuestionTranslationRow.question_id.in_(ids[start : start + 500])
        )
        if language is not None:
            query = query.where(QuestionTranslationRow.language == language)
        for r, uid in s.execute(
            query.add_columns(QuestionRow.uid).join(
                QuestionRow, QuestionRow.id == QuestionTranslationRow.question_id
            )
        ):
            b = json.loads(r.body)
            ta, tb = b.get("technician_a"), b.get("technician_b")
            words = QuestionTranslation(
                id=uid,
                fingerprint=r.fingerprint,
                stem=b["stem"],
                explanation=b["explanation"],
                choices=tuple(OptionText(c[0], c[1]) for c in b.get("choices") or ()),
                technician_a=StatementText(ta[0], ta[1]) if ta else None,
                technician_b=StatementText(tb[0], tb[1]) if tb else None,
                exhibit_caption=b.get("exhibit_caption"),
            )
            out[(r.question_id, r.language)] = StoredTranslation(r.current, words, r.exhibit_data)
    return out


def titles_in(s: Session, test_id: TestId, language: str) -> TranslatedTitles | None:
    body = s.scalar(
        select(TestTranslationRow.body).where(
            TestTranslationRow.test_id == test_id, TestTranslationRow.language == language
        )
    )
    if body is None:
        return None
    b = json.loads(body)
    return TranslatedTitles(
        b.get("title"), b.get("areas") or {}, b.get("subareas") or {}, b.get("tasks") or {}
    )
