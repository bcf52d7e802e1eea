"""Real database faults for tests: damaged files, another program's write lock, a read-only
folder, an immutable file (the disk refuses writes) and a server that accepts and never answers."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import socket
import sqlite3
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

SHIPPED = REPO / "question_banks"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_shipped_db(path: Path) -> Path:
    """A database built by the real migrations holding the shipped banks."""
    from datetime import datetime

    from app.services.banks import BankService
    from app.storage.database import Database

    db = Database(f"sqlite:///{path}")
    db.upgrade()
    BankService(db, datetime.now).import_shipped_if_empty(SHIPPED)
    db.dispose()
    return path


def damage(src: Path, dst: Path) -> Path:
    """A copy of `src` whose pages 200-204 (question rows) are overwritten with 0xFF."""
    shutil.copy(src, dst)
    con = sqlite3.connect(dst)
    page = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with dst.open("r+b") as f:
        f.seek(page * 200)
        f.write(b"\xff" * page * 5)
    return dst


@contextlib.contextmanager
def held_write_lock(path: Path) -> Iterator[sqlite3.Connection]:
    """Another program in the middle of a write transaction on `path`."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        other.execute("ROLLBACK")
        other.close()


@contextlib.contextmanager
def immutable(path: Path) -> Iterator[None]:
    """Nobody may change `path`, root included (chattr +i): a read-only folder, or writes to an
    open file failing as an I/O error."""
    if shutil.which("chattr") is None:
        pytest.skip("needs chattr")
    r = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
    if r.returncode:
        pytest.skip(f"chattr +i not supported here: {r.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """A folder no one may write to. root ignores permissions, so it gets the immutable flag."""
    if os.geteuid() == 0:
        with immutable(folder):
            yield
        return
    folder.chmod(0o555)
    try:
        yield
    finally:
        folder.chmod(0o755)


@contextlib.contextmanager
def silent_server() -> Iterator[int]:
    """A TCP server on a loopback port that accepts connections and never says a word."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    srv.settimeout(0.2)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError, OSError):
                accepted.append(srv.accept()[0])

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    try:
        yield srv.getsockname()[1]
    finally:
        stop.set()
        t.join()
        for c in accepted:
            c.close()
        srv.close()


def free_port() -> int:
    """A loopback port nothing listens on (connections are refused)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port: int = s.getsockname()[1]
    s.close()
    return port


@contextlib.contextmanager
def small_disk(folder: Path, size_kb: int) -> Iterator[Callable[[int], None]]:
    """A real filesystem of `size_kb` (a tmpfs mounted on `folder`; needs root), so a write
    beyond it fails with ENOSPC as on a full disk. Yields `grow(kb)`: the user freeing space."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a small real disk needs root and mount")
    folder.mkdir(parents=True, exist_ok=True)
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder)],
        capture_output=True,
    )
    if r.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.decode().strip()}")

    def grow(kb: int) -> None:
        subprocess.run(["mount", "-o", f"remount,size={kb}k", str(folder)], check=True)

    try:
        yield grow
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)
