"""The weak-area report view: charts, study next with Drill, review, and the PDF export."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.services.test_reports import sit_mock
from tests.ui.conftest import FakeDialogs


def test_progress_page_drill_and_review(
    qtbot: QtBot, window: Any, dialogs: FakeDialogs, fake_now: Any
) -> None:
    svc = window.services
    for _ in range(3):  # area C: 2 items a mock, so 6 answers - enough data
        sit_mock(svc, window.profile_id, "C")
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
    due = set(svc.reviews.due_question_ids(window.profile_id, "X1"))
    assert {i.question_id for i in st.items} == due
    window.exam.leave()


def test_pdf_export_renders(
    qtbot: QtBot, window: Any, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    sit_mock(window.services, window.profile_id, "B")
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
