"""Bank use cases: import (all or nothing), list, export, enable/disable, remove.

One public method per user action, each owning one transaction; the SQL is in
storage/queries/banks.py (reads) and storage/queries/bank_store.py (the import's writes), the
file side in services/bank_prepare.py. No Qt.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.banks.diagnostics import BankError, Diagnostic, Severity
from app.banks.gc_pause import collector_paused
from app.banks.reference import is_reference_file
from app.banks.stored import stored_links
from app.domain.bank import Bank
from app.domain.clock import WallClock
from app.domain.ids import BankId
from app.services.bank_prepare import prepare_native, prepared_from_bank
from app.services.bank_views import (
    BankSummary,
    ImportResult,
    PreparedBank,
    QuestionPreview,
    TestSummary,
    UnmappedCategory,
)
from app.services.form_rules import with_links
from app.storage.database import Database
from app.storage.queries import banks as q
from app.storage.queries.bank_store import BankSource, Progress, bank_ids, store_bank
from app.storage.queries.translations import store_translations
from app.storage.session import Session

# the ui and cli import these from here
__all__ = [
    "BankService",
    "BankSummary",
    "ImportResult",
    "PreparedBank",
    "Progress",
    "QuestionPreview",
    "TestSummary",
    "UnmappedCategory",
    "prepare_native",
    "prepared_from_bank",
]


class BankService:
    def __init__(self, db: Database, now: WallClock) -> None:
        self._db = db
        self._now = now

    # -- import -------------------------------------------------------------------------------
    def import_file(
        self, path: Path, *, dry_run: bool = False, progress: Progress | None = None
    ) -> ImportResult:
        """Validate then store one native bank file, all or nothing. Raises BankError."""
        with collector_paused():  # one pause for reading and storing (see app/banks/gc_pause)
            prepared = prepare_native(path)
            result = self.import_prepared(
                prepared, source=str(path), dry_run=dry_run, progress=progress
            )
            # freed by reference counting while paused: the collector has no bank to walk after
            del prepared
        return result

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
            if q.has_tests(s):
                return []
        prepared: list[tuple[Path, PreparedBank]] = []
        for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.json")):
            if is_reference_file(path):  # a bank's booklet, read with its bank
                continue
            try:
                prepared.append((path, prepare_native(path)))
            except BankError as e:
                if failures is None:
                    raise
                failures.append(e)
        with self._db.write() as s:
            if q.has_tests(s):
                return []  # another process finished a first run meanwhile
            now = self._now()
            return [_store(s, p, str(path), now, progress, dry_run=False) for path, p in prepared]

    # -- queries ------------------------------------------------------------------------------
    def list_banks(self) -> list[BankSummary]:
        with self._db.read() as s:
            return [BankSummary(*row) for row in q.bank_listing(s)]

    def list_tests(self) -> list[TestSummary]:
        with self._db.read() as s:
            return [
                TestSummary(
                    code=t.code,
                    title=t.title,
                    scored_count=t.scored_count,
                    minutes=t.minutes,
                    questions=n,
                    spec_version=t.spec_version,
                )
                for t, n in q.tests_with_counts(s)
            ]

    def set_enabled(self, bank_id: BankId, enabled: bool) -> None:
        with self._db.write() as s:
            q.set_bank_enabled(s, bank_id, enabled)

    def remove(self, bank_id: BankId) -> None:
        """Hide a bank and retire its questions; attempts that used them stay reportable."""
        with self._db.write() as s:
            q.remove_bank(s, bank_id)

    def test_structure(self, test_code: str) -> Bank | None:
        """The test's metadata, content areas and tasks (no questions), or None."""
        with self._db.read() as s:
            bank = q.load_bank(s, test_code)
        if bank is None:
            return None
        return Bank(test=bank.test, content_areas=bank.content_areas, questions=())

    def load_bank(
        self, test_code: str, *, include_retired: bool = False, bank_id: BankId | None = None
    ) -> Bank:
        """Rebuild the domain Bank for a test (or one of its banks) from the database."""
        with self._db.read() as s:
            bank = q.load_bank(s, test_code, include_retired=include_retired, bank_id=bank_id)
            if bank is not None:  # enemies, booklet and section links, as imported
                bank = with_links(s, bank, bank_id)
        if bank is None:
            raise BankError(
                [Diagnostic(test_code, 1, 1, Severity.ERROR, f"no test {test_code!r} is loaded")]
            )
        return bank

    def questions_of(self, bank_id: BankId) -> list[QuestionPreview]:
        with self._db.read() as s:
            return [
                QuestionPreview(
                    qid, question.id, question.task, question.style, question.retired, question
                )
                for qid, question in q.current_questions_of(s, bank_id)
            ]


def _store(
    s: Session,
    p: PreparedBank,
    source: str,
    now: datetime,
    progress: Progress | None,
    *,
    dry_run: bool,
) -> ImportResult:
    with collector_paused():  # a row tuple per question and choice, none of them garbage
        enemies, reference = stored_links(p.bank, dict(p.exhibits))
        src = BankSource(
            p.name,
            source,
            p.source_format,
            p.checksum,
            p.exhibits,
            enemies=enemies,
            reference=reference,
        )
        counts = store_bank(s, p.bank, src, now, progress)
        translated: dict[str, int] = {}
        if p.translations:  # after the English: translations sit on the current versions
            bank_id, test_id = bank_ids(s, p.bank.test.code, p.name)
            for t in p.translations:
                translated[t.language] = store_translations(s, p.bank, bank_id, test_id, [t])
        return ImportResult(
            source=source,
            test_code=p.bank.test.code,
            bank_name=p.name,
            added=counts.added,
            updated=counts.updated,
            retired=counts.retired,
            unchanged=counts.unchanged,
            skipped=p.skipped,
            dry_run=dry_run,
            warnings=p.warnings,
            translated=translated,
        )
