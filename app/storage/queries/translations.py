"""Storing and reading translations (from bank sidecar files). Never commits. Core tables only:
the readers take a Session or a Core Connection (the exam path runs without the ORM).

A translation is stored with the question version it translates. Storing a bank's translation
replaces the one its current versions had in that language, so a translation-only change never
adds an English version; older versions keep theirs (an attempt shows what it showed). No Qt.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from app.domain.bank import Bank
from app.domain.ids import BankId, QuestionId, TestId
from app.domain.translation import (
    BankTranslation,
    OptionText,
    QuestionTranslation,
    StatementText,
    fingerprint,
)
from app.storage.tables import question_table as _question
from app.storage.tables import question_translation_table as _question_translation
from app.storage.tables import test_translation_table as _test_translation

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


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
            select(_question.c.uid, _question.c.id).where(
                _question.c.bank_id == bank_id, _question.c.is_current.is_(True)
            )
        ).all()
    )
    ids = list(current_ids.values())
    done = 0
    for t in translations:
        for start in range(0, len(ids), 500):
            s.execute(
                delete(_question_translation).where(
                    _question_translation.c.question_id.in_(ids[start : start + 500]),
                    _question_translation.c.language == t.language,
                )
            )
        s.execute(
            delete(_test_translation).where(
                _test_translation.c.test_id == test_id, _test_translation.c.language == t.language
            )
        )
        titles = {
            "title": t.test_title,
            "areas": t.areas,
            "subareas": t.subareas,
            "tasks": t.tasks,
        }
        s.execute(
            insert(_test_translation).values(
                test_id=test_id, language=t.language, body=json.dumps(titles)
            )
        )
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
            s.execute(insert(_question_translation), rows)
    s.flush()
    return done


def translations_of(
    s: Session | Connection, question_ids: Iterable[QuestionId], language: str | None = None
) -> dict[tuple[int, str], StoredTranslation]:
    """Stored translations of these question versions: (question id, language) -> words."""
    ids = list(set(question_ids))
    out: dict[tuple[int, str], StoredTranslation] = {}
    for start in range(0, len(ids), 500):
        qt = _question_translation.c
        query = (
            select(qt.question_id, qt.language, qt.current, qt.body, qt.fingerprint)
            .add_columns(qt.exhibit_data, _question.c.uid)
            .join(_question, _question.c.id == qt.question_id)
            .where(qt.question_id.in_(ids[start : start + 500]))
        )
        if language is not None:
            query = query.where(qt.language == language)
        for r in s.execute(query):
            uid = r.uid
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


def titles_in(s: Session | Connection, test_id: TestId, language: str) -> TranslatedTitles | None:
    body = s.scalar(
        select(_test_translation.c.body).where(
            _test_translation.c.test_id == test_id, _test_translation.c.language == language
        )
    )
    if body is None:
        return None
    b = json.loads(body)
    return TranslatedTitles(
        b.get("title"), b.get("areas") or {}, b.get("subareas") or {}, b.get("tasks") or {}
    )
