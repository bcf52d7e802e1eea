"""The palette follows the system's colour scheme (dark mode). The offscreen platform has no
colour scheme of its own, so the test plays the platform: it reports dark, then emits the change.
Tab labels keep an accented capital whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

import app.ui.theme as theme


def test_palette_follows_the_colour_scheme(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    hints = QGuiApplication.styleHints()
    monkeypatch.setattr(theme, "is_dark", lambda: False)
    theme.apply_theme(qapp)
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 180
    monkeypatch.setattr(theme, "is_dark", lambda: True)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 80
    assert qapp.palette().color(QPalette.ColorRole.Text).lightness() > 180
    monkeypatch.setattr(theme, "is_dark", lambda: False)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 180


def _ink(tabs: QTabWidget, index: int) -> int:
    """Dark pixels in one tab's rectangle of the tab bar as drawn."""
    bar = tabs.tabBar()
    image = bar.grab(bar.tabRect(index)).toImage()
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if QColor(image.pixel(x, y)).lightness() < 100
    )


def test_an_unselected_tab_draws_an_accented_capital_whole(qtbot: QtBot) -> None:
    """Fusion shifted an unselected tab's label down and clipped its top: the Spanish progress
    page's "Áreas y tareas" tab read "Areas y tareas"."""
    from app.ui.theme import whole_tab_labels

    drawn = {}
    for fixed in (False, True):
        tabs = QTabWidget()
        qtbot.addWidget(tabs)
        if fixed:
            whole_tab_labels(tabs)
        tabs.addTab(QWidget(), "X")
        tabs.addTab(QWidget(), "\u00c1")  # A with an acute accent, unselected
        tabs.addTab(QWidget(), "A")  # the same letter without it, unselected
        tabs.show()
        qtbot.waitExposed(tabs)
        drawn[fixed] = (_ink(tabs, 1), _ink(tabs, 2))
    accented, plain = drawn[True]
    assert accented > plain  # the accent is drawn
    assert drawn[False][0] < accented  # and it was not, before
