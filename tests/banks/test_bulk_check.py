"""The bulk pass over a bank's questions never passes what the item-by-item checks would report.

`clean_questions` skips the per-question loop for a clean file (the speed of a 20,000-question
import and validation); every planted mistake below must make it step aside (None), so the loop
runs and reports the problem at its line, and a clean bank must get the same per-area counts.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.banks.native import bulk_check, validate_file
from app.banks.native.bulk_check import _CHOICE_OPTIONAL, _CHOICE_REQUIRED, clean_questions
from app.banks.native.schema import CHOICE_KEYS, QUESTION_KEYS
from app.banks.native.validator import Checker
from tests.factories import bank_document

Doc = dict[str, Any]


def _doc() -> Doc:
    return bank_document("Z8", {"A": 3, "B": 2}, per_area_factor=3)


def _tech(doc: Doc) -> dict[str, Any]:
    return next(q for q in doc["questions"] if q["style"] == "tech_ab")


def _mc(doc: Doc, n: int = 0) -> dict[str, Any]:
    return [q for q in doc["questions"] if q["style"] != "tech_ab"][n]  # type: ignore[no-any-return]


def _set(target: Callable[[Doc], dict[str, Any]], key: str, value: Any) -> Callable[[Doc], None]:
    def plant(doc: Doc) -> None:
        target(doc)[key] = value

    return plant


def _drop(target: Callable[[Doc], dict[str, Any]], key: str) -> Callable[[Doc], object]:
    return lambda doc: target(doc).pop(key)


def _first(doc: Doc) -> dict[str, Any]:
    return doc["questions"][0]  # type: ignore[no-any-return]


def _choice(n: int) -> Callable[[Doc], dict[str, Any]]:
    return lambda doc: _mc(doc)["choices"][n]


def _copy_field(key: str) -> Callable[[Doc], None]:
    """The second multiple-choice question takes the first one's `key` (a duplicate)."""
    return lambda doc: _mc(doc, 1).__setitem__(key, _mc(doc, 0)[key])


def _nfkc_twins(doc: Doc) -> None:
    _mc(doc, 0)["stem"] = "Which \ufb01lter is right?"  # the "fi" ligature
    _mc(doc, 1)["stem"] = "Which filter is right?"


PLANTS: dict[str, Callable[[Doc], object]] = {
    "duplicate id": lambda doc: doc["questions"][1].__setitem__("id", _first(doc)["id"]),
    # the checks run a block of questions at a time (blocks of 3 below): twins far apart
    "duplicate id far apart": lambda doc: doc["questions"][-1].__setitem__("id", _first(doc)["id"]),
    "duplicate stem far apart": lambda doc: _last_mc(doc).__setitem__("stem", _mc(doc)["stem"]),
    # stem keys of ASCII text and of text with markup (or beyond ASCII) come from different code
    "duplicate stem far apart, one with markup": lambda doc: (
        _mc(doc).update(stem="Which part fails first?"),
        _last_mc(doc).update(stem="Which <b>part</b> fails first?"),
    ),
    "duplicate stem far apart, one beyond ASCII": lambda doc: (
        _mc(doc).update(stem="Which filter fails first?"),
        _last_mc(doc).update(stem="Which \ufb01lter fails first?"),
    ),
    "id with a space": _set(_first, "id", "Z8 1"),
    "id with a newline": _set(_first, "id", "Z8\n1"),
    "id not text": _set(_first, "id", 7),
    "unknown style": _set(_first, "style", "essay"),
    "unknown task": _set(_first, "task", "Z8.A.9.9"),
    "difficulty 4": _set(_first, "difficulty", 4),
    "difficulty true": _set(_first, "difficulty", True),
    "scenario not a flag": _set(_first, "scenario", "yes"),
    "retired null": _set(_first, "retired", None),
    # a flag no other question sets: the bulk pass looks only at flags some question has
    "shuffle_choices not a flag": _set(_first, "shuffle_choices", "no"),
    "style null on the last question": lambda doc: doc["questions"][-1].__setitem__("style", None),
    "unknown field": _set(_first, "hint", "x"),
    "missing explanation": _drop(_first, "explanation"),
    "empty stem": _set(_first, "stem", ""),
    "blank stem": _set(_first, "stem", "   "),
    "stem too long": _set(_first, "stem", "x" * 2001),
    "stem with a script tag": _set(_first, "stem", "What <script>x</script>?"),
    "stem with a script URL": _set(_first, "stem", "Open JavaScript:alert(1) now?"),
    # the markup check's regex ignores case the way Python does, which takes the long s and the
    # dotless and dotted capital i for `s` and `i`: str.lower() does not
    "stem with a script URL spelled with a long s": _set(_first, "stem", "Open java\u017fcript:x?"),
    "choice with a script URL spelled with a dotless i": _set(
        _choice(2), "text", "javascr\u0131pt:x"
    ),
    "rationale with a script URL spelled with a dotted capital I": _set(
        _choice(1), "rationale", "JAVASCR\u0130PT:x"
    ),
    "duplicate stem": _copy_field("stem"),
    "duplicate stem but for case and punctuation": lambda doc: _mc(doc, 1).__setitem__(
        "stem", _mc(doc, 0)["stem"].upper() + "?!"
    ),
    "duplicate stem after NFKC": _nfkc_twins,
    "explanation null": _set(_first, "explanation", None),
    "three choices": lambda doc: _mc(doc)["choices"].pop(),
    "every choice correct": lambda doc: (
        [c.__setitem__("correct", True) for c in _mc(doc)["choices"]] and None
    ),
    "no correct": lambda doc: [c.pop("correct", None) for c in _mc(doc)["choices"]],
    "correct not a flag": _set(_choice(1), "correct", "no"),
    "choice repeated": lambda doc: _choice(1)(doc).__setitem__("text", _choice(2)(doc)["text"]),
    "choice repeated but for spacing beyond ASCII": lambda doc: (
        _choice(1)(doc).update(text="Caf\u00e9\u00a0 noir"),
        _choice(2)(doc).update(text="CAF\u00c9 NOIR"),
    ),
    "choice repeated but for a unit separator": lambda doc: (
        _choice(1)(doc).update(text="Check\x1fit"),
        _choice(2)(doc).update(text="check it"),
    ),
    "choice repeated but for spacing and case": lambda doc: _choice(1)(doc).__setitem__(
        "text", "  " + _choice(2)(doc)["text"].upper().replace(" ", "\t ")
    ),
    "choice unknown field": _set(_choice(0), "weight", 1),
    "choice text too long": _set(_choice(0), "text", "y" * 401),
    "choice without rationale": _drop(_choice(0), "rationale"),
    "tech_ab with choices": lambda doc: _tech(doc).__setitem__("choices", _mc(doc)["choices"]),
    "tech_ab without technician_b": _drop(_tech, "technician_b"),
    "technician correct not a flag": lambda doc: _tech(doc)["technician_a"].__setitem__(
        "correct", "no"
    ),
    "technician says empty": lambda doc: _tech(doc)["technician_b"].__setitem__("says", ""),
    "technician extra field": lambda doc: _tech(doc)["technician_b"].__setitem__("x", 1),
    "multiple choice with a technician": lambda doc: _mc(doc).__setitem__(
        "technician_a", _tech(doc)["technician_a"]
    ),
    "question not a mapping": lambda doc: doc["questions"].__setitem__(0, "oops"),
    # shortcuts of the bulk pass, each with the mistake it must still see
    # no type pass over the questions: a list of a question's field names has its key set
    "question a list of its field names": lambda doc: doc["questions"].__setitem__(
        0, list(_mc(doc))
    ),
    "last question a list of its field names": lambda doc: doc["questions"].__setitem__(
        -1, list(doc["questions"][-1])
    ),
    # no None pass over the required fields: each field's own check must refuse null
    "id null": _set(_first, "id", None),
    "task null": _set(_first, "task", None),
    "difficulty null": _set(_first, "difficulty", None),
    "stem null": _set(_first, "stem", None),
    "task not text": _set(_first, "task", 5),
    # the per-area count looks up only active questions' tasks
    "unknown task on a retired question": lambda doc: _first(doc).update(
        task="Z8.A.9.9", retired=True
    ),
    "style not text": _set(_first, "style", 1),
    "style a list": _set(_first, "style", ["direct"]),
    # the shape check (multiple choice or tech_ab) in place of a key-set pass per style
    "multiple choice without choices": _drop(_mc, "choices"),
    "tech_ab shaped as multiple choice": lambda doc: (
        _tech(doc).update(choices=_mc(doc)["choices"]),
        _tech(doc).pop("technician_a"),
        _tech(doc).pop("technician_b"),
    ),
    "multiple choice shaped as tech_ab": lambda doc: (
        _mc(doc).update(technician_a=_tech(doc)["technician_a"]),
        _mc(doc).update(technician_b=_tech(doc)["technician_b"]),
        _mc(doc).pop("choices"),
    ),
    "tech_ab with choices and one technician": lambda doc: (
        _tech(doc).update(choices=_mc(doc)["choices"]),
        _tech(doc).pop("technician_b"),
    ),
    # no type pass over the technicians' statements, no None pass over their fields
    "technician a list of its field names": lambda doc: _tech(doc).__setitem__(
        "technician_b", ["says", "correct", "rationale"]
    ),
    "technician a text": lambda doc: _tech(doc).__setitem__("technician_a", "says"),
    "technician null": lambda doc: _tech(doc).__setitem__("technician_a", None),
    "technician says null": lambda doc: _tech(doc)["technician_a"].__setitem__("says", None),
    "technician rationale null": lambda doc: _tech(doc)["technician_b"].__setitem__(
        "rationale", None
    ),
    "technician correct null": lambda doc: _tech(doc)["technician_b"].__setitem__("correct", None),
    "technician rationale too long": lambda doc: _tech(doc)["technician_b"].__setitem__(
        "rationale", "r" * 601
    ),
    # no type pass over the choices: fetching a field from a non-mapping must fail
    "choice a text": lambda doc: _mc(doc)["choices"].__setitem__(1, "text"),
    "choice a list of its field names": lambda doc: _mc(doc)["choices"].__setitem__(
        2, ["text", "rationale", "correct"]
    ),
    "choices a mapping of four fields": lambda doc: _mc(doc).__setitem__(
        "choices", {"text": 1, "rationale": 2, "correct": 3, "x": 4}
    ),
    # the size identity in place of a key-set pass over the choices
    "choice correct null": _set(_choice(0), "correct", None),
    "choice with an unknown field instead of correct": lambda doc: (
        _choice(0)(doc).pop("correct", None),
        _choice(0)(doc).update(weight=True),
    ),
    "choice without text": _drop(_choice(3), "text"),
    "choice text not text": _set(_choice(2), "text", 3),
    "choice rationale not text": _set(_choice(2), "rationale", ["why"]),
    # texts checked on their join: the first text and the others take different paths
    "first stem too long": _set(_first, "stem", "s" * 2001),
    "last stem too long": lambda doc: doc["questions"][-1].__setitem__("stem", "s" * 2001),
    "last choice rationale too long": lambda doc: [q for q in doc["questions"] if "choices" in q][
        -1
    ]["choices"][-1].__setitem__("rationale", "r" * 601),
    "explanation too long": _set(_first, "explanation", "e" * 2501),
    "blank last explanation": lambda doc: doc["questions"][-1].__setitem__("explanation", " \t"),
    "empty last explanation": lambda doc: doc["questions"][-1].__setitem__("explanation", ""),
    "blank first stem": _set(_first, "stem", "\n"),
    "stem of no-break spaces": lambda doc: _mc(doc, 2).__setitem__("stem", "\u00a0\u2003"),
    "empty choice text": _set(_choice(1), "text", ""),
    "blank choice rationale": _set(_choice(1), "rationale", "   "),
    # a NUL inside a text would shift the texts split back out of their join
    "duplicate stem and a NUL in another stem": lambda doc: (
        _mc(doc, 1).update(stem=_mc(doc, 0)["stem"]),
        _mc(doc, 2).update(stem="What\x00is it?"),
    ),
    "choice repeated and a NUL in another choice": lambda doc: (
        _choice(1)(doc).update(text=_choice(2)(doc)["text"]),
        _choice(0)(doc).update(text="a\x00b"),
    ),
    # technician A's words (not B's) join the stem in the duplicate key, from the fetched column
    "tech_ab stem and technician A repeated": lambda doc: (
        _tech_n(doc, 1).update(stem=_tech_n(doc, 0)["stem"]),
        _tech_n(doc, 1)["technician_a"].update(says=_tech_n(doc, 0)["technician_a"]["says"]),
    ),
}


def _tech_n(doc: Doc, n: int) -> dict[str, Any]:
    return [q for q in doc["questions"] if q["style"] == "tech_ab"][n]  # type: ignore[no-any-return]


@pytest.fixture(autouse=True, params=["one block", "blocks of 3"])
def block_size(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs on the whole bank as one block, and again a few questions at a time."""
    if request.param == "blocks of 3":
        monkeypatch.setattr(bulk_check, "_BLOCK", 3)


def _tasks(doc: Doc) -> dict[str, str]:
    return {
        k["code"]: a["letter"]
        for a in doc["content_areas"]
        for sa in a["subareas"]
        for k in sa["tasks"]
    }


def test_a_clean_bank_passes_in_bulk_with_the_loop_s_counts(tmp_path: Path) -> None:
    doc = _doc()
    bulk = clean_questions(doc["questions"], _tasks(doc), frozenset({4}))
    assert bulk is not None
    path = tmp_path / "z8.json"
    path.write_text(json.dumps(doc))
    checker = Checker(path, path.read_text(), doc, (4,))
    assert checker.each_question(doc["questions"], _tasks(doc), {}) == bulk.per_area
    assert checker.out == []
    assert [d for d in validate_file(path) if d.is_error] == []


def test_retired_questions_are_left_out_of_the_bulk_counts_as_in_the_loop(tmp_path: Path) -> None:
    doc = _doc()
    for q in doc["questions"][:3]:
        q["retired"] = True
    bulk = clean_questions(doc["questions"], _tasks(doc), frozenset({4}))
    assert bulk is not None
    path = tmp_path / "z8.json"
    path.write_text(json.dumps(doc))
    checker = Checker(path, path.read_text(), doc, (4,))
    assert checker.each_question(doc["questions"], _tasks(doc), {}) == bulk.per_area
    assert sum(bulk.per_area.values()) == len(doc["questions"]) - 3


def _last_mc(doc: Doc) -> dict[str, Any]:
    return [q for q in doc["questions"] if q["style"] != "tech_ab"][-1]  # type: ignore[no-any-return]


# valid banks the bulk pass must still take (the shortcuts are exact, not merely safe): each
# would otherwise fall back to the item-by-item loop, which is right but slow
CLEAN: dict[str, Callable[[Doc], object]] = {
    "texts at their limits, first and last": lambda doc: (
        _first(doc).update(stem="s" * 2000, explanation="e" * 2500),
        doc["questions"][-1].update(stem="t" * 2000, explanation="f" * 2500),
        _mc(doc)["choices"][0].update(text="x" * 400, rationale="r" * 600),
        _last_mc(doc)["choices"][-1].update(text="y" * 400, rationale="q" * 600),
        _tech(doc)["technician_b"].update(says="b" * 600, rationale="w" * 600),
    ),
    "texts that start with a space": lambda doc: (
        _first(doc).update(stem=" Which part?"),
        doc["questions"][-1].update(explanation="\tbecause"),
        _mc(doc)["choices"][1].update(rationale=" Close, but no."),
    ),
    "choices marked correct: false": lambda doc: [
        c.setdefault("correct", False) for c in _mc(doc)["choices"]
    ],
    # the bulk pass's stem key ignores where words break; the validator's does not
    "stems alike but for where words break": lambda doc: (
        _mc(doc, 0).update(stem="Which part a bc fails?"),
        _mc(doc, 1).update(stem="Which part ab c fails?"),
        _last_mc(doc).update(stem="Which <i>part</i> abc fails?"),
    ),
    "tech_ab items alike but for where technician A's words break": lambda doc: (
        _tech_n(doc, 1).update(stem=_tech_n(doc, 0)["stem"]),
        _tech_n(doc, 0)["technician_a"].update(says="a bc"),
        _tech_n(doc, 1)["technician_a"].update(says="ab c"),
    ),
    # and so does its key for telling a question's choices apart
    "choices alike but for where words break": lambda doc: (
        _choice(0)(doc).update(text="Check a bc first"),
        _choice(1)(doc).update(text="Check ab c first"),
        _choice(2)(doc).update(text="Check\ta b c first"),
    ),
    # the letters Python's case-insensitive matching takes for `s` and `i`, with a colon, but no
    # script URL: the bulk pass looks closer and still takes them
    "a colon and a dotless i, a long s or a dotted capital I": lambda doc: (
        _first(doc).update(stem="Ar\u0131za: which part fails?"),
        _choice(0)(doc).update(text="Stra\u017fe: check it"),
        _choice(1)(doc).update(rationale="\u0130stanbul: no."),
    ),
    "choices beyond ASCII": lambda doc: (
        _choice(0)(doc).update(text="Caf\u00e9 1"),
        _choice(1)(doc).update(text="Caf\u00e9 2"),
    ),
    "tech_ab items alike but for technician A": lambda doc: (
        _tech_n(doc, 1).update(stem=_tech_n(doc, 0)["stem"]),
        _tech_n(doc, 1)["technician_b"].update(says=_tech_n(doc, 0)["technician_b"]["says"]),
    ),
}


@pytest.mark.parametrize("change", list(CLEAN), ids=list(CLEAN))
def test_a_clean_bank_with_edge_cases_still_passes_in_bulk(tmp_path: Path, change: str) -> None:
    doc = copy.deepcopy(_doc())
    CLEAN[change](doc)
    bulk = clean_questions(doc["questions"], _tasks(doc), frozenset({4}))
    path = tmp_path / "z8.json"
    path.write_text(json.dumps(doc))
    checker = Checker(path, path.read_text(), doc, (4,))
    assert bulk is not None
    assert checker.each_question(doc["questions"], _tasks(doc), {}) == bulk.per_area
    assert checker.out == []


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("enemies", ["Z8-99999"], "is not a question id in this bank"),
        ("reference", ["S1"], "the bank has no reference booklet"),
    ],
)
def test_links_are_checked_when_only_the_last_question_has_one(
    tmp_path: Path, field: str, value: list[str], error: str
) -> None:
    """The bulk pass tells the validator which fields the questions set: it skips the walk for
    links only when no question has one."""
    doc = copy.deepcopy(_doc())
    doc["questions"][-1][field] = value
    bulk = clean_questions(doc["questions"], _tasks(doc), frozenset({4}))
    assert bulk is not None and field in bulk.fields
    path = tmp_path / "z8.json"
    path.write_text(json.dumps(doc))
    assert any(error in d.message for d in validate_file(path) if d.is_error)


def test_the_bulk_pass_knows_every_required_field() -> None:
    required = {k for k, need in QUESTION_KEYS.items() if need}
    assert set(bulk_check._COLUMNS) == required and len(bulk_check._COLUMNS) == len(required)
    assert set(CHOICE_KEYS) == {*_CHOICE_REQUIRED, *_CHOICE_OPTIONAL}
    assert {k for k, need in CHOICE_KEYS.items() if need} == set(_CHOICE_REQUIRED)


@pytest.mark.parametrize("plant", list(PLANTS), ids=list(PLANTS))
def test_a_planted_mistake_makes_the_bulk_pass_step_aside(tmp_path: Path, plant: str) -> None:
    doc = copy.deepcopy(_doc())
    PLANTS[plant](doc)
    assert clean_questions(doc["questions"], _tasks(doc), frozenset({4})) is None
    path = tmp_path / "z8.json"
    path.write_text(json.dumps(doc))
    assert [d for d in validate_file(path) if d.is_error], "the item-by-item checks report it"
