"""Question switch in the exam widget: ExamPage on a real 45-item mock (shipped A5 bank, no
research items) in a 1280x800 window, pressing Next and Previous `switches` times and timing each
press including QApplication.processEvents (the re-render and the paint; a press writes
nothing). Each press is also timed in CPU time of the GUI thread, which a loaded machine inflates
far less than the wall clock (the figure itself stays the wall-clock median). Baseline, in the
same child process: a bare widget with a label and four radio buttons given the same 45
questions' text, timed the same way.

`measure()` runs in the benchmark process; `python -m benchmarks.exam_switch` is the Qt child.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.figures import Figure, Target, median

if TYPE_CHECKING:  # the benchmark process never imports Qt; only the child does
    from PySide6.QtWidgets import QApplication, QMainWindow

    from app.services.exams import AttemptState
    from app.ui.exam.exam_page import ExamPage

REPO = Path(__file__).resolve().parent.parent
BANK = REPO / "question_banks" / "a5-brakes.yaml"


def measure(switches: int) -> Figure:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.exam_switch", "--switches", str(switches)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=600,
    )
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"exam switch child failed ({out.returncode}):\n{out.stderr[-3000:]}")
    data = json.loads(lines[-1])
    app_ms, bare_ms = data["app_ms"], data["bare_ms"]
    app_cpu, bare_cpu = median(data["app_cpu_ms"]), median(data["bare_cpu_ms"])
    p95 = sorted(app_ms)[int(0.95 * (len(app_ms) - 1))]
    return Figure(
        key="exam.switch",
        label=f"Question switch, {data['items']}-item mock, {len(app_ms):,} presses",
        value=median(app_ms),
        baseline=median(bare_ms),
        baseline_label="bare label + 4 radio buttons",
        unit="ms",
        target=Target("max", 3.0),
        samples=(),
        note=f"median per press; 95th percentile {p95:.1f} ms, slowest {max(app_ms):.1f} ms; "
        f"CPU time of the GUI thread {app_cpu:.2f} ms (bare {bare_cpu:.2f} ms); "
        "a press writes nothing (the item time is banked in memory and saved with the next "
        "answer, flag or periodic save)",
        extra={
            "p95_ms": p95,
            "max_ms": max(app_ms),
            "items": data["items"],
            "cpu_ms": app_cpu,
            "bare_cpu_ms": bare_cpu,
        },
    )


def _child(switches: int) -> dict[str, object]:
    from PySide6.QtWidgets import QMainWindow

    from app.paths import AppPaths
    from app.services.setup import open_services
    from app.ui.exam.exam_page import ExamPage
    from benchmarks.qt_support import NonBlockingDialogs, application, wait_painted

    app = application()
    with tempfile.TemporaryDirectory(prefix="bayready-switch-") as tmp:
        folder = Path(tmp)
        services = open_services(AppPaths(folder, f"sqlite:///{folder / 'switch.db'}"))
        try:
            services.banks.import_file(BANK)
            profile = services.profiles.ensure_default()
            state = services.exams.start_mock(profile.profile_id, "A5", include_unscored=False)
            window = QMainWindow()
            window.resize(1280, 800)
            page = ExamPage(services.exams, NonBlockingDialogs(), time.monotonic)
            window.setCentralWidget(page)
            window.show()
            page.start(state)
            wait_painted(app, page)
            for position in range(0, len(state.items), 3):  # a third answered: mixed navigator
                page.go(position)
                page.choose(position % 4)
            page.go(0)
            app.processEvents()
            app_ms, app_cpu_ms = _presses(app, page, switches)
            page.stop_clock()
            bare_ms, bare_cpu_ms = _bare(app, window, state, switches)
        finally:
            services.close()
    return {
        "items": len(state.items),
        "app_ms": app_ms,
        "bare_ms": bare_ms,
        "app_cpu_ms": app_cpu_ms,
        "bare_cpu_ms": bare_cpu_ms,
    }


def _presses(app: QApplication, page: ExamPage, switches: int) -> tuple[list[float], list[float]]:
    assert page.state is not None
    last = len(page.state.items) - 1
    step = 1
    out: list[float] = []
    cpu: list[float] = []
    for _ in range(switches):
        if page.position == last:
            step = -1
        elif page.position == 0:
            step = 1
        button = page.next_button if step > 0 else page.prev_button
        started, cpu_started = time.perf_counter(), time.thread_time()
        button.click()
        app.processEvents()
        out.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - cpu_started) * 1000)
    return out, cpu


def _bare(
    app: QApplication, window: QMainWindow, state: AttemptState, switches: int
) -> tuple[list[float], list[float]]:
    from PySide6.QtWidgets import QLabel, QRadioButton, QVBoxLayout, QWidget

    holder = QWidget()
    layout = QVBoxLayout(holder)
    stem = QLabel()
    stem.setWordWrap(True)
    layout.addWidget(stem)
    buttons = [QRadioButton() for _ in range(4)]
    for b in buttons:
        layout.addWidget(b)
    layout.addStretch(1)
    window.setCentralWidget(holder)
    app.processEvents()
    out: list[float] = []
    cpu: list[float] = []
    for n in range(switches):
        item = state.items[n % len(state.items)]
        started, cpu_started = time.perf_counter(), time.thread_time()
        stem.setText(item.stem)
        for b, c in zip(buttons, item.choices, strict=False):
            b.setText(f"{c.label}.  {c.text}")
        app.processEvents()
        out.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - cpu_started) * 1000)
    return out, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--switches", type=int, default=1000)
    args = parser.parse_args()
    print(json.dumps(_child(args.switches)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
