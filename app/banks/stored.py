"""What a bank keeps beside its questions once imported: the `enemies` map and the reference
booklet, as JSON text for the bank's stored row, and back.

Standard library, the domain and `app.banks` helpers only (no SQLAlchemy: the service stores the
text).
"""

from __future__ import annotations

import json
from pathlib import Path

from app.banks.diagnostics import BankError, Diagnostic, Severity
from app.banks.exhibits import ExhibitError, read_exhibit
from app.banks.reference import from_json, to_json
from app.domain.bank import Bank, Reference


def booklet_exhibits(bank: Bank, path: Path) -> dict[str, bytes]:
    """The booklet's exhibit files (beside the bank), capped and cleaned like question
    exhibits."""
    out: dict[str, bytes] = {}
    if bank.reference is None:
        return out
    for s in bank.reference.sections:
        if s.exhibit and s.exhibit not in bank.exhibit_files and s.exhibit not in out:
            try:
                out[s.exhibit] = read_exhibit(path.parent / s.exhibit, s.exhibit)
            except ExhibitError as e:
                raise BankError([Diagnostic(str(path), 1, 1, Severity.ERROR, str(e))]) from None
    return out


def stored_links(bank: Bank, exhibits: dict[str, bytes]) -> tuple[str | None, str | None]:
    """(enemies JSON or None, booklet JSON or None) for the bank's stored row. The booklet
    carries each question's section links under "links"."""
    enemies = {q.id: list(q.enemies) for q in bank.questions if q.enemies}
    booklet = None
    if bank.reference is not None:
        plain = json.loads(to_json(bank.reference, exhibits))
        plain["links"] = {q.id: list(q.reference) for q in bank.questions if q.reference}
        booklet = json.dumps(plain, ensure_ascii=False, sort_keys=True)
    return (json.dumps(enemies, sort_keys=True) if enemies else None), booklet


def enemy_pairs(text: str | None) -> list[tuple[str, str]]:
    """The stored enemies map as (uid, uid) pairs."""
    if not text:
        return []
    plain: dict[str, list[str]] = json.loads(text)
    return [(a, b) for a, bs in plain.items() for b in bs]


def stored_booklet(text: str) -> tuple[Reference, dict[str, bytes], dict[str, tuple[str, ...]]]:
    """(booklet, its exhibits' bytes, question uid -> section ids) from the stored JSON."""
    ref, exhibits = from_json(text)
    links = {k: tuple(v) for k, v in json.loads(text).get("links", {}).items()}
    return ref, exhibits, links
