"""The native format's optional `enemies`, `reference`/`reference_file` and `test.recert`."""

from __future__ import annotations

from pathlib import Path

from app.banks.native import bank_to_plain, build_bank, read_bank, validate_file
from app.services.setup import AppServices

BOOKLET = """format: bayready-reference
format_version: 1
title: Composite vehicle
sections:
- id: S1
  title: Wiring
  body: The <b>ECM</b> feeds the sensors 5 V.
- id: S2
  title: Specifications
  body: Idle speed 700 rpm.
  exhibit: exhibits/circuit.svg
"""


def _edit(path: Path, old: str, new: str) -> str:
    text = path.read_text()
    assert old in text, old
    text = text.replace(old, new, 1)
    path.write_text(text)
    return text


def _line_of(text: str, needle: str) -> int:
    return next(i + 1 for i, line in enumerate(text.splitlines()) if needle in line)


def _errors(path: Path) -> list[str]:
    return [str(d) for d in validate_file(path) if d.is_error]


def test_enemies_are_read_and_exported(mini_bank: Path) -> None:
    _edit(mini_bank, "- id: Z9-001\n", "- id: Z9-001\n  enemies: [Z9-002, Z9-005]\n")
    assert _errors(mini_bank) == []
    bank = read_bank(mini_bank)
    assert bank.questions[0].enemies == ("Z9-002", "Z9-005")
    again = build_bank(bank_to_plain(bank))
    assert again.questions[0].enemies == ("Z9-002", "Z9-005")
    # enemies are not content: the question's hash (its version) does not change
    plain = build_bank({**bank_to_plain(bank)})
    assert plain.questions[0].content_hash() == bank.questions[0].content_hash()


def test_unknown_enemy_is_an_error_at_its_line(mini_bank: Path) -> None:
    text = _edit(mini_bank, "- id: Z9-001\n", "- id: Z9-001\n  enemies:\n  - Z9-002\n  - Z9-404\n")
    (err,) = _errors(mini_bank)
    assert err.startswith(f"{mini_bank}:{_line_of(text, 'Z9-404')}:")
    assert "enemy 'Z9-404' is not a question id in this bank" in err


def test_enemy_self_and_shape_errors(mini_bank: Path) -> None:
    _edit(mini_bank, "- id: Z9-001\n", "- id: Z9-001\n  enemies: [Z9-001]\n")
    _edit(mini_bank, "- id: Z9-002\n", "- id: Z9-002\n  enemies: Z9-001\n")
    errs = _errors(mini_bank)
    assert any("lists itself among its enemies" in e for e in errs)
    assert any("Z9-002: enemies must be a list of ids" in e for e in errs)


def test_recert_block(mini_bank: Path) -> None:
    _edit(
        mini_bank,
        "  notes: Test fixture.\n",
        "  notes: Test fixture.\n  recert:\n"
        "    scored_count: 2\n    minutes: 5\n    notes: estimate\n",
    )
    bank = read_bank(mini_bank)
    assert (bank.test.recert_scored_count, bank.test.recert_minutes) == (2, 5)
    assert bank.test.recert_notes == "estimate"
    assert build_bank(bank_to_plain(bank)).test == bank.test
    text = _edit(mini_bank, "    scored_count: 2\n", "    scored_count: 9\n    items: 3\n")
    errs = _errors(mini_bank)
    assert any("recert scored_count must be between 1 and 3, found 9" in e for e in errs)
    assert any(
        f":{_line_of(text, 'items: 3')}:" in e and "unknown field 'items'" in e for e in errs
    )


def test_reference_file_is_read_and_questions_name_its_sections(mini_bank: Path) -> None:
    (mini_bank.parent / "z9-reference.yaml").write_text(BOOKLET)
    _edit(mini_bank, "questions:\n", "reference_file: z9-reference.yaml\nquestions:\n")
    _edit(mini_bank, "- id: Z9-001\n", "- id: Z9-001\n  reference: [S1, S2]\n")
    assert _errors(mini_bank) == []
    bank = read_bank(mini_bank)
    assert bank.reference is not None
    assert [s.id for s in bank.reference.sections] == ["S1", "S2"]
    assert bank.reference.sections[1].exhibit == "exhibits/circuit.svg"
    assert bank.questions[0].reference == ("S1", "S2")
    # exported inline, read back equal
    assert build_bank(bank_to_plain(bank), bank.source, reference=bank.reference) == bank
    assert bank_to_plain(bank)["reference"]["title"] == "Composite vehicle"


def test_unknown_section_and_booklet_errors_name_their_own_file(mini_bank: Path) -> None:
    booklet = mini_bank.parent / "z9-reference.yaml"
    booklet.write_text(
        BOOKLET.replace("  body: Idle speed 700 rpm.\n", "  body: <script>x</script>\n")
    )
    _edit(mini_bank, "questions:\n", "reference_file: z9-reference.yaml\nquestions:\n")
    text = _edit(mini_bank, "- id: Z9-001\n", "- id: Z9-001\n  reference: [S1, S9]\n")
    errs = _errors(mini_bank)
    assert any(
        e.startswith(f"{mini_bank}:{_line_of(text, 'S9')}:") and "section 'S9' is not in" in e
        for e in errs
    ), errs
    assert any(e.startswith(f"{booklet}:10:") and "unsafe markup" in e for e in errs), errs


def test_booklet_path_escape_and_missing_booklet(mini_bank: Path) -> None:
    _edit(mini_bank, "questions:\n", "reference_file: ../elsewhere.yaml\nquestions:\n")
    (err,) = _errors(mini_bank)
    assert "outside the bank's folder" in err
    _edit(mini_bank, "reference_file: ../elsewhere.yaml\n", "")
    _edit(mini_bank, "- id: Z9-001\n", "- id: Z9-001\n  reference: [S1]\n")
    (err,) = _errors(mini_bank)
    assert "the bank has no reference booklet" in err


def test_inline_booklet_and_wrong_file_format(mini_bank: Path) -> None:
    _edit(
        mini_bank,
        "questions:\n",
        "reference:\n  title: Book\n  sections:\n  - id: S1\n    title: One\n    body: Text.\n"
        "questions:\n",
    )
    bank = read_bank(mini_bank)
    assert bank.reference is not None and bank.reference.sections[0].body == "Text."
    (mini_bank.parent / "r.yaml").write_text(BOOKLET.replace("bayready-reference", "other"))
    _edit(mini_bank, "reference:\n", "reference_file: r.yaml\nreference:\n")
    errs = _errors(mini_bank)
    assert any("not both" in e for e in errs)


def test_json_schema_knows_the_new_fields(mini_bank: Path) -> None:
    import json

    import pytest
    import yaml

    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(__file__).parents[2] / "app/banks/bank.schema.json").read_text())
    _edit(mini_bank, "- id: Z9-001\n", "- id: Z9-001\n  enemies: [Z9-002]\n  reference: [S1]\n")
    _edit(mini_bank, "  notes: Test fixture.\n", "  notes: Test fixture.\n  recert: {minutes: 5}\n")
    doc = yaml.safe_load(mini_bank.read_text())
    doc["reference"] = {"title": "B", "sections": [{"id": "S1", "title": "T", "body": "x"}]}
    jsonschema.validate(doc, schema)
    doc["questions"][0]["enemies"] = "Z9-002"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema)


def test_a_booklet_beside_the_shipped_banks_is_not_a_bank(
    services: AppServices, tmp_path: Path
) -> None:
    from app.banks.reference import is_reference_file
    from tests.factories import booklet_bank

    bank = booklet_bank(tmp_path / "shipped")
    booklet = bank.parent / "l9-reference.yaml"
    assert is_reference_file(booklet) and not is_reference_file(bank)
    failures: list[object] = []
    results = services.banks.import_shipped_if_empty(bank.parent, failures=failures)  # type: ignore[arg-type]
    assert [r.test_code for r in results] == ["L9"] and failures == []
    assert services.exams.booklet("L9") is not None


def test_validating_a_booklet_as_a_bank_says_what_it_is(tmp_path: Path) -> None:
    from tests.factories import BOOKLET

    booklet = tmp_path / "l9-reference.yaml"
    booklet.write_text(BOOKLET)
    errs = _errors(booklet)
    assert any("this is a reference booklet: import the bank that names it" in e for e in errs)
