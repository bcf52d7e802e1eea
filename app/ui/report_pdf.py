"""The weak-area report as a PDF, drawn with Qt's PDF writer (charts included as images)."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from app.services.exports import write_export
from app.services.plans import ReportAppendix
from app.services.reports import WeakAreaReport
from app.ui.progress_page import band_text, readiness_text
from app.ui.text import SafeDocument, esc, literal


def _png(view: object, size: QSize) -> bytes:
    """The chart drawn at twice its size, so axis labels stay sharp and readable on paper."""
    from PySide6.QtCharts import QChartView
    from PySide6.QtGui import QColor, QPainter, QPixmap

    assert isinstance(view, QChartView)
    chart = view.chart()
    chart.setGeometry(QRectF(0, 0, size.width(), size.height()))
    pm = QPixmap(size * 2)
    pm.fill(QColor("white"))
    painter = QPainter(pm)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.scene().setSceneRect(QRectF(0, 0, size.width(), size.height()))
    view.scene().render(painter, QRectF(0, 0, size.width() * 2, size.height() * 2))
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    pm.save(buf, "PNG")
    return bytes(data.data())


Breaks = dict[str, set[int]]  # table name -> data rows that start a new page (and table)
AREA_HEAD = (
    "<tr><th width='8%'>Area</th><th width='34%'>Title</th><th width='10%'>Items</th>"
    "<th width='12%'>Answered</th><th width='20%'>Mastery (80 % band)</th>"
    "<th width='16%'>Seconds per item</th></tr>"
)
TASK_HEAD = (
    "<tr><th width='14%'>Task</th><th width='56%'>Text</th><th width='12%'>Answered</th>"
    "<th width='18%'>Mastery</th></tr>"
)


def _table(name: str, title: str, head: str, rows: list[str], breaks: Breaks, pad: int) -> str:
    """One table, cut into a new table with its own header on a new page before every break."""
    out, start = [], 0
    cuts = sorted(b for b in breaks.get(name, set()) if 0 < b < len(rows))
    for cut in [*cuts, len(rows)]:
        if start:  # a break on the table itself would draw its border across the page gap
            out.append(f"<p style='page-break-before: always'><b>{title} (continued)</b></p>")
        out.append(
            # cell borders, no table frame: Qt draws a frame across the page gap
            f"<table border='0' cellspacing='0' cellpadding='{pad}' width='100%' "
            "style='border-collapse: collapse'>"
            f"<thead>{head}</thead>{''.join(rows[start:cut])}</table>"
        )
        start = cut
    return "".join(out)


def table_layout(r: WeakAreaReport, breaks: Breaks) -> list[tuple[str, int]]:
    """(table name, first data row) of every table report_html writes, in document order."""
    out: list[tuple[str, int]] = []
    for name, n in (("areas", len(r.areas)), ("tasks", len(r.tasks))):
        cuts = sorted(b for b in breaks.get(name, set()) if 0 < b < n)
        out.extend((name, first) for first in [0, *cuts])
    return out


def appendix_html(a: ReportAppendix | None, limit: int = 12) -> str:
    """Study plan and certifications: lists, not tables (the page-break pass counts tables)."""
    if a is None:
        return ""
    from app.ui.certifications_dialog import master_text, standing_text
    from app.ui.plan_dialog import day_text, session_text, weekday_names

    out = ["<h2>Study plan</h2>"]
    v = a.plan
    if v is None:
        out.append("<p>No plan for this test.</p>")
    else:
        st = v.settings
        booked = (
            f"test date {st.test_date.isoformat()} ({(st.test_date - v.plan.today).days} days)"
            if st.test_date
            else "no test date booked"
        )
        days = " ".join(weekday_names()[d] for d in sorted(st.weekdays))
        done = (
            f" Done {v.done_so_far} of {v.planned_so_far} planned evenings since "
            f"{esc(day_text(v.since))}."
            if v.stored
            else " Suggested plan (not saved yet)."
        )
        out.append(
            f"<p>{esc(booked)}; {esc(days)}; {st.minutes} minutes a session; goal "
            f"{esc(st.goal.value)}.{done} {esc(' '.join(v.plan.notes))}</p>"
        )
        items = "".join(
            f"<li>{esc(day_text(x.day))}: {esc(session_text(x))} ({x.minutes} min)</li>"
            for x in v.plan.sessions[:limit]
        )
        more = len(v.plan.sessions) - limit
        if more > 0:
            items += f"<li>... and {more} more sessions.</li>"
        out.append(f"<ul>{items or '<li>No sessions planned.</li>'}</ul>")
    out.append("<h2>Certifications</h2>")
    out.append("".join(f"<p>{esc(master_text(m))}</p>" for m in a.tracker.masters))
    certs = []
    for c in a.tracker.certifications:
        bits = [standing_text(c.standing)]
        if c.passed_on:
            bits.append(f"passed {c.passed_on.isoformat()}")
        if c.expires_on:
            bits.append(f"expires {c.expires_on.isoformat()}")
        if c.window_opens:
            bits.append(f"recertify from {c.window_opens.isoformat()}")
        if c.retake_from:
            bits.append(f"retake from {c.retake_from.isoformat()}")
        if c.lapse_costs:
            bits.append(f"a lapse would end {', '.join(c.lapse_costs)}")
        certs.append(f"<li><b>{esc(c.test_code)}</b>: {esc('; '.join(bits))}</li>")
    out.append(f"<ul>{''.join(certs) or '<li>None entered yet.</li>'}</ul>")
    return "".join(out)


def report_html(
    r: WeakAreaReport,
    generated: datetime | None = None,
    breaks: Breaks | None = None,
    appendix: ReportAppendix | None = None,
) -> str:
    breaks = breaks or {}
    when = (generated or datetime.now()).strftime("%Y-%m-%d %H:%M")
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
        f"{esc(s.reason)}; about {s.gain:.1f} items at stake</li>"
        for s in r.study_next
    )
    tasks = [
        f"<tr><td>{esc(t.code)}</td><td>{esc(t.text)}</td><td align='right'>{t.mastery.seen}"
        f"</td><td>{esc(band_text(t.mastery))}</td></tr>"
        for t in r.tasks
    ]
    mis = "".join(
        f"<li>{esc(m.uid)}: chose {esc(m.chosen_label)} ({esc(m.chosen_text)}) "
        f"{m.times} times. {esc(m.rationale)}</li>"
        for m in r.misconceptions[:10]
    )
    # <thead> makes Qt repeat the header row on every page a table runs onto
    return f"""
<h1>{esc(r.test_code)} {esc(r.test_title)}</h1>
<p>Weak-area report for <b>{literal(r.profile)}</b>, generated {when}.</p>
<p>{readiness_text(r)}</p>
<p>Spaced review: {r.review_due} missed questions due.</p>
<p><img src="mastery.png" width="{MASTERY_W}"></p>
<h2>Study next</h2><ol>{study or "<li>Answer some questions first.</li>"}</ol>
<h2>Content areas</h2>
<p>Seconds per item against a budget of {r.budget_per_item_s:.0f} s per item.</p>
{_table("areas", "Content areas", AREA_HEAD, rows, breaks, 4)}
<p><img src="trend.png" width="{TREND_W}"></p>
<h2>Tasks</h2>
{_table("tasks", "Tasks", TASK_HEAD, tasks, breaks, 3)}
<h2>Misconceptions</h2><ul>{mis or "<li>None yet.</li>"}</ul>
{appendix_html(appendix)}
"""


MASTERY_W, TREND_W = 640, 520  # document pixels; the charts are drawn at these sizes
CELL_CSS = "td, th { border: 1px solid #808080; }"
DOC_DPI = 96  # the document is laid out in 96-dpi pixels, then scaled to the printer
FOOTER_PX = 28


def split_rows(doc: QTextDocument) -> list[tuple[int, int]]:
    """(table index, row) of every table row that runs across a page boundary."""
    from PySide6.QtGui import QTextTable

    layout = doc.documentLayout()
    height = doc.pageSize().height()
    out = []
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    for ti, t in enumerate(tables):
        for row in range(t.format().headerRowCount(), t.rows()):
            top, bottom = float("inf"), 0.0
            for col in range(t.columns()):
                cell = t.cellAt(row, col)
                first = layout.blockBoundingRect(cell.firstCursorPosition().block())
                last = layout.blockBoundingRect(cell.lastCursorPosition().block())
                top, bottom = min(top, first.top()), max(bottom, last.bottom())
            if int(top // height) != int((bottom - 1) // height):
                out.append((ti, row))
    return out


def _document(
    r: WeakAreaReport,
    generated: datetime | None,
    charts: dict[str, bytes],
    page: QSizeF,
    appendix: ReportAppendix | None = None,
) -> QTextDocument:
    """The report laid out on pages; a table row that would run across a page starts the next
    page instead (Qt splits rows line by line), under a repeated header."""
    breaks: Breaks = {}
    for _ in range(200):  # each pass moves at least one row; reports have a few dozen
        doc = SafeDocument()
        for name, data in charts.items():
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), QByteArray(data))
        doc.setDefaultStyleSheet(CELL_CSS)
        doc.setHtml(report_html(r, generated, breaks, appendix))
        doc.setPageSize(page)
        split = split_rows(doc)
        if not split:
            return doc
        ti, row = split[0]
        name, first = table_layout(r, breaks)[ti]
        header_rows = 1
        breaks.setdefault(name, set()).add(first + row - header_rows)
    return doc


def pdf_bytes(
    r: WeakAreaReport,
    generated: datetime | None = None,
    appendix: ReportAppendix | None = None,
) -> bytes:
    """The report drawn as a PDF in memory; the document loads nothing but the two charts."""
    from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter

    from app.ui.charts import mastery_chart, trend_chart

    when = generated or datetime.now()
    charts = {
        "mastery.png": _png(mastery_chart(r.areas, r.target_percent), QSize(MASTERY_W, 330)),
        "trend.png": _png(trend_chart(r.trend, r.target_percent), QSize(TREND_W, 280)),
    }
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(f"BayReady {r.test_code} report - {r.profile}")
    writer.setCreator("BayReady")
    scale = writer.resolution() / DOC_DPI
    paint = writer.pageLayout().paintRectPixels(writer.resolution())
    width, height = paint.width() / scale, paint.height() / scale - FOOTER_PX
    doc = _document(r, when, charts, QSizeF(width, height), appendix)
    pages = doc.pageCount()
    painter = QPainter(writer)
    try:
        for n in range(pages):
            if n:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, -n * height)
            ctx = QAbstractTextDocumentLayout.PaintContext()
            ctx.clip = QRectF(0, n * height, width, height)
            doc.documentLayout().draw(painter, ctx)
            painter.restore()
            painter.save()
            painter.scale(scale, scale)
            font = painter.font()
            font.setPixelSize(11)
            painter.setFont(font)
            painter.drawText(
                QRectF(0, height + 8, width, FOOTER_PX - 8),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                f"BayReady - {r.test_code} - {when:%Y-%m-%d} - page {n + 1} of {pages}",
            )
            painter.restore()
    finally:
        painter.end()
    del writer  # finishes the PDF into the buffer
    buf.close()
    return bytes(data.data())


def write_pdf(
    r: WeakAreaReport,
    path: Path,
    generated: datetime | None = None,
    appendix: ReportAppendix | None = None,
) -> None:
    """Write the report. Qt's PDF writer drops a file it cannot open without a word, so the
    bytes are written here and a missing folder or a full disk raises ExportError."""
    write_export(path, pdf_bytes(r, generated, appendix))


def run_pdf_report(profile: str, test_code: str, output: Path, db_url: str) -> None:
    """`bayready report --format pdf`: needs Qt for drawing, so it lives in the ui package."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.services.setup import open_url

    app = QApplication.instance() or QApplication(["bayready"])
    services = open_url(db_url)
    try:
        report = services.reports.weak_area_report(profile, test_code)
        appendix = services.plans.report_appendix(profile, test_code)
    finally:
        services.close()
    write_pdf(report, output, appendix=appendix)
    del app
