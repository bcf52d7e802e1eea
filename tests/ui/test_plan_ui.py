"""Home's Today box, the study plan dialog and the certification tracker, driven like a user."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import icalendar
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from app.domain.planner import SessionKind
from tests.services.test_reports import sit_mock
from tests.ui.conftest import FakeDialogs, profile_of

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

DAY = 86400


def _click(qtbot: QtBot, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_today_starts_a_diagnostic_mock_then_a_drill_on_the_weak_area(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs, fake_now: Any
) -> None:
    h = window.home
    assert h.selected_code() == "X1"
    # no results yet: today is a full mock, the button opens the intro (no clock yet)
    assert "mock" in h.today_label.text().lower() and h.today_start.isEnabled()
    _click(qtbot, h.today_start)
    assert window.pages.currentWidget() is window.intro
    window.go_home()
    for _ in range(3):
        sit_mock(window.services, profile_of(window), "C")
        fake_now.advance(DAY)
    window.services.plans.save_settings(
        profile_of(window),
        "X1",
        test_date=fake_now().date() + timedelta(days=30),
        weekdays=frozenset(range(7)),
        minutes=30,
    )
    window.refresh_home()
    text = h.today_label.text()
    assert "Today: Drill" in text and "30 min" in text and "30 days" in text
    _click(qtbot, h.today_start)
    st = window.exam.state
    view = window.services.plans.plan(profile_of(window), "X1")
    assert st.mode == "practice"
    first = next(x for x in view.plan.sessions if x.kind is SessionKind.DRILL)
    assert first.focus and {i.area for i in st.items} == {"C"}
    # answering one question makes today done: Home moves on to the next evening
    window.exam.leave()
    window.services.exams.record_response(st.attempt_id, 0, 0, elapsed_s=3, item_seconds=3)
    window.go_home()
    assert "Today's session is done" in h.today_label.text()
    assert h.today_start.text() == "Do the next one now"


def test_plan_dialog_edits_settings_and_exports_ics(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs, fake_now: Any, tmp_path: Path
) -> None:
    from app.ui.plan_dialog import PlanDialog

    seen: list[PlanDialog] = []

    def drive(dlg: PlanDialog) -> int:
        seen.append(dlg)
        qtbot.addWidget(dlg)
        assert not dlg.view.stored and "Suggested plan" in dlg.progress.text()
        booked = fake_now().date() + timedelta(days=21)
        dlg.not_booked.setChecked(False)
        dlg.test_date.setDate(QDate(booked.year, booked.month, booked.day))
        for i, b in enumerate(dlg.day_boxes):
            b.setChecked(i in (0, 2))
        dlg.minutes.setValue(40)
        _click(qtbot, dlg.save_button)
        assert dlg.view.stored and dlg.view.settings.test_date == booked
        assert "Done 0 of" in dlg.progress.text()
        weeks = dlg.weeks.topLevelItemCount()
        assert weeks == len(dlg.view.plan.weeks()) >= 3
        rows = sum(dlg.weeks.topLevelItem(i).childCount() for i in range(weeks))
        assert rows == len(dlg.view.plan.sessions)
        assert "Week of" in dlg.weeks.topLevelItem(0).text(0)
        # no evening chosen: refused in the dialog, nothing saved
        for b in dlg.day_boxes:
            b.setChecked(False)
        _click(qtbot, dlg.save_button)
        assert dlg.error.isVisibleTo(dlg) and "evening" in dlg.error.text()
        # export to a calendar file, parsed back
        dialogs.text_answers.append(str(tmp_path / "plan.ics"))
        _click(qtbot, dlg.export_button)
        return 0

    dialogs.modal_results.append(drive)
    window.home.plan_button.click()
    assert seen
    cal = icalendar.Calendar.from_ical((tmp_path / "plan.ics").read_bytes())
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(seen[0].view.plan.sessions) + 1
    assert window.services.plans.plan(profile_of(window), "X1").settings.weekdays == {0, 2}
    assert "40 min" in window.home.today_label.text() or "Next" in window.home.today_label.text()


def test_tracker_dialog_records_results_and_shows_master_progress(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs, fake_now: Any
) -> None:
    from app.ui.certifications_dialog import CertificationsDialog

    def drive(dlg: CertificationsDialog) -> int:
        qtbot.addWidget(dlg)
        assert "0 of 8 current" in dlg.masters.text()
        for n in range(1, 9):
            qtbot.keyClicks(dlg.code, f"a{n}")
            dlg.taken_on.setDate(QDate(2022, 3, 1))
            _click(qtbot, dlg.add_button)
        assert "held" in dlg.masters.text() and "2027-03-01" in dlg.masters.text()
        assert dlg.status.rowCount() == 8
        assert dlg.status.item(0, 1).text() == "Recertify now"
        assert dlg.status.item(0, 3).text() == "2027-03-01"
        assert dlg.status.item(0, 6).text() == "Master Automobile Technician"
        # a recent fail: the 30-day retake date
        qtbot.keyClicks(dlg.code, "L1")
        failed = fake_now().date() - timedelta(days=5)
        dlg.taken_on.setDate(QDate(failed.year, failed.month, failed.day))
        dlg.outcome.setCurrentIndex(1)
        qtbot.keyClick(dlg.code, Qt.Key.Key_Return)
        l1 = next(r for r in range(dlg.status.rowCount()) if dlg.status.item(r, 0).text() == "L1")
        assert dlg.status.item(l1, 5).text() == (failed + timedelta(days=30)).isoformat()
        assert dlg.status.item(l1, 1).text() == "Not held"
        # a bad code is refused in the dialog
        qtbot.keyClicks(dlg.code, "A 1")
        _click(qtbot, dlg.add_button)
        assert dlg.error.isVisibleTo(dlg) and "test code" in dlg.error.text()
        dlg.code.clear()
        # removing A8 ends Master status
        a8 = next(r for r in range(dlg.entries.rowCount()) if dlg.entries.item(r, 0).text() == "A8")
        dlg.entries.selectRow(a8)
        _click(qtbot, dlg.remove_button)
        assert "7 of 8 current" in dlg.masters.text() and "A8" in dlg.masters.text()
        return 0

    dialogs.modal_results.append(drive)
    window.menus.act_certs.trigger()
    assert len(dialogs.modals) == 1
    t = window.services.plans.tracker(profile_of(window))
    assert t.masters[0].missing == ("A8",) and t.status("L1") is not None
    assert date(2022, 3, 1) in {
        e.taken_on for e in window.services.plans.results(profile_of(window))
    }


def test_pdf_report_ends_with_the_plan_and_certifications(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs, fake_now: Any, tmp_path: Path
) -> None:
    from PySide6.QtGui import QTextDocument

    from app.domain.certification import Outcome
    from app.ui import report_pdf

    svc, pid = window.services, profile_of(window)
    sit_mock(svc, pid, "C")
    svc.plans.save_settings(
        pid, "X1", test_date=fake_now().date() + timedelta(days=20), weekdays=frozenset({1, 4}),
        minutes=35,
    )  # fmt: skip
    svc.plans.record_result(pid, "A4", date(2023, 5, 2), Outcome.PASS)
    r = svc.reports.weak_area_report(pid, "X1")
    appendix = svc.plans.report_appendix(pid, "X1")
    doc = QTextDocument()
    doc.setHtml(report_pdf.report_html(r, appendix=appendix))
    text = doc.toPlainText()
    assert "Study plan" in text and "35 minutes a session" in text
    assert "Done 1 of" in text or "Done 0 of" in text
    first = appendix.plan.plan.sessions[0]
    assert f"({first.minutes} min)" in text
    assert "Master Automobile Technician: 1 of 8 current" in text
    assert "A4: Current; passed 2023-05-02; expires 2028-05-02" in text
    # without an appendix the report is as before
    assert "Certifications" not in report_pdf.report_html(r)
    # the export from the progress page carries it into the PDF file
    dialogs.text_answers.append(str(tmp_path / "r.pdf"))
    window.show_progress("X1")
    window.export_progress("pdf")
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert not dialogs.errors


def test_monthly_check_starts_a_practice_of_two_per_area_then_shows_done(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs, fake_now: Any
) -> None:
    from app.domain.certification import Outcome
    from app.services.plans import local_date
    from app.ui.certifications_dialog import CHECK_COLUMN, CertificationsDialog

    plans, pid = window.services.plans, profile_of(window)
    plans.record_result(pid, "X1", date(2024, 1, 1), Outcome.PASS)
    plans.record_result(pid, "A4", date(2019, 1, 1), Outcome.PASS)  # expired: no check
    remembered = window.settings.practice_count
    seen: list[str] = []

    def drive(dlg: CertificationsDialog) -> int:
        qtbot.addWidget(dlg)
        rows = {dlg.status.item(r, 0).text(): r for r in range(dlg.status.rowCount())}
        assert dlg.status.item(rows["A4"], CHECK_COLUMN).text() == ""
        seen.append(dlg.status.item(rows["X1"], CHECK_COLUMN).text())
        dlg.status.selectRow(rows["A4"])
        assert not dlg.check_button.isEnabled()
        dlg.status.selectRow(rows["X1"])
        assert dlg.check_button.isEnabled()
        _click(qtbot, dlg.check_button)
        assert not dlg.isVisible()
        return dlg.result()

    dialogs.modal_results.append(drive)
    window.menus.act_certs.trigger()
    assert seen == ["due (6 questions)"]  # three content areas, two each
    st = window.exam.state
    assert window.pages.currentWidget() is window.exam
    assert st.mode == "practice" and len(st.items) == 6
    assert window.settings.practice_count == remembered
    window.exam.leave()
    window.services.exams.submit(st.attempt_id, elapsed_s=60)

    def reopen(dlg: CertificationsDialog) -> int:
        qtbot.addWidget(dlg)
        row = next(r for r in range(dlg.status.rowCount()) if dlg.status.item(r, 0).text() == "X1")
        seen.append(dlg.status.item(row, CHECK_COLUMN).text())
        return 0

    dialogs.modal_results.append(reopen)
    window.go_home()
    window.menus.act_certs.trigger()
    assert seen[-1] == f"done {local_date(fake_now()).isoformat()}"


def test_the_days_to_the_test_are_counted_in_words_that_agree(
    window: MainWindow, fake_now: Any, monkeypatch: Any
) -> None:
    """'1 day', '2 days'; in Spanish '1 día', '2 días' (Qt's plural forms, not '(s)')."""
    from app.domain.i18n import Language

    def booked_in(days: int) -> str:
        window.services.plans.save_settings(
            profile_of(window),
            "X1",
            test_date=fake_now().date() + timedelta(days=days),
            weekdays=frozenset(range(7)),
            minutes=30,
        )
        window.refresh_home()
        return str(window.home.today_label.text())

    assert "(1 day)." in booked_in(1) and "(2 days)." in booked_in(2)
    from app import resources
    from tests.ui.test_translations import I18N

    monkeypatch.setattr(resources, "translations_dir", lambda: I18N)  # this checkout's
    monkeypatch.delenv("BAYREADY_LANG")
    try:
        window.set_language(Language.SPANISH)
        assert "1 día)." in booked_in(1) and "2 días)." in booked_in(2)
        from app.ui.plan_dialog import day_text

        # the UI language's QLocale names, the catalogue's order: not strftime's English month
        assert day_text(date(2026, 12, 7)) == "lun 7 de diciembre"
    finally:
        window.translators.apply(Language.ENGLISH)
