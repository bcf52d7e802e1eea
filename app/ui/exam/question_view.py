"""The question on show: rendering the current item (counter, stem, choices, flag, exhibit,
booklet, navigator, focus), whether a practice answer is locked, the language each question is shown
in (L switches it), and the exhibit pane beside the question with its zoom (X, +, -). It changes
what is shown only - nothing here writes to the attempt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from app.services.exams import EXAM_MODES, AttemptState, ItemView
from app.ui.exam.exam_layout import ExamPageLayout


class QuestionView(ExamPageLayout):
    def shown_language(self, position: int | None = None) -> str:
        """The language a question is shown in: switched with L, else the page's language."""
        p = self.position if position is None else position
        return self._question_language.get(p, self.language)

    def _shown_item(self) -> ItemView:
        return self.item.in_language(self.shown_language())

    def switch_language(self) -> None:
        """Show the current question in the other language (English <-> Spanish) when it has
        a translation; its answer, flag, the clock and the scroll position stay as they are."""
        if not self._in_question_view() or self.submitting or len(self.item.languages) < 2:
            return
        shown = self.item.in_language(self.shown_language()).language
        other = next(lang for lang in self.item.languages if lang != shown)
        self._question_language[self.position] = other
        bar = self.question_scroll.verticalScrollBar()
        at = bar.value()
        self._render()
        bar.setValue(at)

    def _render(self, previous: int | None = None) -> None:
        state = self.state
        assert state is not None
        # the words in the question's language; answer, flag and time are the item's own
        item = self._shown_item()
        self._style_language_button(item)
        n = len(state.items)
        counter = self.tr("Question {0} of {1}").format(item.position + 1, n)
        if self.counter.text() != counter:
            self.counter.setText(counter)
            self.counter.setAccessibleName(counter)
        self.flag_button.setVisible(True)
        self.answer.show_stem(item, n)
        self._render_exhibit(item)
        self.booklet.show_question(item.uid)
        locked = self._locked(item)
        self.answer.show_choices(item, locked=locked)
        self.flag_button.blockSignals(True)
        self.flag_button.setChecked(item.flagged)
        self.flag_button.blockSignals(False)
        self._style_flag_button(item.flagged)
        self.prev_button.setEnabled(item.position > 0)
        self.next_button.setEnabled(item.position < n - 1)
        self.navigator.show_status(
            state.items, item.position, previous, practice=state.mode not in EXAM_MODES
        )
        if not self.isVisible():
            return
        if locked:  # the answer is in and explained: the next step is the next question
            (self.next_button if self.next_button.isEnabled() else self.review_button).setFocus(
                Qt.FocusReason.OtherFocusReason
            )
        else:
            target = (
                self.choice_buttons[item.chosen_shown] if item.chosen_shown is not None else None
            )
            (target or self.choice_buttons[0]).setFocus(Qt.FocusReason.OtherFocusReason)

    def _locked(self, item: ItemView) -> bool:
        """Practice answers are final once given (the feedback shows at once)."""
        return self.state is not None and self.state.mode not in EXAM_MODES and item.answered

    def _render_exhibit(self, item: ItemView) -> None:
        shown = bool(item.exhibit) and not self._exhibit_hidden
        self.exhibit.set_exhibit(item.exhibit, item.exhibit_name, item.exhibit_caption)
        self.exhibit.setVisible(bool(item.exhibit) and not shown)
        was_shown = self.exhibit_pane.isVisibleTo(self)
        self.exhibit_pane.setVisible(shown)
        if shown and not was_shown:
            total = sum(self.splitter.sizes()) or self.splitter.width()
            if self.exhibit_pane.width() < total * 0.35:  # first shown: a readable share
                self.splitter.setSizes([round(total * 0.5), round(total * 0.5)])
        if shown:
            self.exhibit_pane.set_exhibit(item.exhibit, item.exhibit_name, item.exhibit_caption)

    def set_exhibit_shown(self, shown: bool) -> None:
        """Show or hide the exhibit pane beside the question (the choice holds for the attempt)."""
        if self.state is None:
            return
        self._exhibit_hidden = not shown
        if shown:
            self.booklet.toggle_button.setChecked(False)
        self._render_exhibit(self._shown_item())
        if shown and self.exhibit_pane.isVisible():
            self.exhibit_pane.viewer.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.exhibit.isVisible():
            self.exhibit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_booklet_toggled(self, on: bool) -> None:
        if on and self.state is not None and not self._exhibit_hidden:
            self._exhibit_hidden = True  # the thumbnail (or X) brings the exhibit back
            self._render_exhibit(self._shown_item())

    def open_exhibit(self) -> None:
        self.set_exhibit_shown(True)

    def _on_exhibit_key(self) -> None:
        if self._in_question_view() and self.item.exhibit:
            self.set_exhibit_shown(self._exhibit_hidden)

    def _zoom_exhibit(self, step: int) -> None:
        if self._in_question_view() and self.exhibit_pane.isVisible():
            self.exhibit_pane.zoom_by(step)

    # last in the class: pyside6-lupdate loses the class (the translation context) after it
    if TYPE_CHECKING:  # owned by ExamPage
        state: AttemptState | None
        position: int
        language: str
        submitting: bool
        _question_language: dict[int, str]
        _exhibit_hidden: bool

        @property
        def item(self) -> ItemView: ...
        def _in_question_view(self) -> bool: ...
