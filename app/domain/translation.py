"""A bank's translation into another language: what a sidecar file (`a5-brakes.es.yaml`) holds.

A translated question keeps the English question's structure (same options, same letters, same
key); only its words change. Each carries the fingerprint of the English text it was translated
from, so an English edit marks it stale and the English is shown instead. Stdlib only.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from app.domain.bank import Question

ENGLISH = "en"
SPANISH = "es"
# the languages a bank may be translated into (a sidecar for another code is refused)
LANGUAGES: dict[str, str] = {SPANISH: "Español"}
LANGUAGE_NAMES: dict[str, str] = {ENGLISH: "English", **LANGUAGES}


def fingerprint(q: Question) -> str:
    """A short digest of the English words a translation renders (stem, options, rationales,
    statements, explanation, exhibit caption): changing any of them makes a translation stale,
    while a change to the task, difficulty or key alone does not touch the words."""
    a, b = q.technician_a, q.technician_b
    payload = (
        q.stem,
        tuple([(c.text, c.rationale) for c in q.choices]),
        None if a is None else (a.says, a.rationale),
        None if b is None else (b.says, b.rationale),
        q.explanation,
        q.exhibit_caption,
    )
    return hashlib.sha256(repr(payload).encode()).hexdigest()[:8]


@dataclass(frozen=True)
class OptionText:
    text: str
    rationale: str


@dataclass(frozen=True)
class StatementText:
    says: str
    rationale: str


@dataclass(frozen=True)
class QuestionTranslation:
    """One question's words in another language, in the English question's option order."""

    id: str
    fingerprint: str  # of the English it was translated from (see `fingerprint`)
    stem: str
    explanation: str
    choices: tuple[OptionText, ...] = ()
    technician_a: StatementText | None = None
    technician_b: StatementText | None = None
    exhibit_caption: str | None = None
    exhibit: str | None = None  # a translated drawing beside the original (`<name>.es.svg`)

    def is_current(self, english: Question) -> bool:
        return self.fingerprint == fingerprint(english)


@dataclass(frozen=True)
class BankTranslation:
    """Everything one sidecar file translates; anything missing is shown in English."""

    language: str
    source: str  # the English bank file's name, as the sidecar states it
    test_title: str | None = None
    areas: dict[str, str] = field(default_factory=dict)  # area letter -> title
    subareas: dict[str, str] = field(default_factory=dict)  # "A.1" -> title
    tasks: dict[str, str] = field(default_factory=dict)  # task code -> text
    questions: tuple[QuestionTranslation, ...] = ()
    exhibit_files: dict[str, bytes] = field(default_factory=dict, compare=False, hash=False)
