"""The log file, the fault handler and the crash hook, set up before anything heavy is imported.

- ``bayready.log``: a rotating log (1 MiB x 3) of everything at INFO and above.
- ``crash.log``: every programming error's traceback (uncaught in any thread, or in a Qt slot,
  which PySide6 hands to ``sys.excepthook``) and, through ``faulthandler``, the Python stacks of
  a hard crash (segmentation fault, abort) that no hook could catch.

Standard library only. Not imported by the services or storage: they log through ``logging``.
"""

from __future__ import annotations

import datetime
import faulthandler
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_MAX_BYTES = 1024 * 1024
LOG_BACKUPS = 3

log = logging.getLogger("bayready")


class RotatingLogFile(logging.FileHandler):
    """`logging.handlers.RotatingFileHandler`'s size rotation (`name` -> `name.1` ... `name.N`,
    the oldest dropped) without importing `logging.handlers`, which brings socket, pickle and
    queue in before the first window (7-13 ms of a 0.26 s bare-window start here)."""

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__(path, encoding="utf-8")
        self.max_bytes, self.backups = max_bytes, backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full(record):
                self._rotate()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def _full(self, record: logging.LogRecord) -> bool:
        if self.stream is None or self.max_bytes <= 0:
            return False
        self.stream.seek(0, os.SEEK_END)
        size = self.stream.tell()
        line = f"{self.format(record)}{self.terminator}".encode(self.encoding or "utf-8")
        return size > 0 and size + len(line) >= self.max_bytes

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
        for n in range(self.backups - 1, 0, -1):
            older = f"{self.baseFilename}.{n}"
            if os.path.exists(older):
                os.replace(older, f"{self.baseFilename}.{n + 1}")
        if self.backups > 0:
            os.replace(self.baseFilename, f"{self.baseFilename}.1")
        self.stream = self._open()


# Someone to tell (the GUI shows a dialog naming the file); called with the crash log's path.
CrashNotifier = Callable[[Path, BaseException], None]
_notifier: CrashNotifier | None = None
_crash_log: Path | None = None
_fault_file: IO[str] | None = None


def setup_logging(log_file: Path, *, debug: bool) -> Path | None:
    """stderr at WARNING (DEBUG with --debug) and the rotating file at INFO.

    Returns the log file, or None when its folder cannot be written (then stderr only).
    """
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if debug else logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(console)
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingLogFile(log_file, LOG_MAX_BYTES, LOG_BACKUPS)
    except OSError as e:
        log.warning("cannot write the log file %s (%s); logging to the terminal only", log_file, e)
        return None
    handler.setLevel(logging.DEBUG if debug else logging.INFO)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # a line per plugin
    return log_file


def enable_faulthandler(crash_log: Path) -> bool:
    """Python stacks of a hard crash go to the crash log (the file stays open for that)."""
    global _fault_file
    try:
        crash_log.parent.mkdir(parents=True, exist_ok=True)
        f = crash_log.open("a", encoding="utf-8")
    except OSError:
        faulthandler.enable()  # stderr at least
        return False
    faulthandler.enable(file=f, all_threads=True)
    if _fault_file is not None:
        _fault_file.close()
    _fault_file = f
    return True


def write_crash(value: BaseException, *, thread: str | None = None) -> Path | None:
    """Append one programming error to the crash log; returns its path (None if unwritable)."""
    if _crash_log is None:
        return None
    stamp = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    where = f" in thread {thread!r}" if thread else ""
    text = "".join(traceback.format_exception(type(value), value, value.__traceback__))
    try:
        _crash_log.parent.mkdir(parents=True, exist_ok=True)
        with _crash_log.open("a", encoding="utf-8") as f:
            f.write(f"--- {stamp} BayReady {_version()} crashed{where}\n{text}\n")
    except OSError:
        return None
    return _crash_log


def _version() -> str:
    from app import __version__

    return __version__


def _report(value: BaseException, thread: str | None) -> None:
    path = write_crash(value, thread=thread)
    log.critical("programming error%s", f" in thread {thread!r}" if thread else "", exc_info=value)
    if path is not None:
        sys.stderr.write(f"BayReady hit a programming error; details were saved to {path}\n")
    if _notifier is not None and path is not None:
        try:
            _notifier(path, value)
        except Exception:  # the notifier must never turn one crash into two
            log.exception("could not show the crash message")


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    if value.__traceback__ is None:
        value = value.with_traceback(tb)
    _report(value, None)


def _threading_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None or issubclass(args.exc_type, SystemExit):
        return
    _report(args.exc_value, args.thread.name if args.thread else None)


def install_crash_hook(crash_log: Path) -> None:
    """sys.excepthook and threading.excepthook write the crash log and say where it is."""
    global _crash_log
    _crash_log = crash_log
    sys.excepthook = _excepthook
    threading.excepthook = _threading_excepthook


def set_crash_notifier(notifier: CrashNotifier | None) -> None:
    global _notifier
    _notifier = notifier


def crash_log_path() -> Path | None:
    return _crash_log
