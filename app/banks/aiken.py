"""The Aiken text format: a question line, answers `A)` or `A.`, then `ANSWER: X`.

Plain text only (markup is shown literally, as Moodle shows it). A block that breaks the format -
fewer than two answers, no `ANSWER:` line, answers with no question, an `ANSWER:` naming no answer -
is listed as skipped with its line, and reading goes on with the next question. A question line
that wraps onto further lines before its first answer is joined into one stem. Pure parsing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.banks.drafts import (
    Draft,
    DraftChoice,
    ForeignRead,
    ForeignReadBuilder,
    Markup,
    excerpt,
    split_lines,
)
from app.banks.limits import MAX_OPTIONS

# "A) text" / "A. text"; without the space only inside a started question, so a stem such as
# "A.C. compressor clutch..." still starts a question
_ANSWER_SPACED = re.compile(r"^([A-Z])[).][ \t]+(.*)$")
_ANSWER_TIGHT = re.compile(r"^([A-Z])[).](\S.*)$")
_KEY = re.compile(r"^ANSWER\s*:\s*(.*)$")
QTYPE = "multichoice"


@dataclass
class _Open:
    line: int
    stem: list[str]
    answers: list[tuple[str, str]] = field(default_factory=list)  # (label, text)


class _AikenReader:
    def __init__(self, source: str) -> None:
        self.out = ForeignReadBuilder(source, "aiken", None)
        self.open: _Open | None = None

    def skip_open(self, reason: str) -> None:
        q = self.open
        assert q is not None
        self.out.skip(q.line, QTYPE, excerpt(" ".join(q.stem)), reason)
        self.open = None

    def run(self, text: str) -> ForeignRead:
        for number, raw in enumerate(split_lines(text), start=1):
            self.line(number, raw.strip())
        if self.open is not None:
            self.skip_open("the file ends before its 'ANSWER:' line")
        return self.out.result()

    def line(self, number: int, line: str) -> None:
        if len(line) < 2:
            return
        key = _KEY.match(line)
        if key:
            self.finish(number, key.group(1).strip())
            return
        answer = _ANSWER_SPACED.match(line) or (
            _ANSWER_TIGHT.match(line) if self.open is not None else None
        )
        if answer:
            if self.open is None:
                self.out.skip(
                    number, QTYPE, excerpt(line), "an answer line with no question line before it"
                )
                return
            self.open.answers.append((answer.group(1), answer.group(2).strip()))
            return
        if self.open is not None and not self.open.answers:
            self.open.stem.append(line)  # the question text wraps onto this line
            return
        if self.open is not None:
            self.skip_open(
                f"no 'ANSWER:' line after its answers (the next question starts at line {number})"
            )
        self.open = _Open(number, [line])

    def finish(self, number: int, key: str) -> None:
        q = self.open
        if q is None:
            self.out.skip(
                number,
                QTYPE,
                excerpt(f"ANSWER: {key}"),
                "an 'ANSWER:' line with no question before it",
            )
            return
        labels = [label for label, _ in q.answers]
        if len(labels) > MAX_OPTIONS:  # more answers than letters: labels must repeat
            self.skip_open(
                f"it has {len(labels):,} answers; a question may have at most {MAX_OPTIONS}, "
                "labelled A to Z"
            )
            return
        if len(q.answers) < 2:
            have = "no answers" if not q.answers else "only one answer"
            self.skip_open(f"it has {have}; it needs at least two")
            return
        expected = [chr(ord("A") + i) for i in range(len(labels))]
        if labels != expected:
            self.skip_open(
                f"its answers are labelled {', '.join(labels)}; label them "
                f"{', '.join(expected)} in order"
            )
            return
        if not re.fullmatch(r"[A-Z]", key.upper()) or key.upper() not in labels:
            self.skip_open(
                f"'ANSWER: {key}' (line {number}) must name one of its answers, {', '.join(labels)}"
            )
            return
        right = key.upper()
        self.out.add(
            Draft(
                line=q.line,
                qtype=QTYPE,
                name="",
                category="",
                stem=Markup(" ".join(q.stem), "plain"),
                choices=tuple(
                    DraftChoice(Markup(text, "plain"), label == right) for label, text in q.answers
                ),
            )
        )
        self.open = None


def parse_aiken(text: str, source: str) -> ForeignRead:
    return _AikenReader(source).run(text)
