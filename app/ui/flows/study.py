"""The study plan and certifications: home's Today line, the plan dialog and its calendar
export, and the certification tracker with its renewal checks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.ui.flows import Flow
from app.ui.translation import translate_error
from app.ui.work import Ticket

if TYPE_CHECKING:
    from app.domain.ids import CertificationId
    from app.services.plans import PlanView
    from app.services.setup import AppServices
    from app.services.views import TestCard
    from app.ui.main_window import MainWindow


class StudyFlow(Flow):
    def __init__(self, window: MainWindow, services: AppServices) -> None:
        super().__init__(window, services)
        self.today_ticket: Ticket | None = None  # home's Today line being planned

    def refresh_today(self) -> None:
        """Home's Today line for the selected profile and test, re-planned from today.

        Planning builds the learner's whole weak-area report, so it runs on a worker thread
        (start-up and every test selection ask for it); a newer request cancels the one before
        it, and a result for a profile or test no longer selected is dropped."""
        w = self.window
        home = w.home
        code = home.selected_code()
        if w.profile_id is None or code is None:
            if self.today_ticket is not None:
                self.today_ticket.cancel()
            home.show_today_placeholder()
            return
        from app.domain.planner import PlanError

        plans, pid = self.services.plans, self.pid
        language = w.translators.language.value  # the bank's titles in the interface's language

        def work(ticket: Ticket) -> PlanView | PlanError | None:
            if ticket.cancelled:
                return None  # superseded before it started (start-up asks twice in a row)
            try:
                return plans.plan(pid, code, language=language)
            except PlanError as e:  # the learner's own situation, shown on the Today line
                return e

        def done(result: PlanView | PlanError | None) -> None:
            if result is None or w.home is not home:
                return  # stale: the pages were rebuilt (another language) meanwhile
            if w.profile_id != pid or home.selected_code() != code:
                return  # stale: the learner chose another profile or test meanwhile
            if isinstance(result, PlanError):
                home.show_today(str(result), self.tr("Start"), False)
                return
            from app.ui.plan_dialog import today_summary

            card = home.selected_card()
            text, button, can = today_summary(result)
            home.show_today(text, button, can and card is not None and card.questions > 0)

        self.today_ticket = w.tasks.submit(work, done, key="today")

    def show_plan(self, code: str) -> None:
        """The plan dialog, once the plan (the learner's whole weak-area report) has been built
        on a worker thread; its Save re-plans on a worker too (the dialog's own runner)."""
        from datetime import date

        from app.domain.planner import Goal
        from app.ui.plan_dialog import PlanDialog

        plans, pid = self.services.plans, self.pid
        language = self.window.translators.language.value

        def save(
            test_date: date | None, weekdays: frozenset[int], minutes: int, goal: Goal
        ) -> PlanView:
            plans.save_settings(
                pid, code, test_date=test_date, weekdays=weekdays, minutes=minutes, goal=goal
            )
            return plans.plan(pid, code, language=language)

        def done(view: PlanView) -> None:
            w = self.window
            dlg = PlanDialog(view, save, self.export_plan, w, run_sync=w.inline_work)
            self.dialogs.show_modal(dlg)
            self.refresh_today()

        self.submit(lambda: plans.plan(pid, code, language=language), done, self.tr("Planning..."))

    def refused(self, error: Exception) -> bool:
        from app.domain.planner import PlanError

        if not isinstance(error, PlanError):
            return False
        self.dialogs.error(self.tr("Study plan"), translate_error(error))
        return True

    def export_plan(self, view: object) -> None:
        from pathlib import Path

        from app.services.exports import ExportError, write_export
        from app.services.plans import PlanView, plan_ics

        if not isinstance(view, PlanView):
            raise TypeError(f"a PlanView to export, not {type(view).__name__}")
        target = self.dialogs.save_file(
            self.tr("Export the study plan"),
            self.tr("Calendar (*.ics)"),
            f"bayready-{view.test_code}-plan.ics",
        )
        if not target:
            return
        try:
            write_export(Path(target), plan_ics(view, self.services.now()))
        except ExportError as e:
            self.dialogs.error(self.tr("Export"), translate_error(e))
            return
        self.window.status_label.setText(self.tr("Saved {file}").format(file=target))

    def show_certifications(self) -> None:
        """The certification tracker, read on a worker thread; adding and removing results run
        on the dialog's own runner. Its monthly check starts a practice (what is in progress
        for that test is read on a worker first)."""
        if self.window.profile_id is None:
            return
        from datetime import date

        from app.domain.certification import Outcome
        from app.ui.certifications_dialog import CertificationsDialog, TrackerState

        plans, profiles, pid = self.services.plans, self.services.profiles, self.pid

        def state() -> TrackerState:
            return plans.tracker(pid), plans.results(pid), plans.renewal_checks(pid)

        def add(code: str, taken_on: date, outcome: Outcome) -> TrackerState:
            plans.record_result(pid, code, taken_on, outcome)
            return state()

        def remove(entry_id: CertificationId) -> TrackerState:
            plans.remove_result(pid, entry_id)
            return state()

        def done(read: tuple[str, TrackerState]) -> None:
            w = self.window
            name, first = read
            dlg = CertificationsDialog(name, first, add, remove, w, run_sync=w.inline_work)
            self.dialogs.show_modal(dlg)
            check = dlg.check_requested
            if check is None:
                return
            attempts = w.flows.attempts
            card_of = attempts.card_of(check.test_code)

            def practise(card: TestCard | None) -> None:
                if attempts.practice_over_in_progress(check.test_code, card):
                    # the service has no per-area quota: the plain count, over the whole test
                    attempts.start_practice(
                        check.test_code, count=check.questions, remember_count=False
                    )

            attempts.submit(card_of, practise, self.tr("Loading..."))

        loading = self.tr("Loading the certifications...")
        self.submit(lambda: (profiles.get(pid).name, state()), done, loading)
