"""What the open-time health check costs: `PRAGMA quick_check` (app.storage.database.
check_sqlite_file) against opening the services the way the GUI does, on a database holding the
nine shipped banks. Run: `python -m benchmarks.open_check [RUNS]`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path


def measure(workdir: Path, runs: int = 20) -> tuple[float, float]:
    """(median ms of the check, median ms of open_services without it)."""
    from datetime import datetime

    from app.paths import AppPaths, shipped_banks_dir
    from app.services.banks import BankService
    from app.services.setup import open_services
    from app.storage.database import Database, check_sqlite_file

    path = workdir / "bayready.db"
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    BankService(db, datetime.now).import_shipped_if_empty(shipped_banks_dir())
    db.dispose()
    paths = AppPaths(workdir, f"sqlite:///{path}")
    check, opening = [], []
    for _ in range(runs):
        t = time.perf_counter()
        check_sqlite_file(path)
        check.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        services = open_services(paths)
        services.banks.list_tests()
        services.close()
        opening.append((time.perf_counter() - t) * 1000 - check[-1])
    return statistics.median(check), statistics.median(opening)


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv else 20
    with tempfile.TemporaryDirectory() as d:
        check_ms, open_ms = measure(Path(d), runs)
    size = "nine shipped banks"
    print(f"quick_check {check_ms:.1f} ms; open + list tests {open_ms:.1f} ms ({size})")
    print(f"ratio check/open: {check_ms / open_ms:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
