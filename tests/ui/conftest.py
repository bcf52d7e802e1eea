"""UI fixtures: a main window on a real database with fake dialogs and a fake monotonic clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from pytestqt.qtbot import QtBot

from app.domain.ids import ProfileId
from app.paths import AppPaths
from app.ui.dialogs import Dialogs
from tests.conftest import FakeNow

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class FakeMonotonic:
    def __init__(self) -> None:
        self.t = 5000.0

    def __call__(self) -> float:
        return self.t

    def advance(self, s: float) -> None:
        self.t += s


class FakeDialogs(Dialogs):
    """Records every modal instead of blocking; answers come from queues set by the test.

    A question the test did not script (`confirm`, `choose`, `ask_text`, `open_file`,
    `save_file`) fails the test with the dialog's title instead of guessing an answer: each test
    says what the user answers (None in `text_answers`: the user cancelled).
    """

    def __init__(self) -> None:
        super().__init__(None)
        self.confirm_answers: list[bool] = []
        self.text_answers: list[str | None] = []
        self.modal_results: list[Any] = []
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.confirms: list[str] = []
        self.modals: list[Any] = []
        self.choose_answers: list[int] = []
        self.chosen: list[tuple[str, list[str]]] = []
        self.asked: list[tuple[str, dict[str, Any]]] = []

    def info(self, title: str, text: str) -> None:
        self.infos.append((title, text))

    def error(self, title: str, text: str) -> None:
        self.errors.append((title, text))

    def confirm(self, title: str, text: str, *, ok: str = "OK", default_ok: bool = False) -> bool:
        self.confirms.append(text)
        if not self.confirm_answers:
            raise AssertionError(
                f"unscripted confirmation {title!r} ({text[:80]!r}): "
                "append the user's answer to dialogs.confirm_answers"
            )
        return self.confirm_answers.pop(0)

    def _text_answer(self, kind: str, title: str) -> str | None:
        if not self.text_answers:
            raise AssertionError(
                f"unscripted {kind} {title!r}: append the user's answer to "
                "dialogs.text_answers (None: cancelled)"
            )
        return self.text_answers.pop(0)

    def ask_text(self, title: str, label: str, text: str = "", **kw: Any) -> str | None:
        self.asked.append((label, kw))
        return self._text_answer("text question", title)

    def choose(self, title: str, text: str, buttons: list[str]) -> int:
        self.chosen.append((text, list(buttons)))
        if not self.choose_answers:
            raise AssertionError(
                f"unscripted question {title!r} ({text[:80]!r}, buttons {buttons}): "
                "append the user's answer to dialogs.choose_answers (-1: cancelled)"
            )
        return self.choose_answers.pop(0)

    def open_file(self, title: str, filters: str) -> str | None:
        return self._text_answer("file to open", title)

    def save_file(self, title: str, filters: str, suggested: str = "") -> str | None:
        return self._text_answer("file to save", title)

    def show_modal(self, dialog: Any) -> int:
        self.modals.append(dialog)
        if self.modal_results:
            action = self.modal_results.pop(0)
            if callable(action):
                return int(action(dialog))
            return int(action)
        return 0


def profile_of(window: MainWindow) -> ProfileId:
    """The window's active profile: every window these fixtures build has opened one."""
    assert window.profile_id is not None, "no profile open"
    return window.profile_id


@pytest.fixture(autouse=True)
def _workers_drained() -> Iterator[None]:
    """No background work outlives its test (a leftover worker would hold a pool thread and a
    database connection into the next test)."""
    yield
    from app.ui.work import pool

    assert pool().waitForDone(60_000), "background work still running 60 s after the test"


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def mono() -> FakeMonotonic:
    return FakeMonotonic()


def make_window(
    qtbot: QtBot,
    paths: AppPaths,
    dialogs: FakeDialogs,
    mono: FakeMonotonic,
    now: FakeNow,
    bank: Path | None,
) -> MainWindow:
    from app.services.setup import open_services
    from app.ui.main_window import MainWindow

    services = open_services(paths, now)
    if bank is not None:
        services.banks.import_file(bank)
    # reports run inline here; tests/ui/test_work.py and test_background_reports.py use threads
    window = MainWindow(paths, dialogs=dialogs, monotonic=mono, inline_work=True)
    qtbot.addWidget(window)
    window.show()
    window.attach_services(services, [])
    return window


@pytest.fixture
def window(
    qtbot: QtBot,
    tmp_path: Path,
    dialogs: FakeDialogs,
    mono: FakeMonotonic,
    fake_now: FakeNow,
    exam_bank: Path,
) -> Iterator[MainWindow]:
    paths = AppPaths(data_dir=tmp_path / "data", db_url=f"sqlite:///{tmp_path / 'ui.db'}")
    w = make_window(qtbot, paths, dialogs, mono, fake_now, exam_bank)
    yield w
    if w.exam is not None:
        w.exam.stop_clock()
    w.services.close()


@pytest.fixture
def exam_bank(tmp_path: Path) -> Path:
    """A generated bank with test X1: 3 areas (A 4, B 2, C 2 scored), 2x the items, exhibit."""
    from tests.factories import write_bank

    return write_bank(
        tmp_path / "bank",
        "X1",
        {"A": 4, "B": 2, "C": 2},
        per_area_factor=2,
        minutes=16,
        exhibit=True,
    )
