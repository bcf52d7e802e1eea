"""The base of every error a user can cause and fix.

A `UserError` is shown as one message naming the file, line or thing and the fix; anything else
that escapes a use case is a programming error and goes to the log with its traceback. Stdlib only.
"""

from __future__ import annotations


class UserError(Exception):
    """A mistake the user can fix (a bad bank file, a wrong name, an unknown test).

    Raised with a text marked by `QT_TRANSLATE_NOOP` (app/domain/i18n.py) and positional values
    for its `{0}`, `{1}`... placeholders, `str(error)` is the English message and the ui or cli
    shows `context`/`source` translated, then formatted with `values`.
    """

    def __init__(self, message: object = "", *values: object) -> None:
        text = str(message)
        super().__init__(text.format(*values) if values else text)
        self.source = text
        self.values = values
        self.context: str | None = getattr(message, "context", None)
