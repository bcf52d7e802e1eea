"""A bank file's problems as the ui shows them: the error and its file:line diagnostics.

Re-exported here so the ui reaches bank errors through services and never imports app.banks.
"""

from __future__ import annotations

from app.banks.diagnostics import BankError, Diagnostic, Severity

__all__ = ["BankError", "Diagnostic", "Severity"]
