"""The intro screen's choice between the full test and the recertification test, and the texts
that describe the recertification form. Receives the frozen MockPlan; no storage, no clock.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QWidget

from app.services.exams import MockPlan

translate = QCoreApplication.translate


def _minutes(seconds: float) -> str:
    s = round(seconds)
    m, sec = divmod(s, 60)
    return f"{m} min {sec} s" if sec else f"{m} min"


class FormChoice(QWidget):
    """Full test / Recertification test, as two radio buttons (arrow keys move between them)."""

    changed = Signal(bool)  # True: the recertification form is chosen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 4)
        label = QLabel(self.tr("Form:"))
        self.full = QRadioButton(self.tr("&Full test"))
        self.recert = QRadioButton(self.tr("Re&certification test"))
        self.full.setAccessibleName(self.tr("Full test"))
        self.recert.setAccessibleName(self.tr("Recertification test"))
        self.full.setChecked(True)
        self.group = QButtonGroup(self)
        self.group.addButton(self.full)
        self.group.addButton(self.recert)
        label.setBuddy(self.full)
        row.addWidget(label)
        row.addWidget(self.full)
        row.addWidget(self.recert)
        row.addStretch(1)
        self.recert.toggled.connect(self._on_recert_toggled)

    def recert_chosen(self) -> bool:
        return self.recert.isChecked() and self.recert.isEnabled()

    def set_available(self, plan: MockPlan) -> None:
        """The recertification choice needs a form with at least one item."""
        ok = plan.recert is not None and plan.recert.scored_items > 0
        self.recert.setEnabled(ok)
        if not ok:
            self.full.setChecked(True)

    def _on_recert_toggled(self, on: bool) -> None:
        self.changed.emit(on)


def recert_heading(plan: MockPlan, profile: str) -> str:
    e = html.escape
    return (
        f"<h2>{e(plan.test_code)} {e(plan.test_title)}</h2><p>"
        + translate(
            "FormChoice",
            "Recertification test ({0}R) for <b>{1}</b>. The clock starts when you press Start.",
        ).format(e(plan.test_code), e(profile))
        + "</p>"
    )


def recert_summary(plan: MockPlan) -> str:
    r = plan.recert
    assert r is not None
    return translate(
        "FormChoice",
        "<b>{0}</b> questions (all scored, no research items) &nbsp;&middot;&nbsp; "
        "<b>{1}</b> to answer them &nbsp;&middot;&nbsp; target {2:.0f} %",
    ).format(r.scored_items, _minutes(r.time_limit_s), plan.target_percent)


def recert_timing(plan: MockPlan) -> str:
    r = plan.recert
    assert r is not None
    parts = [
        translate(
            "FormChoice",
            "The {0} recertification test is shorter than the full test: {1} scored questions "
            "in {2} minutes, drawn in the same proportions across the content areas, with no "
            "research items.",
        ).format(plan.test_code, r.spec_scored, r.spec_minutes)
    ]
    if r.estimated and not r.notes:  # the bank's notes say how its figures were chosen
        parts.append(
            translate(
                "FormChoice",
                "These figures are an estimate (ASE does not publish them for this test): about "
                "half the full test's scored questions at its pace.",
            )
        )
    if r.notes:
        parts.append(r.notes)
    if r.scored_items < r.spec_scored:
        pace = _minutes(r.time_limit_s / plan.time_multiplier)
        parts.append(
            translate(
                "FormChoice",
                "This form has {0} questions because the question pool is smaller than the "
                "blueprint, so it keeps the same pace: {1}.",
            ).format(r.scored_items, pace)
        )
    if plan.time_multiplier != 1.0:
        parts.append(
            translate(
                "FormChoice",
                "Your profile's accommodation gives {0:g} times the time: {1} in all.",
            ).format(plan.time_multiplier, _minutes(r.time_limit_s))
        )
    about = translate("FormChoice", "About the time")
    return f"<h3>{about}</h3><p>" + " ".join(html.escape(p) for p in parts) + "</p>"
