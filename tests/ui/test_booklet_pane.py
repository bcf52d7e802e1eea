"""The reference booklet side pane: shown with F4 during mocks and practice on a test whose bank
has a booklet, opens at the sections the question names, highlights search hits, loads nothing
it was not handed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.paths import AppPaths
from app.ui.exam.booklet_pane import highlight
from tests.conftest import FakeNow
from tests.factories import BOOKLET, booklet_bank
from tests.ui.conftest import FakeDialogs, FakeMonotonic, make_window
from tests.ui.test_exam import activate

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


@pytest.fixture
def booklet_window(
    qtbot: QtBot,
    tmp_path: Path,
    dialogs: FakeDialogs,
    mono: FakeMonotonic,
    fake_now: FakeNow,
) -> Iterator[Any]:
    paths = AppPaths(data_dir=tmp_path / "data", db_url=f"sqlite:///{tmp_path / 'ui.db'}")
    w = make_window(qtbot, paths, dialogs, mono, fake_now, booklet_bank(tmp_path / "bank"))
    yield w
    if w.exam is not None:
        w.exam.stop_clock()
    w.services.close()


def test_highlight_marks_text_not_tags() -> None:
    out, n = highlight("<b>rpm</b> at 700 RPM <span title='rpm'>x</span>", "rpm")
    assert n == 2
    assert "title='rpm'" in out  # the tag is untouched
    assert out.count("background:#ffe066") == 2
    assert highlight("a &lt;b&gt;", "<b")[1] == 1  # the query is matched as the text reads


def test_f4_shows_the_booklet_at_the_questions_sections(
    qtbot: QtBot, booklet_window: MainWindow
) -> None:
    w = booklet_window
    activate(qtbot, w)
    w.start_mock("L9", False)
    exam = w.exam
    assert exam is not None
    pane = exam.booklet
    assert pane.toggle_button.isVisibleTo(exam) and not pane.isVisibleTo(exam)
    qtbot.keyClick(exam, Qt.Key.Key_F4)
    assert pane.isVisibleTo(exam)
    assert "refers to S2, S3" in pane.status.text()
    assert pane.sections.currentItem().text().startswith("S2.")
    assert pane.sections.currentItem().font().bold()
    html = pane.text.toHtml()
    assert "Composite Vehicle Booklet" in pane.title.text()
    assert "5 V reference" in html
    # bank markup with attributes stays text; the exhibit is the one image, handed over
    assert "&lt;img" in html and "/etc/passwd" in html and pane.text.refused == []
    # search: hits highlighted, non-matching sections dropped from the list
    qtbot.keyClicks(pane.search, "rpm")
    assert pane.hits == 2 and pane.sections.count() == 2
    assert "2 hits in 2 sections" in pane.status.text()
    assert pane.text.toHtml().count("#ffe066") == 2
    # F4 again hides it; answering keys still reach the question
    qtbot.keyClick(exam, Qt.Key.Key_F4)
    assert not pane.isVisibleTo(exam)


def test_no_booklet_no_button(qtbot: QtBot, window: MainWindow) -> None:
    activate(qtbot, window)
    window.start_practice("X1", count=3)
    exam = window.exam
    assert exam is not None
    assert not exam.booklet.toggle_button.isVisibleTo(exam)
    qtbot.keyClick(exam, Qt.Key.Key_F4)
    assert not exam.booklet.isVisibleTo(exam)


def test_booklet_is_stored_and_follows_its_file(booklet_window: MainWindow, tmp_path: Path) -> None:
    svc = booklet_window.services
    b = svc.exams.booklet("L9")
    assert b is not None and [s.id for s in b.sections] == ["S1", "S2", "S3"]
    assert b.sections[1].exhibit is not None and b.sections[1].exhibit.startswith(b"<svg")
    assert b.sections_for("L9-00001") == ("S2", "S3")
    # the booklet file changes, the bank file does not: a re-import picks it up
    booklet = tmp_path / "bank" / "l9-reference.yaml"
    booklet.write_text(BOOKLET.replace("Composite Vehicle Booklet", "Booklet, 2nd edition"))
    svc.banks.import_file(tmp_path / "bank" / "l9.json")
    b2 = svc.exams.booklet("L9")
    assert b2 is not None and b2.title == "Booklet, 2nd edition"
    assert svc.exams.booklet("X9") is None


def test_the_intro_lists_f4_only_for_a_test_with_a_booklet(booklet_window: MainWindow) -> None:
    booklet_window.show_intro("L9", False)
    assert "reference booklet" in booklet_window.intro.keys.text()
    assert "F4" in booklet_window.intro.keys.text()


def test_no_f4_on_the_intro_without_a_booklet(window: MainWindow) -> None:
    window.show_intro("X1", False)
    assert "F4" not in window.intro.keys.text()


def test_booklet_and_exhibit_panes_take_turns(
    qtbot: QtBot,
    tmp_path: Path,
    dialogs: FakeDialogs,
    mono: FakeMonotonic,
    fake_now: FakeNow,
) -> None:
    """One side pane at a time: at 1000 px the booklet and an exhibit side by side leave both
    too narrow to read. Opening one closes the other; X brings the exhibit back."""
    import json

    from tests.factories import SVG

    bank = booklet_bank(tmp_path / "bank")
    doc = json.loads(bank.read_text())
    for i, q in enumerate(doc["questions"]):  # one exhibit file each: no implied enemies
        (tmp_path / "bank" / "exhibits" / f"e{i}.svg").write_text(SVG)
        q["exhibit"] = f"exhibits/e{i}.svg"
    bank.write_text(json.dumps(doc))
    paths = AppPaths(data_dir=tmp_path / "data", db_url=f"sqlite:///{tmp_path / 'ui.db'}")
    w = make_window(qtbot, paths, dialogs, mono, fake_now, bank)
    try:
        activate(qtbot, w)
        w.start_mock("L9", False)
        exam = w.exam
        assert exam is not None
        assert exam.exhibit_pane.isVisibleTo(exam)  # an exhibit opens beside its question
        qtbot.keyClick(exam, Qt.Key.Key_F4)
        assert exam.booklet.isVisibleTo(exam) and not exam.exhibit_pane.isVisibleTo(exam)
        qtbot.keyClick(exam, Qt.Key.Key_X)
        assert exam.exhibit_pane.isVisibleTo(exam) and not exam.booklet.isVisibleTo(exam)
        assert not exam.booklet.toggle_button.isChecked()
    finally:
        if w.exam is not None:
            w.exam.stop_clock()
        w.services.close()
