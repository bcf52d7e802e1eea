"""Home's test list: a C++ item model filled with plain values (no Qt enum reaches Python
before the first filled list, issue 15). What it shows, how it aligns and colours the cells,
that no cell can be edited, and that a refill keeps the headers and their resize modes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView
from pytestqt.qtbot import QtBot

import app.ui.theme as theme
from app.domain.ids import AttemptId
from app.services.views import TestCard
from app.ui.home import HomePage


def _card(
    code: str, last: float | None, passed: bool | None, resume: int | None = None
) -> TestCard:
    return TestCard(
        code=code,
        title=f"{code} title",
        questions=120,
        scored_count=50,
        minutes=75,
        last_percent=last,
        last_passed=passed,
        in_progress=AttemptId(resume) if resume is not None else None,
        in_progress_mode="mock" if resume is not None else None,
        target_percent=70.0,
    )


def _data(home: HomePage, row: int, col: int, role: Qt.ItemDataRole) -> object:
    return home.model.index(row, col).data(role)


CARDS = [_card("A1", 82.0, True), _card("A5", 55.0, False, resume=7), _card("G1", None, None)]


def test_cells_show_align_and_colour_as_the_list_says(qtbot: QtBot) -> None:
    home = HomePage()
    qtbot.addWidget(home)
    home.show_tests(CARDS, {"A5": 3})
    m = home.model
    assert m.rowCount() == 3 and m.columnCount() == 8
    row = [_data(home, 1, c, Qt.ItemDataRole.DisplayRole) for c in range(8)]
    assert row[:5] == ["A5", "A5 title", 120, 50, 75]
    assert row[5] == "55 % (below target)" and row[6] == 3 and str(row[7]).endswith("- resume")
    assert _data(home, 2, 6, Qt.ItemDataRole.DisplayRole) == ""  # nothing due: blank, not 0
    for col in range(8):  # a screen reader hears what is shown
        assert _data(home, 1, col, Qt.ItemDataRole.AccessibleTextRole) == row[col]
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    for col in range(8):
        align = _data(home, 0, col, Qt.ItemDataRole.TextAlignmentRole)
        assert (align == right) if col in (2, 3, 4, 6) else align is None, col
    good, bad = (QColor(theme.colour(k)) for k in ("good", "bad"))
    assert _data(home, 0, 5, Qt.ItemDataRole.ForegroundRole) == good
    assert _data(home, 1, 5, Qt.ItemDataRole.ForegroundRole) == bad
    assert _data(home, 2, 5, Qt.ItemDataRole.ForegroundRole) is None  # no mock yet
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert headers[0] == "Test" and headers[5] == "Last mock"


@pytest.mark.qt_log_ignore("propagateSizeHints", "edit: editing failed")  # Qt refuses: the point
def test_no_cell_can_be_edited(qtbot: QtBot) -> None:
    home = HomePage()
    qtbot.addWidget(home)
    home.show_tests(CARDS)
    for r in range(3):
        for c in range(8):
            assert not home.model.flags(home.model.index(r, c)) & Qt.ItemFlag.ItemIsEditable
    home.show()
    qtbot.waitExposed(home)
    home.table.setCurrentIndex(home.model.index(0, 1))
    home.table.edit(home.model.index(0, 1))
    assert home.table.state() != QAbstractItemView.State.EditingState


def test_a_refill_keeps_the_headers_the_title_stretch_and_the_chosen_test(qtbot: QtBot) -> None:
    home = HomePage()
    qtbot.addWidget(home)
    home.show_tests(CARDS)
    home.select_test("A5")
    changed: list[str] = []
    home.test_selected.connect(changed.append)
    home.show_tests(list(reversed(CARDS)))
    assert home.selected_code() == "A5"  # kept, now on another row
    assert changed == ["A5"]
    hh = home.table.horizontalHeader()
    assert home.model.columnCount() == 8
    assert home.model.headerData(1, Qt.Orientation.Horizontal) == "Title"
    assert hh.sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch
    assert hh.sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents
    home.show_tests([])
    assert home.model.rowCount() == 0 and home.selected_card() is None


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_verdict_colour_follows_a_change_of_scheme(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The colours are stored in the cells, so a palette change recolours them (dark mode
    after start-up, or the desktop switching while home is shown)."""
    monkeypatch.setattr(theme, "is_dark", lambda: False)
    theme.apply_theme(qapp)
    home = HomePage()
    qtbot.addWidget(home)
    home.show_tests(CARDS)
    home.show()  # shown, as home is when the desktop switches
    qtbot.waitExposed(home)
    light = _data(home, 0, 5, Qt.ItemDataRole.ForegroundRole)
    monkeypatch.setattr(theme, "is_dark", lambda: True)
    try:
        theme.apply_theme(qapp)
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 80
        dark = _data(home, 0, 5, Qt.ItemDataRole.ForegroundRole)
        assert dark == QColor(theme.colour("good")) and dark != light
        assert _data(home, 2, 5, Qt.ItemDataRole.ForegroundRole) is None
    finally:
        monkeypatch.setattr(theme, "is_dark", lambda: False)
        theme.apply_theme(qapp)
    assert _data(home, 0, 5, Qt.ItemDataRole.ForegroundRole) == light


def test_the_today_line_shows_bank_text_as_plain_text(qtbot: QtBot) -> None:
    home = HomePage()
    qtbot.addWidget(home)
    home.show_today_placeholder()
    assert home.today_label.text().startswith("Today:")
    home.show_today("<b>Area C</b> focus", "Start", True)
    assert home.today_label.textFormat() == Qt.TextFormat.PlainText
    assert home.today_label.text() == "<b>Area C</b> focus" and home.today_start.isEnabled()
