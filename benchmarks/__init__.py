"""BayReady's benchmarks: `python -m benchmarks.run [--full|--smoke]` (or `make bench`).

Every figure is measured against a baseline taken in the same run on the same machine (a bare
PySide6 window, raw sqlite3, a minimal draw), so the ratios travel between machines better than
the absolute numbers do. Qt work runs in child processes; this package imports the app, never the
other way round.
"""
