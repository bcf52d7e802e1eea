"""The palette follows the system's colour scheme (dark mode). The offscreen platform has no
colour scheme of its own, so the test plays the platform: it reports dark, then emits the change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

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
