"""Reading a bank file safely: regular files only, never more than a cap, errors as diagnostics.

A `.yaml` that is a FIFO would block the reader forever and a link to /dev/zero never ends, so the
file is checked with stat() before it is opened (and again, with fstat(), once it is open: it may
have been swapped in between), opened without blocking and read no further than the cap. A name
too long for the file system, a missing file or a folder become one message. Stdlib only.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from app.banks.diagnostics import Diagnostic, Severity
from app.banks.limits import MB


def _problem(path: Path, message: str) -> Diagnostic:
    return Diagnostic(str(path), 1, 1, Severity.ERROR, message)


def _os_problem(path: Path, e: OSError) -> Diagnostic:
    if e.errno == errno.ENAMETOOLONG:
        return _problem(
            path,
            "the file name is too long for this system; rename the file or move it to a "
            "folder with a shorter path",
        )
    if e.errno == errno.ENOENT:
        return _problem(path, "cannot read file: file not found; check the path")
    return _problem(path, f"cannot read file: {e.strerror or e}")


def _kind_problem(path: Path, mode: int) -> Diagnostic | None:
    if stat.S_ISREG(mode):
        return None
    what = (
        "a folder"
        if stat.S_ISDIR(mode)
        else "a named pipe (FIFO)"
        if stat.S_ISFIFO(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "not a regular file"
    )
    return _problem(path, f"this is {what}, not a file; give the path of a saved bank file")


def _too_big(path: Path, size: int | None, limit: int) -> Diagnostic:
    have = f"file is {size / MB:.1f} MB; " if size is not None else "file is over the limit; "
    return _problem(
        path,
        f"{have}the limit for an imported question file is {limit // MB} MB - split it into "
        "smaller files",
    )


def check_file(path: Path) -> Diagnostic | None:
    """Why `path` cannot be read as a bank file (missing, special, name too long), or None."""
    try:
        st = os.stat(path)
    except (OSError, ValueError) as e:  # ValueError: a NUL byte in the name
        return (
            _os_problem(path, e)
            if isinstance(e, OSError)
            else _problem(path, f"bad file name: {e}")
        )
    return _kind_problem(path, st.st_mode)


def read_capped(path: Path, limit: int) -> tuple[bytes | None, Diagnostic | None]:
    """The bytes of a regular file of at most `limit` bytes, or None and the reason."""
    problem = check_file(path)
    if problem:
        return None, problem
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as e:
        return None, _os_problem(path, e)
    try:
        st = os.fstat(fd)
        problem = _kind_problem(path, st.st_mode)
        if problem:
            return None, problem
        if st.st_size > limit:
            return None, _too_big(path, st.st_size, limit)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:  # the file may grow after fstat(); never read past the cap
            chunk = os.read(fd, min(1 * MB, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            return None, _too_big(path, None, limit)
        return b"".join(chunks), None
    except OSError as e:
        return None, _os_problem(path, e)
    finally:
        os.close(fd)
