"""No database work on the GUI thread: the service calls moved onto the window's TaskRunner run on
a worker thread (real threads here), busy feedback shows while the user waits, and a result that
a newer request or a profile switch made stale is never applied.

`off_gui_thread` wraps every method listed in OFF_GUI_THREAD so that calling it on the GUI thread
fails the test: a call site moved back onto the GUI thread is caught by the tests below."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThread
from pytestqt.qtbot import QtBot

from tests.services.test_reports import sit_mock
from tests.ui.conftest import FakeDialogs, profile_of

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

GATE_TIMEOUT_S = 30  # a broken gate fails the test instead of hanging the run
WAIT_MS = 30_000  # a loaded CI machine can take seconds to run a worker thread

# service -> the methods the GUI reaches only through its TaskRunner. Per-answer writes in the
# exam page stay synchronous on purpose (crash safety) and are not listed.
OFF_GUI_THREAD: dict[str, tuple[str, ...]] = {
    "banks": (
        "list_banks",
        "questions_of",
        "load_bank",
        "set_enabled",
        "remove",
        "list_tests",
        "test_structure",
        "import_prepared",
    ),
    "reports": ("weak_area_report",),
    "plans": (
        "report_appendix",
        "plan",
        "save_settings",
        "tracker",
        "results",
        "renewal_checks",
        "record_result",
        "remove_result",
    ),
    "exams": ("load", "mock_plan", "start_mock", "start_practice", "test_cards", "in_progress"),
    "reviews": ("due_question_ids", "due_counts"),
    "profiles": (
        "find",
        "ensure_default",
        "create",
        "set_language",
        "list_profiles",
        "rename",
        "delete",
        "set_accommodations",
        "get",
    ),
    "catalog": ("outline",),
    "classroom": ("capabilities",),
}


class GuiThreadGuard:
    """Records every listed service method called on the GUI thread."""

    def __init__(self) -> None:
        self.violations: list[str] = []
        self.setting_up = False  # the test's own set-up (not the GUI) calls the services

    @contextmanager
    def set_up(self) -> Iterator[None]:
        self.setting_up = True
        try:
            yield
        finally:
            self.setting_up = False

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def guarded(*args: Any, **kw: Any) -> Any:
            app = QCoreApplication.instance()
            on_gui = app is not None and QThread.currentThread() is app.thread()
            if on_gui and not self.setting_up:
                self.violations.append(name)
                raise AssertionError(f"{name} called on the GUI thread")
            return fn(*args, **kw)

        return guarded


@pytest.fixture
def threaded(window: MainWindow) -> MainWindow:
    """The conftest window, with its background work on real threads."""
    window.inline_work = False
    window.tasks.inline = False
    return window


@pytest.fixture
def off_gui_thread(
    threaded: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> Iterator[GuiThreadGuard]:
    guard = GuiThreadGuard()
    for service_name, methods in OFF_GUI_THREAD.items():
        service = getattr(threaded.services, service_name)
        for m in methods:
            monkeypatch.setattr(service, m, guard.wrap(f"{service_name}.{m}", getattr(service, m)))
    yield guard
    assert guard.violations == [], f"database work on the GUI thread: {guard.violations}"


class Gate:
    """Wraps a service method: records the thread each call ran on and holds the calls until
    released. For a slow, older request overtaken by a newer one: `first_only` holds only the
    first call (the later ones run at once), `only_if(*args, **kw)` only the calls it accepts,
    and `stale` turns a held call's result into what that older read would have shown."""

    def __init__(
        self,
        fn: Any,
        *,
        hold: bool = True,
        first_only: bool = False,
        only_if: Callable[..., bool] | None = None,
        stale: Callable[[Any], Any] | None = None,
    ) -> None:
        self.fn = fn
        self.first_only = first_only
        self.only_if = only_if
        self.stale = stale
        self.threads: list[int] = []
        self.started = threading.Event()
        self.release = threading.Event()
        if not hold:
            self.release.set()

    def __call__(self, *args: Any, **kw: Any) -> Any:
        later = bool(self.threads)
        self.threads.append(threading.get_ident())
        if (self.first_only and later) or (self.only_if and not self.only_if(*args, **kw)):
            return self.fn(*args, **kw)
        self.started.set()
        assert self.release.wait(GATE_TIMEOUT_S)
        result = self.fn(*args, **kw)
        return result if self.stale is None else self.stale(result)


def renamed_stale(rows: list[Any]) -> list[Any]:
    """What an older list would show: every row under a name no newer list has."""
    return [replace(row, name="stale") for row in rows]


def test_the_guard_fails_a_listed_call_on_the_gui_thread(
    threaded: MainWindow, off_gui_thread: GuiThreadGuard
) -> None:
    """The guard itself can fail: a listed method called here, on the GUI thread, is caught."""
    with pytest.raises(AssertionError, match=r"banks\.list_banks called on the GUI thread"):
        threaded.services.banks.list_banks()
    assert off_gui_thread.violations == ["banks.list_banks"]
    off_gui_thread.violations.clear()  # expected here; in any other test it fails at teardown


# -- bank manager ----------------------------------------------------------------------------------
def open_banks(qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs) -> Any:
    from app.ui.banks_dialog import BanksDialog

    dlg = BanksDialog(window.services.banks, dialogs, window, preferred_test="X1")
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.table.rowCount() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dlg.questions.count() == 16, timeout=WAIT_MS)
    return dlg


def test_bank_export_reads_the_whole_bank_off_the_gui_thread(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    dialogs: FakeDialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = threaded
    dlg = open_banks(qtbot, window, dialogs)
    banks = window.services.banks
    gate = Gate(banks.load_bank)
    monkeypatch.setattr(banks, "load_bank", gate)
    target = tmp_path / "out.xml"
    dialogs.text_answers = [str(target)]
    qtbot.mouseClick(dlg.export_moodle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT_MS)
    assert not dlg.export_moodle.isEnabled() and not dlg.remove.isEnabled()  # the user waits
    qtbot.waitUntil(lambda: dlg.status.text().startswith("Exporting"), timeout=WAIT_MS)
    assert not target.exists() and dialogs.infos == []
    gate.release.set()
    qtbot.waitUntil(lambda: dialogs.infos != [], timeout=WAIT_MS)
    assert dialogs.infos[-1][1].startswith("Exported 16 questions")
    assert target.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert dlg.export_moodle.isEnabled() and dlg.status.text() == ""
    assert gate.threads and threading.get_ident() not in gate.threads


def test_bank_toggle_and_remove_write_off_the_gui_thread(
    qtbot: QtBot, threaded: MainWindow, off_gui_thread: GuiThreadGuard, dialogs: FakeDialogs
) -> None:
    window = threaded
    dlg = open_banks(qtbot, window, dialogs)
    changed: list[bool] = []
    dlg.changed.connect(lambda: changed.append(True))
    qtbot.mouseClick(dlg.toggle, Qt.MouseButton.LeftButton)
    assert dlg.table.item(0, 6).text() == "yes"  # not yet: the write runs on a worker
    qtbot.waitUntil(lambda: dlg.table.item(0, 6).text() == "no", timeout=WAIT_MS)
    assert changed == [True] and dlg.toggle.text() == "Enable"
    dialogs.confirm_answers = [True]
    qtbot.mouseClick(dlg.remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.table.rowCount() == 0, timeout=WAIT_MS)
    assert changed == [True, True] and not dlg.remove.isEnabled()


def test_a_stale_bank_list_never_replaces_a_newer_one(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    dialogs: FakeDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = threaded
    dlg = open_banks(qtbot, window, dialogs)
    banks = window.services.banks
    # the first reload is slow and would show an old name
    gate = Gate(banks.list_banks, first_only=True, stale=renamed_stale)
    monkeypatch.setattr(banks, "list_banks", gate)
    dlg.reload()
    first = dlg.banks_ticket
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT_MS)
    dlg.reload()
    second = dlg.banks_ticket
    qtbot.waitUntil(lambda: second.finished, timeout=WAIT_MS)
    fresh = dlg.table.item(0, 1).text()
    gate.release.set()
    qtbot.waitUntil(lambda: first.finished, timeout=WAIT_MS)
    assert first.cancelled and dlg.table.item(0, 1).text() == fresh != "stale"


# -- progress report -------------------------------------------------------------------------------
def test_a_report_arriving_after_a_profile_switch_is_dropped(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The learner asks for their report, then chooses another profile on home while it
    loads: the previous learner's report never opens."""
    window = threaded
    first = profile_of(window)
    with off_gui_thread.set_up():
        sit_mock(window.services, first, "C")
    with off_gui_thread.set_up():
        other = window.services.profiles.create("Second learner").profile_id
    reports = window.services.reports
    gate = Gate(reports.weak_area_report)
    monkeypatch.setattr(reports, "weak_area_report", gate)
    window.show_progress("X1")
    ticket = window.flows.reports.report_ticket
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT_MS)
    window.flows.profiles.select(other)
    assert window.current_page == "home"  # the page did not change: only the profile did
    gate.release.set()
    qtbot.waitUntil(lambda: ticket.finished, timeout=WAIT_MS)
    assert ticket.cancelled
    assert window.pages.currentWidget() is window.home and window.progress is None
    assert window.statusBar().currentMessage() == ""  # no "Loading..." left behind


# -- profile switch --------------------------------------------------------------------------------
def test_a_profile_switch_reads_the_learner_s_lists_off_the_gui_thread(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = threaded
    first = profile_of(window)
    with off_gui_thread.set_up():  # the first learner has an attempt; the second none
        sit_mock(window.services, first, "C")
    with off_gui_thread.set_up():
        other = window.services.profiles.create("Second learner").profile_id
    refreshed = window.flows.profiles.refresh_home()
    qtbot.waitUntil(lambda: refreshed.finished, timeout=WAIT_MS)
    assert window.home.model.rows[0].last_percent is not None
    exams = window.services.exams
    gate = Gate(exams.test_cards)
    monkeypatch.setattr(exams, "test_cards", gate)
    window.flows.profiles.select(other)
    assert profile_of(window) == other
    assert window.home.model.rows[0].last_percent is not None  # not yet: the worker is held
    gate.release.set()
    qtbot.waitUntil(lambda: window.home.model.rows[0].last_percent is None, timeout=WAIT_MS)
    assert window.settings.last_profile == "Second learner"
    assert gate.threads and threading.get_ident() not in gate.threads


def test_a_stale_profile_s_lists_never_replace_the_newer_profile_s(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The learner picks B, then C before B's lists arrive: B's lists, arriving last, are
    dropped - home shows C's tests and C is remembered."""
    window = threaded
    with off_gui_thread.set_up():
        b = window.services.profiles.create("Learner B").profile_id
    with off_gui_thread.set_up():
        sit_mock(window.services, b, "C")  # B has an attempt; C none
    with off_gui_thread.set_up():
        c = window.services.profiles.create("Learner C").profile_id
    exams = window.services.exams
    gate = Gate(exams.test_cards, only_if=lambda profile, **kw: profile == b)
    monkeypatch.setattr(exams, "test_cards", gate)
    window.flows.profiles.select(b)
    stale = window.flows.profiles.home_ticket
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT_MS)
    window.flows.profiles.select(c)
    fresh = window.flows.profiles.home_ticket
    qtbot.waitUntil(lambda: fresh.finished, timeout=WAIT_MS)
    assert window.settings.last_profile == "Learner C"
    gate.release.set()
    qtbot.waitUntil(lambda: stale.finished, timeout=WAIT_MS)
    assert stale.cancelled
    assert window.home.model.rows[0].last_percent is None  # B's attempt never shows under C
    assert window.settings.last_profile == "Learner C"


# -- starting and resuming attempts ----------------------------------------------------------------
def test_today_is_planned_off_the_gui_thread_while_home_waits(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = threaded
    qtbot.waitUntil(lambda: window.home.today_start.isEnabled(), timeout=WAIT_MS)
    plans = window.services.plans
    gate = Gate(plans.plan)
    monkeypatch.setattr(plans, "plan", gate)
    qtbot.mouseClick(window.home.today_start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT_MS)
    assert window.pages.currentWidget() is window.home and not window.home.isEnabled()
    gate.release.set()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.intro, timeout=WAIT_MS)
    assert window.home.isEnabled()  # usable again once home is back
    assert threading.get_ident() not in gate.threads


def test_a_planned_session_for_a_profile_no_longer_chosen_is_dropped(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = threaded
    with off_gui_thread.set_up():
        other = window.services.profiles.create("Second learner").profile_id
    plans = window.services.plans
    gate = Gate(plans.plan)
    monkeypatch.setattr(plans, "plan", gate)
    window.flows.attempts.start_today("X1")
    ticket = window.flows.attempts.ticket
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT_MS)
    window.flows.profiles.select(other)
    gate.release.set()
    qtbot.waitUntil(lambda: ticket.finished, timeout=WAIT_MS)
    assert window.pages.currentWidget() is window.home and window.intro is None
    assert window.home.isEnabled()


def test_resume_loads_the_attempt_off_the_gui_thread(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    dialogs: FakeDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = threaded
    exams = window.services.exams
    with off_gui_thread.set_up():
        attempt = exams.start_mock(profile_of(window), "X1").attempt_id
    gate = Gate(exams.in_progress, hold=False)
    monkeypatch.setattr(exams, "in_progress", gate)
    dialogs.modal_results = [lambda dlg: dlg.list.setCurrentRow(0) or 1]
    window.choose_resume()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.exam, timeout=WAIT_MS)
    assert window.exam.state.attempt_id == attempt
    assert threading.get_ident() not in gate.threads
    window.exam.stop_clock()


def test_an_attempt_loaded_for_a_profile_no_longer_chosen_is_not_opened(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = threaded
    exams = window.services.exams
    with off_gui_thread.set_up():
        attempt = exams.start_mock(profile_of(window), "X1").attempt_id
    with off_gui_thread.set_up():
        other = window.services.profiles.create("Second learner").profile_id
    gate = Gate(exams.load)
    monkeypatch.setattr(exams, "load", gate)
    window.resume(attempt)
    ticket = window.flows.attempts.ticket
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT_MS)
    window.flows.profiles.select(other)
    gate.release.set()
    qtbot.waitUntil(lambda: ticket.finished, timeout=WAIT_MS)
    assert window.pages.currentWidget() is window.home and window.exam is None


def test_a_mock_s_intro_and_start_run_off_the_gui_thread(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    dialogs: FakeDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Home's Start: the intro's plan, then (over an attempt in progress, confirmed) the new
    mock is drawn and saved on worker threads while the page waits."""
    window = threaded
    exams = window.services.exams
    with off_gui_thread.set_up():
        old = exams.start_mock(profile_of(window), "X1").attempt_id
    gate = Gate(exams.start_mock)
    monkeypatch.setattr(exams, "start_mock", gate)
    window.show_intro("X1", False)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.intro, timeout=WAIT_MS)
    dialogs.confirm_answers = [True]  # abandon the one in progress
    qtbot.mouseClick(window.intro.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT_MS)
    assert "in progress" in dialogs.confirms[-1]
    assert window.pages.currentWidget() is window.intro and not window.intro.isEnabled()
    gate.release.set()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.exam, timeout=WAIT_MS)
    assert window.exam.state.attempt_id != old
    assert threading.get_ident() not in gate.threads
    window.exam.stop_clock()


def test_review_and_practice_start_off_the_gui_thread(
    qtbot: QtBot, threaded: MainWindow, off_gui_thread: GuiThreadGuard, dialogs: FakeDialogs
) -> None:
    window = threaded
    window.start_review("X1")  # nothing is due yet: said once the worker has looked
    qtbot.waitUntil(lambda: dialogs.infos != [], timeout=WAIT_MS)
    assert dialogs.infos[-1][0] == "Review"
    window.start_practice("X1", count=3)
    assert window.exam is None  # not yet: drawn and saved on a worker
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.exam, timeout=WAIT_MS)
    exam: Any = window.exam
    assert len(exam.state.items) == 3 and window.settings.practice_count == 3
    exam.stop_clock()


def test_a_newer_start_supersedes_an_older_one(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The learner opens the mock's intro, then (before it is ready) starts a practice: the
    practice opens and the intro, arriving last, never pulls them away."""
    window = threaded
    exams = window.services.exams
    gate = Gate(exams.mock_plan)
    monkeypatch.setattr(exams, "mock_plan", gate)
    window.show_intro("X1", False)
    stale = window.flows.attempts.ticket
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT_MS)
    window.start_practice("X1", count=3)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.exam, timeout=WAIT_MS)
    gate.release.set()
    qtbot.waitUntil(lambda: stale.finished, timeout=WAIT_MS)
    assert stale.cancelled and window.intro is None
    assert window.pages.currentWidget() is window.exam and window.exam.isEnabled()
    window.exam.stop_clock()


# -- home's lists, start-up and profiles -----------------------------------------------------------
def test_home_s_lists_are_read_off_the_gui_thread_and_a_newer_read_wins(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Back home (after an exam, a bank change): the lists are read on a worker; a slow, older
    read arriving last never replaces a newer one."""
    window = threaded
    exams = window.services.exams
    # the first read is slow and would show no tests
    gate = Gate(exams.test_cards, first_only=True, stale=lambda cards: [])
    monkeypatch.setattr(exams, "test_cards", gate)
    stale = window.flows.profiles.refresh_home()
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT_MS)
    fresh = window.flows.profiles.refresh_home()
    qtbot.waitUntil(lambda: fresh.finished, timeout=WAIT_MS)
    assert window.home.test_count() == 1
    gate.release.set()
    qtbot.waitUntil(lambda: stale.finished, timeout=WAIT_MS)
    assert stale.cancelled and window.home.test_count() == 1
    assert threading.get_ident() not in gate.threads


def test_start_up_reads_home_and_the_resume_offer_off_the_gui_thread(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    dialogs: FakeDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Attaching the opened services: the chosen profile, its lists and what it left in
    progress are read on a worker; home is filled and the resume offered on the GUI thread."""
    from app.ui.main_window import MainWindow

    services = threaded.services
    with off_gui_thread.set_up():
        services.exams.start_mock(profile_of(threaded), "X1")
    gate = Gate(services.exams.in_progress)
    monkeypatch.setattr(services.exams, "in_progress", gate)
    second = MainWindow(threaded.paths, dialogs=dialogs, monotonic=threaded.monotonic)
    qtbot.addWidget(second)
    usable: list[bool] = []
    second.home_usable.connect(lambda: usable.append(True))
    second.attach_services(services, [])
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT_MS)
    assert second.services_if_open is None and not usable  # a click now waits for the lists
    dialogs.confirm_answers = [False]  # not now
    gate.release.set()
    qtbot.waitUntil(lambda: usable == [True], timeout=WAIT_MS)
    assert second.profile_id == profile_of(threaded) and second.home.test_count() == 1
    assert "still in progress" in dialogs.confirms[-1]
    assert gate.threads and threading.get_ident() not in gate.threads


def test_start_up_s_worker_reads_what_the_window_shows_first(
    threaded: MainWindow, off_gui_thread: GuiThreadGuard
) -> None:
    """open_for_window (start-up's worker) returns the lists attach_services applies."""
    from app.domain.i18n import Language
    from app.ui.application import open_for_window

    with off_gui_thread.set_up():
        services, results, lists = open_for_window(
            threaded.paths, "Nobody", lambda _l: Language.ENGLISH
        )
    try:
        assert results == [] and lists is not None
        assert lists.home.profile.profile_id == profile_of(threaded)  # no such name: the first one
        assert [c.code for c in lists.home.cards] == ["X1"] and lists.in_progress == []
    finally:
        services.close()


def test_a_new_profile_is_added_off_the_gui_thread_while_home_waits(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    dialogs: FakeDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = threaded
    profiles = window.services.profiles
    gate = Gate(profiles.create)
    monkeypatch.setattr(profiles, "create", gate)
    dialogs.text_answers = ["Nia"]
    window.flows.profiles.new_profile()
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT_MS)
    assert not window.home.isEnabled()
    gate.release.set()
    qtbot.waitUntil(lambda: window.settings.last_profile == "Nia", timeout=WAIT_MS)
    ticket = window.flows.profiles.home_ticket
    qtbot.waitUntil(lambda: ticket.finished, timeout=WAIT_MS)
    assert window.home.isEnabled() and window.home.profile.currentText() == "Nia"
    dialogs.text_answers = ["Nia"]  # taken: said as before
    window.flows.profiles.new_profile()
    qtbot.waitUntil(lambda: dialogs.errors != [], timeout=WAIT_MS)
    assert "Nia" in dialogs.errors[-1][1] and window.home.isEnabled()


def test_a_profile_added_after_another_was_chosen_is_not_selected(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    dialogs: FakeDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = threaded
    profiles = window.services.profiles
    with off_gui_thread.set_up():
        other = profiles.create("Second learner").profile_id
    gate = Gate(profiles.create)
    monkeypatch.setattr(profiles, "create", gate)
    dialogs.text_answers = ["Nia"]
    window.flows.profiles.new_profile()
    ticket = window.flows.profiles.ticket
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT_MS)
    window.flows.profiles.select(other)
    gate.release.set()
    qtbot.waitUntil(lambda: ticket.finished, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.settings.last_profile == "Second learner", timeout=WAIT_MS)
    assert profile_of(window) == other and window.home.isEnabled()


def test_the_language_is_saved_for_the_profile_off_the_gui_thread(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.domain.i18n import Language

    window = threaded
    profiles = window.services.profiles
    gate = Gate(profiles.set_language, hold=False)
    monkeypatch.setattr(profiles, "set_language", gate)
    monkeypatch.delenv("BAYREADY_LANG", raising=False)
    window.set_language(Language.ENGLISH)
    qtbot.waitUntil(lambda: gate.threads != [], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.tasks.busy(), timeout=WAIT_MS)
    with off_gui_thread.set_up():
        assert profiles.get(profile_of(window)).language == Language.ENGLISH
    assert threading.get_ident() not in gate.threads


def kept_in(opened: list[Any]) -> Callable[[Any], int]:
    """A scripted modal: the dialog is kept for the test to drive, and closed at once."""

    def show(dlg: Any) -> int:
        opened.append(dlg)
        return 0

    return show


def test_the_language_menu_checks_the_profile_s_language_without_a_query(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The check mark comes from what the profile switch read on its worker (then from the
    menu's own choice), not from a `profiles.get` when the menu opens."""
    from app.domain.i18n import Language

    window = threaded
    monkeypatch.delenv("BAYREADY_LANG", raising=False)
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    with off_gui_thread.set_up():
        rosa = window.services.profiles.create("Rosa").profile_id
        window.services.profiles.set_language(rosa, Language.SPANISH)
    try:
        window.flows.profiles.select(rosa)
        ticket = window.flows.profiles.home_ticket
        qtbot.waitUntil(lambda: ticket.finished, timeout=WAIT_MS)
        assert window.translators.language == Language.SPANISH
        window.menus.language_menu.aboutToShow.emit()
        assert window.menus.language_actions[Language.SPANISH].isChecked()
        window.set_language(None)  # the menu's System default: checked at once
        qtbot.waitUntil(lambda: not window.tasks.busy(), timeout=WAIT_MS)
        window.menus.language_menu.aboutToShow.emit()
        assert window.menus.language_actions[None].isChecked()
    finally:
        window.translators.apply(Language.ENGLISH)


def test_work_for_pages_a_language_change_rebuilt_is_dropped(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Today's plan and a start are on their workers when the interface changes language (the
    pages are rebuilt, the old ones deleted): their results never touch the deleted pages."""
    from PySide6.QtCore import QEvent

    from app.domain.i18n import Language

    window = threaded
    plans, exams = window.services.plans, window.services.exams
    today, started = Gate(plans.plan), Gate(exams.mock_plan)
    monkeypatch.setattr(plans, "plan", today)
    monkeypatch.setattr(exams, "mock_plan", started)
    old_home = window.home
    window.flows.study.refresh_today()
    planned = window.flows.study.today_ticket
    window.show_intro("X1", False)  # home waits (disabled) for the intro's plan
    opening = window.flows.attempts.ticket
    qtbot.waitUntil(lambda: today.started.is_set() and started.started.is_set(), timeout=WAIT_MS)
    try:
        window.apply_language(Language.SPANISH)
        assert window.home is not old_home
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # old pages gone
        today.release.set()
        started.release.set()
        qtbot.waitUntil(lambda: planned.finished and opening.finished, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.intro, timeout=WAIT_MS)
    finally:
        window.translators.apply(Language.ENGLISH)


# -- study plan, certifications, class results, import ------------------------------------------
def test_the_study_plan_is_built_off_the_gui_thread_and_saved_there_too(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    dialogs: FakeDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = threaded
    plans = window.services.plans
    gate = Gate(plans.plan)
    monkeypatch.setattr(plans, "plan", gate)
    opened: list[Any] = []
    dialogs.modal_results = [kept_in(opened)]
    window.show_plan("X1")
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT_MS)
    assert opened == [] and not window.home.isEnabled()
    gate.release.set()
    qtbot.waitUntil(lambda: opened != [], timeout=WAIT_MS)
    dlg = opened[0]
    qtbot.addWidget(dlg)
    assert window.home.isEnabled()
    dlg.minutes.setValue(40)
    gate.release.clear()
    started = len(gate.threads)
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(gate.threads) > started, timeout=WAIT_MS)
    assert not dlg.save_button.isEnabled()  # the learner waits for the new plan
    gate.release.set()
    qtbot.waitUntil(lambda: dlg.save_ticket.finished, timeout=WAIT_MS)
    assert dlg.save_button.isEnabled() and dlg.view.settings.minutes == 40
    assert threading.get_ident() not in gate.threads


def test_a_plan_for_a_profile_no_longer_chosen_never_opens(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    dialogs: FakeDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = threaded
    with off_gui_thread.set_up():
        other = window.services.profiles.create("Second learner").profile_id
    plans = window.services.plans
    gate = Gate(plans.plan)
    monkeypatch.setattr(plans, "plan", gate)
    window.show_plan("X1")
    ticket = window.flows.study.ticket
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT_MS)
    window.flows.profiles.select(other)
    gate.release.set()
    qtbot.waitUntil(lambda: ticket.finished, timeout=WAIT_MS)
    assert dialogs.modals == [] and window.home.isEnabled()


def test_certifications_are_read_and_changed_off_the_gui_thread(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    dialogs: FakeDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = threaded
    plans = window.services.plans
    gate = Gate(plans.record_result)
    monkeypatch.setattr(plans, "record_result", gate)
    opened: list[Any] = []
    dialogs.modal_results = [kept_in(opened)]
    window.show_certifications()
    qtbot.waitUntil(lambda: opened != [], timeout=WAIT_MS)
    dlg = opened[0]
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.code, "A1")
    qtbot.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT_MS)
    assert not dlg.add_button.isEnabled() and dlg.entries.rowCount() == 0
    qtbot.keyClick(dlg.code, Qt.Key.Key_Return)  # a second add while one is stored: ignored
    gate.release.set()
    qtbot.waitUntil(lambda: dlg.entries.rowCount() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dlg.add_button.isEnabled(), timeout=WAIT_MS)
    assert len(gate.threads) == 1 and threading.get_ident() not in gate.threads
    assert dlg.code.text() == ""


def test_certifications_read_for_a_profile_no_longer_chosen_never_open(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    dialogs: FakeDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = threaded
    with off_gui_thread.set_up():
        other = window.services.profiles.create("Second learner").profile_id
    plans = window.services.plans
    gate = Gate(plans.tracker)
    monkeypatch.setattr(plans, "tracker", gate)
    window.show_certifications()
    ticket = window.flows.study.ticket
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT_MS)
    window.flows.profiles.select(other)
    gate.release.set()
    qtbot.waitUntil(lambda: ticket.finished, timeout=WAIT_MS)
    assert dialogs.modals == []


def test_class_results_and_the_import_read_the_test_list_off_the_gui_thread(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    dialogs: FakeDialogs,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    window = threaded
    window.instructor_mode = True
    banks = window.services.banks
    gate = Gate(banks.list_tests)
    monkeypatch.setattr(banks, "list_tests", gate)
    window.show_class_results()
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT_MS)
    assert dialogs.modals == [] and not window.home.isEnabled()
    gate.release.set()
    qtbot.waitUntil(lambda: dialogs.modals != [], timeout=WAIT_MS)
    assert type(dialogs.modals[-1]).__name__ == "ClassDialog"
    dlg = open_banks(qtbot, window, dialogs)
    gate.release.clear()
    dlg.import_files([tmp_path / "missing.gift"])
    qtbot.waitUntil(lambda: len(gate.threads) == 2, timeout=WAIT_MS)
    assert not dlg.import_button.isEnabled()  # the user waits
    gate.release.set()
    qtbot.waitUntil(lambda: type(dialogs.modals[-1]).__name__ == "ImportDialog", timeout=WAIT_MS)
    qtbot.waitUntil(dlg.import_button.isEnabled, timeout=WAIT_MS)  # the bank list read again
    assert threading.get_ident() not in gate.threads


def test_class_results_for_a_profile_no_longer_chosen_never_open(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    dialogs: FakeDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = threaded
    window.instructor_mode = True
    with off_gui_thread.set_up():
        other = window.services.profiles.create("Second learner").profile_id
    banks = window.services.banks
    gate = Gate(banks.list_tests)
    monkeypatch.setattr(banks, "list_tests", gate)
    window.show_class_results()
    ticket = window.flows.reports.ticket
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT_MS)
    window.flows.profiles.select(other)
    gate.release.set()
    qtbot.waitUntil(lambda: ticket.finished, timeout=WAIT_MS)
    assert dialogs.modals == []


# -- the profiles dialog ---------------------------------------------------------------------------
def open_profiles(qtbot: QtBot, window: Any, dialogs: FakeDialogs) -> Any:
    from app.ui.profiles_dialog import ProfilesDialog

    dlg = ProfilesDialog(window.services.profiles, dialogs, window)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.list.count() > 0 and not dlg.waiting(), timeout=WAIT_MS)
    return dlg


def test_the_profiles_dialog_reads_and_writes_off_the_gui_thread(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    dialogs: FakeDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = threaded
    profiles = window.services.profiles
    dlg = open_profiles(qtbot, window, dialogs)
    gate = Gate(profiles.create)
    monkeypatch.setattr(profiles, "create", gate)
    dialogs.text_answers = ["Riley"]
    qtbot.mouseClick(dlg.add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT_MS)
    assert not dlg.add.isEnabled() and not dlg.close_button.isEnabled()  # the user waits
    gate.release.set()
    qtbot.waitUntil(lambda: dlg.list.count() == 2 and not dlg.waiting(), timeout=WAIT_MS)
    assert dlg.selected().name == "Riley" and dlg.add.isEnabled()
    # unsaved accommodations, then Close: saved on a worker, and only then closed
    saving = Gate(profiles.set_accommodations)
    monkeypatch.setattr(profiles, "set_accommodations", saving)
    closed: list[int] = []
    dlg.finished.connect(closed.append)
    dlg.multiplier.setValue(1.5)
    dialogs.choose_answers = [0]  # Save
    dlg.reject()
    qtbot.waitUntil(saving.started.is_set, timeout=WAIT_MS)
    assert closed == []  # not closed before the save is stored
    saving.release.set()
    qtbot.waitUntil(lambda: closed != [], timeout=WAIT_MS)
    with off_gui_thread.set_up():
        assert profiles.find("Riley").time_multiplier == 1.5
    assert threading.get_ident() not in gate.threads + saving.threads


def test_a_stale_profile_list_never_replaces_a_newer_one(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    dialogs: FakeDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = threaded
    profiles = window.services.profiles
    dlg = open_profiles(qtbot, window, dialogs)
    # the first read is slow and would show an old name
    gate = Gate(profiles.list_profiles, first_only=True, stale=renamed_stale)
    monkeypatch.setattr(profiles, "list_profiles", gate)
    dlg.reload()
    first = dlg.ticket
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT_MS)
    dlg.reload()
    second = dlg.ticket
    qtbot.waitUntil(lambda: second.finished, timeout=WAIT_MS)
    gate.release.set()
    qtbot.waitUntil(lambda: first.finished, timeout=WAIT_MS)
    assert first.cancelled and dlg.selected().name == "Learner"
    assert dlg.add.isEnabled()


def test_the_import_preview_reads_the_test_s_tasks_off_the_gui_thread(
    qtbot: QtBot,
    threaded: MainWindow,
    off_gui_thread: GuiThreadGuard,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """A file with a category no task matches: the mapping table's tasks were read with the
    preview on its worker, not when the table is filled."""
    from app.ui.import_dialog import ImportDialog
    from tests.ui.test_banks_ui import GIFT

    banks = threaded.services.banks
    gate = Gate(banks.test_structure, hold=False)
    monkeypatch.setattr(banks, "test_structure", gate)
    f = tmp_path / "class.gift"
    f.write_text(GIFT)
    dlg = ImportDialog(f, banks, ["X1"], threaded)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.mapping.rowCount() == 1, timeout=WAIT_MS)
    from PySide6.QtWidgets import QComboBox

    combo = dlg.mapping.cellWidget(0, 2)
    assert isinstance(combo, QComboBox) and combo.findData("X1.B.1.1") >= 0  # tasks offered
    assert gate.threads and threading.get_ident() not in gate.threads
