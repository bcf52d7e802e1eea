"""How sure were you? Three buttons under a practice answer's feedback: sure, unsure, guess (keys
1, 2, 3 once the answer is in). The report counts a right guess as weaker evidence and lists it
under "Lucky guesses". No service access: the exam page stores the choice."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QWidget

from app.domain.i18n import QT_TRANSLATE_NOOP

LEVELS = (
    QT_TRANSLATE_NOOP("ConfidenceBar", "Sure"),
    QT_TRANSLATE_NOOP("ConfidenceBar", "Unsure"),
    QT_TRANSLATE_NOOP("ConfidenceBar", "Guess"),
)  # response.confidence 0, 1, 2


class ConfidenceBar(QWidget):
    confidence_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 0)
        self.prompt = QLabel(self.tr("How sure were you?"))
        row.addWidget(self.prompt)
        self.group = QButtonGroup(self)
        self.buttons: list[QPushButton] = []
        for i, name in enumerate(LEVELS):
            b = QPushButton(f"{i + 1}  {self.tr(name)}")
            b.setCheckable(True)
            b.setAccessibleName(self.tr("{0} (key {1})").format(self.tr(name), i + 1))
            b.setToolTip(b.accessibleName())
            self.group.addButton(b, i)
            self.buttons.append(b)
            row.addWidget(b)
        row.addStretch(1)
        # the chosen level must read as chosen, not as a pressed-looking grey
        self.setStyleSheet("QPushButton:checked { background:#1565c0; color:white; }")
        self.group.idClicked.connect(self.confidence_chosen.emit)

    def show_level(self, level: int | None) -> None:
        """Check the stored level (none checked when the learner has not said)."""
        self.group.setExclusive(False)
        for i, b in enumerate(self.buttons):
            b.setChecked(i == level)
        self.group.setExclusive(True)
