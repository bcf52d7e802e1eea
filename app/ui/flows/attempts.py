"""Starting and resuming attempts: the mock's intro and start, practice sets, drills, spaced
review, today's planned session, and the offer to resume what a crash or a kill left open."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from app.domain.clock import format_remaining
from app.ui.flows import Flow
from app.ui.translation import mode_name, translate_error

if TYPE_CHECKING:
    from app.domain.ids import AttemptId, QuestionId
    from app.services.catalog import AreaOutline
    from app.services.exam_views import AttemptState
    from app.services.exams import InProgress
    from app.services.plans import PlanView
    from app.services.views import TestCard

T = TypeVar("T")


class AttemptFlow(Flow):
    def refused(self, error: Exception) -> bool:
        """Whether `error` is a refusal the learner can act on (no questions, a bad choice); if so
        it is shown as a message."""
        from app.services.exams import ExamError
        from app.services.profiles import ProfileError

        if not isinstance(error, (ExamError, ProfileError)):
            return False
        self.dialogs.error("BayReady", translate_error(error))
        return True

    def guard(self, fn: Callable[[], T]) -> T | None:
        """A refusal the learner can act on (no questions, a bad choice) becomes a message."""
        try:
            return fn()
        except Exception as e:
            if not self.refused(e):
                raise
            return None

    # -- mock -----------------------------------------------------------------------------------
    def show_intro(self, code: str, include_unscored: bool, *, recert: bool = False) -> None:
        """The mock's intro screen (items, time and why, rules, keys); no attempt exists yet."""
        exams, pid, w = self.services.exams, self.pid, self.window
        language = w.translators.language.value
        self.submit(
            lambda: exams.mock_plan(
                pid, code, include_unscored=include_unscored, language=language
            ),
            lambda plan: w.show_intro_page(plan, (code, include_unscored), recert=recert),
            self.tr("Preparing the exam..."),
        )

    def start_mock(self, code: str, include_unscored: bool, *, recert: bool = False) -> None:
        """The test's card is read, then the mock is drawn and saved, each on a worker thread."""
        exams, pid = self.services.exams, self.pid

        def card_of(cards: list[TestCard]) -> None:
            card = next((c for c in cards if c.code == code), None)
            if card is not None:
                self._start_mock(card, include_unscored, recert=recert)

        self.submit(lambda: exams.test_cards(pid), card_of, self.tr("Starting the exam..."))

    def _start_mock(self, card: TestCard, include_unscored: bool, *, recert: bool) -> None:
        w, code = self.window, card.code
        from app.ui.exam.intro_page import an

        if card.in_progress is not None and not self.dialogs.confirm(
            self.tr("Start a new exam"),
            self.tr(
                "You already have {0} {1} {2} in progress. Abandon it and start a new mock exam?"
            ).format(an(code), code, mode_name(card.in_progress_mode)),
            ok=self.tr("Start new"),
        ):
            return
        exams, pid = self.services.exams, self.pid

        def started(state: AttemptState) -> None:
            w.settings.include_unscored = include_unscored
            w.save_settings()
            w.run_attempt(state)

        self.submit(
            lambda: exams.start_mock(
                pid,
                code,
                include_unscored=include_unscored,
                recert=recert,
                replacing=card.in_progress,  # abandoned in the same transaction
            ),
            started,
            self.tr("Starting the exam..."),
        )

    # -- practice -------------------------------------------------------------------------------
    def ask_practice(self, code: str) -> None:
        """Home's Practice: the set's areas, tasks, size and timing, then the set."""
        from app.ui.practice_dialog import PracticeDialog

        catalog, card_of = self.services.catalog, self.card_of(code)

        def work() -> tuple[TestCard | None, list[AreaOutline]]:
            return card_of(), catalog.outline(code)

        def done(read: tuple[TestCard | None, list[AreaOutline]]) -> None:
            card, outline = read
            if not self.practice_over_in_progress(code, card):
                return
            dlg = PracticeDialog(code, outline, self.window)
            dlg.count.setValue(self.window.settings.practice_count)
            if not self.dialogs.show_modal(dlg):
                return
            self.start_practice(code, **dlg.choice().__dict__)

        # what is in progress and the test's outline are read on a worker thread
        self.submit(work, done, self.tr("Loading..."))

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
        pid, exams, w = self.pid, self.services.exams, self.window

        def started(state: AttemptState) -> None:
            if remember_count:
                w.settings.practice_count = count
                w.save_settings()
            w.run_attempt(state)

        self.submit(
            lambda: exams.start_practice(
                pid,
                code,
                count=count,
                areas=areas,
                tasks=tasks,
                timed=timed,
                question_ids=question_ids,
            ),
            started,
            self.tr("Starting the practice..."),
        )

    def drill(self, code: str, kind: str, key: str) -> None:
        """Practice on exactly that area or task, missed and unseen items first."""
        if kind == "area":
            self.start_practice(code, areas=(key,), count=10)
        else:
            self.start_practice(code, tasks=(key,), count=10)

    def start_review(self, code: str) -> None:
        reviews, pid = self.services.reviews, self.pid

        def due(ids: list[QuestionId]) -> None:
            if not ids:
                self.dialogs.info(
                    self.tr("Review"), self.tr("Nothing is due for review in this test right now.")
                )
                return
            self.start_practice(code, count=len(ids), question_ids=tuple(ids))

        self.submit(lambda: reviews.due_question_ids(pid, code), due, self.tr("Loading..."))

    def start_today(self, code: str) -> None:
        """Today's planned session (or the next one): a drill, a review or the mock's intro.
        Planning builds the learner's weak-area report: it runs on a worker thread."""
        from app.domain.planner import SessionKind

        plans, reviews, pid = self.services.plans, self.services.reviews, self.pid

        card_of = self.card_of(code)

        def work() -> tuple[PlanView, list[QuestionId], TestCard | None]:
            view = plans.plan(pid, code)
            x = view.today or view.next_session
            review = x is not None and x.kind is SessionKind.REVIEW
            return view, reviews.due_question_ids(pid, code) if review else [], card_of()

        self.submit(work, lambda r: self._start_planned(code, *r), self.tr("Planning..."))

    def _start_planned(
        self, code: str, view: PlanView, ids: list[QuestionId], card: TestCard | None
    ) -> None:
        from app.domain.planner import SessionKind

        x = view.today or view.next_session
        if x is None:
            return
        if x.kind in (SessionKind.MOCK, SessionKind.RECERT_FORM):
            self.show_intro(code, False, recert=x.kind is SessionKind.RECERT_FORM)
            return
        if x.kind is SessionKind.REVIEW and ids:
            self.start_practice(code, count=len(ids), question_ids=tuple(ids))
            return  # (nothing due after all: a mixed drill keeps the evening useful)
        if not self.practice_over_in_progress(code, card):
            return
        n = view.drill_items
        if x.focus and x.focus_kind == "task":
            self.start_practice(code, tasks=x.focus, count=n)
        elif x.focus:
            self.start_practice(code, areas=x.focus, count=n)
        else:
            self.start_practice(code, count=n)

    # -- resume ---------------------------------------------------------------------------------
    def resume(self, attempt_id: AttemptId) -> None:
        """The attempt is loaded on a worker thread; its page opens when it is ready."""
        exams = self.services.exams
        self.submit(
            lambda: exams.load(attempt_id),
            self.window.run_attempt,
            self.tr("Opening the attempt..."),
        )

    def offer_resume(self, pending: list[InProgress]) -> None:
        """After a crash or kill: offer the attempt that was in progress (`pending`, read by
        start-up's worker thread with the profile's home lists)."""
        if not pending:
            return
        if len(pending) > 1:
            self.choose_from(pending)
            return
        p = pending[-1]
        if p.remaining_s is not None:
            text = self.tr(
                "Your {0} {1} is still in progress ({2} of {3} answered, {4} left). Resume it "
                "now? Time while BayReady was closed is not counted."
            ).format(
                p.test_code, mode_name(p.mode), p.answered, p.items, format_remaining(p.remaining_s)
            )
        else:
            text = self.tr(
                "Your {0} {1} is still in progress ({2} of {3} answered). Resume it now? Time "
                "while BayReady was closed is not counted."
            ).format(p.test_code, mode_name(p.mode), p.answered, p.items)
        if self.dialogs.confirm(
            self.tr("Resume exam"),
            text,
            ok=self.tr("Resume"),
            default_ok=True,
        ):
            self.resume(p.attempt_id)

    def choose_resume(self) -> None:
        """Test > Resume: every attempt this learner has in progress, in any test (read on a
        worker thread)."""
        exams, pid = self.services.exams, self.window.profile_id

        def done(pending: list[InProgress]) -> None:
            if not pending:
                self.dialogs.info(self.tr("Resume"), self.tr("You have no attempt in progress."))
                return
            self.choose_from(pending)

        self.submit(lambda: exams.in_progress(pid), done, self.tr("Loading..."))

    def choose_from(self, pending: list[InProgress]) -> None:
        from app.ui.resume_dialog import ResumeDialog

        dlg = ResumeDialog(pending, self.window)
        if self.dialogs.show_modal(dlg):
            chosen = dlg.selected_attempt()
            if chosen is not None:
                self.resume(chosen)

    def card_of(self, code: str) -> Callable[[], TestCard | None]:
        """Work for a worker thread: the chosen learner's card for `code` (what is in
        progress), for `practice_over_in_progress`."""
        exams, pid = self.services.exams, self.pid

        def card() -> TestCard | None:
            return next((c for c in exams.test_cards(pid) if c.code == code), None)

        return card

    def practice_over_in_progress(self, code: str, card: TestCard | None) -> bool:
        """Warn before a practice when this test has an attempt in progress (`card`, read on a
        worker thread by `card_of`); False to stop."""
        if card is None or card.in_progress is None:
            return True
        answer = self.dialogs.choose(
            self.tr("Attempt in progress"),
            self.tr(
                "Your {code} {mode} is still in progress. It stays saved and you can resume it "
                "later. Start a practice anyway?"
            ).format(code=code, mode=mode_name(card.in_progress_mode)),
            [
                self.tr("Start practice"),
                self.tr("Resume the {mode}").format(mode=mode_name(card.in_progress_mode)),
            ],
        )
        if answer == 1:
            self.resume(card.in_progress)
        return answer == 0
