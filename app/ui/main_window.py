"""The main window: a stack of pages (home, exam, report) and the services they use."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from app import settings as settings_store
from app.domain.clock import format_remaining
from app.paths import AppPaths
from app.ui.dialogs import Dialogs
from app.ui.home import HomePage

T = TypeVar("T")
PREFERRED = (1280, 800)  # the window's size on a screen large enough for it

if TYPE_CHECKING:
    from app.services.classroom import Capabilities
    from app.services.exams import AttemptReport, AttemptState, InProgress
    from app.services.setup import AppServices
    from app.ui.exam.exam_page import ExamPage
    from app.ui.exam.intro_page import ExamIntroPage
    from app.ui.progress_page import ProgressPage
    from app.ui.report_page import ReportPage


class _EnterPressesButtons(QObject):
    """Enter on a focused push or tool button presses it (Qt only does that inside dialogs)."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(obj, QPushButton | QToolButton)
            and obj.window() is not None
            and not isinstance(obj.window(), QDialog)
            and obj.isEnabled()
        ):
            obj.animateClick()
            return True
        return False


class MainWindow(QMainWindow):
    tests_populated = Signal()
    startup_failed = Signal(str)
    page_changed = Signal(str)

    def __init__(
        self,
        paths: AppPaths,
        dialogs: Dialogs | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.paths = paths
        self.dialogs = dialogs or Dialogs(self)
        self.monotonic = monotonic
        self.services: AppServices | None = None
        self.settings = settings_store.load(paths.settings_file)
        self.profile_id: int | None = None
        # what the connected login may do; None until the database is open (nothing hidden yet)
        self.capabilities: Capabilities | None = None
        self.setWindowTitle(self.tr("BayReady - ASE practice tests"))
        self.resize(*PREFERRED)
        self.setMinimumSize(1000, 640)
        self.fit_to_screen()
        # with a PIN set, every start is in learner mode; the instructor turns the tools on
        self.instructor_mode = self.settings.instructor_mode and not self.settings.instructor_pin
        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self.home = HomePage()
        self.pages.addWidget(self.home)
        self.exam: ExamPage | None = None
        self.intro: ExamIntroPage | None = None
        self._intro_choice: tuple[str, bool] | None = None
        self.report: ReportPage | None = None
        self.progress: ProgressPage | None = None
        self._enter = _EnterPressesButtons(self)
        self._enter_presses_buttons(self.home)
        self.status_label = QLabel("Opening the question banks...")
        self.statusBar().addWidget(self.status_label)
        h = self.home
        h.profile_selected.connect(self._on_home_profile_selected)
        h.new_profile_requested.connect(self._on_home_new_profile_requested)
        h.manage_profiles_requested.connect(self._on_home_manage_profiles_requested)
        h.mock_requested.connect(self.show_intro)  # the clock starts only from the intro
        h.practice_requested.connect(self._on_home_practice_requested)
        h.resume_requested.connect(self.resume)
        h.progress_requested.connect(self.show_progress)
        h.review_requested.connect(self.start_review)
        h.banks_requested.connect(self.show_banks)
        h.class_requested.connect(self.show_class_results)
        h.test_selected.connect(self._on_home_test_selected)
        h.today_requested.connect(self.start_today)
        h.plan_requested.connect(self.show_plan)
        h.certifications_requested.connect(self.show_certifications)
        self._page = "home"
        self._fitted = False
        self._build_menus()
        self.page_changed.connect(self._on_page_changed)
        self._apply_instructor_mode()

    # -- window size, menus, help, instructor mode -----------------------------------------------
    def fit_to_screen(self) -> None:
        """Keep the whole window (status bar included) inside the screen's available area."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        avail = screen.availableGeometry()
        frame_h = 32  # a typical title bar; the frame is unknown until the window is shown
        w = min(self.width(), avail.width())
        h = min(self.height(), avail.height() - frame_h)
        # room for borders under the minimum, so _fit_frame can shrink to the real frame later
        self.setMinimumSize(min(1000, w - 16), min(640, h - 16))
        self.resize(w, h)
        self.move(
            avail.x() + (avail.width() - w) // 2,
            avail.y() + max(0, (avail.height() - frame_h - h) // 2),
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:  # now the frame (title bar, borders) is known: fit it too
            self._fitted = True
            self._fit_frame()

    def _fit_frame(self) -> None:
        screen = self.screen()
        if screen is None:
            return
        avail, frame = screen.availableGeometry(), self.frameGeometry()
        extra_w, extra_h = frame.width() - self.width(), frame.height() - self.height()
        # the preferred size, now that the real frame is known (fit_to_screen had to guess it)
        w = min(PREFERRED[0], avail.width() - extra_w)
        h = min(PREFERRED[1], avail.height() - extra_h)
        if (w, h) != (self.width(), self.height()):
            self.resize(w, h)
        frame = self.frameGeometry()
        if not avail.contains(frame):
            self.move(
                max(avail.left(), min(frame.left(), avail.right() + 1 - frame.width())),
                max(avail.top(), min(frame.top(), avail.bottom() + 1 - frame.height())),
            )

    def _action(
        self, menu: QMenu, text: str, slot: Callable[[], object], shortcut: str = ""
    ) -> QAction:
        a = menu.addAction(text)
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(lambda _checked=False: slot())
        return a

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        h = self.home
        self.act_new_profile = self._action(
            file, self.tr("&New profile..."), h.new_profile.click, "Ctrl+Shift+N"
        )
        self.act_profiles = self._action(
            file, self.tr("&Profiles and accommodations..."), h.manage.click
        )
        file.addSeparator()
        self.act_quit = self._action(file, self.tr("&Quit"), self.close, "Ctrl+Q")
        test = bar.addMenu(self.tr("&Test"))
        self.act_mock = self._action(test, self.tr("Start &mock exam"), h.start.click)
        self.act_practice = self._action(test, self.tr("&Practice..."), h.practice.click, "Ctrl+P")
        self.act_resume = self._action(test, self.tr("&Resume an attempt..."), self.choose_resume)
        self.act_review = self._action(test, self.tr("Re&view missed"), h.review.click)
        self.act_progress = self._action(
            test, self.tr("My pro&gress and study plan"), h.progress.click, "Ctrl+Shift+M"
        )
        test.addSeparator()
        self.act_plan = self._action(test, self.tr("Study p&lan..."), h.plan_button.click)
        self.act_certs = self._action(test, self.tr("&Certifications..."), self.show_certifications)
        self.test_menu = test
        tools = bar.addMenu(self.tr("&Instructor"))
        self.act_instructor = self._action(
            tools, self.tr("&Instructor mode"), self._on_instructor_toggled
        )
        self.act_instructor.setCheckable(True)
        tools.addSeparator()
        self.act_banks = self._action(tools, self.tr("&Question banks..."), self.show_banks)
        self.act_class = self._action(tools, self.tr("&Class results..."), self.show_class_results)
        self.act_pin = self._action(tools, self.tr("Set or change the &PIN..."), self.set_pin)
        help_ = bar.addMenu(self.tr("&Help"))
        self.act_help = self._action(help_, self.tr("BayReady &help"), self.show_help, "F1")
        self.act_about = self._action(help_, self.tr("&About BayReady"), self.show_about)
        test.aboutToShow.connect(self._update_test_menu)

    def _update_test_menu(self) -> None:
        h = self.home
        on_home = self._page == "home"
        for a, b in (
            (self.act_mock, h.start),
            (self.act_practice, h.practice),
            (self.act_review, h.review),
            (self.act_progress, h.progress),
            (self.act_plan, h.plan_button),
        ):
            a.setEnabled(on_home and b.isEnabled())
        self.act_certs.setEnabled(on_home and self.services is not None)
        self.act_resume.setEnabled(on_home and self.services is not None)

    def _on_page_changed(self, name: str) -> None:
        # no new attempt, profile switch or bank change from inside an exam or report
        self._page = name
        on_home = name == "home"
        for a in (self.act_new_profile, self.act_profiles, self.act_banks, self.act_class):
            a.setEnabled(on_home)
        self._update_test_menu()

    def _apply_instructor_mode(self) -> None:
        on = self.instructor_mode
        self.act_instructor.setChecked(on)
        for a in (self.act_banks, self.act_class, self.act_pin):
            a.setVisible(on)
        self.home.set_instructor_mode(on)
        caps = self.capabilities
        if caps is not None:  # a class login: only what its database role allows
            self.act_banks.setVisible(on and caps.manage_banks)
            self.act_class.setVisible(on and caps.class_results)
            self.home.banks.setVisible(caps.manage_banks or caps.import_banks)
            self.home.class_results.setVisible(caps.class_results)

    def _on_instructor_toggled(self) -> None:
        self.set_instructor_mode(not self.instructor_mode)

    def set_instructor_mode(self, on: bool) -> bool:
        """Turning it on asks for the PIN when one is set; returns whether the mode is now `on`."""
        if on and self.capabilities and not self.capabilities.instructor_tools:
            self._allowed(self.tr("Instructor tools"), False)
            self._apply_instructor_mode()
            return False
        if on and self.settings.instructor_pin:
            pin = self.dialogs.ask_text(
                self.tr("Instructor mode"), self.tr("Instructor PIN:"), password=True
            )
            if pin is None:
                self._apply_instructor_mode()
                return False
            if not settings_store.check_pin(pin, self.settings.instructor_pin):
                self.dialogs.error(
                    self.tr("Instructor mode"),
                    self.tr("That PIN is not right. Instructor mode stays off."),
                )
                self._apply_instructor_mode()
                return False
        self.instructor_mode = on
        self.settings.instructor_mode = on
        self._save_settings()
        self._apply_instructor_mode()
        if on:
            self.status_label.setText(
                self.tr("Instructor mode is on: question banks and class results are available.")
                + (
                    ""
                    if self.settings.instructor_pin
                    else " " + self.tr("Set a PIN (Instructor menu) so learners cannot turn it on.")
                )
            )
        else:
            self.status_label.setText(self.tr("Instructor mode is off."))
        return True

    def set_pin(self) -> None:
        if not self.instructor_mode:
            return
        pin = self.dialogs.ask_text(
            self.tr("Instructor PIN"),
            self.tr("New PIN (leave empty to remove the PIN):"),
            password=True,
        )
        if pin is None and not self.settings.instructor_pin:
            return
        if pin is None and not self.dialogs.confirm(
            self.tr("Instructor PIN"),
            self.tr("Remove the PIN? Anyone could then turn on instructor mode."),
            ok=self.tr("Remove PIN"),
        ):
            return
        if (
            pin is not None
            and self.dialogs.ask_text(
                self.tr("Instructor PIN"), self.tr("The same PIN again:"), password=True
            )
            != pin
        ):
            self.dialogs.error(
                self.tr("Instructor PIN"), self.tr("The two PINs differ; the PIN is unchanged.")
            )
            return
        self.settings.instructor_pin = settings_store.hash_pin(pin or "")
        self._save_settings()
        self.status_label.setText(
            self.tr("Instructor PIN saved.") if pin else self.tr("Instructor PIN removed.")
        )

    def show_help(self) -> None:
        from app.ui.help_dialog import HelpDialog

        self.dialogs.show_modal(HelpDialog(self))

    def show_about(self) -> None:
        from app.ui.help_dialog import AboutDialog, about_facts

        db = self.services.db.display_name() if self.services is not None else self.paths.db_url
        self.dialogs.show_modal(AboutDialog(about_facts(db, str(self.paths.data_dir)), self))

    # -- start-up -------------------------------------------------------------------------------
    def show_quick_list(self) -> bool:
        """Fill the test list straight from the SQLite file while the services load."""
        from app.services.views import quick_cards

        f = self.paths.sqlite_file
        cards = quick_cards(f) if f is not None else None
        if not cards:
            return False
        self.home.show_tests(cards)
        self.home.show_message(f"{len(cards)} tests loaded. Opening your profile...")
        self.tests_populated.emit()
        return True

    def attach_services(self, services: AppServices, results: list[object]) -> None:
        from app.banks.diagnostics import BankError

        self.services = services
        self.apply_capabilities(services.classroom.capabilities())
        failed = [r for r in results if isinstance(r, BankError)]
        if failed:
            self.dialogs.error(
                "Some question banks could not be loaded", "\n\n".join(str(e) for e in failed)
            )
        if results:
            self.status_label.setText(
                f"Loaded {len(results) - len(failed)} question banks on "
                "first run" + (f"; {len(failed)} failed." if failed else ".")
            )
        else:
            self.status_label.setText(f"Database: {services.db.display_name()}{self._as_role()}")
        wanted = (
            services.profiles.find(self.settings.last_profile)
            if (self.settings.last_profile)
            else None
        )
        self.profile_id = (wanted or services.profiles.ensure_default()).id
        self.refresh_home()
        self.offer_resume()

    def apply_capabilities(self, caps: Capabilities) -> None:
        """Hide the tools the connected login may not use (the database refuses them anyway):
        a learner's app has no bank manager, import, class results or instructor mode."""
        self.capabilities = caps
        h = self.home
        h.banks.setVisible(caps.manage_banks or caps.import_banks)
        h.class_results.setVisible(caps.class_results)
        h.new_profile.setVisible(caps.manage_profiles)
        h.manage.setVisible(caps.manage_profiles)
        self.act_new_profile.setVisible(caps.manage_profiles)
        self.act_profiles.setVisible(caps.manage_profiles)
        self.act_instructor.setVisible(caps.instructor_tools)
        if not caps.instructor_tools:
            self.instructor_mode = False  # for this login only; the saved preference stays
        self._apply_instructor_mode()

    def _allowed(self, what: str, flag: bool) -> bool:
        if not flag:
            self.dialogs.info(what, f"{what} are for instructors; ask yours.")
        return flag

    def _as_role(self) -> str:
        c = self.capabilities
        if c is None or c.role in ("single computer", "owner"):
            return ""
        return f" - signed in as {'an instructor' if c.role == 'instructor' else 'a learner'}"

    def show_startup_error(self, message: str) -> None:
        self.status_label.setText("Could not open the database.")
        self.home.show_message(message)
        self.startup_failed.emit(message)

    def refresh_home(self) -> None:
        assert self.services is not None
        self.home.show_profiles(self.services.profiles.list_profiles(), self.profile_id)
        self.home.show_tests(self.services.exams.test_cards(self.profile_id), self._due())
        self._refresh_today()
        self.tests_populated.emit()

    def _due(self) -> dict[str, int]:
        assert self.services is not None
        return self.services.reviews.due_counts(self.profile_id) if self.profile_id else {}

    def offer_resume(self) -> None:
        """After a crash or kill: offer the attempt that was in progress."""
        assert self.services is not None
        pending = self.services.exams.in_progress(self.profile_id)
        if not pending:
            return
        if len(pending) > 1:
            self._choose_from(pending)
            return
        p = pending[-1]
        left = f", {format_remaining(p.remaining_s)} left" if p.remaining_s is not None else ""
        if self.dialogs.confirm(
            "Resume exam",
            f"Your {p.test_code} {p.mode} is still in progress ({p.answered} of {p.items} answered"
            f"{left}). Resume it now? Time while BayReady was closed is not counted.",
            ok="Resume",
            default_ok=True,
        ):
            self.resume(p.attempt_id)

    def choose_resume(self) -> None:
        """Test > Resume: every attempt this learner has in progress, in any test."""
        if self.services is None:
            return
        pending = self.services.exams.in_progress(self.profile_id)
        if not pending:
            self.dialogs.info(self.tr("Resume"), self.tr("You have no attempt in progress."))
            return
        self._choose_from(pending)

    def _choose_from(self, pending: list[InProgress]) -> None:
        from app.ui.resume_dialog import ResumeDialog

        dlg = ResumeDialog(pending, self)
        if self.dialogs.show_modal(dlg):
            chosen = dlg.selected_attempt()
            if chosen is not None:
                self.resume(chosen)

    def _practice_over_in_progress(self, code: str) -> bool:
        """Warn before a practice when this test has an attempt in progress; False to stop."""
        assert self.services is not None
        card = next(
            (c for c in self.services.exams.test_cards(self.profile_id) if c.code == code), None
        )
        if card is None or card.in_progress is None:
            return True
        answer = self.dialogs.choose(
            self.tr("Attempt in progress"),
            self.tr(
                "Your {code} {mode} is still in progress. It stays saved and you can resume it "
                "later. Start a practice anyway?"
            ).format(code=code, mode=card.in_progress_mode),
            [
                self.tr("Start practice"),
                self.tr("Resume the {mode}").format(mode=card.in_progress_mode),
            ],
        )
        if answer == 1:
            self.resume(card.in_progress)
        return answer == 0

    # -- pages ----------------------------------------------------------------------------------
    def _exam_page(self) -> ExamPage:
        if self.exam is None:
            from app.ui.exam.exam_page import ExamPage

            assert self.services is not None
            self.exam = ExamPage(self.services.exams, self.dialogs, self.monotonic)
            self.exam.submitted.connect(self.show_report)
            self.exam.time_up.connect(self._on_exam_time_up)
            self.exam.left.connect(self.go_home)
            self.pages.addWidget(self.exam)
        return self.exam

    def _intro_page(self) -> ExamIntroPage:
        if self.intro is None:
            from app.ui.exam.intro_page import ExamIntroPage

            self.intro = ExamIntroPage()
            self.intro.start_requested.connect(self._on_intro_start_requested)
            self.intro.back_requested.connect(self.go_home)
            self.pages.addWidget(self.intro)
        return self.intro

    def _report_page(self) -> ReportPage:
        if self.report is None:
            from app.ui.report_page import ReportPage

            self.report = ReportPage()
            self.report.home_requested.connect(self.go_home)
            self.report.practise_requested.connect(self.practise_questions)
            self._wire_report_links(self.report)
            self.pages.addWidget(self.report)
        return self.report

    def _wire_report_links(self, page: ReportPage) -> None:
        page.study_plan_requested.connect(self.show_progress)

    def _progress_page(self) -> ProgressPage:
        if self.progress is None:
            from app.ui.progress_page import ProgressPage

            self.progress = ProgressPage()
            self.progress.home_requested.connect(self.go_home)
            self.progress.drill_requested.connect(self.drill)
            self.progress.review_requested.connect(self.start_review)
            self.progress.export_requested.connect(self.export_progress)
            self.pages.addWidget(self.progress)
        return self.progress

    def show_progress(self, code: str) -> None:
        assert self.services is not None and self.profile_id is not None
        reports, pid = self.services.reports, self.profile_id
        from app.services.reports import ReportError

        try:
            report = reports.weak_area_report(pid, code)
        except ReportError as e:
            self.dialogs.error("Progress", str(e))
            return
        page = self._progress_page()
        page.show_report(report)
        self._show(page, "progress")

    def show_banks(self) -> None:
        from app.ui.banks_dialog import BanksDialog

        if self.capabilities and not self._allowed(
            self.tr("Question banks"), self.capabilities.manage_banks
        ):
            return
        if self.services is None or not self.instructor_mode:
            return  # answer keys are for instructors only
        dlg = BanksDialog(
            self.services.banks, self.dialogs, self, preferred_test=self.home.selected_code()
        )
        self.dialogs.show_modal(dlg)
        self.refresh_home()

    def show_class_results(self) -> None:
        from app.ui.class_dialog import ClassDialog

        if self.capabilities and not self._allowed(
            self.tr("Class results"), self.capabilities.class_results
        ):
            return
        if self.services is None or not self.instructor_mode:
            return
        tests = [t.code for t in self.services.banks.list_tests()]
        if not tests:
            self.dialogs.info("Class results", "Load a question bank first.")
            return
        dlg = ClassDialog(self.services.classroom, tests, self.dialogs, self)
        if self.home.selected_code():
            dlg.test.setCurrentText(self.home.selected_code() or "")
        self.dialogs.show_modal(dlg)

    def drill(self, code: str, kind: str, key: str) -> None:
        """Practice on exactly that area or task, missed and unseen items first."""
        if kind == "area":
            self.start_practice(code, areas=(key,), count=10)
        else:
            self.start_practice(code, tasks=(key,), count=10)

    def start_review(self, code: str) -> None:
        assert self.services is not None and self.profile_id is not None
        ids = self.services.reviews.due_question_ids(self.profile_id, code)
        if not ids:
            self.dialogs.info("Review", "Nothing is due for review in this test right now.")
            return
        self.start_practice(code, count=len(ids), question_ids=tuple(ids))

    def export_progress(self, fmt: str) -> None:
        assert self.progress is not None and self.progress.report is not None
        r = self.progress.report
        suggested = f"bayready-{r.test_code}-{r.profile}.{fmt}"
        filters = "PDF (*.pdf)" if fmt == "pdf" else "CSV (*.csv)"
        target = self.dialogs.save_file("Export report", filters, suggested)
        if not target:
            return
        from pathlib import Path

        try:
            if fmt == "pdf":
                from app.ui.report_pdf import write_pdf

                appendix = None
                if self.services is not None:
                    appendix = self.services.plans.report_appendix(r.profile, r.test_code)
                write_pdf(r, Path(target), appendix=appendix)
            else:
                from app.services.exports import write_export
                from app.services.reports import report_csv

                write_export(Path(target), report_csv(r))
        except OSError as e:  # ExportError: the file, the cause and the fix
            self.dialogs.error("Export", str(e))
            return
        self.status_label.setText(f"Saved {target}")

    # -- study plan and certifications ----------------------------------------------------------
    def _on_home_test_selected(self, _code: str) -> None:
        self._refresh_today()

    def _refresh_today(self) -> None:
        """Home's Today line for the selected profile and test, re-planned from today."""
        code = self.home.selected_code()
        if self.services is None or self.profile_id is None or code is None:
            self.home.show_today(
                self.tr("Today: choose a test to see your study plan."), self.tr("Start"), False
            )
            return
        from app.domain.planner import PlanError
        from app.ui.plan_dialog import today_summary

        card = self.home.selected_card()
        try:
            view = self.services.plans.plan(self.profile_id, code)
        except PlanError as e:
            self.home.show_today(str(e), self.tr("Start"), False)
            return
        text, button, can = today_summary(view)
        self.home.show_today(text, button, can and card is not None and card.questions > 0)

    def start_today(self, code: str) -> None:
        """Today's planned session (or the next one): a drill, a review or the mock's intro."""
        assert self.services is not None and self.profile_id is not None
        from app.domain.planner import SessionKind

        view = self.services.plans.plan(self.profile_id, code)
        x = view.today or view.next_session
        if x is None:
            return
        if x.kind in (SessionKind.MOCK, SessionKind.RECERT_FORM):
            self.show_intro(code, False, recert=x.kind is SessionKind.RECERT_FORM)
            return
        if x.kind is SessionKind.REVIEW:
            ids = self.services.reviews.due_question_ids(self.profile_id, code)
            if ids:
                self.start_practice(code, count=len(ids), question_ids=tuple(ids))
                return  # nothing due after all: a mixed drill keeps the evening useful
        if not self._practice_over_in_progress(code):
            return
        n = view.drill_items
        if x.focus and x.focus_kind == "task":
            self.start_practice(code, tasks=x.focus, count=n)
        elif x.focus:
            self.start_practice(code, areas=x.focus, count=n)
        else:
            self.start_practice(code, count=n)

    def show_plan(self, code: str) -> None:
        assert self.services is not None and self.profile_id is not None
        from datetime import date

        from app.domain.planner import Goal, PlanError
        from app.services.plans import PlanView
        from app.ui.plan_dialog import PlanDialog

        plans, pid = self.services.plans, self.profile_id
        try:
            view = plans.plan(pid, code)
        except PlanError as e:
            self.dialogs.error(self.tr("Study plan"), str(e))
            return

        def save(
            test_date: date | None, weekdays: frozenset[int], minutes: int, goal: Goal
        ) -> PlanView:
            plans.save_settings(
                pid, code, test_date=test_date, weekdays=weekdays, minutes=minutes, goal=goal
            )
            return plans.plan(pid, code)

        dlg = PlanDialog(view, save, self.export_plan, self)
        self.dialogs.show_modal(dlg)
        self._refresh_today()

    def export_plan(self, view: object) -> None:
        from pathlib import Path

        from app.services.exports import ExportError, write_export
        from app.services.plans import PlanView, plan_ics

        assert isinstance(view, PlanView) and self.services is not None
        target = self.dialogs.save_file(
            self.tr("Export the study plan"),
            self.tr("Calendar (*.ics)"),
            f"bayready-{view.test_code}-plan.ics",
        )
        if not target:
            return
        try:
            write_export(Path(target), plan_ics(view, self.services.now()))
        except ExportError as e:
            self.dialogs.error(self.tr("Export"), str(e))
            return
        self.status_label.setText(self.tr("Saved {file}").format(file=target))

    def show_certifications(self) -> None:
        if self.services is None or self.profile_id is None:
            return
        from datetime import date

        from app.domain.certification import Outcome
        from app.ui.certifications_dialog import CertificationsDialog, TrackerState

        plans, pid = self.services.plans, self.profile_id

        def state() -> TrackerState:
            return plans.tracker(pid), plans.results(pid), plans.renewal_checks(pid)

        def add(code: str, taken_on: date, outcome: Outcome) -> TrackerState:
            plans.record_result(pid, code, taken_on, outcome)
            return state()

        def remove(entry_id: int) -> TrackerState:
            plans.remove_result(pid, entry_id)
            return state()

        name = self.services.profiles.get(pid).name
        dlg = CertificationsDialog(name, state(), add, remove, self)
        self.dialogs.show_modal(dlg)
        check = dlg.check_requested
        if check is not None and self._practice_over_in_progress(check.test_code):
            # the service has no per-area quota: the plain count, drawn over the whole test
            self.start_practice(check.test_code, count=check.questions, remember_count=False)

    def _enter_presses_buttons(self, widget: QWidget) -> None:
        for b in widget.findChildren(QPushButton) + widget.findChildren(QToolButton):
            b.installEventFilter(self._enter)

    def _show(self, widget: QWidget, name: str) -> None:
        self._enter_presses_buttons(widget)
        self.pages.setCurrentWidget(widget)
        self.page_changed.emit(name)

    def go_home(self) -> None:
        self.refresh_home()
        self._show(self.home, "home")

    def run_attempt(self, state: AttemptState) -> None:
        page = self._exam_page()
        self._show(page, "exam")
        page.start(state)
        self._enter_presses_buttons(page)  # the navigator's buttons are new for each attempt

    def _on_exam_time_up(self) -> None:
        # the report is already showing (the exam page holds no exhibit window to cover it)
        self.statusBar().showMessage(self.tr("Time is up - your answers were submitted."), 60_000)
        self.dialogs.info(
            self.tr("Time is up"),
            self.tr(
                "Time is up - your answers were submitted. Your score report is on the screen."
            ),
        )

    def show_report(self, report: AttemptReport) -> None:
        page = self._report_page()
        page.show_report(report)
        self._show(page, "report")

    # -- actions --------------------------------------------------------------------------------
    def _guard(self, fn: Callable[[], T]) -> T | None:
        from app.services.exams import ExamError
        from app.services.profiles import ProfileError

        try:
            return fn()
        except (ExamError, ProfileError) as e:
            self.dialogs.error("BayReady", str(e))
            return None

    def show_intro(self, code: str, include_unscored: bool, *, recert: bool = False) -> None:
        """The mock's intro screen (items, time and why, rules, keys); no attempt exists yet."""
        assert self.services is not None and self.profile_id is not None
        exams, pid = self.services.exams, self.profile_id
        plan = self._guard(lambda: exams.mock_plan(pid, code, include_unscored=include_unscored))
        if plan is None:
            return
        self._intro_choice = (code, include_unscored)
        page = self._intro_page()
        page.show_plan(plan, recert=recert)
        self._show(page, "intro")
        page.focus_start()

    def _on_intro_start_requested(self) -> None:
        if self._intro_choice is not None:
            recert = self.intro is not None and self.intro.recert_chosen()
            self.start_mock(*self._intro_choice, recert=recert)

    def start_mock(self, code: str, include_unscored: bool, *, recert: bool = False) -> None:
        assert self.services is not None and self.profile_id is not None
        card = next(
            (c for c in self.services.exams.test_cards(self.profile_id) if c.code == code), None
        )
        if card is None:
            return
        from app.ui.exam.intro_page import an

        if card.in_progress is not None and not self.dialogs.confirm(
            self.tr("Start a new exam"),
            self.tr(
                "You already have {0} {1} {2} in progress. Abandon it and start a new mock exam?"
            ).format(an(code), code, card.in_progress_mode),
            ok=self.tr("Start new"),
        ):
            return
        exams, pid = self.services.exams, self.profile_id
        state = self._guard(
            lambda: exams.start_mock(pid, code, include_unscored=include_unscored, recert=recert)
        )
        if state is None:
            return
        if card.in_progress is not None:
            exams.abandon(card.in_progress)
        self.settings.include_unscored = include_unscored
        self._save_settings()
        self.run_attempt(state)

    def resume(self, attempt_id: int) -> None:
        assert self.services is not None
        exams = self.services.exams
        state = self._guard(lambda: exams.load(attempt_id))
        if state is not None:
            self.run_attempt(state)

    def _on_home_practice_requested(self, code: str) -> None:
        from app.ui.practice_dialog import PracticeDialog

        assert self.services is not None and self.profile_id is not None
        if not self._practice_over_in_progress(code):
            return
        dlg = PracticeDialog(code, self.services.catalog.outline(code), self)
        dlg.count.setValue(self.settings.practice_count)
        if not self.dialogs.show_modal(dlg):
            return
        self.start_practice(code, **dlg.choice().__dict__)

    def start_practice(
        self,
        code: str,
        *,
        areas: tuple[str, ...] = (),
        tasks: tuple[str, ...] = (),
        count: int = 10,
        timed: bool = False,
        question_ids: tuple[int, ...] = (),
        remember_count: bool = True,
    ) -> None:
        assert self.services is not None and self.profile_id is not None
        pid, exams = self.profile_id, self.services.exams
        state = self._guard(
            lambda: exams.start_practice(
                pid,
                code,
                count=count,
                areas=areas,
                tasks=tasks,
                timed=timed,
                question_ids=question_ids,
            )
        )
        if state is not None:
            if remember_count:
                self.settings.practice_count = count
                self._save_settings()
            self.run_attempt(state)

    def practise_questions(self, code: str, question_ids: list[int]) -> None:
        self.start_practice(code, count=len(question_ids), question_ids=tuple(question_ids))

    def _on_home_profile_selected(self, profile_id: int) -> None:
        assert self.services is not None
        self.profile_id = profile_id
        self.settings.last_profile = self.services.profiles.get(profile_id).name
        self._save_settings()
        self.home.show_tests(self.services.exams.test_cards(profile_id), self._due())
        self._refresh_today()

    def _on_home_new_profile_requested(self) -> None:
        assert self.services is not None
        from app.services.profiles import NAME_MAX

        name = self.dialogs.ask_text(
            self.tr("New profile"), self.tr("Learner's name:"), max_length=NAME_MAX
        )
        if not name:
            return
        profiles = self.services.profiles
        p = self._guard(lambda: profiles.create(name))
        if p is not None:
            self.profile_id = p.id
            self.settings.last_profile = name
            self._save_settings()
            self.refresh_home()

    def _on_home_manage_profiles_requested(self) -> None:
        from app.ui.profiles_dialog import ProfilesDialog

        assert self.services is not None
        self.dialogs.show_modal(ProfilesDialog(self.services.profiles, self.dialogs, self))
        ids = [p.id for p in self.services.profiles.list_profiles()]
        if self.profile_id not in ids:
            self.profile_id = self.services.profiles.ensure_default().id
        self.refresh_home()

    def _save_settings(self) -> None:
        # preferences are a convenience; never block the learner on them
        with contextlib.suppress(OSError):
            settings_store.save(self.paths.settings_file, self.settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.exam is not None and self.exam.state is not None:
            self.exam.leave()  # saves answers, flags and the clock; resumable next start
        super().closeEvent(event)
