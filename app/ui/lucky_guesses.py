"""The progress report's "Lucky guesses" tab: practice items answered right that the learner
marked unsure or a guess - right by luck, worth reviewing. Reads the report's plain dataclasses."""

from __future__ import annotations

from app.services.reports import WeakAreaReport
from app.ui.text import SafeTextBrowser, esc


class LuckyGuessesView(SafeTextBrowser):
    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(self.tr("Lucky guesses"))

    def show_report(self, r: WeakAreaReport) -> None:
        if not r.lucky_guesses:
            self.setHtml(
                "<p>"
                + esc(
                    self.tr(
                        "No lucky guesses. In practice, after answering, press 1 (sure), "
                        "2 (unsure) or 3 (guess): right answers you were not sure of are listed "
                        "here to review."
                    )
                )
                + "</p>"
            )
            return
        parts = [
            "<p>"
            + esc(
                self.tr(
                    "Answered right, but you said you were not sure: worth reviewing before they "
                    "count on the real test."
                )
            )
            + "</p>"
        ]
        for g in r.lucky_guesses:
            said = self.tr("unsure") if g.said == "unsure" else self.tr("guess")
            marked = (
                self.tr("right, marked {0}, %n time(s)", "", g.times)
                if g.times > 1
                else self.tr("right, marked {0}")
            )
            parts.append(
                f"<p><b>{esc(g.uid)}</b> ({esc(g.task)}) - "
                + esc(marked).format(f"<i>{esc(said)}</i>")
                + f"<br>{esc(g.stem)}</p>"
            )
        self.setHtml("".join(parts))
