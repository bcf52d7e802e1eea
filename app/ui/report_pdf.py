"""The weak-area report as a PDF, drawn with Qt's PDF writer (charts included as images)."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from app.domain.i18n import Language
from app.services.exports import write_export
from app.services.plans import ReportAppendix
from app.services.reports import WeakAreaReport
from app.ui.progress_page import band_text, readiness_text
from app.ui.text import SafeDocument, esc, literal
from app.ui.translation import Counts, translated

translate = QCoreApplication.translate


ReportPdf = Counts("ReportPdf")  # the report's texts with a count


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


def _head(*columns: tuple[str, int]) -> str:
    return "<tr>" + "".join(f"<th width='{w}%'>{esc(t)}</th>" for t, w in columns) + "</tr>"


def area_head() -> str:
    return _head(
        (translate("ReportPdf", "Area"), 8),
        (translate("ReportPdf", "Title"), 34),
        (translate("ReportPdf", "Items"), 10),
        (translate("ReportPdf", "Answered"), 12),
        (translate("ReportPdf", "Mastery (80 % band)"), 20),
        (translate("ReportPdf", "Seconds per item"), 16),
    )


def task_head() -> str:
    return _head(
        (translate("ReportPdf", "Task"), 14),
        (translate("ReportPdf", "Text"), 56),
        (translate("ReportPdf", "Answered"), 12),
        (translate("ReportPdf", "Mastery"), 18),
    )


def _table(name: str, title: str, head: str, rows: list[str], breaks: Breaks, pad: int) -> str:
    """One table, cut into a new table with its own header on a new page before every break."""
    out, start = [], 0
    cuts = sorted(b for b in breaks.get(name, set()) if 0 < b < len(rows))
    for cut in [*cuts, len(rows)]:
        if start:  # a break on the table itself would draw its border across the page gap
            more = translate("ReportPdf", "{0} (continued)").format(title)
            out.append(f"<p style='page-break-before: always'><b>{more}</b></p>")
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
    from app.ui.plan_dialog import day_text, goal_name, session_text, weekday_names

    out = ["<h2>" + translate("ReportPdf", "Study plan") + "</h2>"]
    v = a.plan
    if v is None:
        out.append("<p>" + translate("ReportPdf", "No plan for this test.") + "</p>")
    else:
        st = v.settings
        booked = (
            ReportPdf.tr(
                "test date {0} (%n day(s))", "", (st.test_date - v.plan.today).days
            ).format(st.test_date.isoformat())
            if st.test_date
            else translate("ReportPdf", "no test date booked")
        )
        days = " ".join(weekday_names()[d] for d in sorted(st.weekdays))
        done = (
            " "
            + translate("ReportPdf", "Done {0} of {1} planned evenings since {2}.").format(
                v.done_so_far, v.planned_so_far, esc(day_text(v.since))
            )
            if v.stored
            else " " + translate("ReportPdf", "Suggested plan (not saved yet).")
        )
        session = ReportPdf.tr("%n minute(s) a session", "", st.minutes)
        goal = translate("ReportPdf", "goal {0}").format(esc(goal_name(st.goal)))
        out.append(
            f"<p>{esc(booked)}; {esc(days)}; {esc(session)}; {goal}.{done} "
            f"{esc(' '.join(translated(n) for n in v.plan.notes))}</p>"
        )
        items = "".join(
            f"<li>{esc(day_text(x.day))}: {esc(session_text(x))} ({x.minutes} min)</li>"
            for x in v.plan.sessions[:limit]
        )
        more = len(v.plan.sessions) - limit
        if more > 0:
            items += "<li>" + ReportPdf.tr("... and %n more session(s)", "", more) + ".</li>"
        none = "<li>" + translate("ReportPdf", "No sessions planned.") + "</li>"
        out.append(f"<ul>{items or none}</ul>")
    out.append("<h2>" + translate("ReportPdf", "Certifications") + "</h2>")
    out.append("".join(f"<p>{esc(master_text(m))}</p>" for m in a.tracker.masters))
    certs = []
    for c in a.tracker.certifications:
        bits = [standing_text(c.standing)]
        if c.passed_on:
            bits.append(translate("ReportPdf", "passed {0}").format(c.passed_on.isoformat()))
        if c.expires_on:
            bits.append(translate("ReportPdf", "expires {0}").format(c.expires_on.isoformat()))
        if c.window_opens:
            bits.append(
                translate("ReportPdf", "recertify from {0}").format(c.window_opens.isoformat())
            )
        if c.retake_from:
            bits.append(translate("ReportPdf", "retake from {0}").format(c.retake_from.isoformat()))
        if c.lapse_costs:
            bits.append(
                translate("ReportPdf", "a lapse would end {0}").format(", ".join(c.lapse_costs))
            )
        certs.append(f"<li><b>{esc(c.test_code)}</b>: {esc('; '.join(bits))}</li>")
    none = "<li>" + translate("ReportPdf", "None entered yet.") + "</li>"
    out.append(f"<ul>{''.join(certs) or none}</ul>")
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
    area, task = translate("ReportPdf", "Area"), translate("ReportPdf", "Task")
    stake = translate("ReportPdf", "about {0:.1f} items at stake")
    study = "".join(
        f"<li><b>{esc(area if s.kind == 'area' else task)} {esc(s.key)}</b> {esc(s.title)} - "
        f"{esc(translated(s.reason))}; {esc(stake.format(s.gain))}</li>"
        for s in r.study_next
    )
    tasks = [
        f"<tr><td>{esc(t.code)}</td><td>{esc(t.text)}</td><td align='right'>{t.mastery.seen}"
        f"</td><td>{esc(band_text(t.mastery))}</td></tr>"
        for t in r.tasks
    ]
    mis = "".join(
        "<li>"
        + ReportPdf.tr("{0}: chose {1} ({2}) %n time(s).", "", m.times).format(
            esc(m.uid), esc(m.chosen_label), esc(m.chosen_text)
        )
        + f" {esc(m.rationale)}</li>"
        for m in r.misconceptions[:10]
    )
    areas_title, tasks_title = (
        translate("ReportPdf", "Content areas"),
        translate("ReportPdf", "Tasks"),
    )
    study_next = translate("ReportPdf", "Study next")
    misconceptions = translate("ReportPdf", "Misconceptions")
    none_yet = "<li>" + translate("ReportPdf", "None yet.") + "</li>"
    answer_first = "<li>" + translate("ReportPdf", "Answer some questions first.") + "</li>"
    for_whom = translate("ReportPdf", "Weak-area report for <b>{0}</b>, generated {1}.").format(
        literal(r.profile), when
    )
    due = ReportPdf.tr("Spaced review: %n missed question(s) due.", "", r.review_due)
    budget = translate(
        "ReportPdf", "Seconds per item against a budget of {0:.0f} s per item."
    ).format(r.budget_per_item_s)
    # <thead> makes Qt repeat the header row on every page a table runs onto
    return f"""
<h1>{esc(r.test_code)} {esc(r.test_title)}</h1>
<p>{for_whom}</p>
<p>{readiness_text(r)}</p>
<p>{due}</p>
<p><img src="mastery.png" width="{MASTERY_W}"></p>
<h2>{study_next}</h2><ol>{study or answer_first}</ol>
<h2>{areas_title}</h2>
<p>{budget}</p>
{_table("areas", areas_title, area_head(), rows, breaks, 4)}
<p><img src="trend.png" width="{TREND_W}"></p>
<h2>{tasks_title}</h2>
{_table("tasks", tasks_title, task_head(), tasks, breaks, 3)}
<h2>{misconceptions}</h2><ul>{mis or none_yet}</ul>
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
    writer.setTitle(
        translate("ReportPdf", "BayReady {0} report - {1}").format(r.test_code, r.profile)
    )
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
                translate("ReportPdf", "BayReady - {0} - {1} - page {2} of {3}").format(
                    r.test_code, f"{when:%Y-%m-%d}", n + 1, pages
                ),
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


def run_pdf_report(
    profile: str, test_code: str, output: Path, db_url: str, *, language: str | None = None
) -> Language:
    """`bayready report --format pdf`: needs Qt for drawing, so it lives in the ui package.
    Returns the language the report was written in (the command's messages follow it)."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.services.setup import open_url

    app = QApplication.instance() or QApplication(["bayready"])
    from app.domain.i18n import parse_language
    from app.ui.translation import Translators, startup_language

    services = open_url(db_url)
    try:
        found = services.profiles.find(profile)
        translators = Translators()  # --lang, BAYREADY_LANG, the profile's, the system's
        translators.apply(
            parse_language(language) or startup_language(found.language if found else None)
        )
        report = services.reports.weak_area_report(
            profile, test_code, language=translators.language.value
        )
        appendix = services.plans.report_appendix(
            profile, test_code, language=translators.language.value
        )
    finally:
        services.close()
    write_pdf(report, output, appendix=appendix)
    del app
    return translators.language
