"""Score report and progress page: question text in the list, the study-plan link, no verdict on a
practice, empty states, readable headers; dark-mode colours; the PDF's pages."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import app.ui.theme as theme
from tests.services.test_reports import sit_mock
from tests.ui.conftest import profile_of

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]


def _practice_report(window: MainWindow) -> Any:
    svc = window.services
    st = svc.exams.start_practice(profile_of(window), "X1", count=10)
    for it in st.items[:6]:
        svc.exams.record_response(st.attempt_id, it.position, it.key, elapsed_s=5, item_seconds=5)
    return svc.exams.submit(st.attempt_id, elapsed_s=60)


def test_practice_report_has_no_verdict_and_mock_report_has_one(window: MainWindow) -> None:
    window.show_report(_practice_report(window))
    heading = window.report.heading.text()
    assert "Estimated result" not in heading and "PASS" not in heading
    assert "no pass estimate from 10 questions" in heading
    svc = window.services
    st = svc.exams.start_mock(profile_of(window), "X1")
    window.show_report(svc.exams.submit(st.attempt_id, elapsed_s=60))
    assert "Estimated result: NOT YET" in window.report.heading.text()


def test_report_list_shows_question_text(window: MainWindow) -> None:
    report = _practice_report(window)
    window.show_report(report)
    page = window.report
    page.filter.setCurrentIndex(0)
    first = page.items.item(0)
    item = report.state.items[int(first.data(Qt.ItemDataRole.UserRole))]
    words = " ".join(item.stem.split())[:30]
    assert first.text().startswith(f"Q{item.position + 1} - ")
    assert words in first.text().split("\n", 1)[1]


def test_report_list_wraps_instead_of_scrolling_sideways(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1000, 640)
    window.show_report(_practice_report(window))
    page = window.report
    page.filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.items.isVisible())
    width = page.items.viewport().width()
    assert page.items.horizontalScrollBar().maximum() == 0
    for row in range(page.items.count()):
        assert page.items.visualItemRect(page.items.item(row)).width() <= width


def test_report_links_to_the_study_plan(qtbot: QtBot, window: MainWindow) -> None:
    window.show_report(_practice_report(window))
    qtbot.mouseClick(window.report.study_plan, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.progress
    assert window.progress.report.test_code == "X1"


def test_progress_empty_state_says_no_answers_yet(window: MainWindow) -> None:
    window.show_progress("X1")
    page = window.progress
    bands = {page.detail.item(r, 4).text() for r in range(page.detail.rowCount())}
    assert bands == {"no answers yet"}
    chart = page.mastery_view.chart()
    assert chart.title() == "Mastery per content area: no answers yet"
    bars = chart.series()[0].barSets()[0]
    assert [bars.at(i) for i in range(bars.count())] == [0.0, 0.0, 0.0]  # not the prior's 50 %
    x = chart.axes(Qt.Orientation.Horizontal)[0]
    assert x.categories() == ["A", "B", "C"]  # the title says it; long labels were cut at 1000 px
    assert x.titleText() == ""
    assert page.trend_view.chart().title().endswith("no mocks yet")


def test_mastery_chart_marks_thin_and_unanswered_areas_with_short_notes(window: MainWindow) -> None:
    svc = window.services
    st = svc.exams.start_practice(profile_of(window), "X1", count=16)
    in_a = [it for it in st.items if it.area == "A"][:5]
    in_b = [it for it in st.items if it.area == "B"][:2]
    assert len(in_a) == 5 and len(in_b) == 2
    for it in in_a + in_b:
        svc.exams.record_response(st.attempt_id, it.position, it.key, elapsed_s=5, item_seconds=5)
    svc.exams.submit(st.attempt_id, elapsed_s=60)
    window.resize(1000, 640)
    window.show_progress("X1")
    x = window.progress.mastery_view.chart().axes(Qt.Orientation.Horizontal)[0]
    assert x.categories() == ["A", "B*", "C†"]
    assert x.titleText() == "* fewer than 5 answers   † no answers yet"
    summary = window.progress.summary.text()
    assert "from 7 answers" in summary
    assert "No answers yet in 1 content area (C): its part of this estimate" in summary


def test_readiness_names_every_unanswered_area(window: MainWindow) -> None:
    svc = window.services
    st = svc.exams.start_practice(profile_of(window), "X1", count=16)
    it = next(it for it in st.items if it.area == "A")
    svc.exams.record_response(st.attempt_id, it.position, it.key, elapsed_s=5, item_seconds=5)
    svc.exams.submit(st.attempt_id, elapsed_s=60)
    window.show_progress("X1")
    assert "No answers yet in 2 content areas (B, C): their part" in window.progress.summary.text()
    sit_mock(window.services, profile_of(window), "B")
    window.show_progress("X1")
    assert "No answers yet in" not in window.progress.summary.text()


def test_areas_and_tasks_headers_are_not_clipped(window: MainWindow) -> None:
    sit_mock(window.services, profile_of(window), "B")
    window.resize(1000, 640)
    window.show_progress("X1")
    page = window.progress
    page.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    header = page.detail.horizontalHeader()
    metrics = header.fontMetrics()
    for col in range(page.detail.columnCount()):
        text = page.detail.horizontalHeaderItem(col).text()
        assert header.sectionSize(col) >= metrics.horizontalAdvance(text), text


def test_long_profile_name_is_elided_in_the_progress_heading(window: MainWindow) -> None:
    long = "Maximilian-Alexander Featherstonehaugh-Cholmondeley of Lower Wallop the Third"
    window.profile_id = window.services.profiles.create(long).profile_id
    window.show_progress("X1")
    heading = window.progress.heading.text()
    assert long not in heading and "…" in heading


# -- dark mode ------------------------------------------------------------------------------------
def _contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("dark", [False, True])
def test_status_colours_are_readable_in_both_schemes(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, dark: bool
) -> None:
    monkeypatch.setattr(theme, "is_dark", lambda: dark)
    theme.apply_theme(qapp)
    window = qapp.palette().color(QPalette.ColorRole.Window)
    base = qapp.palette().color(QPalette.ColorRole.Base)
    for kind in ("good", "bad", "warn", "muted"):
        for bg in (window, base):
            assert _contrast(QColor(theme.colour(kind)), bg) >= 4.5, (kind, dark)
    assert "QRadioButton:checked" in qapp.styleSheet()
    if dark:  # greyed-out text (a disabled option, a button) stays readable
        grey = qapp.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        assert _contrast(grey, window) >= 4.5
    monkeypatch.setattr(theme, "is_dark", lambda: False)
    theme.apply_theme(qapp)


def test_env_override_forces_the_scheme(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAYREADY_THEME", "dark")
    assert theme.is_dark()
    monkeypatch.setenv("BAYREADY_THEME", "light")
    assert not theme.is_dark()


def test_charts_follow_dark_mode(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCharts import QChart

    monkeypatch.setattr(theme, "is_dark", lambda: True)
    window.show_progress("X1")
    chart = window.progress.mastery_view.chart()
    assert chart.theme() == QChart.ChartTheme.ChartThemeDark
    assert chart.backgroundBrush().color().lightness() < 100


# -- PDF ------------------------------------------------------------------------------------------
def test_pdf_rows_never_split_and_headers_repeat(window: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtCore import QSizeF

    from app.ui import report_pdf

    svc = window.services
    svc.banks.import_file(REPO / "question_banks" / "a1-engine-repair.yaml")
    r = svc.reports.weak_area_report(profile_of(window), "A1")
    assert len(r.tasks) > 30
    when = datetime(2026, 11, 1, 9, 30)
    charts = {"mastery.png": b"", "trend.png": b""}
    page = QSizeF(680, 980)
    from PySide6.QtGui import QTextDocument

    naive = QTextDocument()
    naive.setDefaultStyleSheet(report_pdf.CELL_CSS)
    naive.setHtml(report_pdf.report_html(r, when))
    naive.setPageSize(page)
    assert report_pdf.split_rows(naive), "the test needs a report whose rows Qt would split"
    doc = report_pdf._document(r, when, charts, page)
    assert report_pdf.split_rows(doc) == []
    target = tmp_path / "a1.pdf"
    report_pdf.write_pdf(r, target, generated=when)
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    assert "generated 2026-11-01 09:30" in pages[0]
    n = len([p for p in pages if p.strip()])
    assert n >= 2 and f"page {n} of {n}" in pages[n - 1]
    with_task_header = [p for p in pages if "Task" in p and "Mastery" in p and "Answered" in p]
    assert len(with_task_header) >= 2  # the tasks table's header on every page it runs onto
    assert "Tasks (continued)" in text or len(with_task_header) >= 2
