"""The weak-area report as a PDF, drawn with Qt's PDF writer (charts included as images)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSize, QUrl
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from app.services.exports import write_export
from app.services.reports import WeakAreaReport
from app.ui.progress_page import band_text, readiness_text
from app.ui.text import SafeDocument, esc, literal


def _png(view: object, size: QSize) -> bytes:
    from PySide6.QtCharts import QChartView

    assert isinstance(view, QChartView)
    view.resize(size)
    pm = view.grab()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    pm.save(buf, "PNG")
    return bytes(data.data())


def report_html(r: WeakAreaReport) -> str:
    """The report as rich text: every bank and user string goes through `esc`."""
    rows = []
    for a in r.areas:
        rows.append(
            f"<tr><td><b>{esc(a.letter)}</b></td><td>{esc(a.title)}</td>"
            f"<td align='right'>{a.scored_count}</td><td align='right'>"
            f"{a.mastery.seen}</td><td>{esc(band_text(a.mastery))}</td>"
            f"<td align='right'>{a.seconds_per_item:.0f} s</td></tr>"
        )
    study = "".join(
        f"<li><b>{esc(s.kind.title())} {esc(s.key)}</b> {esc(s.title)} - "
        f"{esc(s.reason)}; expected gain {s.gain:.1f} items</li>"
        for s in r.study_next
    )
    tasks = "".join(
        f"<tr><td>{esc(t.code)}</td><td>{esc(t.text)}</td><td align='right'>{t.mastery.seen}"
        f"</td><td>{esc(band_text(t.mastery))}</td></tr>"
        for t in r.tasks
    )
    mis = "".join(
        f"<li>{esc(m.uid)}: chose {esc(m.chosen_label)} ({esc(m.chosen_text)}) "
        f"{m.times} times. {esc(m.rationale)}</li>"
        for m in r.misconceptions[:10]
    )
    return f"""
<h1>{esc(r.test_code)} {esc(r.test_title)}</h1>
<p>Weak-area report for <b>{literal(r.profile)}</b>.</p>
<p>{readiness_text(r)}</p>
<p>Spaced review: {r.review_due} missed questions due.</p>
<p><img src="mastery.png" width="560"></p>
<h2>Study next</h2><ol>{study or "<li>Answer some questions first.</li>"}</ol>
<h2>Content areas</h2>
<table border="1" cellspacing="0" cellpadding="4" width="100%">
<tr><th>Area</th><th>Title</th><th>Scored items</th><th>Answered</th><th>Mastery (80 % band)</th>
<th>Seconds per item (budget {r.budget_per_item_s:.0f} s)</th></tr>{"".join(rows)}</table>
<p><img src="trend.png" width="440"></p>
<h2>Tasks</h2>
<table border="1" cellspacing="0" cellpadding="3" width="100%">
<tr><th>Task</th><th>Text</th><th>Answered</th><th>Mastery</th></tr>{tasks}</table>
<h2>Misconceptions</h2><ul>{mis or "<li>None yet.</li>"}</ul>
"""


def pdf_bytes(r: WeakAreaReport) -> bytes:
    """The report drawn as a PDF in memory; the document loads nothing but the two charts."""
    from app.ui.charts import mastery_chart, trend_chart

    doc = SafeDocument()
    doc.addResource(
        QTextDocument.ResourceType.ImageResource,
        QUrl("mastery.png"),
        QByteArray(_png(mastery_chart(r.areas, r.target_percent), QSize(900, 420))),
    )
    doc.addResource(
        QTextDocument.ResourceType.ImageResource,
        QUrl("trend.png"),
        QByteArray(_png(trend_chart(r.trend, r.target_percent), QSize(700, 360))),
    )
    doc.setHtml(report_html(r))
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(f"BayReady {r.test_code} report - {r.profile}")
    writer.setCreator("BayReady")
    doc.print_(writer)
    del writer  # finishes the PDF into the buffer
    buf.close()
    return bytes(data.data())


def write_pdf(r: WeakAreaReport, path: Path) -> None:
    """Write the report. Qt's PDF writer drops a file it cannot open without a word, so the
    bytes are written here and a missing folder or a full disk raises ExportError."""
    write_export(path, pdf_bytes(r))


def run_pdf_report(profile: str, test_code: str, output: Path, db_url: str) -> None:
    """`bayready report --format pdf`: needs Qt for drawing, so it lives in the ui package."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.services.reports import ReportService
    from app.services.setup import utc_now
    from app.storage.database import Database

    app = QApplication.instance() or QApplication(["bayready"])
    db = Database(db_url)
    try:
        db.upgrade()
        report = ReportService(db, utc_now).weak_area_report(profile, test_code)
    finally:
        db.dispose()
    write_pdf(report, output)
    del app
