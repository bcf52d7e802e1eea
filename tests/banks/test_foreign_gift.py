"""GIFT reader: question types, escapes, categories, feedback and malformed blocks with lines."""

from __future__ import annotations

from pathlib import Path

from app.banks.foreign import ForeignRead, read_foreign
from app.banks.gift import looks_like_gift, parse_gift

FOREIGN = Path(__file__).resolve().parents[1] / "data" / "foreign"
ONLY = "only single-answer multiple choice and true/false questions are imported"


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i + 1 for i, line in enumerate(lines) if needle in line)


def _gift(text: str) -> ForeignRead:
    return parse_gift(text, "test.gift", None)


def test_valid_file() -> None:
    path = FOREIGN / "valid.gift"
    read = read_foreign(path)
    assert read.format == "gift"
    assert read.errors == ()
    assert [(q.line, q.name) for q in read.questions] == [
        (_line_of(path, "::BRK-1::"), "BRK-1"),
        (_line_of(path, "::BRK-2::"), "BRK-2"),
        (_line_of(path, "[plain]Ohm"), ""),
        (_line_of(path, "::ELC-2::"), "ELC-2"),
        (_line_of(path, "::ELC-3::"), "ELC-3"),
    ]
    brk1, brk2, ohm, relay, gauge = read.questions
    assert brk1.category == brk2.category == "$course$/Brakes/A5.A.2.1"
    assert ohm.category == relay.category == gauge.category == "$course$/Electrical"
    assert brk1.stem == (
        "A test strip shows <b>high copper</b> in the brake fluid. What is needed?"
    )
    assert [(c.text, c.correct, c.rationale) for c in brk1.choices] == [
        ("Flush and refill the system", True, "Spent inhibitors let the lines corrode."),
        ("Top up with DOT 5", False, "Never mix silicone and glycol fluids."),
        ("Add a conditioner", False, "No additive restores spent fluid."),
        ("Nothing", False, "Copper means corrosion has started."),
    ]
    assert brk1.explanation == "Copper content shows the corrosion inhibitors are used up."
    assert (brk1.style, brk1.task, brk1.difficulty, brk1.exhibit_name) == ("direct", "", 2, None)
    assert [(c.text, c.correct, c.rationale) for c in brk2.choices] == [
        ("True", True, "Yes, DOT 5 is silicone."),
        ("False", False, "Look at the label again."),
    ]
    # escapes \: \{ \} \= restored; [plain] text is escaped, not interpreted
    assert ohm.stem == "Ohm's law: which formula gives current? Use {I} = E / R."
    assert [(c.text, c.correct) for c in ohm.choices] == [
        ("I = E x R", False),
        ("I = E / R", True),
        ("I = R / E", False),
    ]
    assert relay.stem == "A relay coil is energised by the _____ circuit."
    assert [c.text for c in relay.choices if c.correct] == ["control"]
    assert gauge.stem == "What does the gauge show?"
    assert gauge.exhibit_name == "gauge.png"
    assert gauge.exhibit_data == (FOREIGN / "images" / "gauge.png").read_bytes()
    assert [str(d) for d in read.skipped] == [
        f"{path}:{_line_of(path, '::ELC-4::')}:1: warning: skipped: shortanswer question "
        f"'ELC-4': shortanswer questions are not supported; {ONLY}"
    ]


def test_malformed_blocks_are_errors_with_their_lines() -> None:
    path = FOREIGN / "malformed.gift"
    read = read_foreign(path)
    assert [(q.line, q.name) for q in read.questions] == [(_line_of(path, "::Fine::"), "Fine")]
    assert [(d.line, d.message) for d in read.errors] == [
        (
            _line_of(path, "::Bad name"),
            "the question name after '::' is never closed with '::' (write \\: for a colon "
            "inside a name)",
        ),
        (
            _line_of(path, "::Unclosed::"),
            "question 'Unclosed': the answer block opened with '{' is never closed with '}'; "
            "note that a blank line ends a question",
        ),
        (
            _line_of(path, "::Stray::"),
            "question 'Stray': '}' without an opening '{' (write \\} for a literal brace)",
        ),
        (
            _line_of(path, "::Missing blank line::"),
            "question 'Two blocks': a second answer block starts here; separate questions with "
            "a blank line",
        ),
    ]
    assert all(d.severity.value == "error" and d.file == str(path) for d in read.errors)


def test_question_types_that_are_skipped() -> None:
    text = (
        "::essay::Explain.{}\n\n"
        "::num::Volts?{#12.6:0.2}\n\n"
        "::match::Match.{=a -> 1 =b -> 2}\n\n"
        "::short::Unit?{=ohm =Ohm}\n\n"
        "::desc::Read this first.\n\n"
        "::multi::Pick two.{~%50%a ~%50%b ~%-100%c}\n\n"
        "::twokeys::Pick.{=a =b ~c}\n\n"
        "::nokey::Pick.{~a ~b}\n\n"
        "::onlyone::Pick.{=a ~}\n"
    )
    read = _gift(text)
    assert read.questions == () and read.errors == ()
    assert [(d.line, d.message) for d in read.skipped] == [
        (1, f"skipped: essay question 'essay': essay questions are not supported; {ONLY}"),
        (3, f"skipped: numerical question 'num': numerical questions are not supported; {ONLY}"),
        (5, f"skipped: matching question 'match': matching questions are not supported; {ONLY}"),
        (
            7,
            f"skipped: shortanswer question 'short': shortanswer questions are not supported; "
            f"{ONLY}",
        ),
        (9, f"skipped: description question 'desc': it has no answer block {{...}}; {ONLY}"),
        (
            11,
            "skipped: multichoice question 'multi': multiple-answer question with partial "
            f"credit (50%, 50%, -100%); {ONLY}",
        ),
        (13, f"skipped: multichoice question 'twokeys': 2 answers are marked correct; {ONLY}"),
        (
            15,
            f"skipped: multichoice question 'nokey': no answer is marked correct with '='; {ONLY}",
        ),
        (17, "skipped: multichoice question 'onlyone': answer 2 is empty"),
    ]


def test_true_false_forms_and_feedback() -> None:
    read = _gift("::a::Sky is blue.{T}\n\n::b::Grass is red.{F#It is green.#Right.}\n")
    a, b = read.questions
    assert [(c.text, c.correct) for c in a.choices] == [("True", True), ("False", False)]
    assert [(c.text, c.correct, c.rationale) for c in b.choices] == [
        ("True", False, "It is green."),
        ("False", True, "Right."),
    ]


def test_weights_penalties_and_percent_keys() -> None:
    # one 100 % answer plus a penalty is still single-answer
    read = _gift("Pick.{~%100%right ~%-50%penalised ~wrong}\n")
    (q,) = read.questions
    assert [(c.text, c.correct) for c in q.choices] == [
        ("right", True),
        ("penalised", False),
        ("wrong", False),
    ]
    assert q.name == ""
    assert q.line == 1


def test_category_in_same_block_crlf_and_comments() -> None:
    text = "// header\r\n$CATEGORY: top/sub\r\n// note\r\n::q::Which?{=a ~b}\r\n"
    (q,) = _gift(text).questions
    assert (q.line, q.category, q.name) == (4, "top/sub", "q")


def test_unnamed_question_is_labelled_by_its_text_when_skipped() -> None:
    read = _gift("\n\n// c\nWhat is the firing order of this engine?{}\n")
    (d,) = read.skipped
    assert d.line == 4
    assert "essay question 'What is the firing order of this engine?'" in d.message


def test_html_is_sanitised_and_moodle_format_keeps_line_breaks() -> None:
    read = _gift(
        '::h::[html]<p onclick\\="x()">Pick</p><script>bad()</script>{=<i>a</i> ~b}\n\n'
        "::m::First line\\nsecond line{=a ~b}\n"
    )
    h, m = read.questions
    assert h.stem == "Pick"
    assert h.choices[0].text == "<i>a</i>"
    assert m.stem == "First line<br>second line"


def test_txt_is_gift_only_with_answer_blocks(tmp_path: Path) -> None:
    assert looks_like_gift("::q::Which?{=a ~b}")
    assert not looks_like_gift("// {not a block}\nA question\nA) x\nB) y\nANSWER: A\n")
    assert not looks_like_gift("Literal \\{ brace\nA) x\nB) y\nANSWER: A\n")
    gift_txt = tmp_path / "q.txt"
    gift_txt.write_text("::q::Which?{=a ~b}\n", encoding="utf-8")
    assert read_foreign(gift_txt).format == "gift"
    aiken_txt = tmp_path / "a.txt"
    aiken_txt.write_text("Which?\nA) x\nB) y\nANSWER: A\n", encoding="utf-8")
    assert read_foreign(aiken_txt).format == "aiken"
