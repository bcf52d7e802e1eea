"""The question's own widgets: the stem (plain text unless it has markup, selectable once pointed
at) and the answer options (a radio button that wraps, lays out and paints its own words)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QEnterEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.exam.answer_panel import StemLabel
from app.ui.exam.choice_button import ChoiceButton
from app.ui.text import rich


def test_a_plain_stem_is_plain_text_and_a_stem_with_markup_stays_sanitised_rich_text(
    qtbot: QtBot,
) -> None:
    stem = StemLabel()
    qtbot.addWidget(stem)
    stem.show_text("Technician A says one thing.\n\nTechnician B says another.")
    assert stem.textFormat() == Qt.TextFormat.PlainText
    assert stem.text() == "Technician A says one thing.\n\nTechnician B says another."
    marked = 'Use <b>DOT 4</b> &amp; <img src="/etc/passwd"> only'
    stem.show_text(marked)
    assert stem.textFormat() == Qt.TextFormat.RichText
    assert stem.text() == rich(marked) and "<img" not in stem.text()
    stem.show_text("<script>")  # a lone bracket is markup too: escaped, never plain-decoded
    assert stem.textFormat() == Qt.TextFormat.RichText and "&lt;script&gt;" in stem.text()


def test_the_stem_becomes_selectable_when_the_pointer_is_over_it(qtbot: QtBot) -> None:
    stem = StemLabel()
    qtbot.addWidget(stem)
    stem.show_text("A stem to copy from")
    assert stem.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    enter = QEnterEvent(QPointF(5, 5), QPointF(5, 5), QPointF(5, 5))
    QApplication.sendEvent(stem, enter)
    assert stem.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
    stem.show_text("The next stem")  # shown by a key with the pointer still over it
    assert stem.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
    QApplication.sendEvent(stem, QEvent(QEvent.Type.Leave))
    stem.show_text("The one after")  # the pointer is elsewhere: the cheap plain label again
    assert stem.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction


def test_an_option_wraps_to_its_width_and_breaks_a_word_longer_than_the_column(
    qtbot: QtBot,
) -> None:
    button = ChoiceButton()
    qtbot.addWidget(button)
    button.setText("A.  " + "a short option")
    one_line = button.heightForWidth(600)
    button.setText("A.  " + "words that wrap " * 20)
    assert button.heightForWidth(300) > 2 * one_line > button.heightForWidth(2000)
    button.setText("A.  " + "x" * 3000)  # hostile: one word, no space to break at
    tall = button.heightForWidth(300)
    assert tall > 20 * one_line  # broken into lines, not one line running off the column
    assert button.heightForWidth(300) == tall  # the same width again: the same answer
    assert button.text() == "A.  " + "x" * 3000


def test_a_click_on_an_options_words_chooses_it(qtbot: QtBot) -> None:
    button = ChoiceButton()
    qtbot.addWidget(button)
    button.setText("B.  " + "an option long enough to click on its words " * 3)
    button.resize(400, button.heightForWidth(400))
    button.show()
    qtbot.waitExposed(button)
    words = button.rect().center()
    words.setX(button.width() - 30)  # far from the indicator
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=words)
    assert button.isChecked()


def test_an_answered_practice_option_paints_its_words_in_the_cue_colour(qtbot: QtBot) -> None:
    button = ChoiceButton()
    qtbot.addWidget(button)
    button.setText("C.  MMMMMMMM   \u2718 your answer, wrong")
    button.resize(500, button.heightForWidth(500))

    def colours() -> set[int]:
        image = button.grab().toImage()
        return {
            image.pixel(x, y) & 0xFFFFFF
            for x in range(image.width())
            for y in range(image.height())
        }

    wrong = QColor("#8e0000").rgb() & 0xFFFFFF
    assert wrong not in colours()
    button.set_words_style("#8e0000", bold=True)
    assert button.words_font().bold() and button.words_colour() == QColor("#8e0000")
    assert wrong in colours()
    button.set_words_style(None, bold=False)
    assert not button.words_font().bold() and wrong not in colours()
