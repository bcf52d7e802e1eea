"""CLI tests work on the banks they import themselves: no shipped banks on first run.

The first-run import of the real shipped banks is tested on its own (test_first_run.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def no_shipped_banks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    empty = tmp_path / "no-shipped-banks"
    empty.mkdir()
    monkeypatch.setenv("BAYREADY_SHIPPED_BANKS", str(empty))
    return empty
