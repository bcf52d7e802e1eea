"""An answer option: a radio button whose text wraps, so a long option never runs off a narrow
question column (the exhibit pane beside it, a 1000-pixel window)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QRadioButton, QSizePolicy, QStyle, QWidget


class ChoiceButton(QRadioButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = QLabel()
        self._label.setWordWrap(True)
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        # clicks on the words reach the button, as they would on a radio button's own text
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        style = self.style()
        indent = style.pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, None, self)
        indent += style.pixelMetric(QStyle.PixelMetric.PM_RadioButtonLabelSpacing, None, self)
        layout.setContentsMargins(indent + 6, 3, 4, 3)
        layout.addWidget(self._label)
        # a radio button's policy makes its one-line width the minimum, which pushed a long
        # option (and the stem above it) past the right edge of a narrow question column
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        self.setSizePolicy(policy)

    def setText(self, text: str) -> None:
        self._label.setText(text)
        self.updateGeometry()

    def text(self) -> str:
        return self._label.text()

    def set_label_style(self, css: str) -> None:
        """Colour and weight of the words (a style sheet on the button does not reach them)."""
        sheet = f"QLabel {{ {css} }}" if css else ""
        if self._label.styleSheet() != sheet:  # setting a sheet re-polishes even when unchanged
            self._label.setStyleSheet(sheet)

    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        return layout.minimumSize() if layout is not None else super().minimumSizeHint()
