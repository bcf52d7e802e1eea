"""The use cases (app/ui/flows) by the names the pages, menus and tests call: the main window's
forwards, kept apart from its start-up gating and its pages. A flow exists once start-up has
opened the database; `flows` before then is a programming error."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.ids import AttemptId, QuestionId

if TYPE_CHECKING:
    from app.ui.flows import Flows
    from app.ui.progress_page import ProgressPage


class FlowForwards:
    """Mixed into MainWindow, which sets these."""

    _flows: Flows | None
    progress: ProgressPage | None

    @property
    def flows(self) -> Flows:
        """The use cases; they exist once start-up has opened the database."""
        if self._flows is None:
            raise RuntimeError("BayReady's database is not open yet")
        return self._flows

    def refresh_home(self) -> None:
        self.flows.profiles.refresh_home()

    def choose_resume(self) -> None:
        if self._flows is not None:
            self._flows.attempts.choose_resume()

    def resume(self, attempt_id: int) -> None:
        """`attempt_id` arrives through a Qt signal, which carries a plain int."""
        self.flows.attempts.resume(AttemptId(attempt_id))

    def show_intro(self, code: str, include_unscored: bool, *, recert: bool = False) -> None:
        self.flows.attempts.show_intro(code, include_unscored, recert=recert)

    def start_mock(self, code: str, include_unscored: bool, *, recert: bool = False) -> None:
        self.flows.attempts.start_mock(code, include_unscored, recert=recert)

    def start_practice(
        self,
        code: str,
        *,
        areas: tuple[str, ...] = (),
        tasks: tuple[str, ...] = (),
        count: int = 10,
        timed: bool = False,
        question_ids: tuple[QuestionId, ...] = (),
        remember_count: bool = True,
    ) -> None:
        self.flows.attempts.start_practice(
            code,
            areas=areas,
            tasks=tasks,
            count=count,
            timed=timed,
            question_ids=question_ids,
            remember_count=remember_count,
        )

    def practise_questions(self, code: str, question_ids: list[QuestionId]) -> None:
        self.start_practice(code, count=len(question_ids), question_ids=tuple(question_ids))

    def drill(self, code: str, kind: str, key: str) -> None:
        self.flows.attempts.drill(code, kind, key)

    def start_review(self, code: str) -> None:
        self.flows.attempts.start_review(code)

    def start_today(self, code: str) -> None:
        self.flows.attempts.start_today(code)

    def show_progress(self, code: str) -> None:
        self.flows.reports.show_progress(code)

    def export_progress(self, fmt: str) -> None:
        if self.progress is not None and self.progress.report is not None:
            self.flows.reports.export_progress(fmt, self.progress.report)

    def show_plan(self, code: str) -> None:
        self.flows.study.show_plan(code)

    def export_plan(self, view: object) -> None:
        self.flows.study.export_plan(view)

    def show_certifications(self) -> None:
        if self._flows is not None:
            self._flows.study.show_certifications()
