"""The main window: a stack of pages (home, exam, report), start-up's gating (a click before
the services are attached waits for them), instructor mode and the interface language. The use
cases' forwards are in window_flows.py, its size and keys in window_geometry.py."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenuBar,
    QStackedWidget,
    QWidget,
)

from app import settings as settings_store
from app.domain.clock import WallClock
from app.domain.i18n import Language
from app.domain.ids import ProfileId
from app.paths import AppPaths
from app.ui.dialogs import Dialogs
from app.ui.home import HomePage
from app.ui.translation import Translators, startup_language, translate_error
from app.ui.window_flows import FlowForwards
from app.ui.window_geometry import PREFERRED, EnterPressesButtons, fit_frame, fit_to_screen
from app.ui.window_menus import WindowMenus
from app.ui.work import LoadingNote, TaskRunner


def utc_now() -> datetime:
    """Naive UTC, as the services store it (what is due for review is compared with it)."""
    return datetime.now(UTC).replace(tzinfo=None)


if TYPE_CHECKING:
    from app.services.classroom import Capabilities
    from app.services.exams import AttemptReport, AttemptState, MockPlan
    from app.services.reports import WeakAreaReport
    from app.services.setup import AppServices
    from app.ui.exam.exam_page import ExamPage
    from app.ui.exam.intro_page import ExamIntroPage
    from app.ui.flows import Flows
    from app.ui.flows.profiles import StartupLists
    from app.ui.progress_page import ProgressPage
    from app.ui.report_page import ReportPage


class MainWindow(FlowForwards, QMainWindow):
    tests_populated = Signal()
    # the home page shows the chosen profile's tests, last scores, attempts in progress and
    # reviews due, and every button on it works (a click waits for the services if need be)
    home_usable = Signal()
    startup_failed = Signal(str)
    page_changed = Signal(str)

    def __init__(
        self,
        paths: AppPaths,
        dialogs: Dialogs | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        *,
        inline_work: bool = False,
        translators: Translators | None = None,
        wall_clock: WallClock = utc_now,
    ) -> None:
        super().__init__()
        # before any text is made: BAYREADY_LANG or the system's until a profile says otherwise
        self.translators = translators or Translators()
        self.translators.apply(startup_language())
        self.paths = paths
        # reports and class results are computed off the GUI thread (inline: tests not about it)
        self.inline_work = inline_work
        self.tasks = TaskRunner(self, inline=inline_work)
        self.loading = LoadingNote(self._on_loading_shown, self.statusBar().clearMessage, self)
        self._loading_text = ""
        self.dialogs = dialogs or Dialogs(self)
        self.monotonic = monotonic
        self.wall_clock = wall_clock
        self._services: AppServices | None = None  # `services` once start-up opened them
        self._flows: Flows | None = None  # the use cases, made when the services arrive
        # a click made while start-up still loads the services, run once they are attached
        self._pending: Callable[[], None] | None = None
        self._startup_error: str | None = None  # why the services could not be opened
        self.settings = settings_store.load(paths.settings_file)
        self.profile_id: ProfileId | None = None
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
        self._enter = EnterPressesButtons(self)  # Enter presses the focused button
        self._connect_home(self.home)
        self.status_label = QLabel(self.tr("Opening the question banks..."))
        self.statusBar().addWidget(self.status_label)
        self.current_page = "home"
        self._fitted = False
        self.menus = WindowMenus(self)
        self.page_changed.connect(self._on_page_changed)
        self._apply_instructor_mode()

    def _connect_home(self, h: HomePage) -> None:
        gated = self._when_open
        h.profile_selected.connect(lambda pid: gated(lambda: self.flows.profiles.select(pid)))
        h.new_profile_requested.connect(lambda: gated(lambda: self.flows.profiles.new_profile()))
        h.manage_profiles_requested.connect(
            lambda: gated(lambda: self.flows.profiles.manage_profiles())
        )
        # the clock starts only from the intro
        h.mock_requested.connect(lambda code, extra: gated(lambda: self.show_intro(code, extra)))
        h.practice_requested.connect(
            lambda code: gated(lambda: self.flows.attempts.ask_practice(code))
        )
        h.resume_requested.connect(lambda attempt: gated(lambda: self.resume(attempt)))
        h.progress_requested.connect(lambda code: gated(lambda: self.show_progress(code)))
        h.review_requested.connect(lambda code: gated(lambda: self.start_review(code)))
        h.banks_requested.connect(lambda: gated(self.show_banks))
        h.class_requested.connect(lambda: gated(self.show_class_results))
        h.test_selected.connect(lambda _code: self._refresh_today())
        h.today_requested.connect(lambda code: gated(lambda: self.start_today(code)))
        h.plan_requested.connect(lambda code: gated(lambda: self.show_plan(code)))
        h.certifications_requested.connect(lambda: gated(self.show_certifications))

    def _when_open(self, action: Callable[[], None]) -> None:
        """Runs a home page click that needs the services. The home page is filled from the
        SQLite file while start-up still loads SQLAlchemy and the services, so a click can come
        first: it then waits under a busy cursor and runs (the latest one) once they are
        attached. After start-up failed it shows why again."""
        if self._flows is not None:
            action()
            return
        if self._startup_error is not None:
            self.dialogs.error(self.tr("Could not open the database."), self._startup_error)
            return
        if self._pending is None:
            from PySide6.QtCore import Qt  # not before the first paint (see app.ui.theme)

            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._pending = action
        self.status_label.setText(self.tr("Opening the question banks..."))

    def waiting_click(self) -> bool:
        """Whether a click is waiting for start-up to attach the services."""
        return self._pending is not None

    def _drop_pending(self) -> Callable[[], None] | None:
        action, self._pending = self._pending, None
        if action is not None:
            QGuiApplication.restoreOverrideCursor()
        return action

    # -- window size, menus, help, instructor mode -----------------------------------------------
    def fit_to_screen(self) -> None:
        """Keep the whole window (status bar included) inside the screen's available area."""
        fit_to_screen(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:  # now the frame (title bar, borders) is known: fit it too
            self._fitted = True
            fit_frame(self)  # the preferred size, inside the screen

    def _on_page_changed(self, name: str) -> None:
        self.current_page = name
        if self._flows is not None:
            self._flows.reports.on_page_changed(name)
        self.menus.on_page_changed(name)

    def _apply_instructor_mode(self) -> None:
        on = self.instructor_mode
        self.menus.show_instructor_mode(on, self.capabilities)
        self.home.set_instructor_mode(on)
        caps = self.capabilities
        if caps is not None:  # a class login: only what its database role allows
            self.home.banks.setVisible(caps.manage_banks or caps.import_banks)
            self.home.class_results.setVisible(caps.class_results)

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
        self.save_settings()
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
        self.save_settings()
        self.status_label.setText(
            self.tr("Instructor PIN saved.") if pin else self.tr("Instructor PIN removed.")
        )

    # -- interface language ---------------------------------------------------------------------
    def set_language(self, choice: Language | None) -> None:
        """The language chosen for the profile (None: the system's), applied at once and saved
        for the profile on a worker thread."""
        services, pid = self.services_if_open, self.profile_id
        if services is not None and pid is not None and self._flows is not None:
            from app.services.errors import DatabaseError

            self._flows.profiles.language_choice = choice

            profiles = services.profiles

            def failed(error: Exception) -> None:
                if not isinstance(error, DatabaseError):
                    raise error
                # e.g. a class database not re-initialised since 0009
                self.statusBar().showMessage(
                    self.tr("The language could not be saved for this profile."), 10_000
                )

            self.tasks.submit(
                lambda _t: profiles.set_language(pid, choice), lambda _r: None, failed
            )
        self.apply_language(startup_language(choice))

    def apply_language(self, language: Language) -> None:
        """Shows the interface in `language`, rebuilding the pages when it changes."""
        if self.translators.apply(language):
            self.rebuild_pages()

    def rebuild_pages(self, *, refill: bool = True) -> None:
        """New pages in the new language; an exam in progress keeps its page (and its answers).
        `refill`: home's lists are read again (else the caller has them and fills home)."""
        self.setWindowTitle(self.tr("BayReady - ASE practice tests"))
        self.setMenuBar(QMenuBar())  # the old bar and its menus are deleted with it
        old, self.home = self.home, HomePage()
        self.pages.insertWidget(0, self.home)
        self._connect_home(self.home)
        keep: QWidget | None = None
        if self.exam is not None and self.exam.state is not None:
            keep = self.exam
        else:
            old_exam, self.exam = self.exam, None
            self._drop_page(old_exam)
        for page in (self.intro, self.report, self.progress):
            self._drop_page(page)
        self.intro = self.report = self.progress = None
        self.menus = WindowMenus(self)
        if self.capabilities is not None:
            self.apply_capabilities(self.capabilities)
        else:
            self._apply_instructor_mode()
        self.status_label.setText("")
        if keep is not None and self.current_page == "exam":
            self.pages.setCurrentWidget(keep)
            self.menus.on_page_changed("exam")
        else:
            self.pages.setCurrentWidget(self.home)
            self.page_changed.emit("home")
        self._drop_page(old)
        if not refill:
            return
        if self._flows is not None:
            self.refresh_home()
        else:
            self.show_quick_list()

    def _drop_page(self, page: QWidget | None) -> None:
        if page is not None:
            self.pages.removeWidget(page)
            page.hide()
            page.setParent(None)  # out of the window's tree at once; deleted once idle
            page.deleteLater()

    def show_help(self) -> None:
        from app.ui.help_dialog import HelpDialog

        menus = [a.text() for a in self.menuBar().actions() if a.isVisible() and a.menu()]
        self.dialogs.show_modal(HelpDialog(menus, self))

    def show_about(self) -> None:
        from app.ui.help_dialog import AboutDialog, about_facts

        services = self.services_if_open
        db = services.db.display_name() if services is not None else self.paths.db_url
        self.dialogs.show_modal(AboutDialog(about_facts(db, str(self.paths.data_dir)), self))

    # -- start-up -------------------------------------------------------------------------------
    def show_quick_list(self) -> bool:
        """Fill the home page straight from the SQLite file while the services load: the
        profile (as start-up will choose it), its test cards and reviews due, so every button
        is usable at once (see _when_open); else, with no profile yet, just the test list."""
        from app.services.views import quick_cards, quick_home

        f = self.paths.sqlite_file
        home = (
            quick_home(f, self.settings.last_profile or None, self.wall_clock(), startup_language)
            if f is not None and self._flows is None
            else None
        )
        if home is not None:
            if self.translators.apply(startup_language(home.profile.language)):
                self.rebuild_pages()  # in the profile's language; they call this again
                return True
            self.profile_id = home.profile_id
            self.home.show_profiles(home.profiles, home.profile_id)
            self.home.show_tests(home.cards, home.due)
            self.tests_populated.emit()
            self.home_usable.emit()
            return True
        cards = quick_cards(f) if f is not None else None
        if not cards:
            return False
        self.home.show_tests(cards)
        self.home.show_message(
            self.tr("%n test(s) loaded. Opening your profile...", "", len(cards))
        )
        self.tests_populated.emit()
        return True

    def attach_services(
        self, services: AppServices, results: list[object], start: StartupLists | None = None
    ) -> None:
        """The database is open: the use cases, the login's tools, the chosen profile's home
        and the offer to resume. `start` was read by start-up's worker thread, so nothing here
        queries the database; without it (tests, the memory benchmark) it is read through the
        window's TaskRunner first, and the services count as attached once it arrives."""
        if start is not None:
            self._attach(services, results, start)
            return
        from app.ui.flows.profiles import read_startup
        from app.ui.translation import language_for_profile

        last, language_for = self.settings.last_profile or None, language_for_profile()
        self.tasks.submit(
            lambda _t: read_startup(services, last, language_for),
            lambda lists: self._attach(services, results, lists),
            key="home",
        )

    def _attach(self, services: AppServices, results: list[object], start: StartupLists) -> None:
        from app.services.problems import BankError
        from app.ui.flows import make_flows

        self._services = services
        self._flows = make_flows(self, services)
        self.apply_capabilities(start.capabilities)
        failed = [r for r in results if isinstance(r, BankError)]
        if failed:
            self.dialogs.error(
                self.tr("Some question banks could not be loaded"),
                "\n\n".join(translate_error(e) for e in failed),
            )
        if results:
            loaded = self.tr(
                "Loaded %n question bank(s) on first run.", "", len(results) - len(failed)
            )
            if failed:
                loaded += " " + self.tr("%n failed.", "", len(failed))
            self.status_label.setText(loaded)
        else:
            self.status_label.setText(
                self.tr("Database: {0}").format(services.db.display_name()) + self._as_role()
            )
        self.profile_id = start.home.profile.profile_id
        self.flows.profiles.show_home(start.home, with_language=True)
        self._startup_error = None
        self.home_usable.emit()
        self.flows.attempts.offer_resume(start.in_progress)
        pending = self._drop_pending()
        if pending is not None and self.current_page == "home":  # not if a resume took over
            pending()

    def detach_services(self) -> None:
        """Start-up failed after all (e.g. locked while the profiles loaded): back to waiting."""
        self._services = None
        self._flows = None

    @property
    def services(self) -> AppServices:
        """The open services; asking before start-up opened the database is a programming error
        (code that may run before then asks `services_if_open`)."""
        if self._services is None:
            raise RuntimeError("BayReady's database is not open yet")
        return self._services

    @property
    def services_if_open(self) -> AppServices | None:
        return self._services

    def apply_capabilities(self, caps: Capabilities) -> None:
        """Hide the tools the connected login may not use (the database refuses them anyway):
        a learner's app has no bank manager, import, class results or instructor mode."""
        self.capabilities = caps
        h = self.home
        h.banks.setVisible(caps.manage_banks or caps.import_banks)
        h.class_results.setVisible(caps.class_results)
        h.new_profile.setVisible(caps.manage_profiles)
        h.manage.setVisible(caps.manage_profiles)
        self.menus.show_capabilities(caps)
        if not caps.instructor_tools:
            self.instructor_mode = False  # for this login only; the saved preference stays
        self._apply_instructor_mode()

    def _allowed(self, what: str, flag: bool) -> bool:
        if not flag:
            self.dialogs.info(what, self.tr("{0} are for instructors; ask yours.").format(what))
        return flag

    def _as_role(self) -> str:
        c = self.capabilities
        if c is None or c.role in ("single computer", "owner"):
            return ""
        if c.role == "instructor":
            return self.tr(" - signed in as an instructor")
        return self.tr(" - signed in as a learner")

    def show_startup_error(self, message: str) -> None:
        self._startup_error = message
        self._drop_pending()  # the click cannot be done; the message says why
        self.status_label.setText(self.tr("Could not open the database."))
        self.home.show_message(message)
        self.startup_failed.emit(message)

    # -- use cases that gate on start-up or the login (the plain forwards: window_flows.py) -----
    def _refresh_today(self) -> None:
        if self._flows is None:
            self.home.show_today_placeholder()
            return
        self._flows.study.refresh_today()

    def show_banks(self) -> None:
        if self._flows is None:  # from the menu during start-up: once the services are open
            self._when_open(self.show_banks)
            return
        from app.ui.banks_dialog import BanksDialog

        if self.capabilities and not self._allowed(
            self.tr("Question banks"), self.capabilities.manage_banks
        ):
            return
        services = self.services_if_open
        if services is None or not self.instructor_mode:
            return  # answer keys are for instructors only
        dlg = BanksDialog(
            services.banks, self.dialogs, self, preferred_test=self.home.selected_code()
        )
        self.dialogs.show_modal(dlg)
        self.refresh_home()

    def show_class_results(self) -> None:
        if self._flows is None:  # from the menu during start-up: once the services are open
            self._when_open(self.show_class_results)
            return
        if self.capabilities and not self._allowed(
            self.tr("Class results"), self.capabilities.class_results
        ):
            return
        if self._flows is None or not self.instructor_mode:
            return
        self._flows.reports.show_class_results()

    def start_loading(self, text: str) -> None:
        """A loading note in the status bar, shown only if the work outlasts 150 ms."""
        self._loading_text = text
        self.loading.start()

    def stop_loading(self) -> None:
        self.loading.stop()

    def _on_loading_shown(self) -> None:
        self.statusBar().showMessage(self._loading_text)

    # -- pages ----------------------------------------------------------------------------------
    def _exam_page(self) -> ExamPage:
        if self.exam is None:
            from app.ui.exam.exam_page import ExamPage

            exams = self.flows.attempts.services.exams
            self.exam = ExamPage(exams, self.dialogs, self.monotonic, inline_work=self.inline_work)
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

    def show_intro_page(
        self, plan: MockPlan, choice: tuple[str, bool], *, recert: bool = False
    ) -> None:
        """The mock's intro for `plan`; its Start begins the mock `choice` (test, unscored)."""
        self._intro_choice = choice
        page = self._intro_page()
        page.show_plan(plan, recert=recert)
        self._show(page, "intro")
        page.focus_start()

    def _on_intro_start_requested(self) -> None:
        if self._intro_choice is not None:
            recert = self.intro is not None and self.intro.recert_chosen()
            self.start_mock(*self._intro_choice, recert=recert)

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

    def show_progress_page(self, report: WeakAreaReport) -> None:
        page = self._progress_page()
        page.show_report(report)
        self._show(page, "progress")

    def _show(self, widget: QWidget, name: str) -> None:
        self.pages.setCurrentWidget(widget)
        self.page_changed.emit(name)

    def go_home(self) -> None:
        self.refresh_home()
        self._show(self.home, "home")

    def run_attempt(self, state: AttemptState) -> None:
        page = self._exam_page()
        self._show(page, "exam")
        # each question opens in the interface's language (the profile's, else the system's)
        page.start(state, language=self.translators.language.value)

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

    def save_settings(self) -> None:
        # preferences are a convenience; never block the learner on them
        with contextlib.suppress(OSError):
            settings_store.save(self.paths.settings_file, self.settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.exam is not None and self.exam.state is not None:
            self.exam.leave()  # saves answers, flags and the clock; resumable next start
        super().closeEvent(event)
