"""Review and submit on the exam page: the review screen, the confirmation (with the count of
unanswered and flagged questions), scoring on a worker thread while the page takes no input, and
save-and-leave. Time is banked and saved before the clock stops, so the score and a later resume
see every second; a refusal or database fault keeps the exam open and says why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal

from app.domain.ids import AttemptId
from app.services.exams import EXAM_MODES, AttemptReport, AttemptState, ExamService
from app.ui.dialogs import Dialogs
from app.ui.exam.exam_timekeeping import ExamTimekeeping
from app.ui.work import LoadingNote, TaskRunner


class ExamReviewAndSubmit(ExamTimekeeping):
    def show_review(self) -> None:
        if self.state is None or self.submitting:
            return
        self._bank_item_time()
        self.review.show_state(self.state)
        self.stack.setCurrentIndex(1)
        # the header speaks of the review now, and offers no flag for a question not shown
        self.counter.setText(self.tr("Review"))
        self.counter.setAccessibleName(self.tr("Review"))
        self.flag_button.setVisible(False)
        self.review.submit.setFocus()

    def _on_review_jump(self, position: int) -> None:
        self.go(position)

    def confirm_submit(self) -> None:
        assert self.state is not None
        if self.submitting:
            return
        mock = self.state.mode in EXAM_MODES
        un = sum(1 for i in self.state.items if not i.answered)
        fl = sum(1 for i in self.state.items if i.flagged)
        text = (
            self.tr("Submit your exam now? You cannot change answers afterwards.")
            if mock
            else self.tr("Finish this practice and see the report?")
        )
        if un or fl:
            text += "\n\n" + self.tr(
                "{0} unanswered (they earn no points), {1} flagged for review."
            ).format(un, fl)
        title = self.tr("Submit exam") if mock else self.tr("Finish practice")
        ok = self.tr("Submit") if mock else self.tr("Finish")
        if self._dialogs.confirm(title, text, ok=ok):
            self.submit()

    def submit(self) -> None:
        """Save, stop the clock, then score the attempt on a worker thread; `submitted` follows
        with the report (the page takes no input meanwhile, and greys out after 150 ms)."""
        if self.state is None or self.submitting:
            return
        self._bank_item_time()
        self._save_progress(self.elapsed())
        elapsed = self.stop_clock()
        exams, aid, language = self._exams, self._aid(), self.language
        self.submitting = True
        self.scoring.start()
        self.tasks.submit(
            lambda _t: exams.submit(aid, elapsed_s=elapsed, language=language),
            self._on_submit_done,
            self._on_submit_failed,
        )

    def _on_scoring_shown(self) -> None:
        self._show_banner(self.tr("Scoring your answers..."))
        self.setEnabled(False)

    def _on_scoring_hidden(self) -> None:
        self.setEnabled(True)
        self._show_banner(self.state.note if self.state is not None else "")

    def _finish_submitting(self) -> bool:
        """Back to taking input; returns whether time had run out (and clears that)."""
        self.submitting = False
        self.scoring.stop()
        time_up, self._time_up_pending = self._time_up_pending, False
        return time_up

    def _on_submit_done(self, report: AttemptReport) -> None:
        time_up = self._finish_submitting()
        self.state = None
        self.submitted.emit(report)
        if time_up:
            self.time_up.emit()

    def _on_submit_failed(self, error: Exception) -> None:
        self._finish_submitting()
        if not self._explain(error):
            raise error  # a programming error: the crash log

    def leave(self) -> None:
        if self.state is None or self.submitting:
            return
        self._bank_item_time()
        self._save_progress(self.stop_clock())
        self.state = None
        self.left.emit()

    # last in the class: pyside6-lupdate loses the class (the translation context) after it
    if TYPE_CHECKING:  # owned by ExamPage
        submitted: Signal
        left: Signal
        time_up: Signal
        state: AttemptState | None
        position: int
        language: str
        submitting: bool
        tasks: TaskRunner
        scoring: LoadingNote
        _exams: ExamService
        _dialogs: Dialogs
        _time_up_pending: bool

        def _aid(self) -> AttemptId: ...
        def go(self, position: int, *, save: bool = True) -> None: ...
        def _explain(self, error: Exception) -> bool: ...
