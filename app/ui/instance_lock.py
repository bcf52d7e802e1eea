"""One BayReady per database: a QLockFile next to the SQLite file (or in the data folder).

A second copy writing the same file would race the first one's exam clock and answers. The lock
records the holder's process id and host; Qt takes over a lock whose process has died (a crash or
kill -9 leaves no stale lock behind). PostgreSQL databases are shared by design and are not locked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile

from app.paths import AppPaths


def lock_path(paths: AppPaths) -> Path | None:
    f = paths.sqlite_file
    if f is not None:
        return f.with_name(f.name + ".lock")
    return None


@dataclass(frozen=True)
class LockRefused:
    path: Path
    pid: int
    host: str

    def message(self, database: str) -> str:
        holder = (
            QCoreApplication.translate("InstanceLock", "process {pid} on {host}").format(
                pid=self.pid, host=self.host
            )
            if self.pid
            else QCoreApplication.translate("InstanceLock", "another process")
        )
        return QCoreApplication.translate(
            "InstanceLock",
            "BayReady is already open on this database ({db}), in {holder}.\n\n"
            "Switch to that window and carry on there: two copies writing the same database "
            "could lose answers or exam time.\n\n"
            "If that copy has hung, close it (or end {holder}) and start BayReady again. To run "
            "a second copy on purpose, give it its own data folder: bayready --data-dir FOLDER.",
        ).format(db=database, holder=holder)


def acquire(paths: AppPaths) -> QLockFile | LockRefused | None:
    """The held lock; LockRefused when another live process holds it; None when not locked."""
    target = lock_path(paths)
    if target is None:
        return None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # the database open reports an unusable folder with a clear message
    lock = QLockFile(str(target))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    if lock.tryLock(0):
        return lock
    if lock.error() != QLockFile.LockError.LockFailedError:
        return None  # cannot even create the lock (read-only folder): do not block the learner
    info = lock.getLockInfo()  # (pid, host, app); PySide6 drops the C++ bool
    pid = info[0] if isinstance(info, tuple) and len(info) >= 2 else 0
    host = info[1] if isinstance(info, tuple) and len(info) >= 2 else ""
    return LockRefused(target, int(pid or 0), str(host or ""))
