"""Kill test: nothing acknowledged is lost when the app is killed at a random moment.

A child process (tests/faults/mock_taker.py) sits a scripted mock exam through the app's own
services on a real SQLite file, printing an acknowledgement after each committed answer and clock
save. The parent sends SIGKILL at random moments: mostly while it answers, sometimes during its
start-up (migrations, bank import, drawing the form). The next child reports what it finds, and it
must find every answer acknowledged before the kill (an answer in flight at the kill may or may not
be there), the saved clock within 5 s of the killed child's elapsed time at its last
acknowledgement, one attempt in progress, PRAGMA integrity_check = ok, and the weak-area report's
answer rollup equal to a recompute from the responses (it is written in each answer's
transaction).

30 kills in `make test`; the slow soak (`make bench`) does BAYREADY_KILL_ROUNDS (default 200).
"""

from __future__ import annotations

import json
import os
import queue
import random
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.factories import write_bank
from tests.faults.tally import count, record_max

REPO = Path(__file__).resolve().parents[2]
CLOCK_TOLERANCE_S = 5.0
TEST = "K1"


class Child:
    """One mock_taker process; a thread collects its stdout lines as they arrive."""

    def __init__(self, argv: list[str]) -> None:
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # cache bytecode: each child starts faster
        env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "bayready-test-pycache")
        self.proc = subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO, env=env
        )
        self.lines: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.found = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            try:
                line = json.loads(raw)
            except json.JSONDecodeError:
                continue
            if "found" in line:
                self.found.set()
            self.lines.put(line)
        self.lines.put(None)

    def kill(self) -> bool:
        """SIGKILL; False when the child had already exited."""
        if self.proc.poll() is not None:
            return False
        self.proc.kill()
        return True

    def finish(self, timeout: float = 120) -> tuple[list[dict[str, Any]], int, str]:
        self.proc.wait(timeout)
        self._reader.join(timeout)
        assert self.proc.stderr is not None
        err = self.proc.stderr.read()
        self.proc.stdout.close()
        self.proc.stderr.close()
        out = []
        while (line := self.lines.get()) is not None:
            out.append(line)
        return out, self.proc.returncode, err


@dataclass
class Truth:
    """What the next process must find, from the acknowledgements seen so far."""

    answers: dict[int, int | None] = field(default_factory=dict)  # position -> shown index
    in_flight: tuple[int, int | None] | None = None  # intent printed, no ack before the kill
    elapsed: float | None = None  # the clock at the last acknowledged commit
    attempt: int | None = None
    acks: int = 0
    clock_acks: int = 0
    checked: int = 0
    max_clock_error: float = 0.0

    def check(self, found: dict[str, Any]) -> None:
        assert found["integrity"] == ["ok"], found["integrity"]
        assert found["rollup"] == [], found["rollup"]
        assert found["in_progress"] <= 1
        if self.attempt is not None:
            assert found["attempt"] == self.attempt and found["resumed"]
        answers = {int(k): v for k, v in found["answers"].items()}
        for position, shown in self.answers.items():
            if self.in_flight is not None and self.in_flight[0] == position:
                assert answers[position] in (shown, self.in_flight[1])
            else:
                assert answers[position] == shown, (position, shown, answers[position])
            self.checked += 1
        if self.elapsed is not None:
            error = found["elapsed"] - self.elapsed
            assert -1e-6 <= error <= CLOCK_TOLERANCE_S, (found["elapsed"], self.elapsed)
            self.max_clock_error = max(self.max_clock_error, abs(error))
        # from here on what was found is the truth (an in-flight answer did or did not commit)
        self.answers = answers
        self.in_flight = None
        self.attempt = found["attempt"]
        self.elapsed = (
            found["elapsed"] if self.elapsed is None else max(self.elapsed, found["elapsed"])
        )

    def follow(self, line: dict[str, Any]) -> None:
        if "intent" in line:
            self.in_flight = (line["intent"]["position"], line["intent"]["shown"])
        elif line.get("ack") == "answer":
            self.answers[line["position"]] = line["shown"]
            self.in_flight = None
            self.acks += 1
        elif line.get("ack") == "clock":
            self.clock_acks += 1
        if "ack" in line:
            self.elapsed = max(self.elapsed or 0.0, line["elapsed"])


def run_kills(folder: Path, kills: int, seed: int) -> Truth:
    bank = write_bank(folder / "bank", TEST, {"A": 20, "B": 15, "C": 10}, minutes=600)
    argv = [
        sys.executable, "-m", "tests.faults.mock_taker", "--db", str(folder / "kill.db"),
        "--data-dir", str(folder / "data"), "--bank", str(bank), "--test", TEST,
    ]  # fmt: skip
    print(f"kill test: seed {seed}")  # shown with a failure, to replay it
    rng = random.Random(seed)
    truth = Truth()
    done = 0
    for n in range(kills + 1):
        last = n == kills  # one more child, only to report what it finds
        child = Child([*argv, "--seed", str(rng.randrange(2**31)), *(["--steps", "0"] * last)])
        if not last:
            if rng.random() < 0.2:  # anywhere, start-up included
                time.sleep(rng.uniform(0.0, 1.5))
            else:  # while it answers
                assert child.found.wait(120), "the child never reported what it found"
                time.sleep(rng.uniform(0.0, 0.4))
            done += child.kill()
        lines, code, err = child.finish()
        if last:
            assert code == 0, err
        assert "Traceback" not in err or code == -9, err
        for line in lines:
            if "found" in line:
                truth.check(line["found"])
            else:
                truth.follow(line)
    assert done == kills, f"only {done} of {kills} children were still running at the kill"
    count("kill: kills done", done)
    count("kill: answers acknowledged (then found by the next process)", truth.acks)
    count("kill: clock saves acknowledged", truth.clock_acks)
    count("kill: position checks after a kill", truth.checked)
    record_max("kill: max clock error (s)", truth.max_clock_error)
    return truth


def test_kill_at_random_moments_loses_nothing(tmp_path: Path, seed: int) -> None:
    truth = run_kills(tmp_path, 30, seed=seed)
    assert truth.acks > 0 and truth.attempt is not None


@pytest.mark.slow
def test_kill_soak(tmp_path: Path, seed: int) -> None:
    kills = int(os.environ.get("BAYREADY_KILL_ROUNDS", "200"))
    truth = run_kills(tmp_path, kills, seed=seed)
    assert truth.acks > kills
