"""Real Moodle exports (shared, read-only): exact imported questions and skipped lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.banks.foreign import ForeignRead, read_foreign

# a copy of ../shared/conformance/moodle, kept in the repo so CI on a fresh clone has it
CONFORMANCE = Path(__file__).resolve().parents[1] / "data" / "conformance" / "moodle"
pytestmark = pytest.mark.skipif(
    not CONFORMANCE.is_dir(), reason=f"conformance files not found at {CONFORMANCE}"
)
ONLY = "only single-answer multiple choice and true/false questions are imported"


def _read(name: str) -> ForeignRead:
    return read_foreign(CONFORMANCE / name)


def _skipped(read: ForeignRead) -> list[tuple[int, str]]:
    for d in read.skipped:
        assert d.file == read.source
        assert d.severity.value == "warning"
    return [(d.line, d.message) for d in read.skipped]


def _imported(read: ForeignRead) -> list[tuple[int, str]]:
    return [(q.line, q.name or q.stem) for q in read.questions]


def test_gift_questions() -> None:
    read = _read("questions.gift.txt")
    assert read.format == "gift"
    assert read.errors == ()
    assert _imported(read) == [(14, "Q2"), (41, "Q1"), (46, "2-08 TSL"), (49, "2-08 TSL")]
    assert _skipped(read) == [
        (2, f"skipped: essay question 'Q8': essay questions are not supported; {ONLY}"),
        (
            5,
            "skipped: matching question 'Moodle activities': matching questions are not "
            f"supported; {ONLY}",
        ),
        (
            22,
            "skipped: multichoice question 'colours': multiple-answer question with partial "
            f"credit (50%, -100%, 50%, -100%); {ONLY}",
        ),
        (31, f"skipped: numerical question 'Q5': numerical questions are not supported; {ONLY}"),
        (
            34,
            "skipped: shortanswer question 'Shortanswer': shortanswer questions are not "
            f"supported; {ONLY}",
        ),
    ]
    q2, q1, tsl_t, tsl_true = read.questions
    assert q2.stem == "What's between orange and green in the spectrum?"
    assert [(c.text, c.correct, c.rationale) for c in q2.choices] == [
        ("yellow", True, "right; good!"),
        ("red", False, "wrong, it's yellow"),
        ("blue", False, "wrong, it's yellow"),
    ]
    # true/false becomes two options; '#wrong#right' feedback goes to the matching option
    assert [(c.text, c.correct, c.rationale) for c in q1.choices] == [
        ("True", False, "42 is the Ultimate Answer."),
        ("False", True, "You gave the right answer."),
    ]
    assert q1.explanation == "This is, of course, a Hitchiker's Guide to the Galaxy reference."
    # text after the answer block is Moodle's missing-word format: the block becomes a blank
    assert q1.stem == '42 is the Absolute Answer to everything._____";'
    for q in (tsl_t, tsl_true):
        assert q.stem == "TSL is blablabla."
        assert [(c.text, c.correct) for c in q.choices] == [("True", True), ("False", False)]
    assert all(q.category == "" for q in read.questions)


def test_gift_questions_in_category() -> None:
    read = _read("questions_in_category.gift.txt")
    assert read.errors == ()
    assert _imported(read) == [(14, "Greeting"), (27, "Moodle acronym")]
    assert _skipped(read) == [
        (
            5,
            "skipped: matching question 'Moodle activities': matching questions are not "
            f"supported; {ONLY}",
        ),
        (
            22,
            "skipped: shortanswer question 'Moodle user': shortanswer questions are not "
            f"supported; {ONLY}",
        ),
    ]
    greeting, acronym = read.questions
    assert {q.category for q in read.questions} == {"$course$/Default for New Features"}
    # escaped \= and \: restored; the link (to remote audio) and the styled span are removed
    assert greeting.stem == "Listen to this greeting:<br><br>What language is being spoken?"
    assert [c.text for c in greeting.choices if c.correct] == ["French"]
    assert greeting.choices[1].rationale == "Yes, well done!"
    assert acronym.stem == (
        "Moodle is an acronym for Modular Object-Oriented Dynamic Learning Environment."
    )
    assert [(c.text, c.correct) for c in acronym.choices] == [("True", True), ("False", False)]


def test_moodle_xml_nested_categories() -> None:
    read = _read("nested_categories_with_questions.xml")
    assert read.format == "moodle"
    assert read.errors == ()
    assert [(q.line, q.name, q.category) for q in read.questions] == [
        (15, "Iota Question", "$course$/Iota"),
        (83, "Kappa Question", "$course$/Iota/Kappa"),
        (123, "Lambda Question", "$course$/Iota/Kappa/Lambda"),
        (163, "Mu Question", "$course$/Iota/Mu"),
    ]
    assert _skipped(read) == [
        (
            55,
            "skipped: essay question 'Kappa Essay Question': essay questions are not "
            f"supported; {ONLY}",
        )
    ]
    for q in read.questions:
        assert q.stem == f"Testing {q.name}"
        assert [(c.text, c.correct, c.rationale) for c in q.choices] == [
            ("True", True, ""),
            ("False", False, ""),
        ]


def test_aiken_questions() -> None:
    read = _read("questions.aiken.txt")
    assert read.format == "aiken"
    assert read.errors == () and read.skipped == ()
    first, second = read.questions
    assert (first.line, first.stem) == (1, "The Moodle project was started by:")
    assert [c.text for c in first.choices] == [
        "Petr Skoda",
        "Martin Dougiamas",
        "Eloy Lafuente",
        "Tim Hunt",
    ]
    assert [c.correct for c in first.choices] == [False, True, False, False]
    # Aiken is plain text: the markup is kept as text, escaped, never interpreted
    assert second.line == 8
    assert second.stem == (
        "Moodle's abilities include handling user input that includes "
        '&lt;html class="cool"&gt; &amp; images:'
    )
    assert [(c.text, c.correct) for c in second.choices] == [("True", True), ("False", False)]


def test_aiken_errors() -> None:
    read = _read("aiken_errors.txt")
    assert read.errors == ()
    assert [(q.line, q.stem) for q in read.questions] == [
        (9, "A good question"),
        (18, "A second good question"),
    ]
    assert [c.correct for c in read.questions[1].choices] == [False, True]
    assert read.questions[1].choices[1].text == "Correct (No space)"
    assert _skipped(read) == [
        (
            1,
            "skipped: multichoice question 'A question with too few answers': it has only one "
            "answer; it needs at least two",
        ),
        (
            5,
            "skipped: multichoice question 'A) Question not started': an answer line with no "
            "question line before it",
        ),
        (
            7,
            "skipped: multichoice question 'ANSWER: Question not started': an 'ANSWER:' line "
            "with no question before it",
        ),
        (
            14,
            "skipped: multichoice question 'A question started but not finished': no 'ANSWER:' "
            "line after its answers (the next question starts at line 18)",
        ),
    ]
