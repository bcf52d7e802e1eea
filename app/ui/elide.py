"""Long learner and test names shortened with an ellipsis where they are shown (full text in the
tooltip), so an 80-character profile name never widens a window or pushes buttons off it."""

from __future__ import annotations

from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

NAME_PX = 240  # a profile name is never drawn wider than this


def elided(widget: QWidget, text: str, px: int = NAME_PX) -> str:
    # the widget's own metrics: the same font, and no QFont wrapper (whose Python type and enums
    # cost about 2 ms to build on first use, on the way to the first filled home page)
    metrics = widget.fontMetrics()
    if metrics.horizontalAdvance(text) <= px:
        # what elidedText returns for a text that fits; naming Qt.TextElideMode would build
        # Qt's whole namespace (15-20 ms) on the way to the first filled home page (issue 15)
        return text
    from PySide6.QtCore import Qt

    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, px)


class ElidedLabel(QLabel):
    """A one-line label that draws its text cut with an ellipsis when the layout gives it less
    room than the text needs (a long test title beside the exam's header buttons); `text()`
    stays whole (the caller's tooltip can show it)."""

    def paintEvent(self, _event: QPaintEvent) -> None:
        from PySide6.QtCore import Qt

        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.setFont(self.font())
        painter.drawText(rect, int(self.alignment()) | int(Qt.AlignmentFlag.AlignVCenter), shown)
