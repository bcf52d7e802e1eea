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


def test_the_light_palette_is_fusions_own(qapp: QApplication) -> None:
    """The light palette is written out (no QStyle object before the first paint); it must be
    exactly the installed Fusion's, every role in every group, or a Qt upgrade changed it."""
    from PySide6.QtWidgets import QStyleFactory

    fusion = QStyleFactory.create("Fusion")
    assert fusion is not None
    expected, ours = fusion.standardPalette(), theme.light_palette()
    groups = (
        QPalette.ColorGroup.Active,
        QPalette.ColorGroup.Inactive,
        QPalette.ColorGroup.Disabled,
    )
    roles = [r for r in QPalette.ColorRole if r != QPalette.ColorRole.NColorRoles]
    assert {r.name for r in roles} == set(theme._FUSION_LIGHT)  # no role left out
    for group in groups:
        for role in roles:
            assert ours.color(group, role).rgba() == expected.color(group, role).rgba(), (
                group.name,
                role.name,
            )


def test_start_up_reads_the_scheme_from_the_platform_palette_then_follows_changes(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Start-up asks the platform's palette (light text on a dark window is a dark scheme), not
    QStyleHints.colorScheme(), whose enum would build Qt's whole namespace before the first
    paint; a change of scheme then comes from the signal."""
    monkeypatch.delenv("BAYREADY_THEME", raising=False)
    assert not theme._palette_is_dark(theme.light_palette())
    assert theme._palette_is_dark(theme._dark_palette())
    monkeypatch.setattr(theme, "_system_dark", None)
    assert theme.is_dark() is False  # offscreen: Qt's default light palette
    hints = QGuiApplication.styleHints()
    theme.apply_theme(qapp)
    try:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert theme.is_dark() is True
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 80
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert theme.is_dark() is False
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 180
    finally:
        theme._system_dark = False
        theme.apply_theme(qapp)


def test_a_scheme_the_platform_names_wins_over_the_palettes_guess_after_start_up(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A desktop whose palette looks light while it names a dark scheme: start-up guessed
    light from the palette; confirm_scheme (run once the services are attached) turns dark.
    The offscreen platform names no scheme and ignores setColorScheme, so the test stands in
    for the platform's answer."""
    monkeypatch.delenv("BAYREADY_THEME", raising=False)
    monkeypatch.setattr(theme, "_system_dark", False)
    theme.apply_theme(qapp)
    theme.confirm_scheme()  # offscreen names no scheme: the guess stands
    assert theme.is_dark() is False
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 180

    class Hints:
        def colorScheme(self) -> Qt.ColorScheme:
            return Qt.ColorScheme.Dark

    class Platform:
        @staticmethod
        def styleHints() -> Hints:
            return Hints()

    monkeypatch.setattr(theme, "QGuiApplication", Platform)
    try:
        theme.confirm_scheme()
        assert theme.is_dark() is True
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 80
    finally:
        monkeypatch.undo()
        theme._system_dark = False
        theme.apply_theme(qapp)
