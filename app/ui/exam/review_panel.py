"""The review screen before submitting: unanswered and flagged items, each a link back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.exams import AttemptState
from app.ui.exam.navigator import ANSWERED_MARK, FLAG_MARK
from app.ui.text import plain as _plain
from app.ui.text import tooltip as _tooltip


class ReviewPanel(QWidget):
    """Before submitting: unanswered and flagged items, each a link back to the question."""

    jump_requested = Signal(int)
    back_requested = Signal()
    submit_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._mock = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        lists = QHBoxLayout()
        self.unanswered = self._list(self.tr("Unanswered questions"))
        self.flagged = self._list(self.tr("Flagged for review"))
        self.unanswered_label = QLabel()
        self.flagged_label = QLabel()
        for label, lst in (
            (self.unanswered_label, self.unanswered),
            (self.flagged_label, self.flagged),
        ):
            col = QVBoxLayout()
            col.addWidget(label)
            col.addWidget(lst)
            lists.addLayout(col)
        layout.addLayout(lists, 1)
        buttons = QHBoxLayout()
        self.back = QPushButton(self.tr("Return to the questions"))
        self.submit = QPushButton()
        self.back.clicked.connect(self.back_requested)
        self.submit.clicked.connect(self.submit_requested)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.submit)
        layout.addLayout(buttons)
        self.set_mock(True)

    def set_mock(self, mock: bool) -> None:
        """A practice is finished, not submitted: no exam wording outside a mock."""
        self._mock = mock
        self.submit.setText(self.tr("Submit exam...") if mock else self.tr("Finish practice..."))
        self.submit.setAccessibleName(
            self.tr("Submit exam") if mock else self.tr("Finish practice")
        )

    def _list(self, name: str) -> QListWidget:
        lst = QListWidget()
        lst.setAccessibleName(name)
        lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lst.setTextElideMode(Qt.TextElideMode.ElideRight)
        lst.itemActivated.connect(self._on_list_item_activated)
        lst.itemClicked.connect(self._on_list_item_activated)
        return lst

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        position = item.data(Qt.ItemDataRole.UserRole)
        if position is not None:
            self.jump_requested.emit(int(position))

    def show_state(self, state: AttemptState) -> None:
        n = len(state.items)
        un = [i for i in state.items if not i.answered]
        fl = [i for i in state.items if i.flagged]
        title = (
            self.tr("Review before submitting")
            if self._mock
            else self.tr("Review before finishing")
        )
        self.heading.setText(
            f"<h2>{title}</h2><p>"
            + self.tr(
                "You have answered {0} of {1} questions. Select a question below to go back to "
                "it. An unanswered question earns no points."
            ).format(n - len(un), n)
            + "</p>"
        )
        self.unanswered_label.setText("<b>" + self.tr("Unanswered ({0})").format(len(un)) + "</b>")
        self.flagged_label.setText(
            "<b>" + self.tr("Flagged for review ({0})").format(len(fl)) + "</b>"
        )
        for lst, items, flagged in ((self.unanswered, un, False), (self.flagged, fl, True)):
            lst.clear()
            for i in items:
                snippet = " ".join(_plain(i.stem).split())
                head = self.tr("Question {0}").format(i.position + 1)
                if flagged:  # flagged and answered is not flagged and blank: say which
                    state_words = (
                        f"{ANSWERED_MARK}{FLAG_MARK} " + self.tr("answered")
                        if i.answered
                        else f"{FLAG_MARK} " + self.tr("not answered")
                    )
                    head = f"{head} ({state_words})"
                w = QListWidgetItem(f"{head}: {snippet}")
                w.setToolTip(_tooltip(i.stem))
                w.setData(Qt.ItemDataRole.UserRole, i.position)
                lst.addItem(w)
            if not items:
                lst.addItem(QListWidgetItem(self.tr("None")))
                lst.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
