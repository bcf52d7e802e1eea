"""Storing one imported bank: the test, areas, tasks and bank rows, then every question version.

`store_bank` is the write half of an import; the service owns the transaction (a dry run rolls it
back). A question row is one immutable version of the author's question: unchanged text stays,
changed text becomes a new version (the old one is kept for the attempts that showed it), a
question gone from the file is retired. Takes a Session, never commits. No Qt, no services.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from app.domain.bank import LABELS, Bank, ContentArea, Question, Style
from app.domain.ids import BankId, QuestionId, TestId
from app.storage.models import BankRow, ContentAreaRow, QuestionRow, ReviewCardRow, TaskRow, TestRow
from app.storage.queries.banks import TEST_FIELDS

Progress = Callable[[int, int], None]
CHUNK = 2000  # rows per executemany, and questions between two progress reports
_REVIEW_CARD = ReviewCardRow.metadata.tables["review_card"]

# the question table's columns in the order _question_row() gives them
_QUESTION_COLUMNS = (
    "uid, bank_id, test_id, task_id, area_id, style, scenario, stem, "
    "tech_a_says, tech_a_correct, tech_a_rationale, tech_b_says, tech_b_correct, tech_b_rationale, "
    "exhibit, exhibit_caption, exhibit_data, explanation, difficulty, shuffle_choices, retired, "
    "content_hash, version, is_current"
)


@dataclass(frozen=True)
class StoredCounts:
    """What one import did to a bank's questions."""

    added: int = 0
    updated: int = 0
    retired: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class BankSource:
    """Where a bank came from and how it is told apart from its earlier imports."""

    name: str
    source: str
    source_format: str
    checksum: str
    exhibits: Mapping[str, bytes]
    enemies: str | None = None  # the bank's `enemies` lists, as JSON (see services.form_rules)
    reference: str | None = None  # its reference booklet with section links, as JSON


def store_bank(
    s: Session, bank: Bank, src: BankSource, now: datetime, progress: Progress | None = None
) -> StoredCounts:
    """Store (or update) one bank of a test. A file whose checksum is unchanged is left as is."""
    t = bank.test
    native = src.source_format == "native"
    test = s.scalar(select(TestRow).where(TestRow.code == t.code))
    if test is None:
        test = TestRow(**{f: getattr(t, f) for f in TEST_FIELDS})
        s.add(test)
        s.flush()
    elif native:
        for attr in TEST_FIELDS[1:]:
            if getattr(test, attr) != getattr(t, attr):
                setattr(test, attr, getattr(t, attr))
    area_ids = _store_areas(s, test, bank.content_areas, overwrite=native)
    task_ids = _store_tasks(s, test, bank.content_areas, area_ids)

    row = s.scalar(select(BankRow).where(BankRow.test_id == test.id, BankRow.name == src.name))
    if row is not None and row.checksum == src.checksum and not row.removed:
        n = s.scalar(
            select(func.count()).where(
                QuestionRow.bank_id == row.id, QuestionRow.retired.is_(False)
            )
        )
        return StoredCounts(unchanged=n or 0)
    if row is None:
        row = BankRow(
            test_id=test.id,
            name=src.name,
            source_file=src.source,
            source_format=src.source_format,
            format_version=bank.format_version,
            checksum=src.checksum,
            imported_at=now,
            enabled=True,
        )
        s.add(row)
        s.flush()
    else:
        row.source_file, row.checksum, row.imported_at = src.source, src.checksum, now
        row.format_version, row.removed = bank.format_version, False
    row.enemies, row.reference = src.enemies, src.reference
    bank_id, test_id = row.id, test.id

    # the current version of each question; older versions are history and never change
    existing = {
        uid: (qid, old_hash, retired, version)
        for uid, qid, old_hash, retired, version in s.execute(
            select(
                QuestionRow.uid,
                QuestionRow.id,
                QuestionRow.content_hash,
                QuestionRow.retired,
                QuestionRow.version,
            ).where(QuestionRow.bank_id == bank_id, QuestionRow.is_current.is_(True))
        )
    }
    area_of_task = bank.area_of_task()
    task_area = {
        code: (task_ids[code], area_ids[area_of_task[code]])
        for code in task_ids
        if code in area_of_task
    }
    exhibit_digests: dict[str, bytes] = {}
    added = updated = unchanged = 0
    new_rows: list[tuple[Any, ...]] = []
    new_questions: list[Question] = []
    superseded: dict[str, QuestionId] = {}  # uid -> id of the version a new one replaces
    flipped: list[tuple[QuestionId, bool, str]] = []  # (id, retired, hash): same text, new mark
    total = len(bank.questions)
    exhibits = src.exhibits
    for i, q in enumerate(bank.questions):
        if q.exhibit:
            data = exhibits.get(q.exhibit)
            h = version_hash(q, data, exhibit_digests)
        else:
            data, h = None, q.content_hash()
        old = existing.get(q.id)
        if old is None:
            added += 1
            new_rows.append(_question_row(q, h, bank_id, test_id, task_area[q.task], data, 1))
            new_questions.append(q)
        else:
            qid, old_hash, was_retired, version = old
            if old_hash == h and was_retired == q.retired:
                unchanged += 1
            elif was_retired != q.retired and old_hash in (
                h,
                version_hash(replace(q, retired=not q.retired), data, exhibit_digests),
            ):
                # only retired or back (by the author's mark or by leaving the file): the
                # text is the same, so it stays the same version
                updated += 1
                flipped.append((qid, q.retired, h))
            else:
                updated += 1
                superseded[q.id] = qid
                new_rows.append(
                    _question_row(q, h, bank_id, test_id, task_area[q.task], data, version + 1)
                )
                new_questions.append(q)
        if progress and (i + 1) % CHUNK == 0:
            progress(i + 1, total)
    for qid, retired, h in flipped:
        s.execute(
            update(QuestionRow).where(QuestionRow.id == qid).values(retired=retired, content_hash=h)
        )
    _retire(s, list(superseded.values()), is_current=False)
    if new_rows:
        _insert_questions(s, new_rows)
        new_ids: dict[str, QuestionId] = dict(
            s.execute(
                select(QuestionRow.uid, QuestionRow.id).where(
                    QuestionRow.bank_id == bank_id, QuestionRow.is_current.is_(True)
                )
            ).all()
        )
        _insert_choices(s, [(new_ids[q.id], q) for q in new_questions])
        _move_review_cards(s, {old: new_ids[uid] for uid, old in superseded.items()})
    seen = {q.id for q in bank.questions}
    gone = [
        qid for uid, (qid, _h, retired, _v) in existing.items() if uid not in seen and not retired
    ]
    _retire(s, gone)
    if progress:
        progress(total, total)
    return StoredCounts(added=added, updated=updated, retired=len(gone), unchanged=unchanged)


def bank_ids(s: Session, test_code: str, name: str) -> tuple[BankId, TestId]:
    """(bank id, test id) of a stored bank."""
    row = s.execute(
        select(BankRow.id, TestRow.id)
        .join(TestRow, TestRow.id == BankRow.test_id)
        .where(TestRow.code == test_code, BankRow.name == name)
    ).one()
    return BankId(row[0]), TestId(row[1])


def version_hash(
    q: Question, exhibit: bytes | None, digests: dict[str, bytes] | None = None
) -> str:
    """What identifies a version: the author's text (content_hash) and the exhibit's bytes."""
    h = q.content_hash()
    if exhibit is None or q.exhibit is None:
        return h
    digest = digests.get(q.exhibit) if digests is not None else None
    if digest is None:
        digest = hashlib.sha256(exhibit).digest()
        if digests is not None:
            digests[q.exhibit] = digest
    # migration 0003 keeps a frozen copy of this formula for the hashes it rewrites
    return hashlib.sha256(h.encode() + digest).hexdigest()[:16]


def _retire(s: Session, ids: Sequence[QuestionId], *, is_current: bool = True) -> None:
    values: dict[str, bool] = {"retired": True}
    if not is_current:
        values["is_current"] = False
    for start in range(0, len(ids), 500):
        s.execute(
            update(QuestionRow).where(QuestionRow.id.in_(ids[start : start + 500])).values(values)
        )


def _store_areas(
    s: Session, test: TestRow, areas: Sequence[ContentArea], *, overwrite: bool
) -> dict[str, int]:
    rows = {
        a.letter: a
        for a in s.scalars(select(ContentAreaRow).where(ContentAreaRow.test_id == test.id))
    }
    for a in areas:
        r = rows.get(a.letter)
        if r is None:
            r = ContentAreaRow(
                test_id=test.id, letter=a.letter, title=a.title, scored_count=a.scored_count
            )
            s.add(r)
            rows[a.letter] = r
        elif overwrite and (r.title, r.scored_count) != (a.title, a.scored_count):
            r.title, r.scored_count = a.title, a.scored_count
    s.flush()
    return {k: v.id for k, v in rows.items()}


def _store_tasks(
    s: Session, test: TestRow, areas: Sequence[ContentArea], area_ids: dict[str, int]
) -> dict[str, int]:
    rows = {k.code: k for k in s.scalars(select(TaskRow).where(TaskRow.test_id == test.id))}
    for a in areas:
        for sa in a.subareas:
            for k in sa.tasks:
                r = rows.get(k.code)
                if r is None:
                    r = TaskRow(
                        test_id=test.id,
                        area_id=area_ids[a.letter],
                        code=k.code,
                        text=k.text,
                        subarea_number=sa.number,
                        subarea_title=sa.title,
                    )
                    s.add(r)
                    rows[k.code] = r
                elif (r.text, r.subarea_title) != (k.text, sa.title):
                    r.text, r.subarea_title = k.text, sa.title
    s.flush()
    return {k: v.id for k, v in rows.items()}


def _question_row(
    q: Question,
    h: str,
    bank_id: BankId,
    test_id: TestId,
    task_area: tuple[int, int],
    exhibit_data: bytes | None,
    version: int,
) -> tuple[Any, ...]:
    a, b = q.technician_a, q.technician_b
    return (
        q.id,
        bank_id,
        test_id,
        task_area[0],
        task_area[1],
        q.style,
        q.scenario,
        q.stem,
        a.says if a else None,
        a.correct if a else None,
        a.rationale if a else None,
        b.says if b else None,
        b.correct if b else None,
        b.rationale if b else None,
        q.exhibit,
        q.exhibit_caption,
        exhibit_data,
        q.explanation,
        q.difficulty,
        q.shuffle_choices,
        q.retired,
        h,
        version,
        True,
    )


def _placeholders(s: Session, n: int) -> str:
    mark = "?" if s.get_bind().dialect.paramstyle == "qmark" else "%s"
    return ", ".join([mark] * n)


def _insert_questions(s: Session, rows: list[tuple[Any, ...]]) -> None:
    """Plain DB-API executemany, as raw sqlite3 would: SQLAlchemy's per-row parameter
    processing of 24 columns cost more than the inserts themselves (and INSERT ... RETURNING
    with sort_by_parameter_order re-sorted SQLite's batches in quadratic time)."""
    sql = f"INSERT INTO question ({_QUESTION_COLUMNS}) VALUES ({_placeholders(s, 24)})"
    conn = s.connection()
    for start in range(0, len(rows), CHUNK):
        conn.exec_driver_sql(sql, rows[start : start + CHUNK])


def _insert_choices(s: Session, items: list[tuple[int, Question]]) -> None:
    """Plain DB-API executemany: four rows a question, so SQLAlchemy's per-row parameter
    processing would cost more than the inserts themselves."""
    rows = [
        (qid, j, LABELS[j] if j < 4 else str(j + 1), c.text, c.correct, c.rationale)
        for qid, q in items
        if q.style != Style.TECH_AB
        for j, c in enumerate(q.choices)
    ]
    sql = (
        "INSERT INTO choice (question_id, position, label, text, correct, rationale) "
        f"VALUES ({_placeholders(s, 6)})"
    )
    conn = s.connection()
    for start in range(0, len(rows), 4 * CHUNK):
        conn.exec_driver_sql(sql, rows[start : start + 4 * CHUNK])


def _move_review_cards(s: Session, new_version: dict[QuestionId, QuestionId]) -> None:
    """Spaced review follows the question, not one wording of it: cards on a superseded version
    move to the new one. Found by a scan per 500 ids (review_card has no question_id index)."""
    olds = list(new_version)
    moves: list[tuple[int, int]] = []
    for start in range(0, len(olds), 500):
        moves += s.execute(
            select(_REVIEW_CARD.c.id, _REVIEW_CARD.c.question_id).where(
                _REVIEW_CARD.c.question_id.in_(olds[start : start + 500])
            )
        ).all()
    if moves:
        s.execute(
            update(_REVIEW_CARD)
            .where(_REVIEW_CARD.c.id == bindparam("card_id"))
            .values(question_id=bindparam("new_id")),
            [{"card_id": cid, "new_id": new_version[QuestionId(qid)]} for cid, qid in moves],
        )
