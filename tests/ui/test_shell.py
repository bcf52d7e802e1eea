"""The window shell: menus with mnemonics, help and about, fitting the screen, instructor mode with
a PIN, resuming any attempt in progress and the practice-over-a-mock warning."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from app import __version__
from app import settings as settings_store
from app.paths import AppPaths
from tests.conftest import FakeNow
from tests.ui.conftest import FakeDialogs, FakeMonotonic, make_window, profile_of

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def _menus(window: MainWindow) -> dict[str, Any]:
    return {a.text(): a.menu() for a in window.menuBar().actions()}


def test_menu_bar_has_file_test_instructor_help_with_mnemonics(window: MainWindow) -> None:
    menus = _menus(window)
    assert list(menus) == ["&File", "&Test", "&Instructor", "&Help"]
    for title, menu in menus.items():
        assert not QKeySequence.mnemonic(title).isEmpty()
        keys = [QKeySequence.mnemonic(a.text()).toString() for a in menu.actions() if a.text()]
        assert all(keys), (title, [a.text() for a in menu.actions()])
        assert len(set(keys)) == len(keys), (title, keys)  # no two items share a letter
    assert window.menus.act_help.shortcut().toString() == "F1"
    assert window.menus.act_quit.shortcut() == QKeySequence("Ctrl+Q")


def test_test_menu_runs_home_actions_and_is_off_outside_home(
    window: MainWindow, dialogs: FakeDialogs
) -> None:
    window.menus.test_menu.aboutToShow.emit()
    assert window.menus.act_practice.isEnabled() and window.menus.act_mock.isEnabled()
    window.menus.act_practice.trigger()
    assert [m.__class__.__name__ for m in dialogs.modals] == ["PracticeDialog"]
    window.page_changed.emit("exam")
    assert not window.menus.act_practice.isEnabled() and not window.menus.act_profiles.isEnabled()


def test_help_explains_scoring_targets_readiness_and_shortcuts(
    window: MainWindow, dialogs: FakeDialogs
) -> None:
    window.menus.act_help.trigger()
    (dlg,) = dialogs.modals
    text = dlg.scoring.toPlainText()
    for words in ("unanswered question earns no point", "target", "Readiness", "1,000", "30 days"):
        assert words in text
    keys = dlg.shortcuts.toPlainText()
    for k in ("Ctrl+R", "F1", "Flag or unflag"):
        assert k in keys


def test_help_lists_exhibit_key_and_enter_opens_intro(
    window: MainWindow, dialogs: FakeDialogs
) -> None:
    # the intro screen lists X for the exhibit; Help listed only + / - and said Enter starts
    window.menus.act_help.trigger()
    (dlg,) = dialogs.modals
    keys = dlg.shortcuts.toPlainText()
    assert "Show or hide the exhibit" in keys
    assert "mock exam intro" in keys and "Start the selected test" not in keys


def test_about_names_version_qt_and_database(window: MainWindow, dialogs: FakeDialogs) -> None:
    window.menus.act_about.trigger()
    (dlg,) = dialogs.modals
    text = dlg.text.text()
    assert f"BayReady {__version__}" in text and qVersion() in text
    assert str(window.services.db.display_name()) in text


def test_window_fits_the_available_screen_with_its_status_bar(window: MainWindow) -> None:
    avail = window.screen().availableGeometry()
    assert avail.width() < 1280  # the offscreen screen is smaller than the default size
    assert window.width() <= avail.width() and window.height() <= avail.height()
    assert avail.contains(window.frameGeometry())
    bar = window.statusBar()
    assert bar.isVisible() and bar.geometry().bottom() <= window.height()


# -- instructor mode ------------------------------------------------------------------------------
def test_instructor_tools_hidden_until_instructor_mode(
    window: MainWindow, dialogs: FakeDialogs
) -> None:
    assert not window.instructor_mode
    assert not window.home.banks.isVisibleTo(window) and not window.home.banks.isEnabled()
    assert not window.menus.act_banks.isVisible() and not window.menus.act_class.isVisible()
    window.show_banks()
    window.show_class_results()
    assert dialogs.modals == []  # no way to the answer keys
    window.menus.act_instructor.trigger()
    assert window.instructor_mode and window.menus.act_instructor.isChecked()
    assert window.home.banks.isVisibleTo(window) and window.menus.act_banks.isVisible()
    assert "Set a PIN" in window.status_label.text()
    window.menus.act_banks.trigger()
    window.menus.act_class.trigger()
    assert [m.__class__.__name__ for m in dialogs.modals] == ["BanksDialog", "ClassDialog"]


def test_pin_is_stored_hashed_and_asked_for(
    qtbot: QtBot,
    tmp_path: Path,
    dialogs: FakeDialogs,
    mono: FakeMonotonic,
    fake_now: FakeNow,
    exam_bank: Path,
) -> None:
    paths = AppPaths(data_dir=tmp_path / "data", db_url=f"sqlite:///{tmp_path / 'ui.db'}")
    w = make_window(qtbot, paths, dialogs, mono, fake_now, exam_bank)
    w.set_instructor_mode(True)
    dialogs.text_answers = ["4711", "4711"]
    w.menus.act_pin.trigger()
    assert [kw for _l, kw in dialogs.asked] == [{"password": True}] * 2
    raw = paths.settings_file.read_text()
    assert "4711" not in raw and "pbkdf2_sha256$" in raw
    assert w.status_label.text() == "Instructor PIN saved."
    w.menus.act_instructor.trigger()  # off: no PIN needed
    assert not w.instructor_mode
    dialogs.text_answers = ["1234"]
    w.menus.act_instructor.trigger()
    assert not w.instructor_mode and not w.menus.act_instructor.isChecked()
    assert dialogs.errors[-1][1].startswith("That PIN is not right")
    dialogs.text_answers = ["4711"]
    w.menus.act_instructor.trigger()
    assert w.instructor_mode and w.menus.act_banks.isVisible()
    w.services.close()
    # with a PIN, the next start is in learner mode even though the mode was left on
    assert settings_store.load(paths.settings_file).instructor_mode
    d2 = FakeDialogs()
    w2 = make_window(qtbot, paths, d2, FakeMonotonic(), fake_now, None)
    assert not w2.instructor_mode and not w2.menus.act_banks.isVisible()
    w2.services.close()


def test_pin_hash_round_trip() -> None:
    h = settings_store.hash_pin("0000", salt=b"s" * 16)
    assert h != settings_store.hash_pin("0000")  # a fresh salt each time
    assert settings_store.check_pin("0000", h) and not settings_store.check_pin("0001", h)
    assert settings_store.check_pin("anything", "")  # no PIN set
    assert not settings_store.check_pin("0000", "garbage")


# -- resume and practice --------------------------------------------------------------------------
def test_resume_offers_every_attempt_in_progress(
    qtbot: QtBot,
    tmp_path: Path,
    fake_now: FakeNow,
    exam_bank: Path,
) -> None:
    from app.services.setup import open_services

    paths = AppPaths(data_dir=tmp_path / "data", db_url=f"sqlite:///{tmp_path / 'ui.db'}")
    svc = open_services(paths, fake_now)
    svc.banks.import_file(exam_bank)
    pid = svc.profiles.ensure_default().profile_id
    mock = svc.exams.start_mock(pid, "X1").attempt_id
    practice = svc.exams.start_practice(pid, "X1", count=3).attempt_id
    svc.close()
    d = FakeDialogs()

    def pick_mock(dlg: Any) -> int:
        rows = [dlg.list.item(i).text() for i in range(dlg.list.count())]
        assert rows[0] == "X1 practice: 0 of 3 answered"
        assert rows[1].startswith("X1 mock: 0 of 8 answered, ") and rows[1].endswith(" left")
        dlg.list.setCurrentRow(1)
        return 1

    d.modal_results = [pick_mock]
    w = make_window(qtbot, paths, d, FakeMonotonic(), fake_now, None)
    assert [m.__class__.__name__ for m in d.modals] == ["ResumeDialog"]
    assert w.exam is not None and w.exam.state.attempt_id == mock
    w.exam.leave()
    w.go_home()
    d.modal_results = [lambda dlg: (dlg.list.setCurrentRow(0), 1)[1]]
    w.menus.act_resume.trigger()
    assert w.exam.state.attempt_id == practice
    w.exam.stop_clock()
    w.services.close()


def test_resume_menu_with_nothing_in_progress_says_so(
    window: MainWindow, dialogs: FakeDialogs
) -> None:
    window.menus.act_resume.trigger()
    assert dialogs.infos == [("Resume", "You have no attempt in progress.")]


def test_practice_warns_about_a_mock_in_progress(window: MainWindow, dialogs: FakeDialogs) -> None:
    svc = window.services
    mock = svc.exams.start_mock(profile_of(window), "X1").attempt_id
    window.refresh_home()
    dialogs.choose_answers = [-1]  # cancel
    window.home.practice.click()
    assert "X1 mock is still in progress" in dialogs.chosen[-1][0]
    assert dialogs.modals == [] and window.pages.currentWidget() is window.home
    dialogs.choose_answers = [0]  # practise anyway: the practice dialog opens
    window.home.practice.click()
    assert [m.__class__.__name__ for m in dialogs.modals] == ["PracticeDialog"]
    dialogs.choose_answers = [1]  # resume the mock instead
    window.home.practice.click()
    assert window.exam.state.attempt_id == mock
    assert QCoreApplication.instance() is not None


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_home_buttons_fit_at_the_minimum_size(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QAbstractButton, QApplication

    from app.ui.home import HomePage

    home = HomePage()
    qtbot.addWidget(home)
    home.set_instructor_mode(True)
    home.resize(1000, 640 - 60)  # the window's minimum less the menu and status bars
    home.show()
    QApplication.processEvents()
    buttons = [b for b in home.findChildren(QAbstractButton) if b.isVisible()]
    assert len(buttons) >= 10
    for b in buttons:
        g = b.geometry()
        top_left = b.mapTo(home, g.topLeft() - b.pos())
        assert top_left.x() >= 0 and top_left.x() + g.width() <= home.width(), b.text()
        assert g.width() >= b.sizeHint().width(), b.text()  # not squeezed, nothing clipped


def test_an_unscripted_confirmation_fails_the_test_naming_its_title(
    window: MainWindow, dialogs: FakeDialogs
) -> None:
    """The fake never guesses what the user answers: a test must script every question."""
    old = window.services.exams.start_mock(profile_of(window), "X1").attempt_id
    window.refresh_home()
    with pytest.raises(AssertionError, match="'Start a new exam'"):
        window.flows.attempts.start_mock("X1", False)
    with pytest.raises(AssertionError, match="'Attempt in progress'"):
        card = window.flows.attempts.card_of("X1")()
        window.flows.attempts.practice_over_in_progress("X1", card)
    dialogs.confirm_answers = [True]  # scripted: start new, abandoning the old one
    window.flows.attempts.start_mock("X1", False)
    (now_open,) = window.services.exams.in_progress(profile_of(window))
    assert now_open.attempt_id != old and window.exam.state.attempt_id == now_open.attempt_id
    window.exam.stop_clock()


def test_unscripted_text_and_file_questions_fail_the_test_naming_their_title(
    window: MainWindow, dialogs: FakeDialogs
) -> None:
    """Like confirmations: a name, a file to open or a file to save is never guessed."""
    with pytest.raises(AssertionError, match="unscripted text question 'New profile'"):
        window.flows.profiles.new_profile()
    with pytest.raises(AssertionError, match="unscripted file to open 'Import a question bank'"):
        dialogs.open_file("Import a question bank", "Question banks (*.json)")
    with pytest.raises(AssertionError, match="unscripted file to save 'Export report'"):
        dialogs.save_file("Export report", "PDF (*.pdf)", "report.pdf")
    dialogs.text_answers = [None]  # scripted: the user cancels
    before = window.services.profiles.list_profiles()
    window.flows.profiles.new_profile()
    assert dialogs.text_answers == [] and window.services.profiles.list_profiles() == before
