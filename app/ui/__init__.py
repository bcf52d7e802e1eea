"""The Qt GUI: the only package that imports PySide6. application.py wires everything together.

PySide6's import scan is made cheap first (see import_scan), before any GUI module loads."""

from app.ui.import_scan import scan_imports_cheaply

scan_imports_cheaply()
