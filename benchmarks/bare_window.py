"""The start-up baseline: a bare PySide6 script that shows an empty QMainWindow and quits after the
first paint, printing `first-paint <time.time()>`. Run as a script, like the app, in a child."""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class _FirstPaint(QObject):
    """Same signal as the app uses: the event loop turn after the window's first Paint event."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, _painted)
        return False


def _painted() -> None:
    print(f"first-paint {time.time():.6f}", flush=True)
    QApplication.quit()


def peak_rss_kb() -> int:
    """This process's own high-water RSS (VmHWM). Not ru_maxrss: after fork/vfork + exec Linux
    carries the parent's high-water mark into the child's ru_maxrss."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)  # the main window's size
    watcher = _FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    code = app.exec()
    print(f"peak-rss-kb {peak_rss_kb()}", flush=True)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
