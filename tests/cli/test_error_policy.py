"""The CLI's error policy: a user's mistake is one line and exit 1; a bug is not disguised as one.

Only the `UserError` family and database faults are reworded. Any other exception (a ValueError
from a bug, say) escapes `main`, so the crash hook logs its traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.errors import UserError
from app.main import main
from app.services.banks import BankService
from app.services.profiles import ProfileError


def test_a_user_error_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: BankService) -> None:
        raise ProfileError("no profile named 'Sam'; add it with the Profiles button")

    monkeypatch.setattr(BankService, "list_banks", refuse)
    code = main(["--data-dir", str(tmp_path), "bank", "list"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.splitlines()[-1] == "error: no profile named 'Sam'; add it with the Profiles button"


def test_a_programming_error_is_not_reworded_as_a_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def bug(self: BankService) -> None:
        raise ValueError("invalid literal for int() with base 10: 'x'")

    monkeypatch.setattr(BankService, "list_banks", bug)
    with pytest.raises(ValueError, match="invalid literal"):
        main(["--data-dir", str(tmp_path), "bank", "list"])
    assert "error: invalid literal" not in capsys.readouterr().err


def test_every_service_error_is_a_user_error() -> None:
    from app.banks.diagnostics import BankError
    from app.domain.forms import PoolTooSmallError
    from app.domain.planner import PlanError
    from app.services.classroom import ClassroomError
    from app.services.exams import ExamError
    from app.services.exports import ExportError
    from app.services.formats import MappingNeededError
    from app.services.reports import ReportError

    for kind in (
        BankError,
        PoolTooSmallError,
        PlanError,
        ClassroomError,
        ExamError,
        ExportError,
        MappingNeededError,
        ReportError,
        ProfileError,
    ):
        assert issubclass(kind, UserError), kind
