"""The one safe path from bank text to the screen, the report and tooltips.

Question text as stored is plain text with the small safe subset of inline tags (imported text may
carry HTML entities). Everything a bank supplies reaches Qt through `rich`, `esc`, `plain` or
`tooltip` here, so no tag with attributes - no `<img>`, no link, no style - ever reaches a widget
that interprets rich text. Documents we own (`SafeDocument`, `SafeTextBrowser`) also refuse every
resource they were not given explicitly, so even markup written by the app itself cannot make Qt
read a file (`/dev/zero` would hang, `/etc/...` would be read) or a URL.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

_SAFE = re.compile(r"&lt;(/?)(b|i|em|strong|sub|sup|br|p|u)\s*/?&gt;")


def rich(text: str) -> str:
    """Rich text for a QLabel/QTextBrowser: everything escaped except the safe inline tags."""
    body = _SAFE.sub(r"<\1\2>", html.escape(html.unescape(text), quote=False))
    return body.replace("\n\n", "<br><br>").replace("\n", "<br>")


def plain(text: str) -> str:
    """Plain text (radio buttons, lists, accessible names): tags dropped, entities decoded.

    Never hand the result to a tooltip or an AutoText label: decoding `&lt;img ...&gt;` makes
    markup again. Use `tooltip` or `esc` for those."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def esc(text: str) -> str:
    """Plain text escaped for insertion into rich text."""
    return html.escape(plain(text), quote=False)


def literal(text: str) -> str:
    """Text a person typed (a profile name, a file name) escaped as it is, tags and all."""
    return html.escape(text, quote=False)


def tooltip(text: str, limit: int = 300) -> str:
    """A tooltip showing bank text as text (whitespace folded, at most `limit` characters).

    Qt renders a tooltip as rich text whenever it looks like HTML, so the text is escaped and
    marked as rich text (which also wraps long lines)."""
    shown = " ".join(plain(text).split())[:limit]
    return f"<qt>{html.escape(shown, quote=False)}</qt>"


def _refused(url: QUrl | str) -> QImage:
    # A valid but empty value: an invalid one (None, bytes) makes Qt read the file itself.
    del url
    return QImage()


class SafeDocument(QTextDocument):
    """A QTextDocument that shows only the resources added to it with `addResource`."""

    def __init__(self) -> None:
        super().__init__()
        self.refused: list[str] = []  # what something asked for and did not get

    def loadResource(self, type: int, name: QUrl | str) -> object:
        self.refused.append(QUrl(name).toString())
        return _refused(name)


class SafeTextBrowser(QTextBrowser):
    """A read-only text view that follows no link and loads no file, image or URL."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.refused: list[str] = []  # what something asked for and did not get

    def loadResource(self, type: int, name: QUrl | str) -> object:
        self.refused.append(QUrl(name).toString())
        return _refused(name)
