"""The question navigator beside the exam: one button per question showing answered, flagged
and (in a practice) right or wrong in colour, a mark and words; a legend above them."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QMoveEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

from app.services.exams import ItemView

NAV_CSS = {
    "answered": "background:#2e7d32; color:white;",
    "wrong": "background:#c62828; color:white;",  # practice only: answered and wrong
    "unanswered": "",
    "flagged": "background:#f9a825; color:black; border:2px dashed #8a5a00;",
    "flagged_answered": "background:#f9a825; color:black; border:3px solid #2e7d32;",
}
ANSWERED_MARK, FLAG_MARK = "\u2713", "\u2691"  # a tick and a flag: the state without colour
RIGHT_MARK, WRONG_MARK = "\u2714", "\u2718"  # heavy tick and cross: right and wrong without colour
CURRENT_FRAME = 3  # pixels of the highlight frame around the current question's button


class CurrentMark(QWidget):
    """A highlight frame laid over the current question's button. Moving it repaints two
    buttons; restyling them (a style sheet each) cost more than the rest of a question switch,
    and a checkable button would make a screen reader say 'checked' on every cell."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def frame(self, button: QWidget | None) -> None:
        if button is None:
            self.hide()
            return
        if self.geometry() != button.geometry():
            self.setGeometry(button.geometry())
        if self.isHidden():
            self.raise_()  # above the buttons made after it
            self.show()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(self.palette().ColorRole.Highlight), CURRENT_FRAME)
        painter.setPen(pen)
        half = CURRENT_FRAME / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 3, 3)
        painter.end()


class NavigatorButton(QToolButton):
    def __init__(self, position: int, mark: CurrentMark | None = None) -> None:
        super().__init__()
        self.position = position
        self._mark = mark  # framing this button while it is the current question
        self.setText(str(position + 1))
        self.setFixedSize(44, 32)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._shown: tuple[bool, bool, bool, bool] | None = None  # what show_status drew
        self.current = False

    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        self._follow()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._follow()

    def _follow(self) -> None:
        """The grid places a new attempt's buttons after they are shown: the frame follows."""
        if self.current and self._mark is not None:
            self._mark.frame(self)

    def show_status(self, item: ItemView, current: bool, practice: bool = False) -> None:
        """A mock shows answered or not; a practice (marked at once) shows right or wrong.
        The current question's number is bold (the navigator frames it too)."""
        if current != self.current:  # a font, not a style sheet: no re-polish on every move
            self.current = current
            font = self.font()
            font.setBold(current)
            self.setFont(font)
        wrong = practice and item.answered and not item.correct
        shown = (item.answered, item.flagged, wrong, practice)
        if shown == self._shown:  # a style sheet re-polishes the button: only on a change
            return
        self._shown = shown
        if item.flagged:
            status = "flagged_answered" if item.answered else "flagged"
        else:
            status = ("wrong" if wrong else "answered") if item.answered else "unanswered"
        if self.styleSheet() != (sheet := f"QToolButton {{{NAV_CSS[status]}}}"):
            self.setStyleSheet(sheet)
        answered_mark = (WRONG_MARK if wrong else RIGHT_MARK) if practice else ANSWERED_MARK
        marks = (answered_mark if item.answered else "") + (FLAG_MARK if item.flagged else "")
        self.setText(f"{item.position + 1}{marks}")
        name = self.tr("Question {0}, {1}").format(
            item.position + 1, self._status_words(status, wrong=wrong, practice=practice)
        )
        if name != self.accessibleName():
            self.setAccessibleName(name)
            self.setToolTip(name)

    def _status_words(self, status: str, *, wrong: bool, practice: bool) -> str:
        if status == "answered":
            return self.tr("answered, right") if practice else self.tr("answered")
        if status == "wrong":
            return self.tr("answered, wrong")
        if status == "unanswered":
            return self.tr("not answered")
        if status == "flagged":
            return self.tr("flagged for review, not answered")
        if wrong:
            return self.tr("flagged for review, answered wrong")
        if practice:
            return self.tr("flagged for review, answered right")
        return self.tr("flagged for review, answered")


class Navigator(QWidget):
    """The side column: heading, legend and a grid of NavigatorButtons, five to a row."""

    jump_requested = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        side = QVBoxLayout(self)
        side.setContentsMargins(0, 0, 0, 0)
        side_label = QLabel("<b>" + self.tr("Questions") + "</b>")
        side.addWidget(side_label)
        self.legend = legend = QLabel(self.legend_html(practice=False))
        legend.setAccessibleName(self.tr("Navigator legend"))
        legend.setWordWrap(True)
        side.addWidget(legend)
        nav_holder = QWidget()
        self.current_mark = CurrentMark(nav_holder)
        self.grid = QGridLayout(nav_holder)
        self.grid.setSpacing(4)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        nav_scroll = QScrollArea()
        nav_scroll.setWidget(nav_holder)
        nav_scroll.setWidgetResizable(True)
        nav_scroll.setFixedWidth(5 * 44 + 4 * 4 + 34)
        nav_scroll.setAccessibleName(self.tr("Question navigator"))
        side.addWidget(nav_scroll, 1)
        self.buttons: list[NavigatorButton] = []

    def set_items(self, items: tuple[ItemView, ...], *, practice: bool) -> None:
        """New buttons for a new attempt (styled by the caller's next show_status)."""
        self.legend.setText(self.legend_html(practice=practice))
        self.current_mark.frame(None)
        for b in self.buttons:  # out of the grid at once; deleted when control returns
            self.grid.removeWidget(b)
            b.hide()
            b.deleteLater()
        self.buttons = []
        for item in items:
            b = NavigatorButton(item.position, self.current_mark)
            b.clicked.connect(lambda _c=False, p=item.position: self.jump_requested.emit(p))
            self.grid.addWidget(b, item.position // 5, item.position % 5)
            self.buttons.append(b)

    def show_status(
        self, items: tuple[ItemView, ...], current: int, previous: int | None, *, practice: bool
    ) -> None:
        # only the buttons that can have changed are restyled (a style sheet per button is slow)
        n = len(items)
        changed = {current} if previous is not None else set(range(n))
        if previous is not None and 0 <= previous < n:
            changed.add(previous)
        for pos in changed:
            self.buttons[pos].show_status(items[pos], pos == current, practice=practice)
        self._frame_current()

    def _frame_current(self) -> None:
        self.current_mark.frame(next((b for b in self.buttons if b.current), None))

    def legend_html(self, *, practice: bool) -> str:
        swatch = "<td><span style='{0}'>&nbsp;9{1}&nbsp;</span>&nbsp;{2}</td>"
        green, amber = "background:#2e7d32;color:white", "background:#f9a825;color:black"
        red = "background:#c62828;color:white"
        if practice:
            first = [
                swatch.format(green, RIGHT_MARK, self.tr("right")),
                swatch.format(red, WRONG_MARK, self.tr("wrong")),
            ]
        else:
            first = [swatch.format(green, ANSWERED_MARK, self.tr("answered"))]
        cells = [
            *first,
            swatch.format("", "", self.tr("not answered")),
            swatch.format(amber, FLAG_MARK, self.tr("flagged")),
            swatch.format(amber, ANSWERED_MARK + FLAG_MARK, self.tr("flagged, answered")),
        ]
        rows = ["".join(cells[i : i + 2]) for i in range(0, len(cells), 2)]  # two to a row
        return "<table cellspacing='2'><tr>" + "</tr><tr>".join(rows) + "</tr></table>"
