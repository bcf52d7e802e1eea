"""The key two stems are compared by when a bank is checked for duplicate questions.

Shared by the item-by-item validator and the whole-bank bulk check, which must agree on it
(tests/banks/test_bulk_check.py). Imports only the markup reader, never either check.
"""

from __future__ import annotations

import re
import unicodedata

from app.banks.markup import plain_text

_NON_WORD = re.compile(r"[^a-z0-9]+")


def norm_stem(text: str) -> str:
    """Plain text, NFKC, lower case, runs of anything but a-z and 0-9 as one space."""
    if "<" in text or "&" in text:
        text = plain_text(text)
    # NFKC changes nothing in ASCII text, and most stems are ASCII
    t = (text if text.isascii() else unicodedata.normalize("NFKC", text)).lower()
    return _NON_WORD.sub(" ", t).strip()
