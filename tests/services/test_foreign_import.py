"""Foreign files into a loaded test: category mapping, --map files, dry run, all or nothing,
Moodle conformance counts in the database, native -> Moodle XML -> native round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.banks.diagnostics import BankError
from app.services.formats import MappingNeededError, prepare_file
from app.services.setup import AppServices
from app.storage.models import QuestionRow

CONFORMANCE = Path(__file__).resolve().parents[1] / "data" / "conformance" / "moodle"

GIFT = """$CATEGORY: $course$/Brakes/Z9.A.1.1

::disc1:: A caliper piston will not retract. What is the likely cause?{
=A corroded piston or seal # right: corrosion holds the piston
~A worn pad # wrong: pad wear does not stop retraction
~Low fluid # wrong: a low level does not hold a piston
}

$CATEGORY: $course$/Electrical

::volts:: A battery at rest reads 12.6 V. Is it fully charged?{T}

::essay1:: Explain brake fade. {}
"""


@pytest.fixture
def loaded(services: AppServices, mini_bank: Path):  # type: ignore[no-untyped-def]
    services.banks.import_file(mini_bank)
    return services


def prep(services: AppServices, path: Path, **kw):  # type: ignore[no-untyped-def]
    return prepare_file(path, test_code="Z9", structure=services.banks.test_structure, **kw)


def count(services: AppServices) -> int:
    with services.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(QuestionRow)) or 0)


def test_task_code_categories_map_directly_others_need_a_mapping(loaded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "class.gift"
    f.write_text(GIFT)
    with pytest.raises(MappingNeededError) as exc:
        prep(loaded, f)
    (u,) = exc.value.unmapped
    assert (u.category, u.questions) == ("$course$/Electrical", 1)
    assert "$course$/Electrical" in str(exc.value) and "--map" in str(exc.value)
    before = count(loaded)
    mapping = tmp_path / "map.csv"
    mapping.write_text("category,task\nElectrical,Z9.B.1.1   # checked by hand\n")
    p = prep(loaded, f, mapping_file=mapping)
    assert [q.task for q in p.bank.questions] == ["Z9.A.1.1", "Z9.B.1.1"]
    assert p.skipped[0].message.startswith("skipped: essay question 'essay1'")
    tf = p.bank.questions[1]
    assert [c.text for c in tf.choices] == ["True", "False"] and tf.choices[0].correct
    r = loaded.banks.import_prepared(p, source=str(f))
    assert (r.added, len(r.skipped)) == (2, 1)
    assert count(loaded) == before + 2
    again = loaded.banks.import_prepared(prep(loaded, f, mapping_file=mapping), source=str(f))
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)


def test_default_mapping_and_dry_run_preview(loaded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "plain.aiken"
    f.write_text(
        "What does ABS stand for?\nA) Anti-lock braking system\nB) Automatic brake "
        "sensor\nANSWER: A\n"
    )
    p = prep(loaded, f, allow_unmapped=True)
    assert p.unmapped and p.unmapped[0].category == "" and p.bank.questions == ()
    p = prep(loaded, f, mapping={"*": "Z9.A.1.2"})
    before = count(loaded)
    r = loaded.banks.import_prepared(p, source=str(f), dry_run=True)
    assert r.added == 1 and r.dry_run and count(loaded) == before


def test_mapping_to_an_unknown_task_is_an_error(loaded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "class.gift"
    f.write_text(GIFT)
    with pytest.raises(BankError, match="which is not a task of Z9"):
        prep(loaded, f, mapping={"Electrical": "Z9.Q.9.9"})


def test_foreign_file_needs_a_target_test(loaded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "x.gift"
    f.write_text(GIFT)
    with pytest.raises(BankError, match="--test CODE"):
        prepare_file(f, structure=loaded.banks.test_structure)
    with pytest.raises(BankError, match="no test 'NOPE' is loaded"):
        prepare_file(f, test_code="NOPE", structure=loaded.banks.test_structure)


@pytest.mark.parametrize(
    ("name", "added", "skipped"),
    [
        ("questions.gift.txt", 3, 6),  # the two '2-08 TSL' items share a stem: one is skipped
        ("questions_in_category.gift.txt", 2, 2),
        ("nested_categories_with_questions.xml", 4, 1),
        ("questions.aiken.txt", 2, 0),
        ("aiken_errors.txt", 2, 4),
    ],
)
def test_moodle_conformance_files_import_exactly(  # type: ignore[no-untyped-def]
    loaded,
    name: str,
    added: int,
    skipped: int,
) -> None:
    p = prep(loaded, CONFORMANCE / name, mapping={"*": "Z9.B.1.1"})
    before = count(loaded)
    r = loaded.banks.import_prepared(p, source=name)
    assert (r.added, len(r.skipped)) == (added, skipped)
    assert count(loaded) == before + added


def test_native_to_moodle_xml_to_native_changes_nothing(loaded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.banks.moodle import dump_moodle_xml

    bank = loaded.banks.load_bank("Z9")
    xml = tmp_path / "z9.xml"
    xml.write_text(dump_moodle_xml(bank))
    back = prep(loaded, xml).bank
    assert len(back.questions) == len(bank.questions)
    by_id = {q.id: q for q in back.questions}
    for a in bank.questions:
        b = by_id[a.id]
        assert b.task == a.task and b.explanation == a.explanation
        assert [(c.text, c.correct, c.rationale) for c in b.choices] == [
            (c.text, c.correct, c.rationale) for c in a.rendered_choices()
        ] or a.style == "tech_ab"
        assert b.key_index() == a.key_index()


@pytest.mark.parametrize("name", ["bank-template.csv", "bank-template.xlsx"])
def test_shipped_spreadsheet_templates_import_cleanly(services: AppServices, name: str) -> None:
    root = Path(__file__).resolve().parents[2] / "question_banks"
    services.banks.import_file(root / "a5-brakes.yaml")
    p = prepare_file(
        root / "templates" / name, test_code="A5", structure=services.banks.test_structure
    )
    assert (len(p.bank.questions), p.skipped, p.unmapped) == (3, (), ())
    assert {q.style for q in p.bank.questions} == {"direct", "except", "tech_ab"}
    r = services.banks.import_prepared(p, source=name)
    assert r.added == 3
