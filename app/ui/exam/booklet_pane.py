"""The reference booklet's side pane on the exam screen (tests whose bank carries one, like L1).

Searchable: typing in the search box highlights every hit and lists only the sections that hold
one. When a question names sections (`reference: [S1, S3]`), the pane marks them and opens at the
first. Bank text reaches the screen only through app.ui.text (`rich`, `esc`); the browser loads no
resource it was not handed (section exhibits are rendered here and added to its document).
Receives a frozen BookletView; imports no storage.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.services.booklet import BookletSection, BookletView
from app.ui.exam.exhibit_view import render_exhibit
from app.ui.text import SafeTextBrowser, esc, plain, rich

HIT_STYLE = "background:#ffe066; color:black;"
EXHIBIT_WIDTH = 300  # fits the pane at its narrowest
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)|([^<]+)")


def highlight(markup: str, query: str) -> tuple[str, int]:
    """`markup` (already safe rich text) with every case-insensitive hit of `query` in its text
    (not in its tags) wrapped in a highlight span; and the number of hits."""
    q = html.escape(query.strip(), quote=False)
    if not q:
        return markup, 0
    pattern = re.compile(re.escape(q), re.I)
    hits = 0
    out: list[str] = []
    for tag, text in _TAG_OR_TEXT.findall(markup):
        if tag:
            out.append(tag)
            continue
        found = pattern.findall(text)
        hits += len(found)
        out.append(pattern.sub(lambda m: f"<span style='{HIT_STYLE}'>{m.group(0)}</span>", text))
    return "".join(out), hits


class BookletPane(QWidget):
    """Title, search box, the section list and the booklet's text; F4 shows and hides it."""

    hide_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.booklet: BookletView | None = None
        self.named: tuple[str, ...] = ()
        self.hits = 0
        col = QVBoxLayout(self)
        col.setContentsMargins(6, 0, 0, 0)
        head = QHBoxLayout()
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.hide_button = QPushButton(self.tr("Hide (F4)"))
        self.hide_button.setAccessibleName(self.tr("Hide the reference booklet"))
        self.hide_button.clicked.connect(self.hide_requested)
        head.addWidget(self.title, 1)
        head.addWidget(self.hide_button)
        col.addLayout(head)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the booklet"))
        self.search.setAccessibleName(self.tr("Search the reference booklet"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        col.addWidget(self.search)
        self.status = QLabel()
        self.status.setWordWrap(True)
        col.addWidget(self.status)
        # the section list above the text: side by side, both were too narrow to read
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        self.sections = QListWidget()
        self.sections.setAccessibleName(self.tr("Booklet sections"))
        self.sections.setWordWrap(True)
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.setMinimumHeight(60)
        self.sections.currentItemChanged.connect(self._on_sections_current_changed)
        self.text = SafeTextBrowser()
        self.text.setAccessibleName(self.tr("Reference booklet text"))
        self.text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        split.addWidget(self.sections)
        split.addWidget(self.text)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        col.addWidget(split, 1)
        self.setMinimumWidth(EXHIBIT_WIDTH + 40)
        self.toggle_button = QPushButton(self.tr("Booklet (F4)"))
        self.toggle_button.setAccessibleName(self.tr("Show or hide the reference booklet"))
        self.toggle_button.setCheckable(True)
        self.toggle_button.setVisible(False)
        self.toggle_button.toggled.connect(self.setVisible)
        self.hide_requested.connect(lambda: self.toggle_button.setChecked(False))
        self.setVisible(False)

    # -- what the exam page calls ---------------------------------------------------------------
    def set_booklet(self, booklet: BookletView | None) -> None:
        """A new attempt: its test's booklet (None hides the pane and its button)."""
        self.booklet = booklet
        self.named = ()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.toggle_button.setVisible(booklet is not None)
        if booklet is None:
            self.toggle_button.setChecked(False)
            self.setVisible(False)
            return
        self.title.setText(f"<b>{esc(booklet.title)}</b>")
        self._load_images(booklet.sections)
        self._fill()

    def toggle(self) -> None:
        if self.booklet is not None:
            self.toggle_button.setChecked(not self.toggle_button.isChecked())
            if self.isVisible():
                self.search.setFocus()

    def show_question(self, uid: str) -> None:
        """Mark the sections the current question names and open at the first of them."""
        if self.booklet is None:
            return
        self.named = self.booklet.sections_for(uid)
        self._fill()
        if self.named and not self.search.text().strip():
            self.jump_to(self.named[0])

    def jump_to(self, section_id: str) -> None:
        for i in range(self.sections.count()):
            item = self.sections.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == section_id:
                self.sections.setCurrentItem(item)
                return
        self.text.scrollToAnchor(section_id)

    # -- rendering ------------------------------------------------------------------------------
    def _load_images(self, sections: tuple[BookletSection, ...]) -> None:
        doc = self.text.document()
        for s in sections:
            if s.exhibit is not None:
                pm = render_exhibit(s.exhibit, s.exhibit_name, EXHIBIT_WIDTH)
                if not pm.isNull():
                    doc.addResource(
                        QTextDocument.ResourceType.ImageResource.value,
                        QUrl(f"booklet:{s.id}"),
                        pm.toImage(),
                    )

    def _fill(self) -> None:
        b = self.booklet
        assert b is not None
        query = self.search.text()
        parts: list[str] = []
        total = 0
        shown: list[BookletSection] = []
        for s in b.sections:
            body, n = highlight(rich(s.body), query)
            title, m = highlight(esc(s.title), query)
            if query.strip() and not n + m:
                continue
            total += n + m
            shown.append(s)
            mark = " &#9664; " + self.tr("this question") if s.id in self.named else ""
            figure = ""
            if s.exhibit is not None:
                figure = f"<p><img src='booklet:{s.id}' width='{EXHIBIT_WIDTH}'></p>"
            parts.append(
                f"<a name='{s.id}'></a><h3>{esc(s.id)}. {title}{mark}</h3><p>{body}</p>{figure}"
            )
        self.hits = total
        self.text.setHtml("".join(parts) or "<p>" + self.tr("No section matches.") + "</p>")
        self.sections.blockSignals(True)
        self.sections.clear()
        for s in shown:
            item = QListWidgetItem(f"{s.id}. {plain(s.title)}")
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            if s.id in self.named:
                f = item.font()
                f.setBold(True)
                item.setFont(f)
            self.sections.addItem(item)
        self.sections.blockSignals(False)
        if query.strip():
            hits = self.tr("1 hit") if total == 1 else self.tr("{0} hits").format(total)
            where = (
                self.tr(" in 1 section")
                if len(shown) == 1
                else self.tr(" in {0} sections").format(len(shown))
            )
            self.status.setText(hits + (where if shown else ""))
        elif self.named:
            self.status.setText(
                self.tr("This question refers to {0}.").format(", ".join(self.named))
            )
        else:
            self.status.setText(self.tr("{0} sections").format(len(b.sections)))

    def _on_search_text_changed(self, _text: str) -> None:
        if self.booklet is not None:
            self._fill()

    def _on_sections_current_changed(
        self, item: QListWidgetItem | None, _prev: QListWidgetItem | None
    ) -> None:
        if item is not None:
            self.text.scrollToAnchor(str(item.data(Qt.ItemDataRole.UserRole)))
