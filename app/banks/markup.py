"""The small safe subset of inline HTML allowed in question text, and a sanitiser for imports."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

SAFE_TAGS = frozenset({"b", "i", "em", "strong", "sub", "sup", "br", "p", "u"})
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
_REMOTE = re.compile(r"(https?:|ftp:|//)", re.I)


_JS = re.compile(r"javascript:", re.I)


def unsafe_markup(text: str) -> str | None:
    """Why `text` is not allowed in a native bank, or None when it is fine."""
    if "<" not in text and ":" not in text:  # the common case, checked without a regex
        return None
    for m in _TAG.finditer(text):
        name = m.group(2).lower()
        attrs = m.group(3).strip().rstrip("/").strip()
        if name not in SAFE_TAGS:
            return f"tag <{name}> is not allowed (allowed: {', '.join(sorted(SAFE_TAGS))})"
        if attrs:
            return f"attributes on <{name}> are not allowed"
    if _JS.search(text):
        return "script URLs are not allowed"
    return None


class _Sanitiser(HTMLParser):
    """Keeps text and safe tags; drops scripts, styles, handlers and remote resources."""

    _DROP_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template"})

    def __init__(self, images: list[str]) -> None:
        super().__init__(convert_charrefs=True)
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
        if tag in SAFE_TAGS:
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
        if tag in SAFE_TAGS and tag != "br":
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.out.append(html.escape(data, quote=False))


def sanitise_html(text: str) -> tuple[str, list[str]]:
    """Reduce HTML to the safe subset; returns the text and local image paths it referenced."""
    images: list[str] = []
    p = _Sanitiser(images)
    p.feed(text)
    p.close()
    out = "".join(p.out)
    out = re.sub(r"^(\s*<br>\s*)+|(\s*<br>\s*)+$", "", out)
    out = re.sub(r"<p>\s*</p>", "", out)
    # a single wrapping paragraph adds nothing
    m = re.fullmatch(r"\s*<p>(.*?)</p>\s*", out, re.S)
    if m and "<p>" not in m.group(1):
        out = m.group(1)
    return out.strip(), images


def plain_text(text: str) -> str:
    """Markup removed, entities decoded - for comparisons and search."""
    return html.unescape(re.sub(r"<[^>]+>", " ", text))
