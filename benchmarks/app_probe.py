"""Runs `bayready` (app.main.main, what the console script calls) and adds one line at the first
paint: `probe: first_paint_epoch=<time.time()> loaded=<sqlalchemy/alembic modules or ->`.

The app's own smoke-test line gives timings relative to its own import, not to the spawn, so this
shim hooks the app's first-paint signal (app.ui.application._FirstPaint) and prints the absolute
time. The hook connects before the app's own handler, which is what starts the database worker,
so `loaded` is what was imported before the first paint. Run as a script in a child process.
"""

from __future__ import annotations

import sys
import time
from typing import Any


def _install() -> None:
    import app.ui.application as gui  # PySide6 + the window modules: the app imports them anyway

    cls: Any = getattr(gui, "_FirstPaint", None)
    if cls is None:
        sys.exit("probe: app.ui.application._FirstPaint is gone; update benchmarks/app_probe.py")
    original = cls.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self.painted.connect(_mark)

    cls.__init__ = init


def _mark() -> None:
    now = time.time()
    loaded = [m for m in ("sqlalchemy", "alembic") if m in sys.modules]
    print(f"probe: first_paint_epoch={now:.6f} loaded={','.join(loaded) or '-'}", flush=True)


def main() -> int:
    _install()
    from app.main import main as app_main

    return app_main(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
