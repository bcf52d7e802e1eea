"""The main window shows what the connected login may do: everything on SQLite (as before), no
instructor tools for a learner's login on the classroom database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from pytestqt.qtbot import QtBot

from app.services.classroom import SINGLE_COMPUTER, Capabilities
from tests.pg_classroom import Classroom, classroom_database
from tests.ui.conftest import FakeDialogs, FakeMonotonic, make_window

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

LEARNER = Capabilities(
    "learner", manage_banks=False, import_banks=False, class_results=False, manage_profiles=False
)


def _instructor_tools(window: MainWindow) -> list[bool]:
    h = window.home
    return [w.isVisible() for w in (h.banks, h.class_results, h.new_profile, h.manage)]


def _menu_tools(window: MainWindow) -> list[bool]:
    w = window
    return [
        a.isVisible()
        for a in (
            w.menus.act_instructor,
            w.menus.act_banks,
            w.menus.act_class,
            w.menus.act_profiles,
        )
    ]


def test_on_sqlite_everything_is_shown_as_before(window: MainWindow) -> None:
    assert window.capabilities == SINGLE_COMPUTER
    assert "signed in" not in window.status_label.text()
    assert window.set_instructor_mode(True)
    assert _instructor_tools(window) == [True, True, True, True]
    assert _menu_tools(window) == [True, True, True, True]


def test_a_learners_window_hides_the_instructor_tools(
    window: MainWindow, dialogs: FakeDialogs
) -> None:
    assert window.set_instructor_mode(True)
    window.apply_capabilities(LEARNER)
    assert window.instructor_mode is False
    assert _instructor_tools(window) == [False, False, False, False]
    assert _menu_tools(window) == [False, False, False, False]
    assert window.home.start.isVisible() and window.home.practice.isVisible()
    # instructor mode cannot be turned on; the tools reached some other way are refused
    assert window.set_instructor_mode(False) and not window.set_instructor_mode(True)
    window.show_banks()
    window.show_class_results()
    assert dialogs.modals == []
    assert [t for t, _ in dialogs.infos] == ["Instructor tools", "Question banks", "Class results"]
    assert _instructor_tools(window) == [False, False, False, False]
    window.apply_capabilities(SINGLE_COMPUTER)
    assert window.set_instructor_mode(True)
    assert _instructor_tools(window) == [True, True, True, True]


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Classroom]:
    yield from classroom_database(tmp_path)


@pytest.mark.postgres
def test_a_learner_login_gets_a_learners_window_that_works(
    qtbot: QtBot,
    room: Classroom,
    dialogs: FakeDialogs,
    mono: FakeMonotonic,
    exam_bank: Path,
) -> None:
    from app.services.class_roster import Role

    roster, db = room.roster()
    try:
        roster.init()
        roster.add_member(room.login("kai"), Role.LEARNER, "Bay 3", profile_name="Kai")
        roster.add_member(room.login("lee"), Role.LEARNER, "Bay 3", profile_name="Lee")
    finally:
        db.dispose()
    admin = room.services_as(None)
    admin.banks.import_file(exam_bank)
    admin.close()
    w = make_window(qtbot, room.paths_as("kai"), dialogs, mono, room.now, None)
    try:
        assert w.capabilities.role == "learner"
        assert _instructor_tools(w) == [False, False, False, False]
        assert w.status_label.text().endswith("signed in as a learner")
        profiles = [w.home.profile.itemText(i) for i in range(w.home.profile.count())]
        assert profiles == ["Kai"]
        w.start_mock("X1", False)
        assert w.pages.currentWidget() is w.exam and dialogs.errors == []
    finally:
        if w.exam is not None:
            w.exam.stop_clock()
        w.close()  # saves the open attempt now, not after the services are closed
        w.services.close()


@pytest.mark.postgres
def test_a_learner_starting_on_an_empty_class_database_is_not_asked_to_import(
    qapp: Any, room: Classroom, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """First start on a class database with no banks: a learner may not import the shipped
    banks, so start-up does not try (it would fail on the grants) and the window opens."""
    from app.services.class_roster import Role
    from app.ui.application import open_database

    roster, db = room.roster()
    try:
        roster.init()
        roster.add_member(room.login("kai"), Role.LEARNER, "Bay 3")
    finally:
        db.dispose()
    services, results = open_database(room.paths_as("kai"))  # raises StartupError on failure
    try:
        assert results == [] and services.banks.list_tests() == []
    finally:
        services.close()
