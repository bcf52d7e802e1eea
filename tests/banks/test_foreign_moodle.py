"""Moodle XML reader (types, lines, embedded images) and the Moodle XML export round trip."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import defusedxml.ElementTree as SafeET
import pytest

from app.banks.diagnostics import BankError
from app.banks.foreign import read_foreign
from app.banks.moodle import dump_moodle_xml, parse_moodle_xml
from app.banks.native import read_bank
from app.domain.bank import Choice, Question

DATA = Path(__file__).resolve().parents[1] / "data"
FOREIGN = DATA / "foreign"
ONLY = "only single-answer multiple choice and true/false questions are imported"


def _question_line(path: Path, name: str) -> int:
    """The line of the <question start tag of the question with this name."""
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if f"<text>{name}</text>" in line)
    return next(i + 1 for i in range(at, -1, -1) if "<question" in lines[i])


def test_valid_file() -> None:
    path = FOREIGN / "valid.xml"
    read = read_foreign(path)
    assert read.format == "moodle"
    assert read.errors == ()
    names = ["Copper test", "Silicone fluid", "Ohm"]
    assert [(q.line, q.name) for q in read.questions] == [
        (_question_line(path, n), n) for n in names
    ]
    # the truefalse start tag spans two lines; its line is where "<question" is
    assert read.questions[1].line == 36
    copper, silicone, ohm = read.questions
    assert copper.category == silicone.category == "$course$/Brakes/A5.A.2.1"
    assert ohm.category == "$course$/Electrical"
    assert copper.stem == (
        "A test strip shows <strong>high copper</strong> &amp; low pH. What is needed?"
    )
    assert copper.explanation == "The inhibitors are used up."
    assert copper.choices == (
        Choice("Flush and refill", True, "Right: new fluid restores the inhibitors."),
        Choice("Top up with DOT 5", False, "Never mix silicone and glycol fluids."),
        Choice("Add a conditioner", False, ""),
        Choice("Nothing", False, ""),
    )
    # true/false always comes out True then False, with each answer's feedback
    assert silicone.choices == (
        Choice("True", True, "Yes."),
        Choice("False", False, "Look at the label again."),
    )
    # single=false with one 100 % answer (and a penalty) is single-answer; the blank answer goes
    assert ohm.stem == "Which formula gives current when E &lt; 12 V?"
    assert [(c.text, c.correct) for c in ohm.choices] == [
        ("I = E x R", False),
        ("I = E / R", True),
        ("I = R / E", False),
    ]
    expected = [
        (
            "Two halves",
            "multichoice",
            f"multiple-answer question with partial credit (50%, 50%, -100%); {ONLY}",
        ),
        ("Two keys", "multichoice", f"2 answers are worth 100%; {ONLY}"),
    ] + [
        (name, qtype, f"{qtype} questions are not supported; {ONLY}")
        for name, qtype in [
            ("Unit of resistance", "shortanswer"),
            ("Battery voltage", "numerical"),
            ("Match the meters", "matching"),
            ("Cloze", "multianswer"),
            ("Read this first", "description"),
            ("Explain", "essay"),
        ]
    ]
    assert [(d.line, d.message) for d in read.skipped] == [
        (_question_line(path, name), f"skipped: {qtype} question '{name}': {reason}")
        for name, qtype, reason in expected
    ]


def test_embedded_and_folder_images() -> None:
    path = FOREIGN / "base64-image.xml"
    read = read_foreign(path)
    gauge, wiring = read.questions
    assert gauge.stem == "What does the gauge show?"
    assert gauge.exhibit_name == "gauge red.png"
    assert gauge.exhibit_data == (FOREIGN / "images" / "gauge.png").read_bytes()
    # @@PLUGINFILE@@ without an embedded file falls back to the import folder
    assert wiring.exhibit_name == "wiring.svg"
    assert wiring.exhibit_data == (FOREIGN / "images" / "wiring.svg").read_bytes()
    assert [(d.line, d.message) for d in read.errors] == [
        (
            _question_line(path, "Bad base64"),
            "question 'Bad base64': embedded file 'broken.png' is not valid base64",
        )
    ]
    assert [(d.line, d.message) for d in read.skipped] == [
        (
            _question_line(path, "JPEG"),
            "skipped: multichoice question 'JPEG': image 'photo.jpg' is not PNG or SVG; "
            "convert it to PNG and import again",
        ),
        (
            _question_line(path, "Remote"),
            "skipped: multichoice question 'Remote': image 'https://example.com/x.png' is on "
            "the internet; BayReady does not download images - save it beside the file (or "
            "embed it) and refer to it by a relative path",
        ),
    ]


def test_malformed_xml_names_the_line() -> None:
    path = FOREIGN / "malformed.xml"
    read = read_foreign(path)
    assert read.questions == () and read.skipped == ()
    (err,) = read.errors
    assert (err.line, err.col) == (7, 5)
    assert err.message.startswith("XML syntax error: mismatched tag (line 7, column 5)")


def test_not_a_quiz_and_bad_fraction() -> None:
    read = parse_moodle_xml(b"<?xml version='1.0'?>\n<html><body/></html>", "x.xml", None)
    assert [d.message for d in read.errors] == [
        "not a Moodle XML question file: the root element is <html>, expected <quiz>"
    ]
    xml = (
        b"<quiz>\n\n<question type='multichoice'><name><text>F</text></name>"
        b"<questiontext><text>Q</text></questiontext>"
        b"<answer fraction='lots'><text>a</text></answer></question></quiz>"
    )
    read = parse_moodle_xml(xml, "x.xml", None)
    assert [(d.line, d.message) for d in read.errors] == [
        (3, "question 'F': answer fraction 'lots' is not a number")
    ]


# -- export and round trip ---------------------------------------------------------------------


def _expected_stem(q: Question) -> str:
    # newlines are written as <br> (Moodle shows HTML); everything else comes back as it was
    return q.full_stem().replace("\n", "<br>")


def test_round_trip_of_the_mini_bank(tmp_path: Path) -> None:
    bank = read_bank(DATA / "mini-bank.yaml")
    xml = dump_moodle_xml(bank)
    path = tmp_path / "mini-bank.xml"
    path.write_text(xml, encoding="utf-8")
    read = read_foreign(path)
    assert read.errors == () and read.skipped == ()
    assert len(read.questions) == len(bank.questions) == 8
    by_name = {q.name: q for q in read.questions}
    assert set(by_name) == {q.id for q in bank.questions}
    for q in bank.questions:
        r = by_name[q.id]
        assert r.stem == _expected_stem(q)
        # tech_ab items come back as the four fixed options with their rationales
        assert r.choices == q.rendered_choices()
        assert r.explanation == q.explanation
        assert r.category == f"$course$/BayReady/Z9/{q.task}"
        assert r.category.rsplit("/", 1)[-1] == q.task
    tech = by_name["Z9-003"]
    assert [c.text for c in tech.choices] == ["A only", "B only", "Both A and B", "Neither A nor B"]
    assert "Technician A says statement A of item 3." in tech.stem
    exhibit = by_name["Z9-001"]
    assert exhibit.exhibit_name == "circuit.svg"
    assert exhibit.exhibit_data == (DATA / "exhibits" / "circuit.svg").read_bytes()
    assert all(q.exhibit_name is None for q in read.questions if q.name != "Z9-001")


def test_export_is_moodle_shaped() -> None:
    bank = read_bank(DATA / "mini-bank.yaml")
    root = SafeET.fromstring(dump_moodle_xml(bank).encode())
    assert root.tag == "quiz"
    categories = [q.findtext("category/text") for q in root if q.get("type") == "category"]
    assert categories == [
        "$course$/BayReady/Z9/Z9.A.1.1",
        "$course$/BayReady/Z9/Z9.A.1.2",
        "$course$/BayReady/Z9/Z9.B.1.1",
    ]
    questions = [q for q in root if q.get("type") == "multichoice"]
    assert len(questions) == 8
    for q in questions:
        assert q.findtext("single") == "true"
        assert sorted(a.get("fraction") for a in q.findall("answer")) == ["0", "0", "0", "100"]
    tech = next(q for q in questions if q.findtext("name/text") == "Z9-003")
    assert tech.findtext("shuffleanswers") == "false"
    (file,) = next(q for q in questions if q.findtext("name/text") == "Z9-001").iter("file")
    assert (file.get("name"), file.get("encoding")) == ("circuit.svg", "base64")


def test_export_escapes_text_and_survives_cdata_ends(tmp_path: Path) -> None:
    bank = read_bank(DATA / "mini-bank.yaml")
    q = dataclasses.replace(
        bank.questions[1],
        stem="Use <b>12 V</b> & check < 0.5 V ]]> drop.\nThen what?",
        explanation="A & B",
    )
    bank = dataclasses.replace(bank, questions=(q,))
    path = tmp_path / "odd.xml"
    path.write_text(dump_moodle_xml(bank), encoding="utf-8")
    (r,) = read_foreign(path).questions
    assert r.stem == "Use <b>12 V</b> &amp; check &lt; 0.5 V ]]&gt; drop.<br>Then what?"
    assert r.explanation == "A &amp; B"


def test_export_embeds_exhibits_held_in_memory_and_refuses_missing_ones() -> None:
    bank = read_bank(DATA / "mini-bank.yaml")
    from_db = dataclasses.replace(
        bank, source="", exhibit_files={"exhibits/circuit.svg": b"<svg>in memory</svg>"}
    )
    xml = dump_moodle_xml(from_db)
    assert re.search(r'<file name="circuit.svg" path="/" encoding="base64">PHN2Zz5pbi', xml)
    missing = dataclasses.replace(bank, source="", exhibit_files={})
    with pytest.raises(BankError, match=r"question Z9-001: exhibit 'exhibits/circuit\.svg'"):
        dump_moodle_xml(missing)
