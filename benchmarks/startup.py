"""Start-up: `bayready --smoke-test` against a bare PySide6 window, whole process, as the parent
sees it.

Each child prints `time.time()` at its first paint; the figure is that minus the parent's clock
just before the spawn. "Populated" is when the test list was first filled and "usable" when the
home page showed the chosen profile's tests, last scores, attempts in progress and reviews due
with every button working (the app's smoke-test line gives both relative to its first paint). On
a SQLite file at this build's schema the app reads all that with sqlite3 while SQLAlchemy and the
services load on a worker thread; a click before they are attached waits for them under a busy
cursor and then runs. "Services attached" (the database open through SQLAlchemy) is when the
parent receives the smoke-test line, which the app prints after that; it is reported beside the
usable figure. The data dir already holds the shipped banks and a profile (one real
`bayready --smoke-test` run first). App and bare runs alternate so both see the same machine load.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.figures import Figure, Target, median

HERE = Path(__file__).resolve().parent
BARE = HERE / "bare_window.py"
PROBE = HERE / "app_probe.py"
REPO = HERE.parent
SMOKE_LINE = re.compile(
    r"smoke-test: first_paint=([\d.]+)s populated=([\d.]+)s ready=([\d.]+)s tests=(\d+)"
    r"(?: usable=([\d.]+)s)?"
)
PROBE_LINE = re.compile(r"probe: first_paint_epoch=([\d.]+) loaded=(\S+)")


@dataclass(frozen=True)
class Child:
    returncode: int
    lines: tuple[tuple[float, str], ...]  # (arrival, line) as the parent saw them
    spawned: float
    stderr: str

    def peak_rss_kb(self) -> int:
        """From the child's own `peak-rss-kb N` line (see bare_window.peak_rss_kb)."""
        for _, line in self.lines:
            if line.startswith("peak-rss-kb "):
                return int(line.split()[1])
        return 0


@dataclass(frozen=True)
class AppRun:
    first_paint_s: float
    populated_s: float
    usable_s: float
    ready_s: float  # services attached: SQLAlchemy loaded, the database open through it
    loaded_before_paint: tuple[str, ...]
    tests: int


@dataclass(frozen=True)
class BareRun:
    first_paint_s: float
    peak_rss_kb: int


def child_env(pycache: Path) -> dict[str, str]:
    """Offscreen Qt; bytecode cached (in a scratch prefix, not the source tree) as it is on a
    user's machine after the first start, even where PYTHONDONTWRITEBYTECODE is set."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in (
            "PYTHONDONTWRITEBYTECODE",
            "BAYREADY_DB",
            "BAYREADY_NO_GUI",
            "BAYREADY_SHIPPED_BANKS",
        )
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def spawn(argv: list[str], env: dict[str, str], timeout: float = 120.0) -> Child:
    """Run a child, time-stamping each stdout line on arrival."""
    with tempfile.TemporaryFile("w+") as err:
        spawned = time.time()
        proc = subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=err, text=True, env=env, cwd=REPO
        )
        lines: list[tuple[float, str]] = []
        assert proc.stdout is not None
        watchdog = threading.Timer(timeout, proc.kill)  # a hung child fails the run, not hangs it
        watchdog.start()
        try:
            with proc.stdout:
                for line in proc.stdout:
                    lines.append((time.time(), line.rstrip("\n")))
            proc.wait()
        finally:
            watchdog.cancel()
        err.seek(0)
        return Child(proc.returncode, tuple(lines), spawned, err.read())


def _fail(what: str, child: Child) -> RuntimeError:
    out = "\n".join(line for _, line in child.lines)
    return RuntimeError(
        f"{what} exited {child.returncode}\nstdout:\n{out}\nstderr:\n{child.stderr[-3000:]}"
    )


def run_bare(env: dict[str, str]) -> BareRun:
    child = spawn([sys.executable, str(BARE)], env)
    for _, line in child.lines:
        if line.startswith("first-paint "):
            if child.returncode != 0:
                break
            return BareRun(float(line.split()[1]) - child.spawned, child.peak_rss_kb())
    raise _fail("the bare PySide6 window", child)


def run_app(data_dir: Path, env: dict[str, str]) -> AppRun:
    argv = [sys.executable, str(PROBE), "--data-dir", str(data_dir), "--smoke-test"]
    child = spawn(argv, env)
    painted: float | None = None
    loaded: tuple[str, ...] = ()
    for arrival, line in child.lines:
        if m := PROBE_LINE.match(line):
            painted = float(m.group(1))
            loaded = () if m.group(2) == "-" else tuple(m.group(2).split(","))
        elif (m := SMOKE_LINE.match(line)) and painted is not None and child.returncode == 0:
            # the smoke line's times count from the app's own import; the probe's first paint
            # anchors them to the parent's clock
            paint_rel, populated_rel = float(m.group(1)), float(m.group(2))
            usable_rel = float(m.group(5) or m.group(3))
            return AppRun(
                first_paint_s=painted - child.spawned,
                populated_s=painted + populated_rel - paint_rel - child.spawned,
                usable_s=painted + usable_rel - paint_rel - child.spawned,
                ready_s=arrival - child.spawned,
                loaded_before_paint=loaded,
                tests=int(m.group(4)),
            )
    raise _fail("bayready --smoke-test (through benchmarks/app_probe.py)", child)


def bayready_command() -> list[str]:
    script = Path(sys.executable).with_name("bayready")
    return [str(script)] if script.exists() else [sys.executable, "-m", "app"]


def prepare_data_dir(data_dir: Path, env: dict[str, str]) -> int:
    """First run of the real `bayready --smoke-test`: loads the shipped banks. Returns tests=N."""
    child = spawn([*bayready_command(), "--data-dir", str(data_dir), "--smoke-test"], env, 300)
    for _, line in child.lines:
        if (m := SMOKE_LINE.match(line)) and child.returncode == 0:
            return int(m.group(4))
    raise _fail("the first `bayready --smoke-test`", child)


@dataclass(frozen=True)
class StartupResult:
    figures: tuple[Figure, Figure, Figure]
    app_runs: tuple[AppRun, ...]
    bare_runs: tuple[BareRun, ...]
    shipped_tests: int


def measure(workdir: Path, runs: int) -> StartupResult:
    env = child_env(workdir / "pycache")
    data_dir = workdir / "startup-data"
    shipped = prepare_data_dir(data_dir, env)
    run_bare(env)  # warm-up, not counted: bytecode cache and file cache
    run_app(data_dir, env)
    apps: list[AppRun] = []
    bares: list[BareRun] = []
    for n in range(runs):
        if n % 2:
            apps.append(run_app(data_dir, env))
            bares.append(run_bare(env))
        else:
            bares.append(run_bare(env))
            apps.append(run_app(data_dir, env))
    bare = [b.first_paint_s for b in bares]
    paint = [a.first_paint_s for a in apps]
    populated = [a.populated_s for a in apps]
    loaded = sorted({m for a in apps for m in a.loaded_before_paint})
    first = Figure(
        key="startup.first_paint",
        label="Start-up: spawn to first paint",
        value=median(paint),
        baseline=median(bare),
        baseline_label="bare PySide6 window",
        unit="s",
        target=Target("ratio", 1.4),
        samples=tuple(paint),
        baseline_samples=tuple(bare),
        note=f"median of {runs}; modules loaded before the first paint: "
        + (", ".join(loaded) or "no SQLAlchemy, no Alembic"),
        extra={"loaded_before_paint": loaded},
    )
    second = Figure(
        key="startup.populated",
        label="Start-up: spawn to test list populated",
        value=median(populated),
        baseline=median(bare),
        baseline_label="bare window's first paint",
        unit="s",
        target=Target("ratio", 1.6),
        samples=tuple(populated),
        baseline_samples=tuple(bare),
        note=f"median of {runs}; {shipped} tests listed",
    )
    usable = [a.usable_s for a in apps]
    ready = [a.ready_s for a in apps]
    third = Figure(
        key="startup.ready",
        label="Start-up: spawn to every button usable",
        value=median(usable),
        baseline=median(bare),
        baseline_label="bare window's first paint",
        unit="s",
        target=Target("ratio", 3.0),
        samples=tuple(usable),
        baseline_samples=tuple(bare),
        note=f"median of {runs}; the chosen profile's home page read with sqlite3, every button "
        "working (a click before the services are attached waits for them); services attached "
        f"(SQLAlchemy loaded, database open) at {median(ready):.3f} s, "
        f"{median(ready) / median(bare):.2f}x",
        extra={"services_attached_s": median(ready), "services_attached_samples": ready},
    )
    return StartupResult((first, second, third), tuple(apps), tuple(bares), shipped)
