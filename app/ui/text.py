"""Question text as stored (plain text with the small safe subset of inline tags; imported text
may carry HTML entities) turned into what Qt shows."""

from __future__ import annotations

import html
import re

_SAFE = re.compile(r"&lt;(/?)(b|i|em|strong|sub|sup|br|p|u)\s*/?&gt;")


def rich(text: str) -> str:
    """Rich text for a QLabel/QTextBrowser: everything escaped except the safe inline tags."""
    body = _SAFE.sub(r"<\1\2>", html.escape(html.unescape(text), quote=False))
    return body.replace("\n\n", "<br><br>").replace("\n", "<br>")


def plain(text: str) -> str:
    """Plain text (radio buttons, lists, accessible names): tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def esc(text: str) -> str:
    """Plain text escaped for insertion into rich text."""
    return html.escape(plain(text), quote=False)
