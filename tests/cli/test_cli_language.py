"""`--lang`, BAYREADY_LANG and the profile's language choose the language of CLI messages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli.translator import use_language
from app.domain.i18n import Language
from app.main import main
from app.paths import AppPaths
from tests.conftest import FakeNow


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    use_language(Language.ENGLISH)


def test_lang_es_gives_spanish_messages(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "--lang", "es", "bank", "list"]) == 0
    assert capsys.readouterr().out == "no hay bancos cargados\n"
    rc = main(["--data-dir", data, "--lang", "es", "report", "--profile", "Nadie", "--test", "A5"])
    assert rc == 1
    assert capsys.readouterr().err == "error: no hay ningún perfil llamado 'Nadie'\n"
    # English by default (tests/conftest.py sets BAYREADY_LANG=en), the same words as before
    assert main(["--data-dir", data, "report", "--profile", "Nadie", "--test", "A5"]) == 1
    assert capsys.readouterr().err == "error: no profile called 'Nadie'\n"


def test_the_profile_language_then_the_system_locale(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.setup import open_services

    monkeypatch.delenv("BAYREADY_LANG")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    d = tmp_path / "data"
    svc = open_services(AppPaths(d, f"sqlite:///{d / 'bayready.db'}"), FakeNow())
    svc.profiles.set_language(svc.profiles.create("Rosa").profile_id, Language.SPANISH)
    svc.close()
    argv = ["--data-dir", str(d), "report", "--profile", "Rosa", "--test", "Z1"]
    assert main(argv) == 1  # Rosa chose Spanish: her report's messages are Spanish
    assert capsys.readouterr().err == "error: no hay ninguna prueba 'Z1' cargada\n"
    assert main(["--lang", "en", *argv]) == 1  # --lang wins over the profile
    assert capsys.readouterr().err == "error: no test 'Z1' is loaded\n"
    monkeypatch.setenv("LC_ALL", "es_MX.UTF-8")  # no profile: the system locale's language
    assert main(["--data-dir", str(d), "bank", "list"]) == 0
    assert capsys.readouterr().out == "no hay bancos cargados\n"
