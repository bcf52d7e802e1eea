"""Fusion style with a light or dark palette that follows the system's colour scheme."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QTabWidget, QWidget

FOCUS_CSS = """
QPushButton:focus, QRadioButton:focus, QCheckBox:focus, QToolButton:focus,
QComboBox:focus, QListView:focus, QTableView:focus, QSpinBox:focus, QLineEdit:focus {
    outline: none; border: 2px solid palette(highlight); border-radius: 4px;
}
QRadioButton { padding: 6px; border: 2px solid transparent; border-radius: 4px; }
QRadioButton:focus { padding: 6px; }
QPushButton { padding: 6px 14px; }
"""

# the chosen answer: a tinted fill and a highlight border, visible in light and dark alike
SELECTED_CSS = """
QRadioButton:checked {{ background-color: {fill}; border: 2px solid palette(highlight);
    font-weight: bold; }}
"""

# text colours readable on the window background: contrast >= 4.5:1 in both schemes
_LIGHT = {"good": "#1b5e20", "bad": "#c62828", "warn": "#8a5a00", "muted": "#5f6368"}
_DARK = {"good": "#81c784", "bad": "#ef9a9a", "warn": "#ffcc80", "muted": "#b0b4ba"}


def colour(kind: str) -> str:
    """'good', 'bad', 'warn' or 'muted' as #rrggbb for the current colour scheme."""
    return (_DARK if is_dark() else _LIGHT)[kind]


def stylesheet() -> str:
    fill = "rgba(64, 140, 230, 0.35)" if is_dark() else "rgba(25, 118, 210, 0.14)"
    return FOCUS_CSS + SELECTED_CSS.format(fill=fill)


def is_dark() -> bool:
    """BAYREADY_THEME=dark|light overrides the system's colour scheme (screenshots, preference)."""
    forced = os.environ.get("BAYREADY_THEME", "").lower()
    if forced in ("dark", "light"):
        return forced == "dark"
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def _dark_palette() -> QPalette:
    p = QPalette()
    base, alt, text = QColor(30, 32, 36), QColor(45, 48, 54), QColor(230, 232, 235)
    p.setColor(QPalette.ColorRole.Window, alt)
    p.setColor(QPalette.ColorRole.WindowText, text)
    p.setColor(QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorRole.AlternateBase, alt)
    p.setColor(QPalette.ColorRole.Text, text)
    p.setColor(QPalette.ColorRole.Button, alt)
    p.setColor(QPalette.ColorRole.ButtonText, text)
    p.setColor(QPalette.ColorRole.ToolTipBase, base)
    p.setColor(QPalette.ColorRole.ToolTipText, text)
    p.setColor(QPalette.ColorRole.Highlight, QColor(64, 140, 230))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor(255, 255, 255))
    p.setColor(QPalette.ColorRole.Link, QColor(110, 170, 255))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor(150, 150, 150))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(155, 155, 155))  # 4.5:1
    return p


def apply_theme(app: QApplication) -> None:
    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)

    def update() -> None:
        app.setPalette(_dark_palette() if is_dark() else app.style().standardPalette())
        app.setStyleSheet(stylesheet())

    update()
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: update())


def _tab_bar_style() -> QProxyStyle:
    """Fusion draws an unselected tab's label 2 px lower and clips it: the accent of a capital
    ("Áreas y tareas") was cut off, so the Spanish tab read "Areas". No shift, no clip.
    The class is made on first use (a tabbed dialog or page), not when the theme is imported
    before the first paint, which has no tabs."""
    from PySide6.QtWidgets import QProxyStyle, QStyle

    class TabBarStyle(QProxyStyle):
        def pixelMetric(
            self,
            metric: QStyle.PixelMetric,
            option: QStyleOption | None = None,
            widget: QWidget | None = None,
        ) -> int:
            if metric == QStyle.PixelMetric.PM_TabBarTabShiftVertical:
                return 0
            return super().pixelMetric(metric, option, widget)

    return TabBarStyle(QStyleFactory.create("Fusion"))


_tab_style: list[QProxyStyle] = []  # one, kept alive: QWidget.setStyle does not take ownership


def whole_tab_labels(tabs: QTabWidget) -> None:
    """Give `tabs` a tab bar that draws accented capitals whole (only the tab bar is proxied)."""
    if not _tab_style:
        _tab_style.append(_tab_bar_style())
    tabs.tabBar().setStyle(_tab_style[0])
