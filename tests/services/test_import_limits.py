"""The import service the GUI uses refuses a file with nothing importable (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.banks.diagnostics import BankError
from app.services.formats import prepare_file
from app.services.setup import AppServices


def test_nothing_importable_raises_and_creates_no_bank(
    services: AppServices, mini_bank: Path, tmp_path: Path
) -> None:
    services.banks.import_file(mini_bank)
    before = services.banks.list_banks()
    f = tmp_path / "only-essays.txt"
    f.write_text("::e1:: Explain brake fade. {}\n\nPlain text, no answers.\n")
    with pytest.raises(BankError) as raised:
        prepare_file(f, test_code="Z9", structure=services.banks.test_structure)
    errors = [d for d in raised.value.diagnostics if d.is_error]
    assert [d.message.split(":")[0] for d in errors] == ["nothing to import"]
    assert {d.line for d in raised.value.diagnostics if not d.is_error} == {1, 3}
    assert services.banks.list_banks() == before
