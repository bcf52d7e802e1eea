"""A bank's translation into another language: what a sidecar file (`a5-brakes.es.yaml`) holds.

A translated question keeps the English question's structure (same options, same letters, same
key); only its words change. Each carries the fingerprint of the English text it was translated
from, so an English edit marks it stale and the English is shown instead. Stdlib only.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Any

from app.domain.bank import Choice, Question, Statement, Style, tech_ab_key

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


# the fixed options of a Technician A/B item and the words around its statements, per language
TECH_AB_WORDS: dict[str, dict[str, Any]] = {
    SPANISH: {
        "options": ("Solo A", "Solo B", "Tanto A como B", "Ni A ni B"),
        "a_says": "El técnico A dice que",
        "b_says": "El técnico B dice que",
        "who": "¿Quién tiene razón?",
        "why": (
            "A tiene razón y B no.",
            "B tiene razón y A no.",
            "Los dos tienen razón.",
            "Ninguno de los dos tiene razón.",
        ),
        "a_wrong": "El técnico A se equivoca: ",
        "a_right": "El técnico A tiene razón: ",
        "b_wrong": "El técnico B se equivoca: ",
        "b_right": "El técnico B tiene razón: ",
    }
}


def translated(q: Question, words: QuestionTranslation) -> Question:
    """The English question with the translation's words: same options in the same order, same
    key, same exhibit (the caller swaps in a translated drawing if there is one)."""
    a, b = q.technician_a, q.technician_b
    ta, tb = words.technician_a, words.technician_b
    return replace(
        q,
        stem=words.stem,
        explanation=words.explanation,
        choices=tuple(
            Choice(w.text, c.correct, w.rationale)
            for c, w in zip(q.choices, words.choices, strict=False)
        )
        if len(words.choices) == len(q.choices)
        else q.choices,
        technician_a=Statement(ta.says, a.correct, ta.rationale) if a and ta else a,
        technician_b=Statement(tb.says, b.correct, tb.rationale) if b and tb else b,
        exhibit_caption=words.exhibit_caption or q.exhibit_caption,
    )


def full_stem_in(q: Question, language: str) -> str:
    """`Question.full_stem` in `language` (the Technician A/B frame translated too)."""
    w = TECH_AB_WORDS.get(language)
    if w is None or q.style != Style.TECH_AB or q.technician_a is None or q.technician_b is None:
        return q.full_stem()
    return (
        f"{q.stem}\n\n{w['a_says']} {q.technician_a.says}\n\n"
        f"{w['b_says']} {q.technician_b.says}\n\n{w['who']}"
    )


def rendered_choices_in(q: Question, language: str) -> tuple[Choice, ...]:
    """`Question.rendered_choices` in `language`: same order and key, translated words."""
    w = TECH_AB_WORDS.get(language)
    english = q.rendered_choices()
    if w is None or q.style != Style.TECH_AB or q.technician_a is None or q.technician_b is None:
        return english
    a, b = q.technician_a, q.technician_b
    key = tech_ab_key(a.correct, b.correct)
    out = []
    for i, c in enumerate(english):
        if i == key:
            why = f"{w['why'][i]} A: {a.rationale} B: {b.rationale}"
        else:
            parts = []
            if (i in (0, 2)) != a.correct:
                parts.append((w["a_right"] if a.correct else w["a_wrong"]) + a.rationale)
            if (i in (1, 2)) != b.correct:
                parts.append((w["b_right"] if b.correct else w["b_wrong"]) + b.rationale)
            why = " ".join(parts)
        out.append(Choice(w["options"][i], c.correct, why))
    return tuple(out)
