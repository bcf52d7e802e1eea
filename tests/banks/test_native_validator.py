"""One failing file per validator rule, asserting the line and the message."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from app.banks.diagnostics import BankError, Severity
from app.banks.native import read_bank, validate_file


def _line_of(text: str, needle: str, nth: int = 0) -> int:
    lines = [i + 1 for i, line in enumerate(text.splitlines()) if needle in line]
    return lines[nth]


def _edit(path: Path, old: str, new: str, count: int = 1) -> str:
    text = path.read_text()
    assert old in text, old
    text = text.replace(old, new, count)
    path.write_text(text)
    return text


def _errors(path: Path) -> list[str]:
    return [str(d) for d in validate_file(path) if d.is_error]


def test_valid_bank_has_no_problems(mini_bank: Path) -> None:
    assert validate_file(mini_bank) == []
    bank = read_bank(mini_bank)
    assert bank.test.code == "Z9"
    assert len(bank.questions) == 8
    assert bank.questions[2].rendered_choices()[0].text == "A only"
    assert bank.questions[2].key_index() == 0  # A right, B wrong


def test_missing_field(mini_bank: Path) -> None:
    text = _edit(mini_bank, "  explanation: Explanation for item 2.\n", "")
    errs = _errors(mini_bank)
    assert len(errs) == 1
    assert f":{_line_of(text, 'id: Z9-002')}:" in errs[0]
    assert "question Z9-002: missing required field 'explanation'" in errs[0]


def test_unknown_field_points_at_the_key(mini_bank: Path) -> None:
    text = _edit(mini_bank, "  difficulty: 2\n", "  difficulty: 2\n  dificulty: 3\n")
    (err,) = _errors(mini_bank)
    assert err.startswith(f"{mini_bank}:{_line_of(text, 'dificulty')}:3: error:")
    assert "unknown field 'dificulty' (did you mean 'difficulty'?)" in err


def test_not_exactly_one_correct_choice(mini_bank: Path) -> None:
    text = _edit(
        mini_bank,
        "    rationale: Rationale B.\n",
        "    rationale: Rationale B.\n    correct: true\n",
    )
    (err,) = _errors(mini_bank)
    assert f":{_line_of(text, '  choices:')}:" in err
    assert "question Z9-001: 2 choices are marked correct; mark exactly one" in err


def test_no_correct_choice(mini_bank: Path) -> None:
    _edit(
        mini_bank,
        "    rationale: Rationale A.\n    correct: true\n",
        "    rationale: Rationale A.\n",
    )
    (err,) = _errors(mini_bank)
    assert "0 choices are marked correct" in err


def test_wrong_number_of_choices(mini_bank: Path) -> None:
    text = _edit(mini_bank, "  - text: Option D for item 2\n    rationale: Rationale D.\n", "")
    (err,) = _errors(mini_bank)
    assert f":{_line_of(text, '  choices:', 1)}:" in err
    assert "question Z9-002: has 3 choices; it needs exactly 4" in err


def test_duplicate_question_id(mini_bank: Path) -> None:
    text = _edit(mini_bank, "- id: Z9-002\n", "- id: Z9-001\n")
    (err,) = _errors(mini_bank)
    assert f":{_line_of(text, 'id: Z9-001', 1)}:" in err
    assert "duplicate question id" in err


def test_duplicate_stem(mini_bank: Path) -> None:
    text = _edit(mini_bank, "number 2 about task Z9.A.1.2", "number 1 about task Z9.A.1.1")
    (err,) = _errors(mini_bank)
    assert f":{_line_of(text, 'stem:', 1)}:" in err
    assert "duplicate stem (same as question Z9-001)" in err


def test_task_not_in_task_list(mini_bank: Path) -> None:
    text = _edit(mini_bank, "  task: Z9.A.1.2\n", "  task: Z9.A.7.7\n")
    (err,) = _errors(mini_bank)
    assert f":{_line_of(text, 'task: Z9.A.7.7')}:9: error:" in err
    assert "task code 'Z9.A.7.7' is not in the task list" in err


def test_blueprint_counts_must_add_up(mini_bank: Path) -> None:
    _edit(mini_bank, "  scored_count: 3\n", "  scored_count: 4\n")
    (err,) = _errors(mini_bank)
    assert "blueprint counts add up to 3 but test scored_count is 4" in err


def test_area_short_of_its_blueprint_is_a_warning(mini_bank: Path) -> None:
    text = _edit(mini_bank, "  scored_count: 3\n", "  scored_count: 6\n")
    text = _edit(mini_bank, "  scored_count: 1\n", "  scored_count: 4\n")
    diags = validate_file(mini_bank)
    assert [d.severity for d in diags] == [Severity.WARNING]
    assert diags[0].line == _line_of(text, "letter: B")
    assert "area B has 3 active questions but its blueprint needs 4" in diags[0].message
    read_bank(mini_bank)  # warnings do not stop a bank


def test_missing_exhibit(mini_bank: Path) -> None:
    text = _edit(mini_bank, "exhibits/circuit.svg", "exhibits/nothere.svg")
    (err,) = _errors(mini_bank)
    assert f":{_line_of(text, 'nothere')}:" in err
    assert "exhibit file 'exhibits/nothere.svg' does not exist" in err


def test_exhibit_outside_bank_folder(mini_bank: Path) -> None:
    (mini_bank.parent.parent / "outside.svg").write_text("<svg/>")
    _edit(mini_bank, "exhibits/circuit.svg", "../outside.svg")
    (err,) = _errors(mini_bank)
    assert "is outside the bank's folder" in err


def test_over_long_text(mini_bank: Path) -> None:
    _edit(mini_bank, "Explanation for item 2.", "x" * 2600)
    (err,) = _errors(mini_bank)
    assert "explanation is 2600 characters; shorten it to at most 2500" in err


@pytest.mark.parametrize(
    ("markup", "why"),
    [
        ("<script>alert(1)</script>", "tag <script> is not allowed"),
        ('<b onclick="x()">hi</b>', "attributes on <b> are not allowed"),
        ('<img src="http://evil.example/x.png">', "tag <img> is not allowed"),
    ],
)
def test_unsafe_markup(mini_bank: Path, markup: str, why: str) -> None:
    _edit(mini_bank, "Explanation for item 2.", json.dumps(markup))
    (err,) = _errors(mini_bank)
    assert why in err


def test_safe_markup_allowed(mini_bank: Path) -> None:
    _edit(mini_bank, "Explanation for item 2.", "'<b>Bold</b> H<sub>2</sub>O<br>'")
    assert _errors(mini_bank) == []


def test_yaml_syntax_error_has_line_and_column(mini_bank: Path) -> None:
    text = _edit(
        mini_bank,
        "  explanation: Explanation for item 2.",
        "  explanation: Explanation: for item 2.",
    )
    (err,) = _errors(mini_bank)
    m = re.match(rf"{re.escape(str(mini_bank))}:(\d+):(\d+): error: YAML syntax error", err)
    assert m, err
    assert int(m.group(1)) == _line_of(text, "Explanation: for item 2")
    assert "quote text that contains ': '" in err


def test_json_accepted_and_json_errors_located(mini_bank: Path, tmp_path: Path) -> None:
    import yaml

    doc = yaml.safe_load(mini_bank.read_text())
    good = tmp_path / "bank.json"
    good.write_text(json.dumps(doc, indent=1))
    assert validate_file(good) == []
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, indent=1).replace('"Z9-003"', '"Z9-003",,', 1))
    (err,) = _errors(bad)
    assert re.search(r"bad\.json:\d+:\d+: error: JSON syntax error", err)


def test_tech_ab_needs_both_statements(mini_bank: Path) -> None:
    text = mini_bank.read_text()
    start = text.index("  technician_b:", text.index("id: Z9-003"))
    end = text.index("  explanation:", start)
    mini_bank.write_text(text[:start] + text[end:])
    (err,) = _errors(mini_bank)
    assert "question Z9-003: tech_ab item is missing 'technician_b'" in err


def test_every_problem_reported_in_one_run_sorted(mini_bank: Path) -> None:
    _edit(mini_bank, "  task: Z9.A.1.2\n", "  task: Z9.Q.1.1\n")
    _edit(mini_bank, "  style: direct\n", "  style: essay\n")
    _edit(mini_bank, "  difficulty: 2\n", "  difficulty: 7\n", count=2)
    diags = [d for d in validate_file(mini_bank) if d.is_error]
    assert len(diags) == 4
    assert diags == sorted(diags, key=lambda d: (d.line, d.col))
    with pytest.raises(BankError) as exc:
        read_bank(mini_bank)
    assert "and 3 more" in str(exc.value)


def test_wrong_task_code_shape(mini_bank: Path) -> None:
    _edit(mini_bank, "code: Z9.B.1.1", "code: Z9.A.1.3")
    errs = _errors(mini_bank)
    assert any(
        "task Z9.A.1.3 sits in sub-area B.1; its code must start with 'Z9.B.1.'" in e for e in errs
    )


def _schema() -> dict[str, Any]:
    import jsonschema  # type: ignore[import-untyped]  # a test extra: a missing one fails the run rather than skipping

    schema = json.loads((Path(__file__).parents[2] / "app/banks/bank.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema  # type: ignore[no-any-return]


def test_json_schema_accepts_the_sample_bank(mini_bank: Path) -> None:
    import jsonschema
    import yaml

    jsonschema.validate(yaml.safe_load(mini_bank.read_text()), _schema())


# Mistakes the validator reports and the schema must reject too: an empty or loosened schema
# ({} accepts anything) fails here, so the shipped schema cannot quietly stop describing the format
SCHEMA_REJECTS = {
    "no questions": lambda d: d.pop("questions"),
    "another format": lambda d: d.__setitem__("format", "moodle"),
    "format version 2": lambda d: d.__setitem__("format_version", 2),
    "unknown top-level field": lambda d: d.__setitem__("extra", 1),
    "lower-case test code": lambda d: d["test"].__setitem__("code", "z9"),
    "no content areas": lambda d: d.__setitem__("content_areas", []),
    "two-letter area": lambda d: d["content_areas"][0].__setitem__("letter", "AB"),
    "question without a stem": lambda d: d["questions"][0].pop("stem"),
    "question with an unknown style": lambda d: d["questions"][0].__setitem__("style", "essay"),
    "difficulty as text": lambda d: d["questions"][0].__setitem__("difficulty", "hard"),
}


@pytest.mark.parametrize("mistake", list(SCHEMA_REJECTS), ids=list(SCHEMA_REJECTS))
def test_json_schema_rejects_what_the_validator_rejects(
    mini_bank: Path, tmp_path: Path, mistake: str
) -> None:
    import jsonschema
    import yaml

    doc = yaml.safe_load(mini_bank.read_text())
    SCHEMA_REJECTS[mistake](doc)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    assert [d for d in validate_file(bad) if d.is_error], "the validator rejects it"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, _schema())


def test_an_empty_schema_would_fail_the_schema_tests(mini_bank: Path) -> None:
    """The check above has teeth: the same documents pass an empty schema."""
    import jsonschema
    import yaml

    doc = yaml.safe_load(mini_bank.read_text())
    SCHEMA_REJECTS["no questions"](doc)
    jsonschema.validate(doc, {})  # no error: an empty schema would not catch the mistake


def test_missing_top_level_sections_are_reported_not_crashed(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: bayready-bank\nformat_version: 1\ntest: {code: X1}\n")
    errs = _errors(bad)
    assert any("missing required field 'content_areas'" in e for e in errs)
    assert any(":3:" in e and "test: missing required field 'title'" in e for e in errs)
