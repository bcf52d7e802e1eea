"""Translation sidecars: the skeleton writer, and each validator error class at its line."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from app.banks.diagnostics import BankError, Diagnostic
from app.banks.native import read_bank
from app.banks.translation import (
    parse_translation,
    read_translation,
    sidecar_path,
    sidecars_of,
    source_of_sidecar,
)
from app.banks.translation_writer import dump, write_skeleton
from app.domain.bank import Bank
from app.domain.translation import fingerprint
from tests.factories import SVG, write_bank

REPO = Path(__file__).resolve().parents[2]


def keep_translations(sidecar: Path, ids: set[str]) -> Path:
    """Leave only `ids` translated in a copied sidecar (the others show in English): tests of
    the English fallback stay meaningful once a shipped bank is translated whole."""
    data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
    data["questions"] = [q for q in data["questions"] if q["id"] in ids]
    sidecar.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return sidecar


def translate_all(bank_path: Path, prefix: str = "ES ") -> Path:
    """Write the skeleton, then 'translate' every item (prefix every text) as a translator would."""
    bank = read_bank(bank_path)
    path, _done, _todo = write_skeleton(bank, bank_path, "es")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))

    def tr(value: Any) -> Any:
        if isinstance(value, str):
            return prefix + value
        if isinstance(value, dict):
            return {k: v if k in ("id", "source_fingerprint") else tr(v) for k, v in value.items()}
        return value

    data["test"]["title"] = tr(data["test"]["title"])
    for key in ("areas", "subareas", "tasks"):
        data[key] = {k: tr(v) for k, v in data[key].items()}
    questions = []
    for q in data["questions"]:
        q.pop("todo")
        questions.append(tr(q))
    data["questions"] = questions
    path.write_text(dump(data), encoding="utf-8")
    return path


@pytest.fixture
def bank_path(tmp_path: Path) -> Path:
    return write_bank(tmp_path / "b", "X1", {"A": 2, "B": 1}, per_area_factor=2, exhibit=True)


@pytest.fixture
def bank(bank_path: Path) -> Bank:
    return read_bank(bank_path)


def _problems(path: Path, bank: Bank, data: dict[str, Any]) -> list[Diagnostic]:
    text = dump(data)
    path.write_text(text, encoding="utf-8")
    return parse_translation(path, text, bank)[1]


def _line_of(path: Path, needle: str) -> int:
    return next(
        n
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if needle in line
    )


def test_skeleton_lists_every_item_and_a_refresh_keeps_the_done_ones(
    bank_path: Path, bank: Bank
) -> None:
    path, done, todo = write_skeleton(bank, bank_path, "es")
    assert path == bank_path.with_name("x1.es.yaml") == sidecar_path(bank_path, "es")
    assert (done, todo) == (0, len(bank.questions))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["source"] == "x1.json" and data["language"] == "es"
    first = data["questions"][0]
    assert first["todo"] is True and first["stem"] == bank.questions[0].stem
    assert first["source_fingerprint"] == fingerprint(bank.questions[0])
    assert set(first["choices"]) == {"A", "B", "C", "D"}
    # a todo skeleton is valid: nothing is translated, so everything is shown in English
    translation, warnings = read_translation(path, bank)
    assert translation.questions == () and warnings == []

    translate_all(bank_path)
    again, done, todo = write_skeleton(bank, bank_path, "es")
    assert (done, todo) == (len(bank.questions), 0)
    kept = yaml.safe_load(again.read_text(encoding="utf-8"))
    assert kept["questions"][0]["stem"] == "ES " + bank.questions[0].stem
    assert kept["tasks"]["X1.A.1.1"].startswith("ES ")


def test_a_full_translation_loads_with_the_english_structure(bank_path: Path, bank: Bank) -> None:
    path = translate_all(bank_path)
    assert sidecars_of(bank_path) == [path]
    assert source_of_sidecar(path) == bank_path
    t, warnings = read_translation(path, bank)
    assert warnings == []
    assert t.language == "es" and t.test_title == "ES Test X1"
    assert t.areas["A"] == "ES Area A of X1" and t.tasks["X1.B.1.1"].startswith("ES ")
    assert len(t.questions) == len(bank.questions)
    by_id = {q.id: q for q in t.questions}
    tech = next(q for q in bank.questions if q.style == "tech_ab")
    assert by_id[tech.id].technician_a is not None
    direct = bank.questions[0]
    assert [c.text for c in by_id[direct.id].choices] == ["ES " + c.text for c in direct.choices]
    assert by_id[direct.id].exhibit_caption == "ES A test figure"


@pytest.fixture
def sidecar(bank_path: Path) -> tuple[Path, dict[str, Any]]:
    path = translate_all(bank_path)
    return path, yaml.safe_load(path.read_text(encoding="utf-8"))


# each error class: (how to break the document, what the message says, where it points)
def _unknown_id(d: dict[str, Any]) -> None:
    d["questions"][1]["id"] = "X1-99999"


def _missing_option(d: dict[str, Any]) -> None:
    del d["questions"][0]["choices"]["C"]


def _extra_option(d: dict[str, Any]) -> None:
    d["questions"][0]["choices"]["E"] = {"text": "ES e", "rationale": "ES r"}


def _key_changed(d: dict[str, Any]) -> None:
    d["questions"][0]["choices"]["A"]["correct"] = True  # X1-00001's key is B


def _tech_key_changed(d: dict[str, Any]) -> None:
    d["questions"][3]["technician_a"]["correct"] = True  # X1-00004: A is wrong


def _missing_stem(d: dict[str, Any]) -> None:
    del d["questions"][1]["stem"]


def _missing_caption(d: dict[str, Any]) -> None:
    del d["questions"][0]["exhibit_caption"]


def _choices_on_tech_ab(d: dict[str, Any]) -> None:
    d["questions"][3]["choices"] = {"A": {"text": "x", "rationale": "y"}}


def _unknown_task(d: dict[str, Any]) -> None:
    d["tasks"]["X1.Z.9.9"] = "ES nada"


def _unknown_area(d: dict[str, Any]) -> None:
    d["areas"]["Q"] = "ES nada"


def _duplicate(d: dict[str, Any]) -> None:
    d["questions"].insert(3, copy.deepcopy(d["questions"][2]))


def _unsafe_markup(d: dict[str, Any]) -> None:
    d["questions"][1]["explanation"] = "ES <script>alert(1)</script>"


def _too_long(d: dict[str, Any]) -> None:
    d["questions"][1]["stem"] = "x" * 2001


def _wrong_language(d: dict[str, Any]) -> None:
    d["language"] = "fr"


def _wrong_source(d: dict[str, Any]) -> None:
    d["source"] = "other.yaml"


def _bad_fingerprint(d: dict[str, Any]) -> None:
    d["questions"][1]["source_fingerprint"] = "nope"


def _numeric_fingerprint(d: dict[str, Any]) -> None:
    d["questions"][1]["source_fingerprint"] = 20891378  # what YAML makes of digits unquoted


def _unknown_field(d: dict[str, Any]) -> None:
    d["questions"][1]["stemm"] = "typo"


def _foreign_exhibit(d: dict[str, Any]) -> None:
    d["questions"][0]["exhibit"] = "../elsewhere.es.svg"


CASES = [
    (_unknown_id, "no question with id 'X1-99999'", "X1-99999"),
    (_missing_option, "option C is not translated", "X1-00001"),
    (_extra_option, "option 'E' is not in the English question", "    E:"),
    (_key_changed, "a translation never changes the key", "correct: true"),
    (_tech_key_changed, "a translation never changes the key", "correct: true"),
    (_missing_stem, "missing translated 'stem'", "X1-00002"),
    (_missing_caption, "missing translated 'exhibit_caption'", "X1-00001"),
    (_choices_on_tech_ab, "not choices; remove choices", "X1-00004"),
    (_unknown_task, "unknown task code 'X1.Z.9.9'", "X1.Z.9.9"),
    (_unknown_area, "unknown area letter 'Q'", "  Q:"),
    (_duplicate, "is translated twice", "X1-00003"),
    (_unsafe_markup, "unsafe markup: tag <script>", "<script>"),
    (_too_long, "shorten it to at most 2000", "X1-00002"),
    (_wrong_language, "language must be one of: es", "language: fr"),
    (_wrong_source, "source must name the English bank file 'x1.json'", "other.yaml"),
    (_bad_fingerprint, "source_fingerprint must be the 8-character fingerprint", "nope"),
    (_numeric_fingerprint, "source_fingerprint reads as a number; put it in quotes", "20891378"),
    (_unknown_field, "unknown field 'stemm'", "stemm"),
    (_foreign_exhibit, "a translated exhibit must be named 'exhibits/figure.es.svg'", "../"),
]


@pytest.mark.parametrize(("breaks", "message", "at"), CASES, ids=[c[0].__name__ for c in CASES])
def test_each_error_class_is_one_error_at_its_line(
    sidecar: tuple[Path, dict[str, Any]],
    bank: Bank,
    breaks: Any,
    message: str,
    at: str,
) -> None:
    path, data = sidecar
    breaks(data)
    found = [d for d in _problems(path, bank, data) if d.is_error]
    assert any(message in d.message for d in found), found
    hit = next(d for d in found if message in d.message)
    expected = _line_of(path, at)
    if at.startswith("X1-"):  # a question-level problem may point at the item or its field
        assert expected <= hit.line <= expected + 60, (hit, expected)
    else:
        assert hit.line == expected, (hit, expected)
    assert str(hit).startswith(f"{path}:{hit.line}:")
    with pytest.raises(BankError):
        read_translation(path, bank)


def test_a_stale_translation_is_a_warning_naming_the_item(
    sidecar: tuple[Path, dict[str, Any]], bank: Bank
) -> None:
    path, data = sidecar
    data["questions"][2]["source_fingerprint"] = "0123abcd"
    diags = _problems(path, bank, data)
    (stale,) = diags
    assert not stale.is_error
    assert "question X1-00003: translated from an older English text" in stale.message
    assert f"set source_fingerprint: {fingerprint(bank.questions[2])}" in stale.message
    assert stale.line == _line_of(path, "0123abcd")
    t, warnings = read_translation(path, bank)
    assert len(t.questions) == len(bank.questions) and warnings == [stale]


def test_a_translated_drawing_beside_the_original_is_read_and_cleaned(
    sidecar: tuple[Path, dict[str, Any]], bank: Bank, bank_path: Path
) -> None:
    path, data = sidecar
    (bank_path.parent / "exhibits" / "figure.es.svg").write_text(
        SVG.replace("Exhibit", "Figura").replace("<rect", '<rect onclick="x()"')
    )
    data["questions"][0]["exhibit"] = "exhibits/figure.es.svg"
    assert _problems(path, bank, data) == []
    t, _ = read_translation(path, bank)
    drawing = t.exhibit_files["exhibits/figure.es.svg"]
    assert b"Figura" in drawing and b"onclick" not in drawing


def test_a_missing_translated_drawing_is_an_error(
    sidecar: tuple[Path, dict[str, Any]], bank: Bank
) -> None:
    path, data = sidecar
    data["questions"][0]["exhibit"] = "exhibits/figure.es.svg"
    (err,) = _problems(path, bank, data)
    assert "does not exist" in err.message


def test_more_questions_than_the_cap_is_one_error(
    sidecar: tuple[Path, dict[str, Any]], bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.banks.translation as translation

    monkeypatch.setattr(translation, "MAX_QUESTIONS", 5)
    path, data = sidecar
    (err,) = _problems(path, bank, data)
    assert "the limit for one file is 5" in err.message


def test_yaml_aliases_are_refused(sidecar: tuple[Path, dict[str, Any]], bank: Bank) -> None:
    path, _data = sidecar
    text = path.read_text(encoding="utf-8").replace("test:\n", "test: &t\n", 1) + "again: *t\n"
    path.write_text(text, encoding="utf-8")
    (err,) = parse_translation(path, text, bank)[1]
    assert "anchors and aliases" in err.message


def test_validation_is_linear_in_the_number_of_items(tmp_path: Path) -> None:
    """Counted, not timed: the checker looks at each item a bounded number of times."""
    import app.banks.translation as translation

    small = write_bank(tmp_path / "s", "X2", {"A": 2}, per_area_factor=10)
    large = write_bank(tmp_path / "l", "X3", {"A": 2}, per_area_factor=400)
    calls: list[int] = []
    real = fingerprint

    def counting(q: Any) -> str:
        calls.append(1)
        return real(q)

    counts = []
    for path in (small, large):
        bank = read_bank(path)
        sidecar = translate_all(path)
        calls.clear()
        with pytest.MonkeyPatch.context() as m:
            m.setattr(translation, "fingerprint", counting)
            parse_translation(sidecar, sidecar.read_text(encoding="utf-8"), bank)
        counts.append(len(calls) / len(bank.questions))
    assert counts[0] == counts[1] == 1.0


SHIPPED_SIDECARS = sorted((REPO / "question_banks").glob("*.*.yaml"))


@pytest.mark.parametrize("sidecar", SHIPPED_SIDECARS, ids=[p.name for p in SHIPPED_SIDECARS])
def test_every_shipped_translation_is_valid_current_and_glossary_clean(sidecar: Path) -> None:
    """Every sidecar in question_banks/ (A5 now; the others as they are translated): it
    validates, no translated item is stale, and it uses no term the glossary avoids."""
    from app.services.lint import lint_diagnostics

    bank_path = source_of_sidecar(sidecar)
    assert bank_path is not None and bank_path.is_file()
    bank = read_bank(bank_path)
    t, warnings = read_translation(sidecar, bank)
    assert warnings == []
    english = {q.id: q for q in bank.questions}
    assert all(q.is_current(english[q.id]) for q in t.questions)
    assert lint_diagnostics(sidecar) == []
    done = len(t.questions)
    print(f"{sidecar.name}: {done} of {len(bank.questions)} questions translated")


# the tests ASE offers in Spanish (A1-A9 and G1): each shipped bank of them is translated whole
SPANISH_TESTS = ("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "G1")


def _shipped_bank(code: str) -> Path:
    (path,) = [
        p
        for p in sorted((REPO / "question_banks").glob(f"{code.lower()}-*.yaml"))
        if p.name.count(".") == 1 and "booklet" not in p.name
    ]
    return path


@pytest.mark.parametrize("code", SPANISH_TESTS)
def test_every_spanish_test_is_translated_whole(code: str) -> None:
    """Titles, every area, sub-area and task, every question, and a Spanish drawing for every
    exhibit that carries words; nothing falls back to English."""
    import re

    bank_path = _shipped_bank(code)
    bank = read_bank(bank_path)
    t, warnings = read_translation(sidecar_path(bank_path, "es"), bank)
    assert warnings == []
    assert t.test_title and t.test_title != bank.test.title
    assert set(t.areas) == {a.letter for a in bank.content_areas}
    assert set(t.subareas) == {
        f"{a.letter}.{s.number}" for a in bank.content_areas for s in a.subareas
    }
    assert set(t.tasks) == {task.code for task in bank.tasks()}
    translated = {q.id: q for q in t.questions}
    assert sorted(translated) == sorted(q.id for q in bank.questions)
    for q in bank.questions:
        if q.exhibit is None or not q.exhibit.endswith(".svg"):
            continue
        drawing = (bank_path.parent / q.exhibit).read_text(encoding="utf-8")
        if re.search(r"<text\b", drawing):
            assert translated[q.id].exhibit == q.exhibit.removesuffix(".svg") + ".es.svg", q.id


def test_an_empty_option_is_a_missing_option(
    sidecar: tuple[Path, dict[str, Any]], bank: Bank
) -> None:
    """Found by the fuzzer: `C:` with no value once loaded a translation with three options."""
    path, data = sidecar
    data["questions"][0]["choices"]["C"] = None
    (err,) = [d for d in _problems(path, bank, data) if d.is_error]
    assert "option C is not translated" in err.message
