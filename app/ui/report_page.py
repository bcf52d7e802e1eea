"""Score report after a mock (or practice): totals, pass estimate, per-area table, item review."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import format_remaining
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.services.exams import EXAM_MODES, RECERT, AttemptReport, ItemView
from app.ui.text import SafeTextBrowser, esc, rich

FILTERS = (
    QT_TRANSLATE_NOOP("ReportPage", "All questions"),
    QT_TRANSLATE_NOOP("ReportPage", "Wrong"),
    QT_TRANSLATE_NOOP("ReportPage", "Flagged"),
    QT_TRANSLATE_NOOP("ReportPage", "Unanswered"),
    QT_TRANSLATE_NOOP("ReportPage", "Research (unscored)"),
)


class ReportPage(QWidget):
    practise_requested = Signal(str, list)  # test code, question ids
    home_requested = Signal()
    study_plan_requested = Signal(str)  # test code

    def __init__(self) -> None:
        super().__init__()
        self.report: AttemptReport | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 10, 16, 10)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.heading)

        self.areas = QTableWidget(0, 6)
        self.areas.setHorizontalHeaderLabels(
            [
                self.tr("Area"),
                self.tr("Content area"),
                self.tr("Items"),
                self.tr("Correct"),
                self.tr("Score"),
                self.tr("Seconds per item"),
            ]
        )
        self.areas.verticalHeader().setVisible(False)
        self.areas.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.areas.setAccessibleName(self.tr("Score per content area"))
        hh = self.areas.horizontalHeader()
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(4, QHeaderView.ResizeMode.Fixed)
        for col, width in ((0, 50), (2, 70), (3, 70), (4, 220), (5, 140)):
            self.areas.setColumnWidth(col, width)
        self.areas.verticalHeader().setDefaultSectionSize(30)
        self.areas.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        outer.addWidget(self.areas)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("<b>Review the questions:</b>")))
        self.filter = QComboBox()
        self.filter.addItems([self.tr(f) for f in FILTERS])
        self.filter.setAccessibleName(self.tr("Show"))
        self.filter.currentIndexChanged.connect(self._fill_items)
        bar.addWidget(self.filter)
        bar.addStretch(1)
        self.practise = QPushButton(self.tr("Practise the ones I got wrong"))
        self.practise.clicked.connect(self._on_practise_clicked)
        self.home = QPushButton(self.tr("Back to home"))
        self.home.clicked.connect(self.home_requested)
        self.study_plan = QPushButton(self.tr("My progress"))
        self.study_plan.setToolTip(self.tr("My progress and weak areas for this test"))
        self.study_plan.clicked.connect(self._on_study_plan_clicked)
        self.show_exhibit = QPushButton(self.tr("Show exhibit"))
        self.show_exhibit.setEnabled(False)
        self.show_exhibit.clicked.connect(self.open_exhibit)
        self._exhibit_window: QWidget | None = None
        bar.addWidget(self.show_exhibit)
        bar.addWidget(self.practise)
        bar.addWidget(self.study_plan)
        bar.addWidget(self.home)
        outer.addLayout(bar)

        split = QSplitter()
        self.items = QListWidget()
        self.items.setAccessibleName(self.tr("Questions"))
        self.items.setSpacing(3)  # two-line entries (result, then the question's start)
        # entries wrap to the list's width instead of hiding behind a sideways scroll bar
        self.items.setWordWrap(True)
        self.items.setResizeMode(QListView.ResizeMode.Adjust)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.currentItemChanged.connect(self._on_items_current_changed)
        self.detail = SafeTextBrowser()
        self.detail.setAccessibleName(self.tr("Question review"))
        split.addWidget(self.items)
        split.addWidget(self.detail)
        split.setSizes([330, 800])
        outer.addWidget(split, 1)

    def show_report(self, report: AttemptReport) -> None:
        self.report = report
        st, sc = report.state, report.score
        if st.mode == RECERT:
            title = self.tr("{0} {1} - Recertification test report")
        elif st.mode in EXAM_MODES:
            title = self.tr("{0} {1} - Mock exam report")
        else:
            title = self.tr("{0} {1} - Practice report")
        verdict_html = verdict_line(st.mode in EXAM_MODES, sc.passed, sc.total)
        used = format_remaining(sc.elapsed_s)
        if sc.limit_s:
            used = self.tr("{0} of {1}").format(used, format_remaining(sc.limit_s))
        research = ""
        if sc.unscored_total:
            research = "<br>" + self.tr(
                "Unscored research items: {0} of {1} correct (not counted in the score)."
            ).format(sc.unscored_correct, sc.unscored_total)
        self.heading.setText(
            "<h2>" + title.format(esc(st.test_code), esc(st.test_title)) + "</h2>"
            "<p style='font-size:14pt'>"
            + self.tr("Score: <b>{0} of {1}</b>").format(sc.correct, sc.total)
            + f" ({sc.percent:.1f} %) &nbsp; {verdict_html}</p><p>"
            + self.tr(
                "Target {0:.0f} % - an estimate: ASE publishes no passing percentage; a panel "
                "sets each test's standard."
            ).format(sc.target_percent)
            + "<br>"
            + self.tr(
                "Time used {0}; {1:.0f} s per item against a budget of {2:.0f} s per item. "
                "Answered {3} of {4}: {5}."
            ).format(
                used,
                sc.seconds_per_item,
                sc.budget_per_item_s,
                sc.answered,
                len(st.items),
                _wrong_unanswered(st.items),
            )
            + f"{research}</p>"
        )
        self.areas.setRowCount(len(sc.areas))
        for row, a in enumerate(sc.areas):
            per_item = a.seconds / a.items if a.items else 0.0
            values = [a.letter, a.title, str(a.items), str(a.correct), "", f"{per_item:.0f} s"]
            for col, v in enumerate(values):
                cell = QTableWidgetItem(v)
                if col in (2, 3, 5):
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.areas.setItem(row, col, cell)
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setValue(round(a.percent))
            bar.setFormat(f"{a.percent:.0f} %")
            bar.setAccessibleName(self.tr("Area {0}: {1:.0f} percent").format(a.letter, a.percent))
            self.areas.setCellWidget(row, 4, bar)
        for row in range(len(sc.areas)):
            self.areas.setRowHeight(row, 30)
        h = self.areas.horizontalHeader().sizeHint().height() + 30 * len(sc.areas) + 4
        self.areas.setFixedHeight(min(h, 300))
        wrong = [i for i in st.items if i.answered and not i.correct]
        blank = [i for i in st.items if not i.answered]
        self.practise.setEnabled(bool(wrong or blank))
        # unanswered is not wrong: the button says which ones it will practise
        if wrong and blank:
            label = self.tr("Practise the {0} I got wrong and {1} unanswered").format(
                len(wrong), len(blank)
            )
        elif blank:
            label = self.tr("Practise the %n I left unanswered", "", len(blank))
        elif wrong:
            label = self.tr("Practise the %n I got wrong", "", len(wrong))
        else:
            label = self.tr("Nothing to practise")
        self.practise.setText(label)
        self.filter.setCurrentIndex(1 if wrong else 0)
        self._fill_items()

    def _visible_items(self) -> list[ItemView]:
        assert self.report is not None
        f = self.filter.currentIndex()
        items = self.report.state.items
        if f == 1:
            return [i for i in items if i.answered and not i.correct]
        if f == 2:
            return [i for i in items if i.flagged]
        if f == 3:
            return [i for i in items if not i.answered]
        if f == 4:
            return [i for i in items if not i.scored]
        return list(items)

    def _fill_items(self) -> None:
        if self.report is None:
            return
        self.items.clear()
        for i in self._visible_items():
            if i.correct:
                mark = self.tr("right")
            else:
                mark = self.tr("wrong") if i.answered else self.tr("unanswered")
            flag = self.tr(", flagged") if i.flagged else ""
            w = QListWidgetItem(
                self.tr("Q{0} - {1}{2} - {3}").format(i.position + 1, mark, flag, i.task)
            )
            self._add_question_text(w, i)
            w.setData(Qt.ItemDataRole.UserRole, i.position)
            self.items.addItem(w)
        if self.items.count():
            self.items.setCurrentRow(0)
        else:
            self.detail.setHtml("<p>" + self.tr("No questions match this filter.") + "</p>")

    def _on_items_current_changed(self, current: QListWidgetItem | None, _prev: object) -> None:
        if current is None or self.report is None:
            return
        item = self.report.state.items[int(current.data(Qt.ItemDataRole.UserRole))]
        self.detail.setHtml(item_review_html(item))
        self.show_exhibit.setEnabled(bool(item.exhibit))

    def hideEvent(self, event: QHideEvent) -> None:
        # the exhibit window belongs to this report: it does not outlive it on other pages
        if self._exhibit_window is not None:
            self._exhibit_window.close()
        super().hideEvent(event)

    def open_exhibit(self) -> None:
        """The current item's exhibit in its own zoomable window beside the report (not modal)."""
        current = self.items.currentItem()
        if current is None or self.report is None:
            return
        item = self.report.state.items[int(current.data(Qt.ItemDataRole.UserRole))]
        if not item.exhibit:
            return
        from app.ui.exam.exhibit_view import ExhibitDialog

        if self._exhibit_window is not None:  # one exhibit window at a time
            self._exhibit_window.close()
            self._exhibit_window.deleteLater()
        dlg = ExhibitDialog(item.exhibit, item.exhibit_name, item.exhibit_caption, self)
        dlg.setModal(False)
        dlg.show()
        self._exhibit_window = dlg

    def _add_question_text(self, w: QListWidgetItem, i: ItemView) -> None:
        """The list shows the start of each question, so a learner finds 'that brake one'."""
        from app.ui.text import plain

        stem = " ".join(plain(i.stem).split())
        w.setText(w.text() + "\n" + (stem[:90] + "…" if len(stem) > 90 else stem))
        w.setToolTip(stem)

    def _on_study_plan_clicked(self) -> None:
        if self.report is not None:
            self.study_plan_requested.emit(self.report.state.test_code)

    def _on_practise_clicked(self) -> None:
        if self.report is None:
            return
        ids = [i.question_id for i in self.report.state.items if not i.correct]
        self.practise_requested.emit(self.report.state.test_code, ids)


def verdict_line(mock: bool, passed: bool, scored: int) -> str:
    """Only a full mock earns a pass estimate; a practice or a 10-question drill is too small."""
    if not mock:
        return (
            "<span>"
            + QCoreApplication.translate(
                "ReportPage",
                "Practice: no pass estimate from {n} questions - sit a mock exam for one.",
            ).format(n=scored)
            + "</span>"
        )
    if passed:
        verdict = QCoreApplication.translate("ReportPage", "Estimated result: PASS")
    else:
        verdict = QCoreApplication.translate("ReportPage", "Estimated result: NOT YET")
    from app.ui.theme import colour

    c = colour("good") if passed else colour("bad")
    return f"<span style='color:{c}'><b>{verdict}</b></span>"


def _wrong_unanswered(items: tuple[ItemView, ...]) -> str:
    wrong = sum(1 for i in items if i.answered and not i.correct)
    blank = sum(1 for i in items if not i.answered)
    return QCoreApplication.translate("ReportPage", "{0} wrong, {1} unanswered").format(
        wrong, blank
    )


def item_review_html(item: ItemView) -> str:
    from app.ui.theme import colour

    heading = (
        QCoreApplication.translate("ReportPage", "Question {0}")
        if item.scored
        else QCoreApplication.translate("ReportPage", "Question {0} (unscored research item)")
    )
    parts = [
        "<h3>" + heading.format(item.position + 1) + "</h3>",
        "<p><i>"
        + QCoreApplication.translate("ReportPage", "{0} {1} - task {2}: {3}").format(
            esc(item.area), esc(item.area_title), esc(item.task), esc(item.task_text)
        )
        + "</i></p>",
        "<p>" + rich(item.stem) + "</p>",
    ]
    if item.exhibit_caption:
        parts.append(
            "<p><i>"
            + QCoreApplication.translate("ReportPage", "Exhibit: {0}").format(
                esc(item.exhibit_caption)
            )
            + "</i></p>"
        )
    parts.append("<ul>")
    for n, c in enumerate(item.choices):
        tags = []
        if c.correct:
            key = QCoreApplication.translate("ReportPage", "key")
            tags.append(f"<b style='color:{colour('good')}'>{key}</b>")
        if item.chosen_shown == n:
            tags.append("<b>" + QCoreApplication.translate("ReportPage", "your answer") + "</b>")
        label = f"{c.label}. {esc(c.text)}" + (f" [{', '.join(tags)}]" if tags else "")
        parts.append(
            f"<li>{label}<br><span style='color:{colour('muted')}'>{esc(c.rationale)}</span></li>"
        )
    parts.append("</ul>")
    if item.chosen_shown is None:
        parts.append(
            "<p><b>"
            + QCoreApplication.translate("ReportPage", "You did not answer this question.")
            + "</b></p>"
        )
    why = QCoreApplication.translate("ReportPage", "Why:")
    parts.append(f"<p><b>{why}</b> {esc(item.explanation)}</p>")
    return "".join(parts)
