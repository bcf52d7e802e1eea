"""Practice feedback: once a practice answer is given, the options say right and wrong in colour,
a mark and words, and a panel explains the key and every option's rationale. Every piece of bank
text shown here goes through app.ui.text (escaped or sanitised rich text)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QLabel, QWidget

from app.services.exams import ItemView
from app.ui.exam.choice_button import ChoiceButton
from app.ui.exam.navigator import RIGHT_MARK, WRONG_MARK
from app.ui.text import esc as _esc
from app.ui.text import plain as _plain
from app.ui.text import rich as _html

# explicit text colour with each background, so the cue reads in a dark theme too
FEEDBACK_CSS = {
    "right": "background:#e8f5e9; color:#1b5e20; border:2px solid #2e7d32;",
    "wrong": "background:#ffebee; color:#8e0000; border:2px solid #c62828;",
}
FEEDBACK_TEXT_COLOUR = {"right": "#1b5e20", "wrong": "#8e0000"}  # in bold
# the option with keyboard focus is framed
CHOICE_FOCUS_CSS = (
    "QRadioButton { border:2px solid transparent; border-radius:4px; }"
    "QRadioButton:focus { border:2px solid palette(highlight); }"
)


def choice_style(item: ItemView, index: int) -> str | None:
    if item.choices[index].correct:
        return "right"
    return "wrong" if index == item.chosen_shown else None


def lock_choice(button: ChoiceButton, locked: bool, cue: str | None) -> None:
    # not disabled: a disabled button greys out, and the learner must see their own choice
    button.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, locked)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus if locked else Qt.FocusPolicy.StrongFocus)
    sheet = f"QRadioButton {{ {FEEDBACK_CSS[cue]} }}" if cue else CHOICE_FOCUS_CSS
    if button.styleSheet() != sheet:  # setting a sheet re-polishes even when unchanged
        button.setStyleSheet(sheet)
    button.set_words_style(FEEDBACK_TEXT_COLOUR[cue] if cue else None, bold=cue is not None)


def announce(widget: QWidget, text: str) -> None:
    """Tell a screen reader at once (an alert), without moving the focus."""
    widget.setAccessibleDescription(text)
    ev = QAccessibleEvent(widget, QAccessible.Event.Alert)
    QAccessible.updateAccessibility(ev)


class PracticeFeedback(QLabel):
    """The explanation under an answered practice question; hidden in a mock."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setVisible(False)
        self.setAccessibleName(self.tr("Feedback"))

    def choice_text(self, item: ItemView, index: int) -> str:
        """An answered practice option says in words what the colours say."""
        c = item.choices[index]
        text = f"{c.label}.  {_plain(c.text)}"
        if c.correct and index == item.chosen_shown:
            return f"{text}   {RIGHT_MARK} " + self.tr("your answer, correct")
        if c.correct:
            return f"{text}   {RIGHT_MARK} " + self.tr("correct answer")
        if index == item.chosen_shown:
            return f"{text}   {WRONG_MARK} " + self.tr("your answer, wrong")
        return text

    def show_item(self, item: ItemView | None) -> None:
        if item is None:
            self.setVisible(False)
            return
        right = item.correct
        key = item.choices[item.key]
        self.setStyleSheet(
            "QLabel { padding:8px; border-radius:4px; "
            + FEEDBACK_CSS["right" if right else "wrong"]
            + " }"
        )
        self.setText(self.feedback_html(item))
        self.setVisible(True)
        announce(
            self,
            (self.tr("Correct.") if right else self.tr("Incorrect."))
            + " "
            + self.tr("The answer is {0}.").format(key.label),
        )

    def feedback_html(self, item: ItemView) -> str:
        """The practice feedback as rich text; every piece of bank text goes through here."""
        key = item.choices[item.key]
        verdict = (
            f"{RIGHT_MARK} " + self.tr("Correct.")
            if item.correct
            else f"{WRONG_MARK} " + self.tr("Not quite.")
        )
        lines = [
            f"<p><b>{verdict}</b> "
            + self.tr("The answer is {0}.").format(f"<b>{_esc(key.label)}. {_html(key.text)}</b>")
            + "</p>",
            f"<p>{_html(item.explanation)}</p>",
            "<ul>",
        ]
        for c in item.choices:
            mark = self.tr("right") if c.correct else self.tr("wrong")
            lines.append(f"<li><b>{_esc(c.label)}</b> ({mark}): {_html(c.rationale)}</li>")
        lines.append("</ul>")
        return "".join(lines)
