"""Two processes on one SQLite file: one answers a mock exam as fast as it can, the other imports
one generated bank after another, for 15 s (30 s in the slow soak, `make bench`).

No "database is locked" may reach the user - neither process may raise - and nothing may be lost:
every acknowledged answer is in the database as last acknowledged, every imported bank is complete
(all its questions and choices), and PRAGMA integrity_check = ok.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from app.paths import AppPaths
from app.services.setup import open_services
from app.storage.models import ChoiceRow, QuestionRow, TestRow
from tests.factories import write_bank
from tests.faults.tally import count

REPO = Path(__file__).resolve().parents[2]


def run_concurrently(folder: Path, seconds: float, seed: int) -> None:
    paths = AppPaths(folder / "data", f"sqlite:///{folder / 'shared.db'}")
    services = open_services(paths)
    try:
        bank = write_bank(folder / "bank", "X1", {"A": 15, "B": 15, "C": 15}, minutes=600)
        services.banks.import_file(bank)
        profile = services.profiles.ensure_default()
        attempt = services.exams.start_mock(profile.profile_id, "X1").attempt_id
    finally:
        services.close()  # the test holds no connection while the two processes run
    common = ["--db", str(folder / "shared.db"), "--data-dir", str(paths.data_dir)]
    roles = {
        "answer": ["--attempt", str(attempt), "--seed", str(seed)],
        "import": ["--folder", str(folder / "generated")],
    }
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "bayready-test-pycache")
    procs = {}
    for role, extra in roles.items():
        argv = [sys.executable, "-m", "tests.faults.concurrent_worker", role, *common]
        out = (folder / f"{role}.out").open("w")
        err = (folder / f"{role}.err").open("w")
        procs[role] = (
            subprocess.Popen(
                [*argv, "--seconds", str(seconds), *extra],
                stdout=out,
                stderr=err,
                cwd=REPO,
                env=env,
            ),
            out,
            err,
        )
    for proc, out, err in procs.values():
        proc.wait(seconds + 300)
        out.close()
        err.close()
    for role in roles:
        stderr = (folder / f"{role}.err").read_text()
        assert procs[role][0].returncode == 0, f"the {role} process failed:\n{stderr}"
        assert "OperationalError" not in stderr and "locked" not in stderr, stderr

    def lines(role: str) -> list[dict[str, Any]]:
        return [json.loads(x) for x in (folder / f"{role}.out").read_text().splitlines()]

    last: dict[int, int] = {}
    answers = 0
    for line in lines("answer"):
        position, shown = line["answer"]
        last[position] = shown
        answers += 1
    banks = lines("import")
    assert answers > 0 and banks, "one of the processes never got to write"
    services = open_services(paths)
    try:
        state = services.exams.load(attempt)
        for position, shown in last.items():
            assert state.items[position].chosen_shown == shown, (position, shown)
        with services.db.read() as s:
            for b in banks:
                test_id = s.scalar(select(TestRow.id).where(TestRow.code == b["bank"]))
                questions = s.scalar(
                    select(func.count())
                    .select_from(QuestionRow)
                    .where(QuestionRow.test_id == test_id)
                )
                choices = s.scalar(
                    select(func.count())
                    .select_from(ChoiceRow)
                    .join(QuestionRow, QuestionRow.id == ChoiceRow.question_id)
                    .where(QuestionRow.test_id == test_id)
                )
                assert (questions, choices) == (b["questions"], b["choices"]), b
            assert [r[0] for r in s.execute(text("PRAGMA integrity_check"))] == ["ok"]
    finally:
        services.close()
    imported = sum(int(b["questions"]) + int(b["choices"]) for b in banks)
    count(f"concurrency {seconds:.0f} s: answers committed and found", answers)
    count(f"concurrency {seconds:.0f} s: banks imported complete", len(banks))
    count(f"concurrency {seconds:.0f} s: question and choice rows imported", imported)
    count(f"concurrency {seconds:.0f} s: rows written concurrently", answers + imported)


def test_answering_while_importing(tmp_path: Path, seed: int) -> None:
    run_concurrently(tmp_path, 15, seed)


@pytest.mark.slow
def test_answering_while_importing_soak(tmp_path: Path, seed: int) -> None:
    run_concurrently(tmp_path, 30, seed)
