"""Moodle's GIFT text format: questions separated by blank lines, answers in `{...}` blocks.

Follows Moodle's own reader (qformat_gift): `//` comment lines, `::name::`, `[html]`-style format
markers, `\\` escapes for `~ = # { } :`, `$CATEGORY: path`, `####` general feedback, and the rules
that tell the question types apart. Single-answer multiple choice and true/false are taken (a
missing-word question, with text after the answer block, gets a `_____` blank like Moodle gives
it); every other type is listed as skipped. Pure parsing: no database, no Qt.
"""

from __future__ import annotations

import re
from pathlib import Path

from app.banks.drafts import (
    SUPPORTED,
    Draft,
    DraftChoice,
    ForeignRead,
    ForeignReadBuilder,
    Markup,
    excerpt,
    single_answer_problem,
    split_lines,
)

# escaped characters are swapped for private-use placeholders while the structure is parsed
_ESCAPES = {
    ":": "\ue000",
    "#": "\ue001",
    "=": "\ue002",
    "{": "\ue003",
    "}": "\ue004",
    "~": "\ue005",
}
_BACKSLASH = "\ue006"
_NEWLINE = "\ue007"
_RESTORE = str.maketrans({v: k for k, v in _ESCAPES.items()} | {_BACKSLASH: "\\", _NEWLINE: "\n"})
_FORMAT = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.I)
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_CATEGORY = re.compile(r"^\$CATEGORY:\s*(.*)$")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}


def looks_like_gift(text: str) -> bool:
    """True when the text has an unescaped `{` outside comment lines (else it is taken as Aiken)."""
    for line in split_lines(text):
        if line.lstrip().startswith("//"):
            continue
        if re.search(r"(?<!\\)\{", line):
            return True
    return False


_ESCAPED = re.compile(r"\\([:#={}~\\n])")
_PLACEHOLDER = _ESCAPES | {"\\": _BACKSLASH, "n": _NEWLINE}


def _protect(text: str) -> str:
    """Escaped characters (and \\n) swapped for placeholders; a lone backslash stays as it is."""
    return _ESCAPED.sub(lambda m: _PLACEHOLDER[m.group(1)], text)


def _restore(text: str) -> str:
    return text.translate(_RESTORE)


def _markup(text: str, default: str) -> Markup:
    """Text with an optional leading [format] marker, escapes restored."""
    m = _FORMAT.match(text)
    if m:
        return Markup(_restore(text[m.end() :]).strip(), m.group(1).lower())
    return Markup(_restore(text).strip(), default)


class _GiftReader:
    def __init__(self, source: str, folder: Path | None) -> None:
        self.out = ForeignReadBuilder(source, "gift", folder)
        self.category = ""

    def run(self, text: str) -> ForeignRead:
        block: list[tuple[int, str]] = []
        for number, raw in enumerate(split_lines(text), start=1):
            line = raw.strip()
            if not line:
                self.block(block)
                block = []
            else:
                block.append((number, line))
        self.block(block)
        return self.out.result()

    def block(self, lines: list[tuple[int, str]]) -> None:
        # comment lines are blanked, not removed, so offsets still map to source lines
        lines = [(n, "" if t.startswith("//") else t) for n, t in lines]
        # a loop over an index, not pop(0) or recursion: a block of 100,000 comment lines or
        # `$CATEGORY:` lines must cost linear time and no stack
        first = 0
        while True:
            while first < len(lines) and not lines[first][1]:
                first += 1
            if first == len(lines):
                return
            m = _CATEGORY.match(lines[first][1])
            if not m:
                break
            self.category = _restore(_protect(m.group(1))).strip()
            first += 1
        self.question(lines[first][0], _protect("\n".join(t for _, t in lines[first:])))

    def question(self, start: int, text: str) -> None:
        full = text

        def line_at(offset: int) -> int:
            return start + full.count("\n", 0, offset)

        name = ""
        body_at = 0
        if text.startswith("::"):
            end = text.find("::", 2)
            if end < 0:
                self.out.error(
                    start,
                    "the question name after '::' is never closed with '::' (write \\: for a "
                    "colon inside a name)",
                )
                return
            name = " ".join(_restore(text[2:end]).split())
            body_at = end + 2
        body = text[body_at:]
        fmt_match = _FORMAT.match(body)
        fmt = fmt_match.group(1).lower() if fmt_match else "moodle"
        if fmt_match:
            body_at += fmt_match.end()
            body = text[body_at:]
        opening = body.find("{")
        closing = body.find("}")
        label = name or excerpt(_restore(body.split("{", 1)[0])) or f"line {start}"
        if opening < 0 and closing < 0:
            self.out.skip(
                start, "description", label, f"it has no answer block {{...}}; {SUPPORTED}"
            )
            return
        if opening < 0 or (0 <= closing < opening):
            self.out.error(
                line_at(body_at + closing),
                f"question '{label}': '}}' without an opening '{{' (write \\}} for a literal "
                "brace)",
            )
            return
        if closing < 0:
            self.out.error(
                line_at(body_at + opening),
                f"question '{label}': the answer block opened with '{{' is never closed with "
                "'}'; note that a blank line ends a question",
            )
            return
        again = body.find("{", closing + 1)
        if again >= 0:
            self.out.error(
                line_at(body_at + again),
                f"question '{label}': a second answer block starts here; separate questions with "
                "a blank line",
            )
            return
        before, answers, after = body[:opening], body[opening + 1 : closing], body[closing + 1 :]
        # Moodle's missing-word format: text after the block, the answer becomes a blank
        stem_text = before.strip() if not after.strip() else (before + "_____" + after).strip()
        stem = Markup(_restore(stem_text), fmt)
        general = ""
        if "####" in answers:
            answers, general = answers.split("####", 1)
        explanation = _markup(general, fmt)
        answers = answers.strip()
        qtype = self.kind(answers)
        if qtype not in ("multichoice", "truefalse"):
            self.out.skip(start, qtype, label, f"{qtype} questions are not supported; {SUPPORTED}")
            return
        choices = (
            self.true_false(answers, fmt)
            if qtype == "truefalse"
            else self.multichoice(start, label, answers, fmt)
        )
        if choices is None:
            return
        self.out.add(
            Draft(
                line=start,
                qtype=qtype,
                name=name,
                category=self.category,
                stem=stem,
                choices=choices,
                explanation=explanation,
            )
        )

    @staticmethod
    def kind(answers: str) -> str:
        """The question type, decided the way Moodle decides it."""
        if not answers:
            return "essay"
        if answers.startswith("#"):
            return "numerical"
        if "~" in answers:
            return "multichoice"
        if "=" in answers and "->" in answers:
            return "matching"
        if answers.split("#", 1)[0].strip().upper() in _TRUE_FALSE:
            return "truefalse"
        return "shortanswer"

    @staticmethod
    def true_false(answers: str, fmt: str) -> tuple[DraftChoice, ...]:
        # {TRUE#feedback when answered wrongly#feedback when answered rightly}
        parts = [*answers.split("#", 2), "", ""]
        is_true = _TRUE_FALSE[parts[0].strip().upper()]
        wrong, right = _markup(parts[1], fmt), _markup(parts[2], fmt)
        return (
            DraftChoice(Markup("True", "plain"), is_true, right if is_true else wrong),
            DraftChoice(Markup("False", "plain"), not is_true, wrong if is_true else right),
        )

    def multichoice(
        self, start: int, label: str, answers: str, fmt: str
    ) -> tuple[DraftChoice, ...] | None:
        parts = answers.replace("=", "~=").split("~")
        if not parts[0].strip():
            parts = parts[1:]
        weights: list[float] = []
        found: list[tuple[str, str]] = []
        for raw in parts:
            part = raw.strip()
            weight = 0.0
            if part.startswith("="):
                weight = 100.0
                part = part[1:].lstrip()
            m = _WEIGHT.match(part)
            if m:
                weight = float(m.group(1))
                part = part[m.end() :]
            text, _, feedback = part.partition("#")
            weights.append(weight)
            found.append((text, feedback))
        problem = single_answer_problem(
            weights,
            no_key="no answer is marked correct with '='",
            many_keys="{n} answers are marked correct",
        )
        if problem:
            self.out.skip(start, "multichoice", label, problem)
            return None
        return tuple(
            DraftChoice(_markup(text, fmt), w == 100, _markup(feedback, fmt))
            for (text, feedback), w in zip(found, weights, strict=True)
        )


def parse_gift(text: str, source: str, folder: Path | None) -> ForeignRead:
    """Read GIFT text; images in [html] questions are looked up inside `folder`."""
    return _GiftReader(source, folder).run(text)
