"""The question-bank model every importer produces and the importer service stores.

Frozen dataclasses, standard library only.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


class Style(StrEnum):
    DIRECT = "direct"
    TECH_AB = "tech_ab"
    EXCEPT = "except"
    LEAST_LIKELY = "least_likely"
    MOST_LIKELY = "most_likely"


STYLES: tuple[str, ...] = tuple(s.value for s in Style)
LABELS: tuple[str, ...] = ("A", "B", "C", "D")
TECH_AB_OPTIONS: tuple[str, ...] = ("A only", "B only", "Both A and B", "Neither A nor B")


@dataclass(frozen=True)
class Choice:
    text: str
    correct: bool
    rationale: str


@dataclass(frozen=True)
class Statement:
    """One technician's statement in a Technician A/B item."""

    says: str
    correct: bool
    rationale: str


@dataclass(frozen=True)
class Question:
    id: str
    task: str
    style: str
    stem: str
    explanation: str
    difficulty: int = 2
    scenario: bool = False
    choices: tuple[Choice, ...] = ()
    technician_a: Statement | None = None
    technician_b: Statement | None = None
    exhibit: str | None = None
    exhibit_caption: str | None = None
    shuffle_choices: bool | None = None
    retired: bool = False
    # ids of questions never to share a form with this one (symmetric); not part of the
    # content hash: they change how forms are drawn, not what a candidate reads
    enemies: tuple[str, ...] = ()
    # ids of reference-booklet sections this question points the candidate to
    reference: tuple[str, ...] = ()

    def rendered_choices(self) -> tuple[Choice, ...]:
        """The four options as the candidate sees them (Technician A/B items get the fixed four)."""
        if self.style != Style.TECH_AB:
            return self.choices
        a, b = self.technician_a, self.technician_b
        assert a is not None and b is not None
        key = tech_ab_key(a.correct, b.correct)
        why = {
            0: "A is right and B is wrong.",
            1: "B is right and A is wrong.",
            2: "Both statements are right.",
            3: "Neither statement is right.",
        }
        verdict = f"A: {a.rationale} B: {b.rationale}"
        return tuple(
            Choice(
                text=TECH_AB_OPTIONS[i],
                correct=(i == key),
                rationale=(why[i] + " " + verdict) if i == key else _tech_ab_wrong(i, a, b),
            )
            for i in range(4)
        )

    def full_stem(self) -> str:
        """The stem with the technicians' statements for Technician A/B items."""
        if self.style != Style.TECH_AB or self.technician_a is None or self.technician_b is None:
            return self.stem
        return (
            f"{self.stem}\n\nTechnician A says {self.technician_a.says}\n\n"
            f"Technician B says {self.technician_b.says}\n\nWho is correct?"
        )

    def key_index(self) -> int:
        for i, c in enumerate(self.rendered_choices()):
            if c.correct:
                return i
        raise ValueError(f"question {self.id} has no correct choice")

    def content_hash(self) -> str:
        """A digest of everything the author wrote (an update is detected by it changing)."""

        a, b = self.technician_a, self.technician_b
        payload = (
            self.id,
            self.task,
            self.style,
            self.stem,
            self.explanation,
            self.difficulty,
            self.scenario,
            tuple([(c.text, c.correct, c.rationale) for c in self.choices]),
            None if a is None else (a.says, a.correct, a.rationale),
            None if b is None else (b.says, b.correct, b.rationale),
            self.exhibit,
            self.exhibit_caption,
            self.shuffle_choices,
            self.retired,
        )
        # repr of str/int/bool/None tuples is stable across runs and much cheaper than JSON
        return hashlib.sha256(repr(payload).encode()).hexdigest()[:16]


def tech_ab_key(a_correct: bool, b_correct: bool) -> int:
    """Index of the right fixed option: 0 A only, 1 B only, 2 both, 3 neither."""
    if a_correct and b_correct:
        return 2
    if a_correct:
        return 0
    if b_correct:
        return 1
    return 3


def _tech_ab_wrong(i: int, a: Statement, b: Statement) -> str:
    parts = []
    a_claimed = i in (0, 2)
    b_claimed = i in (1, 2)
    if a_claimed != a.correct:
        parts.append(
            ("Technician A is wrong: " if not a.correct else "Technician A is right: ")
            + a.rationale
        )
    if b_claimed != b.correct:
        parts.append(
            ("Technician B is wrong: " if not b.correct else "Technician B is right: ")
            + b.rationale
        )
    return " ".join(parts)


@dataclass(frozen=True)
class Task:
    code: str
    text: str


@dataclass(frozen=True)
class SubArea:
    number: int
    title: str
    tasks: tuple[Task, ...]


@dataclass(frozen=True)
class ContentArea:
    letter: str
    title: str
    scored_count: int
    subareas: tuple[SubArea, ...]

    def tasks(self) -> tuple[Task, ...]:
        return tuple(t for sa in self.subareas for t in sa.tasks)


@dataclass(frozen=True)
class TestSpec:
    code: str
    title: str
    spec_version: str
    scored_count: int
    minutes: int
    unscored_count: int = 10
    target_percent: float = 70.0
    shuffle_choices: bool = True
    notes: str = ""
    # the recertification form; None = derived (see domain.forms.recert_blueprint)
    recert_scored_count: int | None = None
    recert_minutes: int | None = None
    recert_notes: str | None = None


@dataclass(frozen=True)
class ReferenceSection:
    id: str
    title: str
    body: str
    exhibit: str | None = None


@dataclass(frozen=True)
class Reference:
    """A reference booklet the candidate may consult during the test (L1's composite vehicle)."""

    title: str
    sections: tuple[ReferenceSection, ...]


@dataclass(frozen=True)
class Bank:
    test: TestSpec
    content_areas: tuple[ContentArea, ...]
    questions: tuple[Question, ...]
    format_version: int = 1
    source: str = ""
    exhibit_files: dict[str, bytes] = field(default_factory=dict, compare=False, hash=False)
    reference: Reference | None = None

    def tasks(self) -> tuple[Task, ...]:
        return tuple(t for a in self.content_areas for t in a.tasks())

    def area_of_task(self) -> dict[str, str]:
        return {t.code: a.letter for a in self.content_areas for t in a.tasks()}


def area_letter(task_code: str) -> str:
    """`A5.A.2.3` -> `A`."""
    parts = task_code.split(".")
    return parts[1] if len(parts) > 1 else ""
