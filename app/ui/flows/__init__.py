"""The use cases behind the main window's buttons, one module per subject (attempts, reports,
study plan, profiles). A flow exists only once the database is open, so its services are never
None; the window holds pages and navigation and hands each click to a flow."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.domain.ids import ProfileId
    from app.services.setup import AppServices
    from app.ui.dialogs import Dialogs
    from app.ui.flows.attempts import AttemptFlow
    from app.ui.flows.profiles import ProfileFlow
    from app.ui.flows.reports import ReportFlow
    from app.ui.flows.study import StudyFlow
    from app.ui.main_window import MainWindow
    from app.ui.work import Ticket

T = TypeVar("T")


class Flow:
    """Base of the flows: the window (pages, dialogs, settings) and the open services."""

    def __init__(self, window: MainWindow, services: AppServices) -> None:
        self.window = window
        self.services = services
        self.ticket: Ticket | None = None  # what the learner waits for (see `submit`)
        self._waiting: list[QWidget] = []  # pages disabled while the learner waits for it

    def submit(self, work: Callable[[], T], done: Callable[[T], object], loading: str) -> None:
        """Run `work` on a worker thread while the current page waits (disabled, a note if it is
        slow); `done` follows unless a newer request of this flow or another profile chosen
        meanwhile superseded it. A refusal the learner can act on becomes a message (`refused`);
        a database fault the error dialog; anything else goes to the crash log."""
        w = self.window
        pid = w.profile_id
        page = w.pages.currentWidget()
        if page is not None:
            page.setEnabled(False)
            self._waiting.append(page)
        w.start_loading(loading)

        def finish() -> bool:
            w.stop_loading()
            for p in self._waiting:
                if shiboken6.isValid(p):  # not a page the language change rebuilt meanwhile
                    p.setEnabled(True)
            self._waiting.clear()
            return w.profile_id == pid  # another learner chosen meanwhile: stale

        def ok(result: T) -> None:
            if finish():
                done(result)

        def failed(error: Exception) -> None:
            if not finish():
                return
            if not self.refused(error):
                raise error

        key = type(self).__name__
        self.ticket = w.tasks.submit(lambda _t: work(), ok, failed, key=key)

    def refused(self, error: Exception) -> bool:
        """Whether `error` is a refusal the learner can act on; if so it was shown."""
        return False

    @property
    def dialogs(self) -> Dialogs:
        return self.window.dialogs

    @property
    def pid(self) -> ProfileId:
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
