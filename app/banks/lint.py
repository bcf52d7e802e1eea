"""Bank lint: giveaways a reviewer looks for, as warnings pinned to the question's line.

Rules (each a `Rule` value, named in the message):
- `absolute-word`: an absolute word (only, all, never, always, none, every...) marks the false
  option(s) of an item but no true one - test-wise candidates rule those out unread. For
  EXCEPT/LEAST items the key is the false statement; for Technician A/B items the statements.
- `stem-echo`: the key repeats a distinctive word of the stem that no distractor shares.
- `short-task`: a task with fewer than `MIN_PER_TASK` active items (a task cannot be measured
  within two mocks).
- `glossary-avoid` (translation sidecars): a translated text uses a term the glossary
  (`question_banks/glossary-<lang>.yaml`) lists to avoid - a literal translation or a narrow
  regional word; the message names the preferred term.

`lint_bank` works on a read bank; `lint_file` reads a native file and pins each finding to its
question's line. Used by `bayready bank lint`, `bank validate --strict` and the shipped-bank tests.
Standard library, the domain and `app.banks` only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from app.banks.diagnostics import Diagnostic, Severity
from app.banks.glossary import GlossaryTerm, avoided_forms, avoided_pattern
from app.banks.markup import plain_text
from app.domain.bank import Bank, Question, Style
from app.domain.translation import BankTranslation

MIN_PER_TASK = 4
ABSOLUTE_WORDS = frozenset(
    {"only", "all", "never", "always", "none", "every", "everything", "nothing", "impossible"}
)
# words too common in item writing to give a key away
_COMMON = frozenset(
    [
        "about",
        "above",
        "after",
        "again",
        "against",
        "also",
        "another",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "cause",
        "causes",
        "caused",
        "check",
        "checks",
        "checked",
        "could",
        "does",
        "doing",
        "done",
        "down",
        "during",
        "each",
        "either",
        "following",
        "from",
        "have",
        "having",
        "here",
        "into",
        "itself",
        "just",
        "least",
        "likely",
        "more",
        "most",
        "much",
        "must",
        "need",
        "needs",
        "only",
        "other",
        "over",
        "same",
        "should",
        "since",
        "some",
        "such",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "under",
        "until",
        "upon",
        "very",
        "what",
        "when",
        "where",
        "which",
        "while",
        "will",
        "with",
        "would",
        "your",
        "technician",
        "vehicle",
        "correct",
        "which",
        "what",
        "most",
        "likely",
        "least",
        "except",
        "following",
        "system",
        "engine",
    ]
)
_WORD = re.compile(r"[a-z][a-z0-9-]*")


class Rule(StrEnum):
    ABSOLUTE_WORD = "absolute-word"
    STEM_ECHO = "stem-echo"
    SHORT_TASK = "short-task"
    GLOSSARY_AVOID = "glossary-avoid"


@dataclass(frozen=True)
class Finding:
    rule: Rule
    question: str  # question id, or "" for a task finding
    task: str
    message: str


def _words(text: str) -> list[str]:
    if "<" in text or "&" in text:
        text = plain_text(text)
    return _WORD.findall(text.lower())


def _stem_key(word: str) -> str:
    """A crude singular: 'sensors' and 'sensor' are one word for the echo rule."""
    if len(word) > 4 and word.endswith("es") and word[-3] in "sxz":
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _absolute(text: str) -> set[str]:
    return set(_words(text)) & ABSOLUTE_WORDS


def absolute_word(q: Question) -> str | None:
    """The giveaway message, or None."""
    if q.style == Style.TECH_AB:
        if q.technician_a is None or q.technician_b is None:
            return None
        sts = (("A", q.technician_a), ("B", q.technician_b))
        true = [s for _n, s in sts if s.correct]
        false = [(n, s) for n, s in sts if not s.correct]
        if not true or not false:
            return None
        marked = [(n, _absolute(s.says)) for n, s in false if _absolute(s.says)]
        if marked and not any(_absolute(s.says) for s in true):
            n, words = marked[0]
            return f"technician {n}'s wrong statement says {_fmt(words)} and the right one does not"
        return None
    inverted = q.style in (Style.EXCEPT, Style.LEAST_LIKELY)
    # the options that are false statements: distractors, or the key of an EXCEPT item
    false_options = [(i, c) for i, c in enumerate(q.choices) if c.correct == inverted]
    if any(_absolute(c.text) for c in q.choices if c.correct != inverted):
        return None
    for i, c in false_options:
        words = _absolute(c.text)
        if words:
            role = "the key (the false statement)" if inverted else "distractor"
            return f"{role} {chr(65 + i)} says {_fmt(words)} and no true option does"
    return None


def stem_echo(q: Question) -> str | None:
    if q.style == Style.TECH_AB or not q.choices:
        return None
    key = next((c for c in q.choices if c.correct), None)
    if key is None:
        return None
    stem = {_stem_key(w) for w in _words(q.stem) if len(w) >= 4 and w not in _COMMON}
    in_key = {_stem_key(w) for w in _words(key.text)} & stem
    others: set[str] = set()
    for c in q.choices:
        if not c.correct:
            others.update(_stem_key(w) for w in _words(c.text))
    echoed = sorted(in_key - others)
    if not echoed:
        return None
    return f"the key repeats the stem's word(s) {_fmt(echoed)}, which no distractor uses"


def _fmt(words: Iterable[str]) -> str:
    return ", ".join(f"'{w}'" for w in sorted(words))


def short_tasks(bank: Bank) -> dict[str, int]:
    """Tasks with fewer than MIN_PER_TASK active items -> how many they have."""
    n = Counter(q.task for q in bank.questions if not q.retired)
    return {t.code: n[t.code] for t in bank.tasks() if n[t.code] < MIN_PER_TASK}


def lint_bank(bank: Bank) -> list[Finding]:
    out: list[Finding] = []
    for q in bank.questions:
        if q.retired:
            continue
        for rule, check in ((Rule.ABSOLUTE_WORD, absolute_word), (Rule.STEM_ECHO, stem_echo)):
            why = check(q)
            if why:
                out.append(Finding(rule, q.id, q.task, why))
    for code, n in short_tasks(bank).items():
        out.append(
            Finding(
                Rule.SHORT_TASK,
                "",
                code,
                f"task {code} has {n} active item{'s' if n != 1 else ''}; "
                f"write at least {MIN_PER_TASK} so it can be measured",
            )
        )
    return out


_ID_LINE = re.compile(r"^\s*(?:-\s+)?(id|code):\s*['\"]?([A-Za-z0-9][A-Za-z0-9_.:-]*)", re.M)


def lint_file(path: Path, bank: Bank) -> list[Diagnostic]:
    """The findings for a bank read from `path`, each at its question's (or task's) line."""
    lines: dict[str, int] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    for m in _ID_LINE.finditer(text):
        lines.setdefault(m.group(2), text.count("\n", 0, m.start()) + 1)
    out = []
    for f in lint_bank(bank):
        where = f.question or f.task
        who = f"question {f.question}: " if f.question else ""
        out.append(
            Diagnostic(
                str(path),
                lines.get(where, 1),
                1,
                Severity.WARNING,
                f"{who}{f.message} [{f.rule.value}]",
                f.rule.value,
            )
        )
    return out


_CODE_LINE = re.compile(r"^\s*['\"]?([A-Z][A-Z0-9]*(?:\.[A-Z0-9]+)*)['\"]?:", re.M)


def lint_translation(
    path: Path, translation: BankTranslation, glossary: tuple[GlossaryTerm, ...]
) -> list[Diagnostic]:
    """`glossary-avoid` findings of a translation sidecar, each at its item's (or code's) line.
    One regex pass over each translated text."""
    pattern = avoided_pattern(glossary)
    if pattern is None:
        return []
    preferred = avoided_forms(glossary)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    lines: dict[str, int] = {}
    for rx in (_ID_LINE, _CODE_LINE):
        for m in rx.finditer(text):
            key = m.group(2) if rx is _ID_LINE else m.group(1)
            lines.setdefault(key, text.count("\n", 0, m.start()) + 1)
    places: list[tuple[str, str, str]] = []  # (key for the line, who, text)
    if translation.test_title:
        places.append(("title", "test title", translation.test_title))
    for kind, texts in (
        ("area", translation.areas),
        ("sub-area", translation.subareas),
        ("task", translation.tasks),
    ):
        places += [(code, f"{kind} {code}", t) for code, t in texts.items()]
    for q in translation.questions:
        words = [q.stem, q.explanation, q.exhibit_caption or ""]
        words += [w for c in q.choices for w in (c.text, c.rationale)]
        words += [
            w for st in (q.technician_a, q.technician_b) if st for w in (st.says, st.rationale)
        ]
        places.append((q.id, f"question {q.id}", " ".join(words)))
    out = []
    title = re.search(r"^\s+title:", text, re.M)
    if title:
        lines["title"] = text.count("\n", 0, title.start()) + 1
    for key, who, said in places:
        found = {m.group(0).lower() for m in pattern.finditer(" ".join(said.split()))}
        for term in sorted(found):
            t = preferred[term]
            out.append(
                Diagnostic(
                    str(path),
                    lines.get(key, 1),
                    1,
                    Severity.WARNING,
                    f"{who}: uses '{term}', which the glossary says to avoid for "
                    f"'{t.english}'; write {' or '.join(repr(p) for p in t.preferred)} "
                    f"[{Rule.GLOSSARY_AVOID.value}]",
                    Rule.GLOSSARY_AVOID.value,
                )
            )
    return out
