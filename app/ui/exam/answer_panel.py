"""The question being answered: its stem, an exhibit thumbnail, up to four options (A-D) and,
in a practice, the feedback once answered. Shows an ItemView; saving is the page's job."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.services.exams import ItemView
from app.ui.exam.choice_button import ChoiceButton
from app.ui.exam.confidence_bar import ConfidenceBar
from app.ui.exam.exhibit_view import ExhibitThumbnail
from app.ui.exam.feedback import CHOICE_TEXT_CSS, PracticeFeedback, choice_style, lock_choice
from app.ui.text import plain as _plain
from app.ui.text import rich as _html


class AnswerPanel(QWidget):
    choice_clicked = Signal(int)  # a learner's click (not a re-render)

    def __init__(self) -> None:
        super().__init__()
        self.content_layout = QVBoxLayout(self)
        self.content_layout.setContentsMargins(4, 4, 12, 4)
        self.stem = QLabel()
        self.stem.setWordWrap(True)
        self.stem.setTextFormat(Qt.TextFormat.RichText)
        self.stem.setStyleSheet("font-size:13pt;")
        self.stem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stem.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.content_layout.addWidget(self.stem)
        self.exhibit = ExhibitThumbnail()
        self.content_layout.addWidget(self.exhibit, 0, Qt.AlignmentFlag.AlignLeft)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.choice_buttons: list[ChoiceButton] = []
        for i in range(4):
            b = ChoiceButton()
            b.set_label_style(CHOICE_TEXT_CSS)
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
        self.stem.setText(_html(item.stem))
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
                b.setChecked(item.chosen == i)
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
