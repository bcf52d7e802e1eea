"""Fusion style with a light or dark palette that follows the system's colour scheme."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

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


# The system's scheme as start-up found it, then as `colorSchemeChanged` reports it. Start-up
# reads the platform's palette, not `QStyleHints.colorScheme()`: any `Qt.*` enum value reaching
# Python makes PySide6 build the whole Qt namespace (about 90 enums, 15-20 ms), and the first
# frame needs none of it (issue 15, first paint).
_system_dark: bool | None = None


def _palette_is_dark(palette: QPalette) -> bool:
    """Light text on a dark window: how the platform's own palette shows a dark scheme."""
    window = palette.color(QPalette.ColorRole.Window).lightness()
    text = palette.color(QPalette.ColorRole.WindowText).lightness()
    return text > window


def is_dark() -> bool:
    """BAYREADY_THEME=dark|light overrides the system's colour scheme (screenshots, preference)."""
    global _system_dark
    forced = os.environ.get("BAYREADY_THEME", "").lower()
    if forced in ("dark", "light"):
        return forced == "dark"
    if _system_dark is None:  # before apply_theme sets the app's palette: the platform's
        _system_dark = _palette_is_dark(QGuiApplication.palette())
    return _system_dark


def _on_scheme_changed(scheme: object) -> None:
    global _system_dark
    from PySide6.QtCore import Qt

    _system_dark = scheme == Qt.ColorScheme.Dark


_scheme_updates: list[Callable[[], None]] = []  # apply_theme's update, for confirm_scheme


def confirm_scheme() -> None:
    """Just after the first paint: where the platform names its colour scheme, that answer
    wins over the palette's guess (a desktop whose palette and scheme disagree turns dark
    here, once, a moment after the window appears)."""
    global _system_dark
    if os.environ.get("BAYREADY_THEME", "").lower() in ("dark", "light"):
        return  # the override stands whatever the platform says
    from PySide6.QtCore import Qt

    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Unknown:
        return
    dark = scheme == Qt.ColorScheme.Dark
    if dark != _system_dark:
        _system_dark = dark
        for update in _scheme_updates:
            update()


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


# Fusion's light standard palette (QFusionStyle::standardPalette in Qt 6.11), as (active, inactive,
# disabled) RGBA per role. Written out so the light theme needs no QStyle object in Python:
# PySide6 builds QStyle's type and its enums (about 5 ms) the first time one reaches Python, and
# the first frame needs none. tests/ui/test_theme.py checks it against the installed Qt's own.
_WHITE, _BLACK, _GREY = (255, 255, 255, 255), (0, 0, 0, 255), (190, 190, 190, 255)
_FUSION_LIGHT: dict[str, tuple[tuple[int, int, int, int], ...]] = {
    "WindowText": (_BLACK, _BLACK, _GREY),
    "Button": ((239, 239, 239, 255),) * 3,
    "Light": (_WHITE,) * 3,
    "Midlight": ((202, 202, 202, 255),) * 3,
    "Dark": ((159, 159, 159, 255), (159, 159, 159, 255), _GREY),
    "Mid": ((184, 184, 184, 255),) * 3,
    "Text": (_BLACK, _BLACK, _GREY),
    "BrightText": (_WHITE,) * 3,
    "ButtonText": (_BLACK, _BLACK, _GREY),
    "Base": (_WHITE, _WHITE, (239, 239, 239, 255)),
    "Window": ((239, 239, 239, 255),) * 3,
    "Shadow": ((118, 118, 118, 255), (118, 118, 118, 255), (177, 177, 177, 255)),
    "Highlight": ((48, 140, 198, 255), (48, 140, 198, 255), (145, 145, 145, 255)),
    "HighlightedText": (_WHITE,) * 3,
    "Link": ((0, 0, 255, 255),) * 3,
    "LinkVisited": ((255, 0, 255, 255),) * 3,
    "AlternateBase": ((247, 247, 247, 255),) * 3,
    "NoRole": (_BLACK,) * 3,
    "ToolTipBase": ((255, 255, 220, 255),) * 3,
    "ToolTipText": (_BLACK,) * 3,
    "PlaceholderText": ((0, 0, 0, 128),) * 3,
    "Accent": ((48, 140, 198, 255), (48, 140, 198, 255), (145, 145, 145, 255)),
}


def light_palette() -> QPalette:
    """Fusion's own light palette, built without a QStyle (see _FUSION_LIGHT)."""
    p = QPalette()
    groups = (
        QPalette.ColorGroup.Active,
        QPalette.ColorGroup.Inactive,
        QPalette.ColorGroup.Disabled,
    )
    for role_name, colours in _FUSION_LIGHT.items():
        role = getattr(QPalette.ColorRole, role_name)
        for group, rgba in zip(groups, colours, strict=True):
            p.setColor(group, role, QColor(*rgba))
    return p


def apply_theme(app: QApplication, *, fusion_already: bool = False) -> None:
    """Fusion with the light or dark palette and the focus and chosen-answer style sheet.
    `fusion_already`: the application was made with `-style fusion` (run_gui), so no QStyle
    object need reach Python before the first paint."""
    if not fusion_already:
        style = QStyleFactory.create("Fusion")
        if style is not None:
            app.setStyle(style)

    def update() -> None:
        app.setPalette(_dark_palette() if is_dark() else light_palette())
        app.setStyleSheet(stylesheet())

    is_dark()  # the platform's palette is read before the app's own replaces it
    update()
    _scheme_updates[:] = [update]

    def changed(scheme: object) -> None:
        _on_scheme_changed(scheme)
        update()

    QGuiApplication.styleHints().colorSchemeChanged.connect(changed)


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
