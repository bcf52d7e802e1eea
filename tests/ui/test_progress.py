"""The weak-area report view: charts, study next with Drill, review, and the PDF export."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.services.test_reports import sit_mock
from tests.ui.conftest import FakeDialogs, profile_of

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def test_progress_page_drill_and_review(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs, fake_now: Any
) -> None:
    svc = window.services
    for _ in range(3):  # area C: 2 items a mock, so 6 answers - enough data
        sit_mock(svc, profile_of(window), "C")
        fake_now.advance(86400)
    window.refresh_home()
    assert window.home.model.due.get("X1", 0) > 0
    assert window.home.review.isEnabled() and "due" in window.home.review.text()
    qtbot.mouseClick(window.home.progress, Qt.MouseButton.LeftButton)
    page = window.progress
    assert window.pages.currentWidget() is page
    r = page.report
    assert r.weakest_area == "C"
    assert (
        "Readiness:" in page.summary.text() and f"from {r.responses} answers" in page.summary.text()
    )
    charts = page.findChildren(QChartView)
    assert len(charts) == 2
    bar_chart = page.mastery_view.chart()
    assert len(bar_chart.series()) == 3  # bars, bands, target line
    assert page.study.item(0, 0).text().startswith("Area C")
    assert page.detail.rowCount() == 3 + 6  # areas + tasks
    # Drill starts practice on exactly that area, missed items first
    qtbot.mouseClick(page.drill_buttons[0], Qt.MouseButton.LeftButton)
    st = window.exam.state
    assert st.mode == "practice" and {i.area for i in st.items} == {"C"}
    window.exam.leave()
    # spaced review from the progress page
    window.show_progress("X1")
    qtbot.mouseClick(page.review, Qt.MouseButton.LeftButton)
    st = window.exam.state
    due = set(svc.reviews.due_question_ids(profile_of(window), "X1"))
    assert {i.question_id for i in st.items} == due
    window.exam.leave()


def test_pdf_export_renders(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    sit_mock(window.services, profile_of(window), "B")
    window.show_progress("X1")
    target = tmp_path / "report.pdf"
    dialogs.text_answers = [str(target)]
    qtbot.mouseClick(window.progress.pdf, Qt.MouseButton.LeftButton)
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5000
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) not installed")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(target), str(tmp_path / "page")],
        check=True,
    )
    assert (tmp_path / "page-1.png").stat().st_size > 2000


def test_study_next_says_why_the_lowest_area_is_not_first(qtbot: QtBot, window: MainWindow) -> None:
    """Area C (2 items) never right, area A (4 items) half right: A costs more items, the page
    says so above the list."""
    svc = window.services
    for _ in range(2):
        st = svc.exams.start_mock(profile_of(window), "X1")
        seen_a = 0
        for item in st.items:
            right = item.area == "B" or (item.area == "A" and seen_a % 2 == 0)
            seen_a += item.area == "A"
            pick = item.key if right else (item.key + 1) % 4
            svc.exams.record_response(
                st.attempt_id, item.position, pick, elapsed_s=1, item_seconds=1
            )
        svc.exams.submit(st.attempt_id, elapsed_s=60)
    window.refresh_home()
    qtbot.mouseClick(window.home.progress, Qt.MouseButton.LeftButton)
    page = window.progress
    assert page.report.study_next[0].key == "A" and page.report.weakest_area == "C"
    title = page.study_title.text()
    assert "ranked by the items each is expected to cost you" in title
    assert "Area C has your lowest mastery, but it has only 2 items" in title
    assert page.study.horizontalHeaderItem(2).text() == "Items at stake"
    assert page.study.item(0, 1).text().startswith("you lose about")
