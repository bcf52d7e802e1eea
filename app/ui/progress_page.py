"""Weak-area report: readiness, study next with Drill buttons, charts, areas and tasks with bands,
pacing, misconceptions, spaced review, and PDF/CSV export."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.mastery import Mastery
from app.services.reports import TrendPoint, WeakAreaReport
from app.ui.elide import elided
from app.ui.error_types_view import error_types_html
from app.ui.lucky_guesses import LuckyGuessesView
from app.ui.text import SafeTextBrowser, esc, literal
from app.ui.theme import whole_tab_labels
from app.ui.translation import Counts, translated

translate = QCoreApplication.translate


ProgressTexts = Counts("ProgressTexts")  # texts with a count outside the page


def band_text(m: Mastery) -> str:
    if m.seen == 0:
        return translate("ProgressPage", "no answers yet")  # not the prior's 50 %
    if not m.enough_data:
        return translate("ProgressPage", "not enough data ({0})").format(m.seen)
    return f"{m.estimate * 100:.0f} % ({m.low * 100:.0f}-{m.high * 100:.0f})"


def readiness_text(r: WeakAreaReport) -> str:
    rd = r.readiness
    if r.responses == 0:
        return translate(
            "ProgressPage",
            "No answers yet for this test. Sit a mock exam or a practice set and this page "
            "will show how ready you are and what to study next.",
        )
    text = ProgressTexts.tr(
        "<b>Readiness: {0:.0f} %</b> estimated chance of reaching the {1:.0f} % target on a "
        "full {2} form. Expected score {3:.0f} % (80 % range {4:.0f}-{5:.0f} %), from %n "
        "answer(s). The target is an estimate: ASE publishes no passing percentage.",
        "",
        r.responses,
    ).format(
        rd.probability * 100,
        r.target_percent,
        esc(r.test_code),
        rd.expected_percent,
        rd.low_percent,
        rd.high_percent,
    )
    unanswered = [a for a in r.areas if a.mastery.seen == 0]
    if unanswered:  # a high figure from a few answers in one area must not read as a measurement
        text += " " + ProgressTexts.tr(
            "No answers yet in %n content area(s) ({0}): their part of this estimate comes from "
            "your other areas, so answer some of their questions before you trust it.",
            "",
            len(unanswered),
        ).format(", ".join(esc(a.letter) for a in unanswered))
    return text


def attempts_text(r: WeakAreaReport) -> str:
    """Full mocks and recertification forms, counted apart (the trend chart shows mocks)."""

    def part(points: tuple[TrendPoint, ...]) -> str:
        if not points:
            return translate("ProgressPage", "none yet")
        last = points[-1]
        if last.passed:
            verdict = translate("ProgressPage", "passed")
        else:
            verdict = translate("ProgressPage", "below target")
        return ProgressTexts.tr("%n sat, last {0:.0f} % ({1})", "", len(points)).format(
            last.percent, verdict
        )

    if not r.trend and not r.recert_trend:
        return ""
    return translate("ProgressPage", "Full mock exams: {0}. Recertification tests: {1}.").format(
        part(r.trend), part(r.recert_trend)
    )


class ProgressPage(QWidget):
    drill_requested = Signal(str, str, str)  # test code, "area"|"task", key
    review_requested = Signal(str)
    home_requested = Signal()
    export_requested = Signal(str)  # "pdf" | "csv"

    def __init__(self) -> None:
        super().__init__()
        self.report: WeakAreaReport | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 10, 16, 10)
        top = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setMinimumWidth(1)  # a long name must not push the buttons off
        top.addWidget(self.heading, 1)
        self.pdf = QPushButton(self.tr("Export PDF..."))
        self.csv = QPushButton(self.tr("Export CSV..."))
        self.home = QPushButton(self.tr("Back to home"))
        self.pdf.clicked.connect(lambda: self.export_requested.emit("pdf"))
        self.csv.clicked.connect(lambda: self.export_requested.emit("csv"))
        self.home.clicked.connect(self.home_requested)
        for b in (self.pdf, self.csv, self.home):
            top.addWidget(b)
        outer.addLayout(top)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAccessibleName(self.tr("Readiness"))
        outer.addWidget(self.summary)
        review_row = QHBoxLayout()
        self.review_label = QLabel()
        self.review = QPushButton(self.tr("Start review"))
        self.review.clicked.connect(self._on_review_clicked)
        review_row.addWidget(self.review_label)
        review_row.addWidget(self.review)
        review_row.addStretch(1)
        outer.addLayout(review_row)

        self.tabs = QTabWidget()
        whole_tab_labels(self.tabs)
        outer.addWidget(self.tabs, 1)
        overview = QWidget()
        ov = QVBoxLayout(overview)
        ov.setContentsMargins(4, 4, 4, 4)
        self.charts_row = QHBoxLayout()
        ov.addLayout(self.charts_row, 3)
        self.study_title = QLabel()
        self.study_title.setWordWrap(True)
        ov.addWidget(self.study_title)
        self.study = QTableWidget(0, 4)
        self.study.setHorizontalHeaderLabels(
            [self.tr("What"), self.tr("Why"), self.tr("Items at stake"), ""]
        )
        self.study.verticalHeader().setVisible(False)
        self.study.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.study.setAccessibleName(self.tr("Study next"))
        h = self.study.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        ov.addWidget(self.study, 2)
        self.tabs.addTab(overview, self.tr("Overview"))

        self.detail = QTableWidget(0, 6)
        self.detail.setHorizontalHeaderLabels(
            [
                self.tr("Area / task"),
                self.tr("Title"),
                self.tr("Answered"),
                self.tr("Right"),
                self.tr("Mastery (80 % band)"),
                self.tr("Seconds per item"),
            ]
        )
        self.detail.verticalHeader().setVisible(False)
        self.detail.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.detail.setAccessibleName(self.tr("Mastery per area and task"))
        dh = self.detail.horizontalHeader()
        for col in (0, 2, 3, 4, 5):  # every header readable; the title takes the rest
            dh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        dh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        dh.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.addTab(self.detail, self.tr("Areas and tasks"))

        self.misconceptions = SafeTextBrowser()
        self.misconceptions.setAccessibleName(self.tr("Misconceptions"))
        self.tabs.addTab(self.misconceptions, self.tr("Misconceptions"))
        self.lucky = LuckyGuessesView()
        self.tabs.addTab(self.lucky, self.tr("Lucky guesses"))
        self.drill_buttons: list[QPushButton] = []

    def show_report(self, r: WeakAreaReport) -> None:
        self.report = r
        self.heading.setText(
            "<h2>"
            + self.tr("{0} {1} - progress of {2}").format(
                esc(r.test_code), esc(r.test_title), literal(elided(self.heading, r.profile))
            )
            + "</h2>"
        )
        attempts = attempts_text(r)
        self.summary.setText(readiness_text(r) + (f"<br>{esc(attempts)}" if attempts else ""))
        self.review_label.setText(
            self.tr("Spaced review: <b>%n</b> missed question(s) due now.", "", r.review_due)
        )
        self.review.setEnabled(r.review_due > 0)
        self._charts(r)
        self._study(r)
        self._detail(r)
        self._misconceptions(r)
        self.lucky.show_report(r)

    def _charts(self, r: WeakAreaReport) -> None:
        from app.ui.charts import mastery_chart, trend_chart

        while self.charts_row.count():
            item = self.charts_row.takeAt(0)
            w = item.widget() if item else None
            if w is not None:
                w.deleteLater()
        self.mastery_view = mastery_chart(r.areas, r.target_percent)
        self.trend_view = trend_chart(r.trend, r.target_percent)
        self.charts_row.addWidget(self.mastery_view, 3)
        self.charts_row.addWidget(self.trend_view, 2)

    def _study(self, r: WeakAreaReport) -> None:
        title = self.tr(
            "<b>Study next</b> - ranked by the items each is expected to cost you on the real "
            "test (items on the form x chance of missing one)"
        )
        if r.weakest_note and "but" in r.weakest_note:
            title += f". {esc(translated(r.weakest_note))}."
        self.study_title.setText(title)
        self.study.setRowCount(len(r.study_next))
        self.drill_buttons = []
        for row, s in enumerate(r.study_next):
            if s.kind == "area":
                what = self.tr("Area {0}: {1}").format(s.key, s.title)
            else:
                what = self.tr("Task {0}: {1}").format(s.key, s.title)
            self.study.setItem(row, 0, QTableWidgetItem(what))
            self.study.setItem(row, 1, QTableWidgetItem(translated(s.reason)))
            self.study.setItem(row, 2, QTableWidgetItem(self.tr("{0:.1f} items").format(s.gain)))
            b = QPushButton(self.tr("Drill"))
            if s.kind == "area":
                b.setAccessibleName(self.tr("Drill area {0}").format(s.key))
            else:
                b.setAccessibleName(self.tr("Drill task {0}").format(s.key))
            b.clicked.connect(
                lambda _c=False, k=s.kind, key=s.key: self.drill_requested.emit(r.test_code, k, key)
            )
            self.study.setCellWidget(row, 3, b)
            self.drill_buttons.append(b)
        self.study.resizeRowsToContents()

    def _detail(self, r: WeakAreaReport) -> None:
        rows: list[list[str]] = []
        for a in r.areas:
            m = a.mastery
            pace = (
                self.tr("{0:.0f} s ({1:.1f}x budget of {2:.0f} s)").format(
                    a.seconds_per_item, a.pace_ratio, r.budget_per_item_s
                )
                if m.seen
                else ""
            )
            rows.append(
                [
                    self.tr("Area {0}").format(a.letter),
                    a.title,
                    str(m.seen),
                    str(m.correct),
                    band_text(m),
                    pace,
                ]
            )
            for t in r.tasks:
                if t.area == a.letter:
                    tm = t.mastery
                    rows.append(
                        [f"   {t.code}", t.text, str(tm.seen), str(tm.correct), band_text(tm), ""]
                    )
        self.detail.setRowCount(len(rows))
        for i, values in enumerate(rows):
            for j, v in enumerate(values):
                cell = QTableWidgetItem(v)
                if j == 0 and not v.startswith(" "):  # an area's row, above its tasks
                    f = cell.font()
                    f.setBold(True)
                    cell.setFont(f)
                self.detail.setItem(i, j, cell)
        self.detail.resizeColumnToContents(0)
        self.detail.resizeRowsToContents()

    def _misconceptions(self, r: WeakAreaReport) -> None:
        head = error_types_html(r)
        if not r.misconceptions:
            none = self.tr("No distractor chosen more than once yet.")
            self.misconceptions.setHtml(f"{head}<p>{esc(none)}</p>")
            return
        misjudged = {
            "Technician A": self.tr("You misjudged Technician A."),
            "Technician B": self.tr("You misjudged Technician B."),
            "Technician A and Technician B": self.tr("You misjudged both technicians."),
        }
        parts = [head]
        for m in r.misconceptions:
            judged = (
                f"<br><b>{esc(misjudged.get(m.misjudged, m.misjudged))}</b>" if m.misjudged else ""
            )
            chosen = self.tr("chosen %n time(s):", "", m.times)
            why = self.tr("Why it is wrong: {0}").format(m.rationale)
            parts.append(
                f"<p><b>{esc(m.uid)}</b> ({esc(m.task)}) - {esc(chosen)} "
                f"<i>{esc(m.chosen_label)}. "
                f"{esc(m.chosen_text)}</i>{judged}<br>{esc(m.stem)}<br>"
                f"<span style='color:gray'>{esc(why)}</span></p>"
            )
        self.misconceptions.setHtml("".join(parts))

    def _on_review_clicked(self) -> None:
        if self.report is not None:
            self.review_requested.emit(self.report.test_code)
