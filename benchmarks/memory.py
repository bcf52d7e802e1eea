"""Peak memory: the app's main window on a database holding the generated 20,000-question bank,
with a mock exam of it open on the exam page, against the bare PySide6 window of the start-up
benchmark. Peak RSS is each child's own high-water mark (VmHWM), printed as it exits: ru_maxrss
from wait4 would include the benchmark process's own peak (Linux carries it across fork + exec).

`measure()` runs in the benchmark process; `python -m benchmarks.memory` is the Qt child, given a
copy of the database so every run starts from the same file.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from pathlib import Path

from benchmarks.figures import Figure, Target, median
from benchmarks.startup import child_env, spawn


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy (WAL included) through SQLite's backup API."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def measure(
    workdir: Path, database: Path, test_code: str, questions: int, bare_kb: list[int], runs: int
) -> Figure:
    env = child_env(workdir / "pycache")
    app_kb: list[int] = []
    opened: dict[str, object] = {}
    for n in range(runs):
        db = workdir / f"memory-{n}.db"
        copy_database(database, db)
        argv = [sys.executable, "-m", "benchmarks.memory", "--db", str(db), "--test", test_code]
        child = spawn(argv, env, timeout=300)
        lines = [line for _, line in child.lines if line.startswith("{")]
        if child.returncode != 0 or not lines:
            raise RuntimeError(f"memory child failed ({child.returncode}):\n{child.stderr[-3000:]}")
        opened = json.loads(lines[-1])
        app_kb.append(int(str(opened["peak_rss_kb"])))
    mb = [k / 1024 for k in app_kb]
    bare_mb = [k / 1024 for k in bare_kb]
    return Figure(
        key="memory.peak",
        label=f"Peak RSS, {questions:,}-question bank, mock open",
        value=median(mb),
        baseline=median(bare_mb),
        baseline_label="bare PySide6 window",
        unit="MB",
        target=Target("ratio", 2.0),
        samples=tuple(mb),
        baseline_samples=tuple(bare_mb),
        note=f"median of {runs}; exam page showing a {opened.get('items')}-item mock",
        extra=opened,
    )


def _child(db: Path, test_code: str) -> dict[str, object]:
    # in the app's order: Qt and the GUI's entry module first (its import-time set-up included),
    # SQLAlchemy once the window is up
    from app.ui.application import scan_imports_cheaply

    scan_imports_cheaply()  # done at import already, as in the app
    from app.paths import AppPaths
    from app.services.setup import open_services
    from app.ui.main_window import MainWindow
    from benchmarks.bare_window import peak_rss_kb
    from benchmarks.qt_support import NonBlockingDialogs, application, wait_painted

    app = application()
    paths = AppPaths(db.parent / "memory-data", f"sqlite:///{db}")
    window = MainWindow(paths, dialogs=NonBlockingDialogs())
    window.show()
    wait_painted(app, window)
    services = open_services(paths)
    window.attach_services(services, [])
    deadline = time.monotonic() + 60  # the profile's home lists are read on a worker thread
    while window.services_if_open is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    window.start_mock(test_code, False)
    deadline = time.monotonic() + 60  # the mock is drawn and saved on a worker thread
    while (window.exam is None or window.exam.state is None) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    page = window.exam
    if page is None or page.state is None or window.pages.currentWidget() is not page:
        raise RuntimeError("the mock exam did not open")
    wait_painted(app, page)
    items = len(page.state.items)
    page.leave()
    services.close()
    return {"items": items, "test": test_code, "peak_rss_kb": peak_rss_kb()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--test", required=True)
    args = parser.parse_args()
    print(json.dumps(_child(args.db, args.test)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
