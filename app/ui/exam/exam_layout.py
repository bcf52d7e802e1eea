"""The exam page's widgets and how its header shows state: the title, counter, flag button,
language button, countdown and warning strip above the question, the question column with its side
panes (exhibit, reference booklet), the previous/next/leave/review row, the navigator and the review
panel. It builds and styles widgets only: what a click or key does is wired by the page
(exam_page.py), and it reads no attempt and calls no service.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.exams import ItemView
from app.ui.elide import ElidedLabel
from app.ui.exam.answer_panel import AnswerPanel
from app.ui.exam.booklet_pane import BookletPane
from app.ui.exam.exhibit_view import ExhibitPane
from app.ui.exam.navigator import FLAG_MARK, Navigator
from app.ui.exam.review_panel import ReviewPanel

# a mixin of ExamPage, which is the QWidget (the type checker sees that base here)
if TYPE_CHECKING:
    _PageBase = QWidget
else:
    _PageBase = object


class ExamPageLayout(_PageBase):
    _countdown_low: bool  # owned by the page: whether the countdown wears its alarm colours

    def _build(self) -> None:
        """The widgets and their places; the page connects them to what they do."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        top = QHBoxLayout()
        self.title = ElidedLabel()  # cut with an ellipsis, never clipped, when room is short
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # the test's title comes from a bank
        self.title.setStyleSheet("font-weight:bold;")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.counter = QLabel()
        self.counter.setStyleSheet("font-size:15pt; font-weight:bold;")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.flag_button = QPushButton()
        self.flag_button.setCheckable(True)
        # the header never moves: the flag button and the clock keep one width whatever they say
        self._style_flag_button(False)
        self.flag_button.setMinimumWidth(
            max(
                self.flag_button.fontMetrics().horizontalAdvance(t)
                for t in (self._flag_text(False), self._flag_text(True))
            )
            + 36
        )
        keep = self.flag_button.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.flag_button.setSizePolicy(keep)
        self.countdown = QLabel()
        self.countdown.setAccessibleName(self.tr("Time remaining"))
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._set_countdown_low(False)
        clock_font = QFont(self.countdown.font())
        clock_font.setPointSize(15)
        clock_font.setBold(True)
        wide = QFontMetrics(clock_font)
        self.countdown.setFixedWidth(
            max(
                wide.horizontalAdvance(t)
                for t in (self.tr("Time left {0}"), self.tr("Elapsed {0}"))
                for t in (t.format("0:00:00"), t.format("00:00"))
            )
            + 28
        )
        self.show_time = QPushButton(self.tr("Show time"))
        self.show_time.setCheckable(True)
        self.show_time.toggled.connect(lambda on: self.countdown.setVisible(on))
        top.addWidget(self.title, 1)
        # centred in its share of the row, as it was when it filled the share (its size is fixed
        # per attempt, see _fix_counter_size)
        top.addWidget(self.counter, 1, Qt.AlignmentFlag.AlignCenter)
        top.addStretch(0)
        self.language_button = QPushButton()
        self.language_button.setVisible(False)  # only on a question that has a translation
        top.addWidget(self.language_button)
        top.addWidget(self.flag_button)
        top.addWidget(self.show_time)
        top.addWidget(self.countdown)
        outer.addLayout(top)
        # the warning strip's line is always reserved, so a warning never pushes the question down
        self.banner = QLabel()
        self.banner.setVisible(False)
        self.banner.setWordWrap(False)
        self.banner.setStyleSheet(
            "background:#fff3cd; color:#5c4400; padding:3px 6px; "
            "border:1px solid #e0c060; border-radius:4px;"
        )
        self.banner.setAccessibleName(self.tr("Time warning"))
        self.banner.setFixedHeight(self.banner.fontMetrics().lineSpacing() + 10)
        strip = self.banner.sizePolicy()
        strip.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        strip.setRetainSizeWhenHidden(True)
        self.banner.setSizePolicy(strip)
        outer.addWidget(self.banner)

        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        body = QWidget()
        body_layout = QHBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(body)

        question_col = QVBoxLayout()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.answer = content = AnswerPanel()
        # the panel's parts, by the names the page (and its tests) have always used
        self.stem, self.exhibit, self.feedback = content.stem, content.exhibit, content.feedback
        self.group, self.choice_buttons = content.group, content.choice_buttons
        self.confidence = content.confidence
        scroll.setWidget(content)
        scroll.setMinimumWidth(300)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # text wraps
        self.question_scroll = scroll
        self.splitter.addWidget(scroll)
        self.exhibit_pane = ExhibitPane()
        self.exhibit_pane.setMinimumWidth(240)
        self.exhibit_pane.setVisible(False)
        self.splitter.addWidget(self.exhibit_pane)
        self.booklet = BookletPane()  # the test's reference booklet, when it has one (F4)
        self.splitter.addWidget(self.booklet)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        question_col.addWidget(self.splitter, 1)
        nav_row = QHBoxLayout()
        self.prev_button = QPushButton(self.tr("< Previous (P)"))
        self.next_button = QPushButton(self.tr("Next (N) >"))
        self.review_button = QPushButton(self.tr("Review and submit (Ctrl+R)"))
        self.leave_button = QPushButton(self.tr("Save and leave"))
        self.leave_button.setToolTip(
            self.tr("The attempt is saved; resume it from the home screen.")
        )
        nav_row.addWidget(self.prev_button)
        nav_row.addWidget(self.next_button)
        nav_row.addWidget(self.booklet.toggle_button)
        nav_row.addStretch(1)
        nav_row.addWidget(self.leave_button)
        nav_row.addWidget(self.review_button)
        question_col.addLayout(nav_row)
        body_layout.addLayout(question_col, 1)

        self.navigator = Navigator()
        self.legend = self.navigator.legend
        body_layout.addWidget(self.navigator)

        self.review = ReviewPanel()
        self.stack.addWidget(self.review)

    def _fix_counter_size(self, count: int) -> None:
        """One size for every text the counter shows in this attempt: a label whose size is
        fixed does not ask the whole window to lay itself out again when its text changes (that
        relayout was a measurable part of every question switch)."""
        self.counter.ensurePolished()  # the style sheet's 15 pt bold font, not the default
        metrics = self.counter.fontMetrics()
        texts = [self.tr("Review")]
        texts += [self.tr("Question {0} of {1}").format(n, count) for n in range(1, count + 1)]
        margins = self.counter.contentsMargins()
        width = max(metrics.horizontalAdvance(t) for t in texts) + margins.left() + margins.right()
        height = self.counter.sizeHint().height()
        self.counter.setFixedSize(width + 2 * self.counter.margin() + 4, height)

    def _flag_text(self, on: bool) -> str:
        return f"{FLAG_MARK} " + self.tr("Flagged (F)") if on else self.tr("Flag for review (F)")

    def _style_flag_button(self, on: bool) -> None:
        """On, the flag button says so in words, a flag mark and a colour, not a pressed look."""
        self.flag_button.setText(self._flag_text(on))
        self.flag_button.setAccessibleName(
            self.tr("Flagged for review") if on else self.tr("Flag for review")
        )
        sheet = (
            "QPushButton { background:#f9a825; color:black; font-weight:bold; "
            "border:2px solid #8a5a00; border-radius:4px; padding:4px 10px; }"
            if on
            else ""
        )
        if self.flag_button.styleSheet() != sheet:  # re-polish only on change
            self.flag_button.setStyleSheet(sheet)

    def _style_language_button(self, item: ItemView) -> None:
        switchable = len(item.languages) > 1
        self.language_button.setVisible(switchable)
        if not switchable:
            return
        if item.language == "en":
            self.language_button.setText(self.tr("Español"))
            self.language_button.setToolTip(self.tr("Show this question in Spanish (L)"))
            self.language_button.setAccessibleName(self.tr("Show this question in Spanish"))
        else:
            self.language_button.setText(self.tr("English"))
            self.language_button.setToolTip(self.tr("Show this question in English (L)"))
            self.language_button.setAccessibleName(self.tr("Show this question in English"))

    def _set_countdown_low(self, low: bool) -> None:
        self._countdown_low = low
        self.countdown.setStyleSheet(
            "font-size:15pt; font-weight:bold; padding:2px 10px;"
            + ("color:white; background:#c62828; border-radius:4px;" if low else "")
        )

    def _show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setToolTip(text)
        self.banner.setVisible(bool(text))
