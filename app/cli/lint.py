"""`bayready bank lint FILE...` and the lint half of `bank validate --strict`. No Qt."""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from app.services.lint import lint_diagnostics
from app.services.problems import BankError

__all__ = ["lint_diagnostics", "run_lint"]

EXIT_OK, EXIT_INVALID = 0, 1


def run_lint(args: argparse.Namespace) -> int:
    """Print every finding as FILE:LINE:COL: warning: ..., then a count per rule and file.
    Exit 1 when any file does not read, or when --strict and anything was found."""
    worst = EXIT_OK
    for f in args.files:
        try:
            found = lint_diagnostics(f)
        except BankError as e:
            for d in e.diagnostics:
                print(d, file=sys.stderr)
            worst = EXIT_INVALID
            continue
        for d in found:
            print(d, file=sys.stderr)
        counts = Counter(d.field for d in found)
        summary = ", ".join(f"{rule} {n}" for rule, n in sorted(counts.items())) or "clean"
        print(f"{f}: {summary}")
        if found and args.strict:
            worst = EXIT_INVALID
    return worst
