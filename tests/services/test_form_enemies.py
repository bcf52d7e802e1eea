"""Imported enemies and shared exhibits keep items apart on real mocks, practice and drills."""

from __future__ import annotations

import json
import random
from pathlib import Path

from app.services.setup import AppServices
from tests.factories import SVG, bank_document


def _bank(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    doc = bank_document("X4", {"A": 3, "B": 2}, per_area_factor=2)  # 6 A items, 4 B items
    qs = doc["questions"]
    qs[0]["enemies"] = [qs[1]["id"], qs[6]["id"]]  # within A, and across A-B
    (folder / "exhibits").mkdir()
    (folder / "exhibits" / "f.svg").write_text(SVG)
    for q in (qs[2], qs[3]):  # one exhibit, two items
        q["exhibit"] = "exhibits/f.svg"
    path = folder / "x4.json"
    path.write_text(json.dumps(doc))
    return path


def test_mocks_and_practice_never_hold_enemies(services: AppServices, tmp_path: Path) -> None:
    services.banks.import_file(_bank(tmp_path / "b"))
    pid = services.profiles.create("Ana").profile_id
    pairs = [("X4-00001", "X4-00002"), ("X4-00001", "X4-00007"), ("X4-00003", "X4-00004")]
    seeds = iter(range(10_000))
    services.exams._rng = lambda: random.Random(next(seeds))
    for _ in range(15):
        for st in (
            services.exams.start_mock(pid, "X4"),
            services.exams.start_practice(pid, "X4", count=8),
        ):
            uids = {i.uid for i in st.items}
            assert not any(a in uids and b in uids for a, b in pairs), uids
            services.exams.abandon(st.attempt_id)
