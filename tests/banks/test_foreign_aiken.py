"""Aiken reader: valid questions, and every malformed block skipped with its line."""

from __future__ import annotations

from pathlib import Path

from app.banks.aiken import parse_aiken
from app.banks.foreign import read_foreign

FOREIGN = Path(__file__).resolve().parents[1] / "data" / "foreign"


def test_valid_file() -> None:
    read = read_foreign(FOREIGN / "valid.aiken")
    assert read.format == "aiken"
    assert read.errors == () and read.skipped == ()
    rotor, fuse = read.questions
    # a question line that wraps before its first answer is one stem
    assert rotor.line == 1
    assert rotor.stem == "Which tool measures brake rotor thickness variation most accurately?"
    assert [(c.text, c.correct, c.rationale) for c in rotor.choices] == [
        ("A micrometer", True, ""),
        ("A straightedge", False, ""),
        ("A feeler gauge", False, ""),
        ("A tape measure", False, ""),
    ]
    assert (rotor.name, rotor.category, rotor.explanation, rotor.style) == ("", "", "", "direct")
    # "A." labels work as well as "A)"; three answers are kept as three
    assert fuse.line == 9
    assert [(c.text, c.correct) for c in fuse.choices] == [
        ("An open circuit", False),
        ("A short to ground", True),
        ("High resistance", False),
    ]


def test_malformed_blocks_are_skipped_with_their_lines() -> None:
    path = FOREIGN / "malformed.aiken"
    read = read_foreign(path)
    assert read.errors == ()
    assert [(q.line, q.stem) for q in read.questions] == [(14, "A good question")]
    assert [str(d) for d in read.skipped] == [
        f"{path}:1:1: warning: skipped: multichoice question 'A question with no answers': "
        "it has no answers; it needs at least two",
        f"{path}:4:1: warning: skipped: multichoice question 'A question whose key names no "
        "answer': 'ANSWER: E' (line 7) must name one of its answers, A, B",
        f"{path}:9:1: warning: skipped: multichoice question 'A question with answers out of "
        "order': its answers are labelled A, C; label them A, B in order",
        f"{path}:19:1: warning: skipped: multichoice question 'A question the file ends in': "
        "the file ends before its 'ANSWER:' line",
    ]


def test_crlf_and_tight_labels_only_inside_a_question() -> None:
    text = (
        "A.C. compressor clutch gap is checked with:\r\n"
        "A)A feeler gauge\r\nB)A ruler\r\nANSWER: a\r\n"
    )
    read = parse_aiken(text, "x.txt")
    (q,) = read.questions
    # "A.C." starts the question: without a space a label only counts inside a question
    assert q.stem == "A.C. compressor clutch gap is checked with:"
    assert [(c.text, c.correct) for c in q.choices] == [
        ("A feeler gauge", True),
        ("A ruler", False),
    ]


def test_markup_is_text() -> None:
    read = parse_aiken("Is <script>x()</script> shown?\nA) Yes & no\nB) No\nANSWER: B\n", "x")
    (q,) = read.questions
    assert q.stem == "Is &lt;script&gt;x()&lt;/script&gt; shown?"
    assert q.choices[0].text == "Yes &amp; no"
