"""The HTML sanitiser behind `markup.sanitise_html` (bank imports), apart from the markup checks
so that `html.parser` is loaded only by a process that imports foreign bank files. Standard
library only (markup imports this module lazily, so this one does not import it back)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_REMOTE = re.compile(r"(https?:|ftp:|//)", re.I)


class Sanitiser(HTMLParser):
    """Keeps text and safe tags; drops scripts, styles, handlers and remote resources."""

    _DROP_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template"})

    def __init__(self, images: list[str], safe_tags: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.safe_tags = safe_tags
        self.out: list[str] = []
        self._skip = 0
        self.images = images

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._DROP_CONTENT:
            self._skip += 1
            return
        if self._skip:
            return
        if tag == "img":
            src = dict(attrs).get("src") or ""
            if src and not _REMOTE.match(src):
                self.images.append(src)
            return
        if tag in self.safe_tags:
            self.out.append("<br>" if tag == "br" else f"<{tag}>")
        elif tag in {"div", "li", "tr"}:
            self.out.append("<br>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._DROP_CONTENT:
            self._skip = max(0, self._skip - 1)
            return
        if self._skip:
            return
        if tag in self.safe_tags and tag != "br":
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.out.append(html.escape(data, quote=False))
