"""Runs Anki's desktop app (`aqt`) under Anki's own interpreter and prints, as the app reaches
them, `anki: first_paint <time.time()>` and `anki: profile_open <time.time()>`, then exits.

Not run by BayReady's interpreter: `benchmarks/anki_peer.py` starts it with the Python of a
throwaway virtualenv holding `aqt` (Anki is not a BayReady dependency). Imports nothing from
BayReady. `setup BASE` makes a profile in BASE once (language chosen, first run over) so the
timed runs go straight to the main window, as they do for a returning user.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

marks: dict[str, float] = {}


def _mark(what: str) -> None:
    if what not in marks:
        marks[what] = time.time()
        print(f"anki: {what} {marks[what]:.6f}", flush=True)
    if "first_paint" in marks and "profile_open" in marks:
        os._exit(0)  # Anki's own shutdown (backup, sync check) is not part of start-up


def setup(base: str) -> int:
    import anki.lang
    from aqt.profiles import ProfileManager

    anki.lang.set_lang("en_US")
    pm = ProfileManager(ProfileManager.get_created_base_folder(base))
    pm.setupMeta()
    pm.setLang("en_US")
    pm.create("User 1")
    pm.load("User 1")
    pm.meta["firstRun"] = False
    pm.save()
    return 0


def run(base: str) -> int:
    import aqt
    from aqt import gui_hooks
    from PyQt6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        """Same moment as BayReady's: the event-loop turn after the window's first Paint."""

        def eventFilter(self, obj: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint:
                obj.removeEventFilter(self)
                QTimer.singleShot(0, lambda: _mark("first_paint"))
            return False

    watcher = FirstPaint()

    def on_main_window() -> None:
        aqt.mw.installEventFilter(watcher)

    gui_hooks.main_window_did_init.append(on_main_window)
    gui_hooks.profile_did_open.append(lambda: _mark("profile_open"))
    sys.argv = ["anki", "-b", base]
    aqt.run()
    return 1  # the window closed before both marks: the parent reports the run as failed


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "setup":
        raise SystemExit(setup(sys.argv[2]))
    raise SystemExit(run(sys.argv[1]))
