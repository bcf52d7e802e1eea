"""The exam intro: what the mock about to start holds, how long it lasts and why, the rules and
the keys, like the tutorial screen before the real test. Nothing starts until Start is pressed.

Receives a MockPlan (a frozen view); imports no storage and starts no clock.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services.exams import MockPlan
from app.ui.exam.form_choice import FormChoice, recert_heading, recert_summary, recert_timing
from app.ui.translation import mode_name


def minutes_text(seconds: float) -> str:
    """'12 min 48 s', '90 min': the time allowed as a candidate reads it."""
    s = round(seconds)
    m, sec = divmod(s, 60)
    return f"{m} min {sec} s" if sec else f"{m} min"


def an(code: str) -> str:
    """The article before a test code as it is read aloud: 'an A5', 'a G1', 'an L1', 'a T2'."""
    first = code[:1].upper()
    return "an" if first in "AEFHILMNORSX" else "a"


class ExamIntroPage(QWidget):
    start_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: MockPlan | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 12)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        centre = QHBoxLayout(holder)
        centre.setContentsMargins(0, 0, 8, 0)
        body = QWidget()
        body.setMaximumWidth(980)  # long lines are hard to read on a wide screen
        centre.addWidget(body)
        col = QVBoxLayout(body)
        col.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(self.tr("Exam introduction"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(
            "font-size:13pt; padding:8px 12px; border:1px solid palette(mid); border-radius:4px;"
        )
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.timing = QLabel()
        self.timing.setWordWrap(True)
        self.timing.setTextFormat(Qt.TextFormat.RichText)
        self.timing.setAccessibleName(self.tr("Time allowed"))
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "background:#fff3cd; color:#5c4400; padding:6px; "
            "border:1px solid #e0c060; border-radius:4px;"
        )
        self.warning.setVisible(False)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        self.rules = QLabel()
        self.rules.setWordWrap(True)
        self.rules.setTextFormat(Qt.TextFormat.RichText)
        self.rules.setAccessibleName(self.tr("Rules"))
        self.keys = QLabel()
        self.keys.setTextFormat(Qt.TextFormat.RichText)
        self.keys.setAccessibleName(self.tr("Keyboard keys"))
        self.keys.setAlignment(Qt.AlignmentFlag.AlignTop)
        columns.addWidget(self.rules, 3, Qt.AlignmentFlag.AlignTop)
        columns.addWidget(self.keys, 2, Qt.AlignmentFlag.AlignTop)
        self.form_choice = FormChoice()
        self.form_choice.changed.connect(self._on_form_choice_changed)
        for w in (self.heading, self.form_choice, self.summary, self.timing, self.warning):
            col.addWidget(w)
        col.addLayout(columns)
        col.addStretch(1)
        scroll.setWidget(holder)
        outer.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.back = QPushButton(self.tr("Back (Esc)"))
        self.back.setAccessibleName(self.tr("Back to the tests"))
        self.start = QPushButton(self.tr("Start the exam"))
        self.start.setDefault(True)
        self.start.setStyleSheet("font-weight:bold; padding:6px 18px;")
        self.back.clicked.connect(self.back_requested)
        self.start.clicked.connect(self.start_requested)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.start)
        outer.addLayout(buttons)
        esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        esc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        esc.activated.connect(self.back_requested)
        self.setTabOrder(self.start, self.back)

    def show_plan(self, plan: MockPlan, *, recert: bool = False) -> None:
        self.plan = plan
        # each visit starts at the full test unless the caller (a planned recert) says otherwise
        (self.form_choice.recert if recert else self.form_choice.full).setChecked(True)
        self.form_choice.set_available(plan)
        self._render(plan)

    def recert_chosen(self) -> bool:
        return self.form_choice.recert_chosen()

    def _on_form_choice_changed(self, _recert: bool) -> None:
        if self.plan is not None:
            self._render(self.plan)

    def _render(self, plan: MockPlan) -> None:
        e = html.escape
        self.heading.setText(
            f"<h2>{e(plan.test_code)} {e(plan.test_title)}</h2>"
            + self.tr(
                "<p>Mock exam for <b>{0}</b>. The clock starts when you press Start.</p>"
            ).format(e(plan.profile_name))
        )
        self.summary.setText(
            self.tr(
                "<b>{0}</b> questions ({1} scored{2}) &nbsp;&middot;&nbsp; "
                "<b>{3}</b> to answer them &nbsp;&middot;&nbsp; target {4:.0f} %"
            ).format(
                plan.items,
                plan.scored_items,
                self.tr(", {0} unscored research").format(plan.unscored_items)
                if plan.unscored_items
                else "",
                minutes_text(plan.time_limit_s),
                plan.target_percent,
            )
        )
        self.timing.setText(self._timing_text(plan))
        if self.recert_chosen():
            self.heading.setText(recert_heading(plan, plan.profile_name))
            self.summary.setText(recert_summary(plan))
            self.timing.setText(recert_timing(plan))
        if plan.in_progress is not None:
            self.warning.setText(
                self.tr(
                    "You already have {0} {1} {2} in progress. Starting this mock abandons it; "
                    "go Back and choose Resume to finish it instead."
                ).format(an(plan.test_code), plan.test_code, mode_name(plan.in_progress_mode))
            )
        self.warning.setVisible(plan.in_progress is not None)
        self.rules.setText(self._rules_text(plan))
        self.keys.setText(self._keys_text(plan.has_booklet))

    def focus_start(self) -> None:
        """Start has the focus, so Enter starts the exam (keyboard walk: Enter, Enter). Again once
        the page is on screen: showing a page moves the focus to its first focusable child (the
        form choice), after this call has run."""
        self.start.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, self, self._focus_start_if_shown)

    def _focus_start_if_shown(self) -> None:
        if self.isVisible() and self.start.isEnabled():
            self.start.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- texts ----------------------------------------------------------------------------------
    def _timing_text(self, plan: MockPlan) -> str:
        blueprint_items = plan.blueprint_scored + plan.blueprint_unscored
        parts = [
            self.tr(
                "The real {0} test gives {1} minutes for {2} questions ({3} scored and {4} "
                "unscored research items)."
            ).format(
                plan.test_code,
                plan.blueprint_minutes,
                blueprint_items,
                plan.blueprint_scored,
                plan.blueprint_unscored,
            )
        ]
        if plan.items != blueprint_items:
            why = []
            if plan.unscored_items < plan.blueprint_unscored:
                why.append(
                    self.tr("research items are off")
                    if plan.unscored_items == 0
                    else self.tr("fewer research items are left in the pool")
                )
            if plan.scored_items < plan.blueprint_scored:
                why.append(self.tr("the question pool is smaller than the blueprint"))
            parts.append(
                self.tr(
                    "This mock has {0} questions because {1}, so it keeps the same pace: {2}."
                ).format(
                    plan.items,
                    self.tr(" and ").join(why),
                    minutes_text(plan.time_limit_s / plan.time_multiplier),
                )
            )
        if plan.time_multiplier != 1.0:
            parts.append(
                self.tr(
                    "Your profile's accommodation gives {0:g} times the time: {1} in all."
                ).format(plan.time_multiplier, minutes_text(plan.time_limit_s))
            )
        if plan.hide_countdown:
            parts.append(
                self.tr("The countdown is hidden (accommodation); press Show time to see it.")
            )
        head = html.escape(self.tr("About the time"))
        return f"<h3>{head}</h3><p>" + " ".join(html.escape(p) for p in parts) + "</p>"

    def _rules_text(self, plan: MockPlan) -> str:
        rules = [
            self.tr(
                "One question at a time. Answer in any order: Next and Previous move one "
                "question, the navigator on the right jumps to any question."
            ),
            self.tr(
                "Flag a question you want to come back to. The navigator marks flagged "
                "questions, and the review screen lists them."
            ),
            self.tr(
                "Review and submit lists unanswered and flagged questions before you submit. "
                "An unanswered question earns no points, so answer every one."
            ),
            self.tr("A question with an exhibit shows it beside the question; you can zoom it."),
            self.tr(
                "Warnings appear with 10 and 5 minutes left. When time is up, your answers are "
                "submitted as they stand and your score report opens."
            ),
            self.tr(
                "Save and leave keeps your answers and the time used; resume from the home "
                "screen. The clock does not run while you are away."
            ),
        ]
        if plan.unscored_items:
            rules.append(
                self.tr(
                    "Research items look like the others and do not count; the report shows "
                    "them apart."
                )
            )
        items = "".join(f"<li>{html.escape(r)}</li>" for r in rules)
        title = html.escape(self.tr("Rules"))
        return f"<h3>{title}</h3><ul>{items}</ul>"

    def _keys_text(self, booklet: bool = False) -> str:
        keys = [
            ("A B C D / 1 2 3 4", self.tr("choose an answer")),
            # the key names as the help dialog writes them ("Right or N")
            (self.tr("N / Right"), self.tr("next question")),
            (self.tr("P / Left"), self.tr("previous question")),
            ("F", self.tr("flag or unflag for review")),
            ("Ctrl+R", self.tr("review and submit")),
            ("X", self.tr("show or hide the exhibit")),
            ("+ / -", self.tr("zoom the exhibit")),
            ("L", self.tr("switch a translated question between English and Spanish")),
            ("Tab, Enter", self.tr("move between and press buttons")),
        ]
        if booklet:
            keys.insert(-1, ("F4", self.tr("show or hide the reference booklet")))
        rows = "".join(
            f"<tr><td><b>{html.escape(k)}</b>&nbsp;&nbsp;</td><td>{html.escape(v)}</td></tr>"
            for k, v in keys
        )
        title = html.escape(self.tr("Keys"))
        return f"<h3>{title}</h3><table>{rows}</table>"
