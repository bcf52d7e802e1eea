"""PySide6's per-import source scan, answered from the file's raw bytes. Imported by the `app.ui`
package itself, so it is in place before any other module of the GUI (or one it imports) loads.
Standard library and PySide6 only."""

from __future__ import annotations

import sys
from typing import Any

import PySide6  # noqa: F401 - loads shiboken's feature module, whose scan is replaced below


def scan_imports_cheaply() -> bool:
    """PySide6 asks of every module imported after it whether its source mentions "PySide6"
    (for `from __feature__ import ...`, PYSIDE-2029) through `inspect.getsource`, which tokenizes
    the file and keeps all its lines in `linecache` for the life of the process: for SQLAlchemy
    and the services, 0.1-0.15 s of the database worker's start-up and about 20 MB of memory.
    The same question answered from the file's raw bytes gives the same answer and keeps nothing.
    Returns whether the scan was replaced (False: this PySide6 no longer has it; nothing to do)."""
    import linecache

    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or upstream is None:
        return False
    if getattr(upstream, "reads_raw_bytes", False):
        return True

    def mod_uses_pyside(module: Any) -> bool:
        spec = getattr(module, "__spec__", None)
        path = getattr(spec, "origin", None)  # the source file
        if path == "frozen":  # os, codecs, posixpath... are frozen in; upstream reads their file
            path = getattr(getattr(spec, "loader_state", None), "filename", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(upstream(module))  # built-in, extension or source-less: as before
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(upstream(module))

    mod_uses_pyside.reads_raw_bytes = True  # type: ignore[attr-defined]
    vars(feature)["_mod_uses_pyside"] = mod_uses_pyside
    linecache.clearcache()  # what the scan kept so far; a traceback reads its lines again
    return True
