"""The random fault tests print their seed and replay one given in BAYREADY_FAULT_SEED."""

from __future__ import annotations

import pytest

from tests.faults.conftest import SEED_ENV, fault_seed


def test_a_given_seed_is_replayed_and_printed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(SEED_ENV, "12345")
    assert fault_seed() == 12345
    assert "fault seed 12345 (replay with BAYREADY_FAULT_SEED=12345)" in capsys.readouterr().out


def test_without_one_a_fresh_seed_is_printed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(SEED_ENV, raising=False)
    seed = fault_seed()
    assert f"fault seed {seed} " in capsys.readouterr().out
