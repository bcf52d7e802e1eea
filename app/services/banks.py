"""Bank use cases: validate, import (all or nothing), list, export, enable/disable, remove.

No Qt. One user action = one transaction.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from app.banks.diagnostics import BankError, Diagnostic, Severity
from app.banks.exhibits import ExhibitError, read_exhibit
from app.domain.bank import (
    LABELS,
    Bank,
    Choice,
    ContentArea,
    Question,
    Statement,
    Style,
    SubArea,
    Task,
    TestSpec,
)
from app.storage.database import Database
from app.storage.models import (
    BankRow,
    ChoiceRow,
    ContentAreaRow,
    QuestionRow,
    ReviewCardRow,
    TaskRow,
    TestRow,
)

_REVIEW_CARD = ReviewCardRow.metadata.tables["review_card"]
_QUESTION = QuestionRow.metadata.tables["question"]
_CHOICE = ChoiceRow.metadata.tables["choice"]
Progress = Callable[[int, int], None]
# the test's metadata, named alike in TestSpec (domain) and TestRow (storage)
TEST_FIELDS = (
    "code",
    "title",
    "spec_version",
    "scored_count",
    "minutes",
    "unscored_count",
    "target_percent",
    "shuffle_choices",
    "notes",
)
Now = Callable[[], datetime]
CHUNK = 2000


@dataclass(frozen=True)
class ImportResult:
    source: str
    test_code: str
    bank_name: str
    added: int = 0
    updated: int = 0
    retired: int = 0
    unchanged: int = 0
    skipped: tuple[Diagnostic, ...] = ()
    dry_run: bool = False
    warnings: tuple[Diagnostic, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.retired)

    def summary(self) -> str:
        if self.dry_run:  # every verb in the conditional: nothing has happened yet
            return (
                f"{self.source}: {self.test_code} - would add {self.added}, update "
                f"{self.updated}, retire {self.retired}, leave {self.unchanged} unchanged, skip "
                f"{len(self.skipped)} (dry run: nothing was written)"
            )
        return (
            f"{self.source}: {self.test_code} - added {self.added}, updated {self.updated}, "
            f"retired {self.retired}, left {self.unchanged} unchanged, skipped {len(self.skipped)}"
        )


@dataclass(frozen=True)
class BankSummary:
    id: int
    test_code: str
    test_title: str
    name: str
    source_file: str
    source_format: str
    format_version: int
    questions: int
    imported_at: datetime
    enabled: bool


@dataclass(frozen=True)
class TestSummary:
    code: str
    title: str
    scored_count: int
    minutes: int
    questions: int
    spec_version: str
    __test__ = False


@dataclass(frozen=True)
class QuestionPreview:
    id: int
    uid: str
    task: str
    style: str
    retired: bool
    question: Question


@dataclass(frozen=True)
class UnmappedCategory:
    """A foreign file's category that maps to no task yet."""

    category: str
    questions: int
    first_line: int
    suggestion: str = ""  # the task whose words best match the category (or the stems)


@dataclass
class PreparedBank:
    """A parsed bank plus what the importer needs to store it."""

    bank: Bank
    name: str
    source_format: str
    checksum: str
    exhibits: dict[str, bytes] = field(default_factory=dict)
    skipped: tuple[Diagnostic, ...] = ()
    warnings: tuple[Diagnostic, ...] = ()
    unmapped: tuple[UnmappedCategory, ...] = ()  # categories still to map (dry run only)


def prepare_native(path: Path) -> PreparedBank:
    """Read and validate a native bank; raises BankError with every problem."""
    from app.banks.native import read_bank

    warnings: list[Diagnostic] = []
    bank = read_bank(path, on_warning=warnings.append)
    return prepared_from_bank(bank, path, "native", (), tuple(warnings))


def prepared_from_bank(
    bank: Bank,
    path: Path,
    fmt: str,
    skipped: tuple[Diagnostic, ...],
    warnings: tuple[Diagnostic, ...],
) -> PreparedBank:
    digest = hashlib.sha256(path.read_bytes())
    exhibits: dict[str, bytes] = dict(bank.exhibit_files)
    for q in bank.questions:
        if q.exhibit and q.exhibit not in exhibits:
            try:  # capped and cleaned: the database never holds a 300 MB blob or a live SVG
                exhibits[q.exhibit] = read_exhibit(path.parent / q.exhibit, q.exhibit)
            except ExhibitError as e:
                raise BankError([Diagnostic(str(path), 1, 1, Severity.ERROR, str(e))]) from None
    for name in sorted(exhibits):
        digest.update(name.encode())
        digest.update(exhibits[name])
    # a native bank is the test's own bank whatever its file is called (export -> import is a
    # no-op); other formats are named after their file so several can feed one test
    name = bank.test.code if fmt == "native" else path.stem
    return PreparedBank(
        bank=bank,
        name=name,
        source_format=fmt,
        checksum=digest.hexdigest(),
        exhibits=exhibits,
        skipped=skipped,
        warnings=warnings,
    )


class BankService:
    def __init__(self, db: Database, now: Now) -> None:
        self._db = db
        self._now = now

    # -- import -------------------------------------------------------------------------------
    def import_file(
        self, path: Path, *, dry_run: bool = False, progress: Progress | None = None
    ) -> ImportResult:
        """Validate then store one native bank file, all or nothing. Raises BankError."""
        return self.import_prepared(
            prepare_native(path), source=str(path), dry_run=dry_run, progress=progress
        )

    def import_prepared(
        self,
        prepared: PreparedBank,
        *,
        source: str,
        dry_run: bool = False,
        progress: Progress | None = None,
    ) -> ImportResult:
        with self._db.write() as s:
            result = _store(s, prepared, source, self._now(), progress, dry_run=dry_run)
            if dry_run:
                s.rollback()
            return result

    def import_shipped_if_empty(
        self,
        folder: Path,
        progress: Progress | None = None,
        failures: list[BankError] | None = None,
    ) -> list[ImportResult]:
        """First run: import every bank in `folder` when the database has no tests yet.

        All the banks are stored in one transaction, so a first run cut short (killed, disk full)
        leaves no tests behind and the next start does the whole import again; an empty test
        table is what "first run" means. One broken file is reported in `failures` and does not
        keep the others out (files are read and validated before the transaction).
        """
        with self._db.read() as s:
            if s.scalar(select(func.count()).select_from(TestRow)):
                return []
        prepared: list[tuple[Path, PreparedBank]] = []
        for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.json")):
            if _is_reference_file(path):  # L1's booklet (and its question map) are not banks
                continue
            try:
                prepared.append((path, prepare_native(path)))
            except BankError as e:
                if failures is None:
                    raise
                failures.append(e)
        with self._db.write() as s:
            if s.scalar(select(func.count()).select_from(TestRow)):
                return []  # another process finished a first run meanwhile
            now = self._now()
            return [_store(s, p, str(path), now, progress, dry_run=False) for path, p in prepared]

    # -- queries ------------------------------------------------------------------------------
    def list_banks(self) -> list[BankSummary]:
        with self._db.read() as s:
            counts = (
                select(QuestionRow.bank_id, func.count().label("n"))
                .where(QuestionRow.retired.is_(False))
                .group_by(QuestionRow.bank_id)
                .subquery()
            )
            rows = s.execute(
                select(BankRow, TestRow.code, TestRow.title, func.coalesce(counts.c.n, 0))
                .join(TestRow, TestRow.id == BankRow.test_id)
                .outerjoin(counts, counts.c.bank_id == BankRow.id)
                .where(BankRow.removed.is_(False))
                .order_by(TestRow.code, BankRow.name)
            ).all()
            return [
                BankSummary(
                    id=b.id,
                    test_code=code,
                    test_title=title,
                    name=b.name,
                    source_file=b.source_file,
                    source_format=b.source_format,
                    format_version=b.format_version,
                    questions=int(n),
                    imported_at=b.imported_at,
                    enabled=b.enabled,
                )
                for b, code, title, n in rows
            ]

    def list_tests(self) -> list[TestSummary]:
        with self._db.read() as s:
            return list_tests(s)

    def set_enabled(self, bank_id: int, enabled: bool) -> None:
        with self._db.write() as s:
            s.execute(update(BankRow).where(BankRow.id == bank_id).values(enabled=enabled))

    def remove(self, bank_id: int) -> None:
        """Hide a bank and retire its questions; attempts that used them stay reportable."""
        with self._db.write() as s:
            s.execute(
                update(BankRow).where(BankRow.id == bank_id).values(removed=True, enabled=False)
            )
            s.execute(
                update(QuestionRow).where(QuestionRow.bank_id == bank_id).values(retired=True)
            )

    def test_structure(self, test_code: str) -> Bank | None:
        """The test's metadata, content areas and tasks (no questions), or None."""
        with self._db.read() as s:
            t = s.scalar(select(TestRow).where(TestRow.code == test_code))
            if t is None:
                return None
            bank = load_bank(s, test_code)
            return Bank(test=bank.test, content_areas=bank.content_areas, questions=())

    def load_bank(
        self, test_code: str, *, include_retired: bool = False, bank_id: int | None = None
    ) -> Bank:
        """Rebuild the domain Bank for a test (or one of its banks) from the database."""
        with self._db.read() as s:
            return load_bank(s, test_code, include_retired=include_retired, bank_id=bank_id)

    def questions_of(self, bank_id: int) -> list[QuestionPreview]:
        with self._db.read() as s:
            rows = s.execute(
                select(QuestionRow, TaskRow.code)
                .join(TaskRow, TaskRow.id == QuestionRow.task_id)
                .where(QuestionRow.bank_id == bank_id, QuestionRow.is_current.is_(True))
                .order_by(QuestionRow.id)
            ).all()
            return [
                QuestionPreview(q.id, q.uid, code, q.style, q.retired, question_from_row(q, code))
                for q, code in rows
            ]


def list_tests(s: Session) -> list[TestSummary]:
    active = (
        select(QuestionRow.test_id, func.count().label("n"))
        .join(BankRow, BankRow.id == QuestionRow.bank_id)
        .where(QuestionRow.retired.is_(False), BankRow.enabled.is_(True))
        .group_by(QuestionRow.test_id)
        .subquery()
    )
    rows = s.execute(
        select(TestRow, func.coalesce(active.c.n, 0))
        .outerjoin(active, active.c.test_id == TestRow.id)
        .order_by(TestRow.code)
    ).all()
    return [
        TestSummary(
            code=t.code,
            title=t.title,
            scored_count=t.scored_count,
            minutes=t.minutes,
            questions=int(n),
            spec_version=t.spec_version,
        )
        for t, n in rows
    ]


def load_bank(
    s: Session, test_code: str, *, include_retired: bool = False, bank_id: int | None = None
) -> Bank:
    t = s.scalar(select(TestRow).where(TestRow.code == test_code))
    if t is None:
        raise BankError(
            [Diagnostic(test_code, 1, 1, Severity.ERROR, f"no test {test_code!r} is loaded")]
        )
    tasks = s.scalars(select(TaskRow).where(TaskRow.test_id == t.id).order_by(TaskRow.id)).all()
    areas = []
    for a in t.areas:
        subs: dict[int, tuple[str, list[Task]]] = {}
        for k in tasks:
            if k.area_id == a.id:
                subs.setdefault(k.subarea_number, (k.subarea_title, []))[1].append(
                    Task(code=k.code, text=k.text)
                )
        areas.append(
            ContentArea(
                letter=a.letter,
                title=a.title,
                scored_count=a.scored_count,
                subareas=tuple(
                    SubArea(number=n, title=title, tasks=tuple(ts))
                    for n, (title, ts) in sorted(subs.items())
                ),
            )
        )
    task_code = {k.id: k.code for k in tasks}
    q_stmt = (
        select(QuestionRow)
        .join(BankRow, BankRow.id == QuestionRow.bank_id)
        .where(
            QuestionRow.test_id == t.id,
            QuestionRow.is_current.is_(True),
            BankRow.removed.is_(False),
        )
        .order_by(QuestionRow.id)
    )
    if not include_retired:
        q_stmt = q_stmt.where(QuestionRow.retired.is_(False))
    if bank_id is not None:
        q_stmt = q_stmt.where(QuestionRow.bank_id == bank_id)
    rows = s.scalars(q_stmt).all()  # one query feeds both the questions and their exhibits
    questions = tuple(question_from_row(q, task_code[q.task_id]) for q in rows)
    return Bank(
        test=TestSpec(**{f: getattr(t, f) for f in TEST_FIELDS}),
        content_areas=tuple(areas),
        questions=questions,
        exhibit_files={
            q.exhibit: q.exhibit_data for q in rows if q.exhibit and q.exhibit_data is not None
        },
    )


def question_from_row(q: QuestionRow, task_code: str) -> Question:
    def stmt(says: str | None, correct: bool | None, rationale: str | None) -> Statement | None:
        if says is None:
            return None
        return Statement(says=says, correct=bool(correct), rationale=rationale or "")

    return Question(
        id=q.uid,
        task=task_code,
        style=q.style,
        stem=q.stem,
        explanation=q.explanation,
        difficulty=q.difficulty,
        scenario=q.scenario,
        choices=()
        if q.style == Style.TECH_AB
        else tuple(
            Choice(text=c.text, correct=c.correct, rationale=c.rationale) for c in q.choices
        ),
        technician_a=stmt(q.tech_a_says, q.tech_a_correct, q.tech_a_rationale),
        technician_b=stmt(q.tech_b_says, q.tech_b_correct, q.tech_b_rationale),
        exhibit=q.exhibit,
        exhibit_caption=q.exhibit_caption,
        shuffle_choices=q.shuffle_choices,
        retired=q.retired,
    )


# -- storing ----------------------------------------------------------------------------------
def _store(
    s: Session,
    p: PreparedBank,
    source: str,
    now: datetime,
    progress: Progress | None,
    *,
    dry_run: bool,
) -> ImportResult:
    bank = p.bank
    t = bank.test
    test = s.scalar(select(TestRow).where(TestRow.code == t.code))
    if test is None:
        test = TestRow(**{f: getattr(t, f) for f in TEST_FIELDS})
        s.add(test)
        s.flush()
    elif p.source_format == "native":
        for attr in TEST_FIELDS[1:]:
            if getattr(test, attr) != getattr(t, attr):
                setattr(test, attr, getattr(t, attr))
    area_ids = _store_areas(s, test, bank.content_areas, overwrite=p.source_format == "native")
    task_ids = _store_tasks(s, test, bank.content_areas, area_ids)

    row = s.scalar(select(BankRow).where(BankRow.test_id == test.id, BankRow.name == p.name))
    if row is not None and row.checksum == p.checksum and not row.removed:
        n = (
            s.scalar(
                select(func.count()).where(
                    QuestionRow.bank_id == row.id, QuestionRow.retired.is_(False)
                )
            )
            or 0
        )
        return ImportResult(
            source=source,
            test_code=t.code,
            bank_name=p.name,
            unchanged=n,
            skipped=p.skipped,
            dry_run=dry_run,
            warnings=p.warnings,
        )
    if row is None:
        row = BankRow(
            test_id=test.id,
            name=p.name,
            source_file=source,
            source_format=p.source_format,
            format_version=bank.format_version,
            checksum=p.checksum,
            imported_at=now,
            enabled=True,
        )
        s.add(row)
        s.flush()
    else:
        row.source_file, row.checksum, row.imported_at = source, p.checksum, now
        row.format_version, row.removed = bank.format_version, False

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
            ).where(QuestionRow.bank_id == row.id, QuestionRow.is_current.is_(True))
        )
    }
    area_of_task = bank.area_of_task()
    exhibit_digests: dict[str, bytes] = {}
    added = updated = unchanged = 0
    new_rows: list[tuple[dict[str, object], Question]] = []
    superseded: dict[str, int] = {}  # uid -> id of the version a new one replaces
    flipped: list[tuple[int, bool, str]] = []  # (id, retired, hash): same text, new mark
    total = len(bank.questions)
    for i, q in enumerate(bank.questions):
        data = p.exhibits.get(q.exhibit) if q.exhibit else None
        h = version_hash(q, data, exhibit_digests)
        values = _question_values(
            q, h, row.id, test.id, task_ids[q.task], area_ids[area_of_task[q.task]], data
        )
        if q.id in existing:
            qid, old_hash, was_retired, version = existing[q.id]
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
                values["version"] = version + 1
                new_rows.append((values, q))
        else:
            added += 1
            new_rows.append((values, q))
        if progress and (i + 1) % CHUNK == 0:
            progress(i + 1, total)
    for qid, retired, h in flipped:
        s.execute(
            update(QuestionRow).where(QuestionRow.id == qid).values(retired=retired, content_hash=h)
        )
    old_ids = list(superseded.values())
    for start in range(0, len(old_ids), 500):
        s.execute(
            update(QuestionRow)
            .where(QuestionRow.id.in_(old_ids[start : start + 500]))
            .values(is_current=False, retired=True)
        )
    # Core executemany on the tables, then the new ids by (bank, uid). INSERT ... RETURNING with
    # sort_by_parameter_order re-sorted SQLite's small batches in quadratic time, and the ORM
    # bulk path splits rows whose None columns differ into separate statements (tech_ab vs
    # choice items alternate): together about 90 % of a 20,000-question import.
    for start in range(0, len(new_rows), CHUNK):
        s.execute(insert(_QUESTION), [v for v, _ in new_rows[start : start + CHUNK]])
    if new_rows:
        new_ids = dict(
            s.execute(
                select(QuestionRow.uid, QuestionRow.id).where(
                    QuestionRow.bank_id == row.id, QuestionRow.is_current.is_(True)
                )
            ).all()
        )
        for start in range(0, len(new_rows), CHUNK):
            chunk = new_rows[start : start + CHUNK]
            _insert_choices(s, [(new_ids[q.id], q) for _, q in chunk])
        _move_review_cards(s, {old: new_ids[uid] for uid, old in superseded.items()})
    seen = {q.id for q in bank.questions}
    gone = [
        qid for uid, (qid, _h, retired, _v) in existing.items() if uid not in seen and not retired
    ]
    for start in range(0, len(gone), 500):
        s.execute(
            update(QuestionRow)
            .where(QuestionRow.id.in_(gone[start : start + 500]))
            .values(retired=True)
        )
    if progress:
        progress(total, total)
    return ImportResult(
        source=source,
        test_code=t.code,
        bank_name=p.name,
        added=added,
        updated=updated,
        retired=len(gone),
        unchanged=unchanged,
        skipped=p.skipped,
        dry_run=dry_run,
        warnings=p.warnings,
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


def _question_values(
    q: Question,
    h: str,
    bank_id: int,
    test_id: int,
    task_id: int,
    area_id: int,
    exhibit_data: bytes | None,
) -> dict[str, object]:
    a, b = q.technician_a, q.technician_b
    return {
        "uid": q.id,
        "bank_id": bank_id,
        "test_id": test_id,
        "task_id": task_id,
        "area_id": area_id,
        "style": q.style,
        "scenario": q.scenario,
        "stem": q.stem,
        "tech_a_says": a.says if a else None,
        "tech_a_correct": a.correct if a else None,
        "tech_a_rationale": a.rationale if a else None,
        "tech_b_says": b.says if b else None,
        "tech_b_correct": b.correct if b else None,
        "tech_b_rationale": b.rationale if b else None,
        "exhibit": q.exhibit,
        "exhibit_caption": q.exhibit_caption,
        "exhibit_data": exhibit_data,
        "explanation": q.explanation,
        "difficulty": q.difficulty,
        "shuffle_choices": q.shuffle_choices,
        "retired": q.retired,
        "content_hash": h,
        "version": 1,
        "is_current": True,
    }


def _move_review_cards(s: Session, new_version: dict[int, int]) -> None:
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
            [{"card_id": cid, "new_id": new_version[qid]} for cid, qid in moves],
        )


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


def _insert_choices(s: Session, items: list[tuple[int, Question]]) -> None:
    """Plain DB-API executemany: four rows a question, so SQLAlchemy's per-row parameter
    processing would cost more than the inserts themselves."""
    rows = [
        (qid, j, LABELS[j] if j < 4 else str(j + 1), c.text, c.correct, c.rationale)
        for qid, q in items
        if q.style != Style.TECH_AB
        for j, c in enumerate(q.choices)
    ]
    if not rows:
        return
    mark = "?" if s.get_bind().dialect.paramstyle == "qmark" else "%s"
    s.connection().exec_driver_sql(
        "INSERT INTO choice (question_id, position, label, text, correct, rationale) "
        f"VALUES ({', '.join([mark] * 6)})",
        rows,
    )


def _is_reference_file(path: Path) -> bool:
    """A file beside the shipped banks that says `format: bayready-reference...` near its top."""
    try:
        with path.open("rb") as f:
            head = f.read(4096).decode("utf-8", "replace")
    except OSError:
        return False
    return re.search(r'^\s*"?format"?\s*:\s*"?bayready-reference\b', head, re.M) is not None
