"""The question being answered: its stem, an exhibit thumbnail, up to four options (A-D) and,
in a practice, the feedback once answered. Shows an ItemView; saving is the page's job."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QButtonGroup, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.services.exams import ItemView
from app.ui.exam.choice_button import ChoiceButton
from app.ui.exam.confidence_bar import ConfidenceBar
from app.ui.exam.exhibit_view import ExhibitThumbnail
from app.ui.exam.feedback import PracticeFeedback, choice_style, lock_choice
from app.ui.text import plain as _plain
from app.ui.text import rich as _html


class StemLabel(QLabel):
    """The stem, word-wrapped. Most stems are plain text, shown as plain text; only one with
    markup or an entity is shown as (sanitised) rich text. Words are selectable with the mouse
    once the pointer is over them: a selectable label lays its text out through a whole text
    document, which made every question switch about a third slower for a feature only a
    pointer uses."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def show_text(self, stem: str) -> None:
        """`stem` as stored (plain text with the safe inline tags, maybe entities)."""
        markup = any(c in stem for c in "<>&")
        fmt = Qt.TextFormat.RichText if markup else Qt.TextFormat.PlainText
        if self.textFormat() != fmt:
            self.setTextFormat(fmt)
        self.setText(_html(stem) if markup else stem)
        if not self.underMouse():  # pointed at, it stays selectable (a key switched the stem)
            self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

    def enterEvent(self, event: QEnterEvent) -> None:
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        super().enterEvent(event)


class AnswerPanel(QWidget):
    choice_clicked = Signal(int)  # a learner's click (not a re-render)

    def __init__(self) -> None:
        super().__init__()
        self.content_layout = QVBoxLayout(self)
        self.content_layout.setContentsMargins(4, 4, 12, 4)
        self.stem = StemLabel()
        self.stem.setStyleSheet("font-size:13pt;")
        self.stem.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.content_layout.addWidget(self.stem)
        self.exhibit = ExhibitThumbnail()
        self.content_layout.addWidget(self.exhibit, 0, Qt.AlignmentFlag.AlignLeft)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.choice_buttons: list[ChoiceButton] = []
        for i in range(4):
            b = ChoiceButton()
            self.group.addButton(b, i)
            self.choice_buttons.append(b)
            self.content_layout.addWidget(b)
        self.group.idClicked.connect(self._on_group_id_clicked)
        self.confidence = ConfidenceBar()  # practice: how sure the learner was (keys 1-3)
        self.confidence.setVisible(False)
        self.content_layout.addWidget(self.confidence)  # above the feedback: seen without scrolling
        self.feedback = PracticeFeedback()
        self.content_layout.addWidget(self.feedback)
        self.content_layout.addStretch(1)
        self._building = False
        self._stem_shown: tuple[str, int, int] | None = None

    def _on_group_id_clicked(self, index: int) -> None:
        if not self._building:
            self.choice_clicked.emit(index)

    def show_stem(self, item: ItemView, count: int) -> None:
        """The stem of `item`, question `item.position + 1` of `count`."""
        # a new text in the word-wrapped stem costs a layout pass and a repaint of everything
        # below it; re-rendering the same question (an answer, a flag) changes none of it
        shown = (item.stem, item.position, count)
        if shown == self._stem_shown:
            return
        self._stem_shown = shown
        self.stem.show_text(item.stem)
        self.stem.setAccessibleName(self.tr("Question {0} of {1}").format(item.position + 1, count))
        self.stem.setAccessibleDescription(_plain(item.stem))

    def show_choices(self, item: ItemView, *, locked: bool) -> None:
        """The options; `locked` (an answered practice question) shows the answer in colour and
        words, takes no clicks, and shows the feedback."""
        self._building = True
        self.group.setExclusive(False)
        for i, b in enumerate(self.choice_buttons):
            if i < len(item.choices):
                c = item.choices[i]
                text = (
                    self.feedback.choice_text(item, i)
                    if locked
                    else f"{c.label}.  {_plain(c.text)}"
                )
                if text != b.text():  # only a changed text asks for a new layout
                    b.setText(text)
                    body = text[len(c.label) + 1 :].strip()
                    b.setAccessibleName(self.tr("Option {0}: {1}").format(c.label, body))
                b.setVisible(True)
                b.setChecked(item.chosen_shown == i)
            else:
                b.setVisible(False)
                b.setChecked(False)
            lock_choice(b, locked, choice_style(item, i) if locked else None)
        self.group.setExclusive(True)
        self._building = False
        self.feedback.show_item(item if locked else None)
        self.confidence.setVisible(locked)
        if locked:
            self.confidence.show_level(item.confidence)
