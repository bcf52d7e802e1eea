"""The use cases behind the main window's buttons, one module per subject (attempts, reports,
study plan, profiles). A flow exists only once the database is open, so its services are never
None; the window holds pages and navigation and hands each click to a flow."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from app.services.setup import AppServices
    from app.ui.dialogs import Dialogs
    from app.ui.flows.attempts import AttemptFlow
    from app.ui.flows.profiles import ProfileFlow
    from app.ui.flows.reports import ReportFlow
    from app.ui.flows.study import StudyFlow
    from app.ui.main_window import MainWindow


class Flow:
    """Base of the flows: the window (pages, dialogs, settings) and the open services."""

    def __init__(self, window: MainWindow, services: AppServices) -> None:
        self.window = window
        self.services = services

    @property
    def dialogs(self) -> Dialogs:
        return self.window.dialogs

    @property
    def pid(self) -> int:
        """The selected profile (attach_services selects one before any flow is used)."""
        pid = self.window.profile_id
        if pid is None:
            raise RuntimeError("no profile is selected")
        return pid

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        # lupdate files `self.tr` texts under the class's name (AttemptFlow, StudyFlow...)
        return QCoreApplication.translate(type(self).__name__, text, disambiguation, n)


@dataclass(frozen=True)
class Flows:
    attempts: AttemptFlow
    profiles: ProfileFlow
    reports: ReportFlow
    study: StudyFlow


def make_flows(window: MainWindow, services: AppServices) -> Flows:
    from app.ui.flows.attempts import AttemptFlow
    from app.ui.flows.profiles import ProfileFlow
    from app.ui.flows.reports import ReportFlow
    from app.ui.flows.study import StudyFlow

    return Flows(
        attempts=AttemptFlow(window, services),
        profiles=ProfileFlow(window, services),
        reports=ReportFlow(window, services),
        study=StudyFlow(window, services),
    )
