"""What the bank use cases hand to the ui and cli: frozen summaries, never ORM rows. No Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.banks.diagnostics import Diagnostic
from app.domain.bank import Bank, Question
from app.domain.ids import BankId, QuestionId
from app.domain.translation import BankTranslation


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
    translated: dict[str, int] = field(default_factory=dict)  # language -> current translations

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
            + "".join(f", {n} translated ({lang})" for lang, n in sorted(self.translated.items()))
        )


@dataclass(frozen=True)
class BankSummary:
    bank_id: BankId
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
    question_id: QuestionId  # the stored version's key
    uid: str  # the author's id for the question
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
    translations: tuple[BankTranslation, ...] = ()  # from the bank's sidecar files
