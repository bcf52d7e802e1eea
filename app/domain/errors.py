"""The base of every error a user can cause and fix.

A `UserError` is shown as one message naming the file, line or thing and the fix; anything else
that escapes a use case is a programming error and goes to the log with its traceback. Stdlib only.
"""

from __future__ import annotations


class UserError(Exception):
    """A mistake the user can fix (a bad bank file, a wrong name, an unknown test)."""
