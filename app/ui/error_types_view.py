"""The error-types summary at the top of the progress page's Misconceptions tab: Technician A/B
(which statement was misjudged), EXCEPT / LEAST LIKELY (a true statement picked) and timing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.reports import WeakAreaReport
from app.ui.text import esc
from app.ui.translation import translated


def error_types_html(r: WeakAreaReport) -> str:
    if not r.error_types:
        return ""
    of = QCoreApplication.translate("ErrorTypesView", "{0} of {1}")
    rows = "".join(
        f"<tr><td><b>{esc(translated(e.label))}</b></td>"
        f"<td align='right'>{esc(of.format(e.count, e.out_of))}</td>"
        f"<td>{esc(translated(e.advice))}</td></tr>"
        for e in r.error_types
    )
    heads = (
        QCoreApplication.translate("ErrorTypesView", "Error types"),
        QCoreApplication.translate("ErrorTypesView", "What went wrong"),
        QCoreApplication.translate("ErrorTypesView", "Answers"),
        QCoreApplication.translate("ErrorTypesView", "Try"),
        QCoreApplication.translate("ErrorTypesView", "Distractors chosen more than once"),
    )
    title, what, answers, advice, distractors = (esc(h) for h in heads)
    return (
        f"<h3>{title}</h3><table cellspacing='0' cellpadding='3'>"
        f"<tr><th align='left'>{what}</th><th>{answers}</th><th align='left'>{advice}</th></tr>"
        f"{rows}</table><h3>{distractors}</h3>"
    )
