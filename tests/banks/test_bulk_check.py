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

from app.banks.native import validate_file
from app.banks.native.bulk_check import clean_questions
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
}


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
    assert checker.each_question(doc["questions"], _tasks(doc), {}) == bulk
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
    assert checker.each_question(doc["questions"], _tasks(doc), {}) == bulk
    assert sum(bulk.values()) == len(doc["questions"]) - 3


@pytest.mark.parametrize("plant", list(PLANTS), ids=list(PLANTS))
def test_a_planted_mistake_makes_the_bulk_pass_step_aside(tmp_path: Path, plant: str) -> None:
    doc = copy.deepcopy(_doc())
    PLANTS[plant](doc)
    assert clean_questions(doc["questions"], _tasks(doc), frozenset({4})) is None
    path = tmp_path / "z8.json"
    path.write_text(json.dumps(doc))
    assert [d for d in validate_file(path) if d.is_error], "the item-by-item checks report it"
