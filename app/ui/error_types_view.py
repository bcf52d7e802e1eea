"""The error-types summary at the top of the progress page's Misconceptions tab: Technician A/B
(which statement was misjudged), EXCEPT / LEAST LIKELY (a true statement picked) and timing."""

from __future__ import annotations

from app.services.reports import WeakAreaReport
from app.ui.text import esc


def error_types_html(r: WeakAreaReport) -> str:
    if not r.error_types:
        return ""
    rows = "".join(
        f"<tr><td><b>{esc(e.label)}</b></td><td align='right'>{e.count} of {e.out_of}</td>"
        f"<td>{esc(e.advice)}</td></tr>"
        for e in r.error_types
    )
    return (
        "<h3>Error types</h3><table cellspacing='0' cellpadding='3'>"
        "<tr><th align='left'>What went wrong</th><th>Answers</th><th align='left'>Try</th></tr>"
        f"{rows}</table><h3>Distractors chosen more than once</h3>"
    )
