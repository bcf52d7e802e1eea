"""The learner's progress report and its PDF/CSV export, and the instructor's class results:
computed on a worker thread through the window's TaskRunner, shown when ready."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.ui.flows import Flow
from app.ui.translation import translate_error
from app.ui.work import Ticket

if TYPE_CHECKING:
    from app.services.plans import ReportAppendix
    from app.services.reports import WeakAreaReport
    from app.services.setup import AppServices
    from app.ui.main_window import MainWindow


class ReportFlow(Flow):
    def __init__(self, window: MainWindow, services: AppServices) -> None:
        super().__init__(window, services)
        self.report_ticket: Ticket | None = None  # a progress report being computed

    def show_progress(self, code: str) -> None:
        """Computed on a worker thread; the page opens when the report is ready, unless the
        learner went elsewhere or chose another profile meanwhile."""
        w = self.window
        reports, pid = self.services.reports, self.pid
        language = w.translators.language.value  # the bank's titles and words in it
        from_page = w.current_page

        def done(report: WeakAreaReport) -> None:
            w.stop_loading()
            if w.current_page != from_page or w.profile_id != pid:
                return  # the learner moved on: do not pull them away
            w.show_progress_page(report)

        w.start_loading(self.tr("Loading your progress report..."))
        self.report_ticket = w.tasks.submit(
            lambda _t: reports.weak_area_report(pid, code, language=language),
            done,
            self._on_failed,
            key="report",
        )

    def on_page_changed(self, name: str) -> None:
        if self.report_ticket is not None and name != "progress":
            self.report_ticket.cancel()  # asked for on another page: never pull the learner away
            self.window.stop_loading()

    def on_profile_changed(self) -> None:
        """Another learner was chosen: the previous learner's report must never open."""
        if self.report_ticket is not None:
            self.report_ticket.cancel()
            self.report_ticket = None
            self.window.stop_loading()

    def _on_failed(self, error: Exception) -> None:
        from app.services.reports import ReportError

        self.window.stop_loading()
        if not isinstance(error, ReportError):
            raise error  # a database fault: the error dialog; anything else: the crash log
        self.dialogs.error(self.tr("Progress"), translate_error(error))

    def export_progress(self, fmt: str, r: WeakAreaReport) -> None:
        w = self.window
        suggested = f"bayready-{r.test_code}-{r.profile}.{fmt}"
        filters = self.tr("PDF (*.pdf)") if fmt == "pdf" else self.tr("CSV (*.csv)")
        target = self.dialogs.save_file(self.tr("Export report"), filters, suggested)
        if not target:
            return
        if fmt != "pdf":
            self._write(r, target, fmt, None)
            return
        plans = self.services.plans

        def done(appendix: ReportAppendix) -> None:
            w.stop_loading()
            self._write(r, target, fmt, appendix)

        def failed(error: Exception) -> None:
            w.stop_loading()
            raise error  # a database fault: the error dialog; anything else: the crash log

        # the study-plan appendix is read on a worker thread; Qt draws the PDF here
        w.start_loading(self.tr("Preparing the PDF..."))
        language = w.translators.language.value
        w.tasks.submit(
            lambda _t: plans.report_appendix(r.profile, r.test_code, language=language),
            done,
            failed,
            key="export",
        )

    def _write(
        self, r: WeakAreaReport, target: str, fmt: str, appendix: ReportAppendix | None
    ) -> None:
        from pathlib import Path

        try:
            if fmt == "pdf":
                from app.ui.report_pdf import write_pdf

                write_pdf(r, Path(target), appendix=appendix)
            else:
                from app.services.exports import write_export
                from app.services.reports import report_csv

                write_export(Path(target), report_csv(r))
        except OSError as e:  # ExportError: the file, the cause and the fix
            self.dialogs.error(self.tr("Export"), translate_error(e))
            return
        self.window.status_label.setText(self.tr("Saved {0}").format(target))

    def show_class_results(self) -> None:
        """The class results dialog, once the test list has been read on a worker thread."""
        from app.ui.class_dialog import ClassDialog

        w = self.window
        banks = self.services.banks

        def done(tests: list[str]) -> None:
            if not tests:
                self.dialogs.info(self.tr("Class results"), self.tr("Load a question bank first."))
                return
            dlg = ClassDialog(
                self.services.classroom, tests, self.dialogs, w, run_sync=w.inline_work
            )
            if w.home.selected_code():
                dlg.test.setCurrentText(w.home.selected_code() or "")
            self.dialogs.show_modal(dlg)

        self.submit(lambda: [t.code for t in banks.list_tests()], done, self.tr("Loading..."))
