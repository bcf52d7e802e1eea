"""The small safe subset of inline HTML allowed in question text, and a sanitiser for imports.

Every function here is linear in the length of its text, whatever the text (`<a<a<a...` with no
`>` once took 33 s for 128 KB): a tag needs a `>`, so nothing after the last `>` is scanned as one.
"""

from __future__ import annotations

import html
import re

SAFE_TAGS = frozenset({"b", "i", "em", "strong", "sub", "sup", "br", "p", "u"})
# `<\s*(/?)\s*` would try every split of a run of spaces between two `\s*` (quadratic on
# "<" and 40,000 spaces); the slash takes its own spaces instead
_TAG = re.compile(r"<\s*(?:(/)\s*)?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
_JS = re.compile(r"javascript:", re.I)


def unsafe_markup(text: str) -> str | None:
    """Why `text` is not allowed in a native bank, or None when it is fine."""
    if "<" not in text and ":" not in text:  # the common case, checked without a regex
        return None
    # a `<` with no `>` after it starts no tag; scanning for one from each `<` is quadratic
    for m in _TAG.finditer(text, 0, text.rfind(">") + 1):
        name = m.group(2).lower()
        attrs = m.group(3).strip().rstrip("/").strip()
        if name not in SAFE_TAGS:
            return f"tag <{name}> is not allowed (allowed: {', '.join(sorted(SAFE_TAGS))})"
        if attrs:
            return f"attributes on <{name}> are not allowed"
    if has_script_url(text):
        return "script URLs are not allowed"
    return None


def has_script_url(text: str) -> bool:
    """A script URL as unsafe_markup finds one: in any case, as Python's case-insensitive matching
    has it (which also takes the long s and the dotless and dotted capital i for `s` and `i`)."""
    return _JS.search(text) is not None


def sanitise_html(text: str) -> tuple[str, list[str]]:
    """Reduce HTML to the safe subset; returns the text and local image paths it referenced."""
    # html.parser only here: a process that only shows questions never loads it
    from app.banks.html_sanitiser import Sanitiser

    images: list[str] = []
    p = Sanitiser(images, SAFE_TAGS)
    p.feed(escape_unclosed_tail(text))
    p.close()
    out = _strip_breaks("".join(p.out))
    out = _EMPTY_P.sub("", out)
    # a single wrapping paragraph adds nothing
    body = out.strip()
    if body.startswith("<p>") and body.endswith("</p>") and body.count("<p>") == 1:
        inner = body[3:-4]
        if "</p>" not in inner:
            out = inner
    return out.strip(), images


_EMPTY_P = re.compile(r"<p>\s*</p>")


def escape_unclosed_tail(text: str) -> str:
    """`text` with every `<` after its last `>` escaped: no tag can start there, and Python's
    HTMLParser rescans the rest of the text from each such `<` (quadratic on `<a<a<a...`)."""
    last = text.rfind(">")
    tail = text[last + 1 :]
    if "<" not in tail:
        return text
    return text[: last + 1] + tail.replace("<", "&lt;")


def _strip_breaks(text: str) -> str:
    """Leading and trailing line breaks (and the space around them) removed, in linear time
    (the regex this replaces backtracked over every `<br>` in the middle of the text)."""
    start, end = 0, len(text)
    while True:
        while start < end and text[start].isspace():
            start += 1
        if text.startswith("<br>", start, end):
            start += 4
            continue
        break
    while True:
        while end > start and text[end - 1].isspace():
            end -= 1
        if text.endswith("<br>", start, end):
            end -= 4
            continue
        break
    return text[start:end]


def plain_text(text: str) -> str:
    """Markup removed, entities decoded - for comparisons and search."""
    if "<" not in text:
        return html.unescape(text) if "&" in text else text
    last = text.rfind(">") + 1  # no tag after the last `>`: never scan there (quadratic)
    return html.unescape(_ANY_TAG.sub(" ", text[:last]) + text[last:])


_ANY_TAG = re.compile(r"<[^>]+>")
