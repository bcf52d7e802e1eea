"""The peer figure for start-up: Anki's desktop app (PyPI `aqt`) on this machine, next to the same
bare PySide6 window BayReady is measured against. Reported, no target.

Anki is not a BayReady dependency: it runs under the Python of a throwaway virtualenv named by
BAYREADY_ANKI_PYTHON (for example `python3.11 -m venv /tmp/anki && /tmp/anki/bin/pip install aqt`,
then BAYREADY_ANKI_PYTHON=/tmp/anki/bin/python). Without it the figure is skipped and the report
says why. `benchmarks/anki_probe.py` makes a profile once, then times spawn to the main window's
first paint and to the collection open (Anki opens it before it shows the window).
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from benchmarks.figures import median
from benchmarks.startup import HERE, run_bare, spawn

PROBE = HERE / "anki_probe.py"
ENV = "BAYREADY_ANKI_PYTHON"


@dataclass(frozen=True)
class PeerResult:
    runs: int
    first_paint_s: float = 0.0
    profile_open_s: float = 0.0
    bare_s: float = 0.0
    version: str = ""
    skipped: str = ""  # why there is no figure, when there is none
    samples: tuple[float, ...] = ()
    bare_samples: tuple[float, ...] = ()

    @property
    def ratio(self) -> float:
        return self.first_paint_s / self.bare_s if self.bare_s else 0.0


def anki_env(env: dict[str, str]) -> dict[str, str]:
    out = dict(env)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Qt WebEngine (Chromium) refuses to start as root with its sandbox on; containers and
        # CI machines run as root. The sandbox guards web content, which start-up does not load.
        out["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    return out


def _version(python: str) -> str:
    r = subprocess.run(
        [python, "-c", "import aqt, anki.buildinfo as b; print(b.version)"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return r.stdout.strip() if r.returncode == 0 else ""


def measure(workdir: Path, runs: int, env: dict[str, str]) -> PeerResult:
    python = os.environ.get(ENV, "")
    if not python:
        return PeerResult(runs, skipped=f"{ENV} is not set (no Anki to run)")
    if not Path(python).exists():
        return PeerResult(runs, skipped=f"{ENV}={python} does not exist")
    version = _version(python)
    if not version:
        return PeerResult(runs, skipped=f"`import aqt` fails under {python}")
    base = workdir / "anki-base"
    env = anki_env(env)
    made = spawn([python, str(PROBE), "setup", str(base)], env, 300)
    if made.returncode != 0:
        return PeerResult(runs, skipped=f"making an Anki profile failed: {made.stderr[-300:]}")
    spawn([python, str(PROBE), str(base)], env, 300)  # warm-up, not counted
    paint: list[float] = []
    opened: list[float] = []
    bare: list[float] = []
    for _ in range(runs):
        bare.append(run_bare(env).first_paint_s)
        child = spawn([python, str(PROBE), str(base)], env, 300)
        marks = {
            parts[1]: float(parts[2]) - child.spawned
            for _, line in child.lines
            if len(parts := line.split()) == 3 and parts[0] == "anki:"
        }
        if child.returncode != 0 or "first_paint" not in marks or "profile_open" not in marks:
            tail = child.stderr.strip().splitlines()[-1:] or ["no output"]
            return PeerResult(runs, skipped=f"Anki did not start offscreen here: {tail[0]}")
        paint.append(marks["first_paint"])
        opened.append(marks["profile_open"])
    return PeerResult(
        runs,
        first_paint_s=median(paint),
        profile_open_s=median(opened),
        bare_s=median(bare),
        version=version,
        samples=tuple(paint),
        bare_samples=tuple(bare),
    )


def markdown(peer: PeerResult) -> str:
    if peer.skipped:
        return f"Not measured in this run: {peer.skipped}."
    return (
        "| Figure | Anki | Bare PySide6 window (same run) | Ratio |\n"
        "|---|---|---|---|\n"
        f"| Spawn to first paint of the main window (Anki {peer.version}) "
        f"| {peer.first_paint_s:.3f} s | {peer.bare_s:.3f} s | {peer.ratio:.2f}x |\n"
        f"| Spawn to collection open | {peer.profile_open_s:.3f} s | {peer.bare_s:.3f} s "
        f"| {peer.profile_open_s / peer.bare_s:.2f}x |\n\n"
        f"Median of {peer.runs}. Anki opens its collection before it shows the main window, so "
        "its first paint is also its usable moment; the deck list is a web view that fills in "
        "after that paint. Anki is PyQt6 and Qt WebEngine (Chromium) plus a Rust backend."
    )
