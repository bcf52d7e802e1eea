"""Long learner and test names shortened with an ellipsis where they are shown (full text in the
tooltip), so an 80-character profile name never widens a window or pushes buttons off it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QWidget

NAME_PX = 240  # a profile name is never drawn wider than this


def elided(widget: QWidget, text: str, px: int = NAME_PX) -> str:
    return QFontMetrics(widget.font()).elidedText(text, Qt.TextElideMode.ElideRight, px)
