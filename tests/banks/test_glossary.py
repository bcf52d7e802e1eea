"""The Spanish glossary and the `glossary-avoid` lint rule on translation sidecars."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from app.banks.diagnostics import BankError
from app.banks.glossary import read_glossary
from app.banks.lint import Rule, lint_translation
from app.banks.native import read_bank
from app.banks.translation import read_translation
from app.banks.translation_writer import dump
from app.services.lint import lint_diagnostics
from tests.banks.test_translation import translate_all
from tests.factories import write_bank

BANKS = Path(__file__).resolve().parents[2] / "question_banks"
GLOSSARY = BANKS / "glossary-es.yaml"


def test_the_shipped_glossary_covers_the_core_shop_terms() -> None:
    terms = read_glossary(GLOSSARY)
    assert len(terms) >= 80
    english = {t.english for t in terms}
    for term in ("brake pad", "caliper", "master cylinder", "brake fluid", "ground (circuit)"):
        assert term in english
    pad = next(t for t in terms if t.english == "brake pad")
    assert pad.preferred[0] == "pastilla de freno" and "almohadilla" in pad.avoid
    # no term is both preferred somewhere and avoided elsewhere
    preferred = {p.lower() for t in terms for p in t.preferred}
    assert not preferred & {a.lower() for t in terms for a in t.avoid}


def test_the_shipped_a5_translation_uses_no_avoided_term() -> None:
    assert lint_diagnostics(BANKS / "a5-brakes.es.yaml") == []


def test_an_avoided_term_is_a_warning_at_its_item_naming_the_preferred_one(
    tmp_path: Path,
) -> None:
    bank_path = write_bank(tmp_path / "b", "X1", {"A": 2, "B": 1}, per_area_factor=2)
    sidecar = translate_all(bank_path)
    data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
    data["questions"][1]["stem"] = "ES ¿Qué revisa primero con la Almohadilla gastada?"
    data["tasks"]["X1.A.1.1"] = "ES Purgar el cilindro principal."
    sidecar.write_text(dump(data), encoding="utf-8")
    bank = read_bank(bank_path)
    translation, _ = read_translation(sidecar, bank)
    found = lint_translation(sidecar, translation, read_glossary(GLOSSARY))
    assert [d.field for d in found] == [Rule.GLOSSARY_AVOID.value] * 2
    by_message = {d.message.split(":")[0]: d for d in found}
    q = by_message["question X1-00002"]
    assert "uses 'almohadilla'" in q.message and "'pastilla de freno'" in q.message
    lines = sidecar.read_text(encoding="utf-8").splitlines()
    assert "X1-00002" in lines[q.line - 1]
    task = by_message["task X1.A.1.1"]
    assert "'cilindro maestro'" in task.message and "X1.A.1.1" in lines[task.line - 1]
    # the same through `bank lint` on the bank (its sidecars are linted with it)
    assert {d.message for d in lint_diagnostics(bank_path)} >= {d.message for d in found}
    # a word that merely contains an avoided one is not flagged
    data["questions"][1]["stem"] = "ES ¿Qué revisa primero con las almohadillas?"
    data["tasks"]["X1.A.1.1"] = "ES Tarea."
    sidecar.write_text(dump(data), encoding="utf-8")
    translation, _ = read_translation(sidecar, bank)
    assert lint_translation(sidecar, translation, read_glossary(GLOSSARY)) == []


def test_a_malformed_glossary_is_one_error_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "glossary-es.yaml"
    bad.write_text(
        "format: bayready-glossary\nterms:\n  - {en: pad, es: [pastilla]}\n  - {en: rotor}\n"
    )
    with pytest.raises(BankError) as e:
        read_glossary(bad)
    (d,) = e.value.diagnostics
    assert d.line == 4 and "give en: (text), es: [preferred, ...]" in d.message


def test_an_avoided_verb_is_caught_in_its_inflected_forms(tmp_path: Path) -> None:
    """'rezuma' is the avoided 'rezumar' (a sample reviewer found it where the lint did not);
    a word that only starts like it is not."""
    bank_path = write_bank(tmp_path / "b", "X1", {"A": 2, "B": 1}, per_area_factor=2)
    sidecar = translate_all(bank_path)
    data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
    data["questions"][0]["stem"] = "ES El sello rezuma aceite por la tapa."
    data["questions"][1]["stem"] = "ES La junta estaba rezumando y se desangró el sistema."
    data["questions"][2]["stem"] = "ES Rezumbido del escape (no es un verbo del glosario)."
    sidecar.write_text(dump(data), encoding="utf-8")
    bank = read_bank(bank_path)
    translation, _ = read_translation(sidecar, bank)
    found = lint_translation(sidecar, translation, read_glossary(GLOSSARY))
    messages = sorted(d.message for d in found)
    assert len(messages) == 3, messages
    assert any("uses 'rezuma'" in m and "'sudar'" in m for m in messages)
    assert any("uses 'rezumando'" in m for m in messages)
    assert any("uses 'desangró'" in m for m in messages)
