"""The study plan and certifications: home's Today line, the plan dialog and its calendar
export, and the certification tracker with its renewal checks."""

from __future__ import annotations

from app.ui.flows import Flow


class StudyFlow(Flow):
    def refresh_today(self) -> None:
        """Home's Today line for the selected profile and test, re-planned from today."""
        home = self.window.home
        code = home.selected_code()
        if self.window.profile_id is None or code is None:
            home.show_today(
                self.tr("Today: choose a test to see your study plan."), self.tr("Start"), False
            )
            return
        from app.domain.planner import PlanError
        from app.ui.plan_dialog import today_summary

        card = home.selected_card()
        try:
            view = self.services.plans.plan(self.pid, code)
        except PlanError as e:
            home.show_today(str(e), self.tr("Start"), False)
            return
        text, button, can = today_summary(view)
        home.show_today(text, button, can and card is not None and card.questions > 0)

    def show_plan(self, code: str) -> None:
        from datetime import date

        from app.domain.planner import Goal, PlanError
        from app.services.plans import PlanView
        from app.ui.plan_dialog import PlanDialog

        plans, pid = self.services.plans, self.pid
        try:
            view = plans.plan(pid, code)
        except PlanError as e:
            self.dialogs.error(self.tr("Study plan"), str(e))
            return

        def save(
            test_date: date | None, weekdays: frozenset[int], minutes: int, goal: Goal
        ) -> PlanView:
            plans.save_settings(
                pid, code, test_date=test_date, weekdays=weekdays, minutes=minutes, goal=goal
            )
            return plans.plan(pid, code)

        dlg = PlanDialog(view, save, self.export_plan, self.window)
        self.dialogs.show_modal(dlg)
        self.refresh_today()

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
            self.dialogs.error(self.tr("Export"), str(e))
            return
        self.window.status_label.setText(self.tr("Saved {file}").format(file=target))

    def show_certifications(self) -> None:
        if self.window.profile_id is None:
            return
        from datetime import date

        from app.domain.certification import Outcome
        from app.ui.certifications_dialog import CertificationsDialog, TrackerState

        plans, pid = self.services.plans, self.pid

        def state() -> TrackerState:
            return plans.tracker(pid), plans.results(pid), plans.renewal_checks(pid)

        def add(code: str, taken_on: date, outcome: Outcome) -> TrackerState:
            plans.record_result(pid, code, taken_on, outcome)
            return state()

        def remove(entry_id: int) -> TrackerState:
            plans.remove_result(pid, entry_id)
            return state()

        name = self.services.profiles.get(pid).name
        dlg = CertificationsDialog(name, state(), add, remove, self.window)
        self.dialogs.show_modal(dlg)
        check = dlg.check_requested
        attempts = self.window.flows.attempts
        if check is not None and attempts.practice_over_in_progress(check.test_code):
            # the service has no per-area quota: the plain count, drawn over the whole test
            attempts.start_practice(check.test_code, count=check.questions, remember_count=False)
