"""Bank lint: every shipped bank meets the content rules of the bank issues.

Validates clean; >= 2x the blueprint per area; style mix; key balance; every task covered;
explanations and rationales present; no near-duplicate stems; exhibits exist and are referenced.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.banks.native import read_bank, validate_file
from app.banks.stats import bank_stats, markdown, near_duplicate_stems
from app.domain.bank import Style

BANKS_DIR = Path(__file__).resolve().parents[2] / "question_banks"
BANKS = sorted(  # not L1's booklet and its question map
    p for p in BANKS_DIR.glob("*.yaml") if "bayready-reference" not in p.read_text()[:400]
)
EXPECTED = {"A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "G1", "L1"}


def test_all_eleven_banks_are_shipped() -> None:
    codes = {read_bank(p).test.code for p in BANKS}
    assert codes >= EXPECTED, EXPECTED - codes


@pytest.fixture(params=BANKS, ids=[p.stem for p in BANKS])
def bank_path(request: pytest.FixtureRequest) -> Path:
    return request.param  # type: ignore[no-any-return]


def test_validates_without_errors_or_warnings(bank_path: Path) -> None:
    assert [str(d) for d in validate_file(bank_path)] == []


def test_twice_the_blueprint_per_area_and_every_task_covered(bank_path: Path) -> None:
    s = bank_stats(read_bank(bank_path))
    for a in s.areas:
        assert a.questions >= 2 * a.scored_count, f"area {a.letter}: {a.questions}"
    assert s.uncovered_tasks == ()


def test_style_mix(bank_path: Path) -> None:
    s = bank_stats(read_bank(bank_path))
    assert s.styles.get(Style.TECH_AB, 0) >= 0.25 * s.total
    assert s.styles.get(Style.EXCEPT, 0) + s.styles.get(Style.LEAST_LIKELY, 0) >= 0.10 * s.total
    assert s.scenario >= 0.60 * s.total


def test_key_balance(bank_path: Path) -> None:
    s = bank_stats(read_bank(bank_path))
    non_ab = sum(s.keys.values())
    assert max(s.keys.values()) <= 0.35 * non_ab, s.keys
    assert all(n > 0 for n in s.outcomes.values()), s.outcomes


def test_explanations_and_rationales_present(bank_path: Path) -> None:
    bank = read_bank(bank_path)
    for q in bank.questions:
        assert len(q.explanation.split()) >= 8, q.id
        if q.style == Style.TECH_AB:
            assert q.technician_a and q.technician_a.rationale.strip(), q.id
            assert q.technician_b and q.technician_b.rationale.strip(), q.id
        else:
            assert len(q.choices) == 4 and all(c.rationale.strip() for c in q.choices), q.id
        assert 1 <= q.difficulty <= 3


def test_no_near_duplicate_stems(bank_path: Path) -> None:
    assert near_duplicate_stems(read_bank(bank_path), threshold=0.9) == []


def test_exhibits_exist_are_svg_and_referenced(bank_path: Path) -> None:
    bank = read_bank(bank_path)
    used = {q.exhibit for q in bank.questions if q.exhibit}
    assert len(used) >= 3
    for rel in used:
        assert (bank_path.parent / rel).is_file(), rel
    folder = BANKS_DIR / "exhibits" / bank.test.code.lower()
    on_disk = {f"exhibits/{bank.test.code.lower()}/{p.name}" for p in folder.glob("*")}
    assert on_disk == used, on_disk ^ used


def test_readme_tables_are_current() -> None:
    readme = (BANKS_DIR / "README.md").read_text()
    for p in BANKS:
        assert markdown(bank_stats(read_bank(p))) in readme, f"regenerate the table for {p.name}"
