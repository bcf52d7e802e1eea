"""Fuzzing the translation sidecar checker: no input makes it raise, every problem has a place,
and a translation comes back exactly when there is no error (same mutations as the bank
readers' fuzzers in test_fuzz.py)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings

from app.banks.diagnostics import Diagnostic
from app.banks.native import read_bank
from app.banks.translation import parse_translation
from app.banks.translation_writer import dump
from app.domain.bank import Bank
from tests.banks.test_translation import translate_all
from tests.factories import write_bank
from tests.faults.test_fuzz import FUZZ, SCALE, YAML_TOKENS, guarded, mutated_document, texts

_FOLDER = Path(tempfile.mkdtemp(prefix="bayready-fuzz-tr-"))
_BANK_PATH = write_bank(_FOLDER, "F1", {"A": 2, "B": 1}, per_area_factor=2, exhibit=True)
_SIDECAR = translate_all(_BANK_PATH)
BASE: Any = yaml.safe_load(_SIDECAR.read_text(encoding="utf-8"))
SEED_TEXT = _SIDECAR.read_text(encoding="utf-8")
TOKENS = [*YAML_TOKENS, "source_fingerprint: ", "todo: true", "correct: true", "E:", "  A: "]


@pytest.fixture(scope="module")
def bank() -> Iterator[Bank]:
    yield read_bank(_BANK_PATH)


def check(bank: Bank, text: str) -> None:
    translation, diags = parse_translation(_SIDECAR, text, bank)
    assert all(isinstance(d, Diagnostic) and d.line >= 1 and d.col >= 1 for d in diags)
    assert (translation is None) == any(d.is_error for d in diags)
    if translation is not None:
        english = {q.id: q for q in bank.questions}
        for q in translation.questions:  # what loads keeps the English structure
            assert len(q.choices) in (0, len(english[q.id].choices))


@settings(FUZZ, max_examples=300 * SCALE)
@given(doc=mutated_document(BASE))
def test_sidecar_structure(bank: Bank, doc: Any) -> None:
    def run() -> None:
        try:
            text = dump(doc) if isinstance(doc, dict) else yaml.safe_dump(doc)
        except (yaml.YAMLError, TypeError, ValueError, AttributeError):
            return  # not writable as YAML: nothing to read
        check(bank, text)

    guarded("translation sidecar (structure)", run)


@settings(FUZZ, max_examples=200 * SCALE)
@given(text=texts([SEED_TEXT], TOKENS))
def test_sidecar_text(bank: Bank, text: str) -> None:
    guarded("translation sidecar (text)", lambda: check(bank, text))
