"""Importer: all or nothing, idempotent, update/retire by stable id with history kept."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.banks.diagnostics import BankError
from app.services.setup import AppServices
from app.storage.models import (
    AttemptRow,
    ChoiceRow,
    ProfileRow,
    QuestionRow,
    ResponseRow,
    TestRow,
)
from tests.conftest import FakeNow


def _snapshot(services: AppServices) -> dict[str, list[tuple[object, ...]]]:
    out = {}
    with services.db.read() as s:
        for table in ("test", "content_area", "task", "bank", "question", "choice"):
            out[table] = [tuple(r) for r in s.execute(text(f"SELECT * FROM {table} ORDER BY id"))]
    return out


def test_import_then_reimport_is_a_no_op(services: AppServices, mini_bank: Path) -> None:
    first = services.banks.import_file(mini_bank)
    assert (first.added, first.updated, first.retired) == (8, 0, 0)
    before = _snapshot(services)
    again = services.banks.import_file(mini_bank)
    assert (again.added, again.updated, again.retired, again.unchanged) == (0, 0, 0, 8)
    assert _snapshot(services) == before
    (summary,) = services.banks.list_tests()
    assert (summary.code, summary.questions, summary.scored_count) == ("Z9", 8, 3)


def test_one_bad_question_leaves_database_unchanged(services: AppServices, mini_bank: Path) -> None:
    services.banks.import_file(mini_bank)
    before = _snapshot(services)
    text_ = mini_bank.read_text()
    mini_bank.write_text(
        text_.replace("Explanation for item 1.", "Changed explanation.").replace(
            "  task: Z9.B.1.1\n", "  task: Z9.B.9.9\n", 1
        )
    )
    with pytest.raises(BankError) as exc:
        services.banks.import_file(mini_bank)
    assert "Z9.B.9.9" in str(exc.value)
    assert _snapshot(services) == before


def test_failure_inside_the_transaction_rolls_everything_back(
    services: AppServices, mini_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.storage.queries.bank_store as banks_mod

    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(banks_mod, "_insert_choices", boom)
    with pytest.raises(RuntimeError):
        services.banks.import_file(mini_bank)
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(TestRow)) == 0
        assert s.scalar(select(func.count()).select_from(QuestionRow)) == 0


def test_new_version_updates_adds_and_retires_keeping_history(
    services: AppServices, mini_bank: Path, fake_now: FakeNow
) -> None:
    services.banks.import_file(mini_bank)
    with services.db.write() as s:  # a past attempt that answered Z9-002
        p = ProfileRow(name="Sam", created_at=fake_now())
        s.add(p)
        s.flush()
        t = s.scalar(select(TestRow))
        a = AttemptRow(
            profile_id=p.id, test_id=t.id, mode="mock", status="submitted", started_at=fake_now()
        )
        s.add(a)
        s.flush()
        q2 = s.scalar(select(QuestionRow).where(QuestionRow.uid == "Z9-002"))
        s.add(
            ResponseRow(
                attempt_id=a.id,
                question_id=q2.id,
                position=0,
                choice_order="0123",
                chosen=1,
                correct=True,
            )
        )
    text_ = mini_bank.read_text()
    start = text_.index("- id: Z9-002")
    end = text_.index("- id: Z9-003")
    text_ = text_[:start] + text_[end:]  # Z9-002 removed
    text_ = text_.replace("Explanation for item 1.", "A better explanation.")  # Z9-001 changed
    text_ += (
        text_[text_.index("- id: Z9-007") : text_.index("- id: Z9-008")]
        .replace("Z9-007", "Z9-009")
        .replace("number 7", "number 9")
        .replace("item 7", "item 9")
    )  # Z9-009 added
    mini_bank.write_text(text_)
    fake_now.advance(3600)
    r = services.banks.import_file(mini_bank)
    assert (r.added, r.updated, r.retired, r.unchanged) == (1, 1, 1, 6)
    with services.db.read() as s:
        q2 = s.scalar(select(QuestionRow).where(QuestionRow.uid == "Z9-002"))
        assert q2.retired is True
        assert s.scalar(select(func.count()).select_from(ResponseRow)) == 1
        q1 = s.scalar(
            select(QuestionRow).where(QuestionRow.uid == "Z9-001", QuestionRow.is_current)
        )
        assert q1.explanation == "A better explanation." and q1.version == 2
        assert s.scalar(select(func.count()).where(ChoiceRow.question_id == q1.id)) == 4  # type: ignore[arg-type]
        # the version before stays as it was, out of the pool
        old = s.scalar(
            select(QuestionRow).where(QuestionRow.uid == "Z9-001", QuestionRow.id != q1.id)  # type: ignore[arg-type]
        )
        assert old.explanation == "Explanation for item 1."
        assert (old.version, old.is_current, old.retired) == (1, False, True)
        assert s.scalar(select(func.count()).where(ChoiceRow.question_id == old.id)) == 4  # type: ignore[arg-type]
    assert services.banks.list_tests()[0].questions == 8
    # putting the question back un-retires it
    mini_bank.write_text(
        text_ + (Path(__file__).parents[1] / "data" / "mini-bank.yaml").read_text()[start:end]
    )
    r = services.banks.import_file(mini_bank)
    assert (r.added, r.updated, r.retired) == (0, 1, 0)


def test_import_pauses_the_collector_and_resumes_it_after_success_and_failure(
    services: AppServices, mini_bank: Path
) -> None:
    assert gc.isenabled()
    seen: list[bool] = []
    services.banks.import_file(mini_bank, progress=lambda done, total: seen.append(gc.isenabled()))
    assert seen and not any(seen), "the store ran with the collector paused"
    assert gc.isenabled()
    mini_bank.write_text(
        mini_bank.read_text().replace("  task: Z9.B.1.1\n", "  task: Z9.B.9.9\n", 1)
    )
    with pytest.raises(BankError):
        services.banks.import_file(mini_bank)
    assert gc.isenabled()


def test_dry_run_writes_nothing(services: AppServices, mini_bank: Path) -> None:
    before = _snapshot(services)
    r = services.banks.import_file(mini_bank, dry_run=True)
    assert r.added == 8 and r.dry_run
    assert _snapshot(services) == before


def test_export_then_import_is_a_no_op(
    services: AppServices, mini_bank: Path, tmp_path: Path
) -> None:
    from app.banks.native import dump_json, dump_yaml, read_bank

    services.banks.import_file(mini_bank)
    bank = services.banks.load_bank("Z9")
    assert bank.questions == read_bank(mini_bank).questions
    for name, dump in (("out.yaml", dump_yaml), ("out.json", dump_json)):
        out = tmp_path / "export" / name
        out.parent.mkdir(exist_ok=True)
        out.write_text(dump(bank))
        (out.parent / "exhibits").mkdir(exist_ok=True)
        for rel, data in bank.exhibit_files.items():
            (out.parent / rel).write_bytes(data)
        r = services.banks.import_file(out)
        assert (r.added, r.updated, r.retired, r.unchanged) == (0, 0, 0, 8)


def test_progress_reported(services: AppServices, mini_bank: Path) -> None:
    seen: list[tuple[int, int]] = []
    services.banks.import_file(mini_bank, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (8, 8)


def test_shipped_banks_imported_only_into_an_empty_database(
    services: AppServices, mini_bank: Path
) -> None:
    results = services.banks.import_shipped_if_empty(mini_bank.parent)
    assert [r.test_code for r in results] == ["Z9"]
    assert services.banks.import_shipped_if_empty(mini_bank.parent) == []


def test_first_run_skips_a_reference_booklet_beside_the_banks(
    services: AppServices, mini_bank: Path
) -> None:
    folder = mini_bank.parent
    (folder / "z9-reference-booklet.yaml").write_text(
        "format: bayready-reference\nformat_version: 1\ntitle: Z\n"
        "sections:\n  - {id: S1, title: One, body: Text.}\n"
    )
    (folder / "z9-reference-map.yaml").write_text(
        "# which booklet sections each question needs\nformat: bayready-reference-map\nZ9-1: [S1]\n"
    )
    failures: list[BankError] = []
    results = services.banks.import_shipped_if_empty(folder, failures=failures)
    assert ([r.test_code for r in results], failures) == (["Z9"], [])


def test_remove_keeps_history_and_disable_hides(services: AppServices, mini_bank: Path) -> None:
    services.banks.import_file(mini_bank)
    (b,) = services.banks.list_banks()
    services.banks.set_enabled(b.bank_id, False)
    assert services.banks.list_tests()[0].questions == 0
    services.banks.set_enabled(b.bank_id, True)
    services.banks.remove(b.bank_id)
    assert services.banks.list_banks() == []
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(QuestionRow)) == 8
