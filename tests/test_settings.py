"""The settings file is versioned: older files are upgraded step by step, newer ones ignored."""

from __future__ import annotations

import json
from pathlib import Path

from app import settings


def test_every_older_version_has_an_upgrade_step() -> None:
    assert sorted(settings.UPGRADES) == list(range(settings.VERSION))


def test_a_file_without_a_version_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"last_profile": "Sam", "practice_count": 25}))
    loaded = settings.load(path)
    assert (loaded.last_profile, loaded.practice_count) == ("Sam", 25)


def test_a_saved_file_round_trips_at_the_current_version(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings.save(path, settings.Settings(last_profile="Ana", include_unscored=True))
    assert json.loads(path.read_text())["version"] == settings.VERSION
    assert settings.load(path) == settings.Settings(last_profile="Ana", include_unscored=True)


def test_a_newer_or_odd_version_falls_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    for version in (settings.VERSION + 1, "2", True, None):
        path.write_text(json.dumps({"version": version, "values": {"last_profile": "Sam"}}))
        assert settings.load(path) == settings.Settings()
