"""The main window: a stack of pages (home, exam, report, ...) and the services they use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget

from app.paths import AppPaths
from app.ui.dialogs import Dialogs
from app.ui.home import HomePage

if TYPE_CHECKING:
    from app.services.setup import AppServices


class MainWindow(QMainWindow):
    tests_populated = Signal()
    startup_failed = Signal(str)

    def __init__(self, paths: AppPaths, dialogs: Dialogs | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.dialogs = dialogs or Dialogs(self)
        self.services: AppServices | None = None
        self.setWindowTitle("BayReady - ASE practice tests")
        self.resize(1200, 760)
        self.setMinimumSize(900, 600)
        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self.home = HomePage()
        self.pages.addWidget(self.home)
        self.status_label = QLabel("Opening the question banks...")
        self.statusBar().addWidget(self.status_label)

    def attach_services(self, services: AppServices, results: list[object]) -> None:
        self.services = services
        if results:
            self.status_label.setText(f"Loaded {len(results)} question banks on first run.")
        else:
            self.status_label.setText(f"Database: {services.db.display_name()}")
        self.refresh_home()

    def refresh_home(self) -> None:
        assert self.services is not None
        self.home.show_tests(self.services.banks.list_tests())
        self.tests_populated.emit()

    def show_startup_error(self, message: str) -> None:
        self.status_label.setText("Could not open the database.")
        self.home.show_message(message)
        self.startup_failed.emit(message)
