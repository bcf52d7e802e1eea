"""The rotating log file of app/logs.py (the crash log is tested through the real command in
tests/packaging/test_logs.py)."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from app.logs import RotatingLogFile


def test_the_log_rotates_by_size_and_keeps_the_newest_backups(tmp_path: Path) -> None:
    path = tmp_path / "bayready.log"
    handler = RotatingLogFile(path, max_bytes=200, backups=2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.Logger("rotation-test")
    logger.addHandler(handler)
    try:
        for n in range(60):
            logger.warning("line %02d of the rotation test", n)  # 28 bytes a line
    finally:
        handler.close()
    files = [path, tmp_path / "bayready.log.1", tmp_path / "bayready.log.2"]
    assert sorted(tmp_path.iterdir()) == sorted(files)  # no .3: the oldest were dropped
    assert all(0 < f.stat().st_size < 200 for f in files)
    lines = [line for f in reversed(files) for line in f.read_text().splitlines()]
    numbers = [int(line.split()[1]) for line in lines]
    assert numbers == list(range(numbers[0], 60))  # in order, none lost between the files kept
    assert numbers[0] > 0


def test_the_log_appends_to_a_file_under_its_limit(tmp_path: Path) -> None:
    path = tmp_path / "bayready.log"
    path.write_text("earlier run\n", encoding="utf-8")
    handler = RotatingLogFile(path, max_bytes=1024, backups=3)
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.handle(logging.makeLogRecord({"msg": "this run", "levelno": logging.INFO}))
    handler.close()
    assert path.read_text(encoding="utf-8") == "earlier run\nthis run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bayready.log"]


def test_setting_up_the_log_imports_no_logging_handlers(tmp_path: Path) -> None:
    """logging.handlers brings socket, pickle and queue in before the first window."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from app import logs\n"
        f"assert logs.setup_logging(Path({str(tmp_path / 'x.log')!r}), debug=False)\n"
        "print(sorted(m for m in ('logging.handlers', 'socket', 'pickle') if m in sys.modules))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"
