"""Help (keyboard shortcuts; how scoring, targets and readiness work) and About.

The help text describes what app/domain/scoring.py and app/domain/mastery.py compute; change it
when they change. Every visible string goes through QCoreApplication.translate("Help", ...).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.mastery import BAND, HALF_LIFE_DAYS, MIN_RESPONSES
from app.ui.theme import whole_tab_labels


def menu_keys(menu_titles: Sequence[str]) -> tuple[str, str]:
    """('Alt+F, Alt+T, ...', 'File, Test, ...') from the menu bar's titles as shown ('&File'):
    each menu's key is the mnemonic of its translated title, so the help cannot drift from it."""
    keys = [
        QKeySequence.mnemonic(t).toString(QKeySequence.SequenceFormat.NativeText)
        for t in menu_titles
    ]
    names = [t.replace("&", "") for t in menu_titles]
    return ", ".join(k for k in keys if k), ", ".join(names)


def shortcuts_html(menu_titles: Sequence[str]) -> str:
    """The keyboard help; `menu_titles` are the main window's menu titles, mnemonics included."""
    keys, menus = menu_keys(menu_titles)
    rows = [
        (QCoreApplication.translate("Help", "Home"), ""),
        (
            "Enter",
            QCoreApplication.translate(
                "Help", "Open the mock exam intro for the selected test; Enter again starts it"
            ),
        ),
        ("Ctrl+Shift+N", QCoreApplication.translate("Help", "New profile")),
        ("Ctrl+P", QCoreApplication.translate("Help", "Practice the selected test")),
        ("Ctrl+Shift+M", QCoreApplication.translate("Help", "My progress and weak areas")),
        (
            "Ctrl+Q",
            QCoreApplication.translate(
                "Help", "Quit (an exam in progress is saved and can be resumed)"
            ),
        ),
        ("F1", QCoreApplication.translate("Help", "This help")),
        (keys, QCoreApplication.translate("Help", "Open the menus: {0}").format(menus)),
        (QCoreApplication.translate("Help", "During an exam"), ""),
        ("A B C D  /  1 2 3 4", QCoreApplication.translate("Help", "Choose an answer")),
        (
            "1 2 3",
            QCoreApplication.translate(
                "Help",
                "Practice, once answered: sure, unsure or a guess (right guesses are reviewed)",
            ),
        ),
        (
            QCoreApplication.translate("Help", "Right or N"),
            QCoreApplication.translate("Help", "Next question"),
        ),
        (
            QCoreApplication.translate("Help", "Left or P"),
            QCoreApplication.translate("Help", "Previous question"),
        ),
        ("F", QCoreApplication.translate("Help", "Flag or unflag the question for review")),
        (
            "Ctrl+R",
            QCoreApplication.translate(
                "Help", "Review screen: answered, unanswered and flagged questions"
            ),
        ),
        (
            QCoreApplication.translate("Help", "Tab, Shift+Tab, Space, Enter"),
            QCoreApplication.translate("Help", "Move between and press buttons"),
        ),
        (QCoreApplication.translate("Help", "Exhibits"), ""),
        ("X", QCoreApplication.translate("Help", "Show or hide the exhibit beside the question")),
        ("+  /  -", QCoreApplication.translate("Help", "Zoom the exhibit in or out")),
        (
            QCoreApplication.translate("Help", "Reference booklet (tests that have one, like L1)"),
            "",
        ),
        (
            "F4",
            QCoreApplication.translate(
                "Help", "Show or hide the searchable reference booklet beside the question"
            ),
        ),
    ]
    out = ["<table cellspacing='0' cellpadding='4'>"]
    for key, what in rows:
        if not what:
            out.append(f"<tr><td colspan='2'><h3>{key}</h3></td></tr>")
        else:
            out.append(f"<tr><td><b>{key}</b></td><td>{what}</td></tr>")
    out.append("</table>")
    return "".join(out)


def scoring_html() -> str:
    return "".join(
        [
            "<h3>" + QCoreApplication.translate("Help", "Score") + "</h3><p>",
            QCoreApplication.translate(
                "Help",
                "Your score is the number of scored questions you got right out of the scored "
                "questions on the form. An unanswered question earns no point, exactly as on the "
                "real test, so always answer every question. Unscored research items (when you "
                "add them) never count; they are reported apart.",
            ),
            "</p><p>",
            QCoreApplication.translate(
                "Help",
                "The report breaks the score down by content area and shows your pacing: the "
                "seconds you spent per item against the time the real test allows per item.",
            ),
            "</p><h3>" + QCoreApplication.translate("Help", "Target") + "</h3><p>",
            QCoreApplication.translate(
                "Help",
                "Each test has a target percentage (70 % unless its question bank says "
                "otherwise). ASE does not publish a fixed pass mark; the target is a practice "
                "goal. A mock exam at or above the target is an estimated pass; below it, 'below "
                "target' on the home screen and 'not yet' on the score report. Practice "
                "sessions and short drills show your score only, with no verdict: too few "
                "questions to say anything about the real test.",
            ),
            "</p><h3>" + QCoreApplication.translate("Help", "Mastery") + "</h3><p>",
            QCoreApplication.translate(
                "Help",
                "For every content area and task, BayReady estimates how likely you are to "
                "answer its next question right from all your answers so far (mock exams and "
                "practice). Recent answers count more: an answer's weight halves every {days} "
                "days. With no answers there is no estimate ('no answers yet'); the estimate "
                "moves toward your real rate as answers come in. The band around it is the "
                "range the true value lies in "
                "with {band} % probability. With fewer than {n} answers an area or task shows "
                "'not enough data' instead of an estimate.",
            ).format(days=f"{HALF_LIFE_DAYS:.0f}", band=f"{BAND * 100:.0f}", n=MIN_RESPONSES),
            "</p><h3>" + QCoreApplication.translate("Help", "Readiness") + "</h3><p>",
            QCoreApplication.translate(
                "Help",
                "Readiness is the chance that you would reach the target on a full form of the "
                "real test today. BayReady simulates 1,000 forms with the blueprint's number of "
                "questions from each content area, drawing your ability in each area from its "
                "mastery estimate (so an uncertain estimate widens the spread), and counts how "
                "many of those forms reach the target. It also shows the score you would most "
                "likely get and the range 80 % of the simulated forms fall in.",
            ),
            "</p><h3>" + QCoreApplication.translate("Help", "Study plan") + "</h3><p>",
            QCoreApplication.translate(
                "Help",
                "'Study next' ranks areas and tasks by the points you could gain on a full form: "
                "the number of questions the blueprint gives them, times your room to improve, "
                "times how sure the estimate is. Areas and tasks with too few answers follow as "
                "'practise to measure'. Each entry has a Drill button for 10 questions on exactly "
                "that area or task.",
            ),
            "</p><h3>" + QCoreApplication.translate("Help", "Review missed") + "</h3><p>",
            QCoreApplication.translate(
                "Help",
                "A question you got wrong enters your review queue; answering it again schedules "
                "it further out when right and sooner when wrong (the FSRS spaced-repetition "
                "scheduler). The home screen shows how many are due for each test.",
            ),
            "</p>",
        ]
    )


class HelpDialog(QDialog):
    def __init__(self, menu_titles: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Help", "BayReady help"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        whole_tab_labels(self.tabs)
        self.shortcuts = QTextBrowser()
        self.shortcuts.setHtml(shortcuts_html(menu_titles))
        self.shortcuts.setAccessibleName(QCoreApplication.translate("Help", "Keyboard shortcuts"))
        self.scoring = QTextBrowser()
        self.scoring.setHtml(scoring_html())
        self.scoring.setAccessibleName(
            QCoreApplication.translate("Help", "Scoring, targets and readiness")
        )
        self.tabs.addTab(self.shortcuts, QCoreApplication.translate("Help", "&Keyboard shortcuts"))
        self.tabs.addTab(
            self.scoring, QCoreApplication.translate("Help", "&Scoring, targets and readiness")
        )
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


@dataclass(frozen=True)
class AboutFacts:
    version: str
    qt_version: str
    pyside_version: str
    database: str
    data_dir: str


def about_facts(database: str, data_dir: str) -> AboutFacts:
    from app import __version__

    return AboutFacts(__version__, qVersion(), pyside_version, database, data_dir)


class AboutDialog(QDialog):
    def __init__(self, facts: AboutFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Help", "About BayReady"))
        layout = QVBoxLayout(self)
        self.text = QLabel(
            "<h2>BayReady {v}</h2><p>{what}</p><table cellpadding='3'>"
            "<tr><td>{qt}</td><td>{qtv} (PySide6 {psv})</td></tr>"
            "<tr><td>{db}</td><td>{dbv}</td></tr>"
            "<tr><td>{dd}</td><td>{ddv}</td></tr></table>".format(
                v=facts.version,
                what=QCoreApplication.translate(
                    "Help", "Timed, task-list-tagged practice tests for ASE certification."
                ),
                qt=QCoreApplication.translate("Help", "Qt version:"),
                qtv=facts.qt_version,
                psv=facts.pyside_version,
                db=QCoreApplication.translate("Help", "Database:"),
                dbv=escape(facts.database),
                dd=QCoreApplication.translate("Help", "Data folder:"),
                ddv=escape(facts.data_dir),
            )
        )
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())
