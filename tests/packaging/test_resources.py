"""resources/: icon in every size, desktop entry, AppStream metadata, found by app.resources."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import app
from app import resources

REPO = Path(__file__).resolve().parents[2]
DESKTOP = resources.resource(f"{resources.APP_ID}.desktop")
METAINFO = resources.resource(f"{resources.APP_ID}.metainfo.xml")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    w, h = struct.unpack(">II", data[16:24])
    return w, h


def test_shipped_files_are_found_through_the_package() -> None:
    banks = resources.shipped_banks_dir()
    assert len(list(banks.glob("*.yaml"))) >= 10
    assert (banks / "a9-light-vehicle-diesel-engines.yaml").is_file()
    assert (banks / "exhibits" / "a5").is_dir()
    assert (banks / "templates" / "bank-template.xlsx").is_file()
    assert json.loads(resources.bank_schema().read_text())["type"] == "object"
    assert (resources.migrations_dir() / "env.py").is_file()
    assert resources.resources_dir() == resources.resource("bayready.svg").parent


def test_a_missing_resource_names_the_fix() -> None:
    with pytest.raises(resources.MissingResourceError, match="reinstall BayReady"):
        resources.resource("no-such-file.png")


def test_icon_pngs_have_their_sizes() -> None:
    for size, path in zip(resources.ICON_SIZES, resources.icon_files(), strict=True):
        assert _png_size(path.read_bytes()) == (size, size), path


def test_ico_and_icns_hold_the_rendered_pngs() -> None:
    ico = resources.resource("bayready.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count == 7
    sizes = []
    for i in range(count):
        w, _h, _c, _r, _p, _b, length, offset = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i]
        )
        sizes.append(w or 256)
        assert _png_size(ico[offset : offset + length]) == (w or 256, w or 256)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]

    icns = resources.resource("bayready.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    kinds, pos = [], 8
    while pos < len(icns):
        kind, length = icns[pos : pos + 4], struct.unpack(">I", icns[pos + 4 : pos + 8])[0]
        kinds.append(kind)
        pos += length
    assert pos == len(icns) and {b"ic07", b"ic08", b"ic09", b"icp4", b"ic14"} <= set(kinds)


def test_committed_icons_match_the_svg_source() -> None:
    r = subprocess.run(
        [sys.executable, str(REPO / "tools" / "render_icons.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr


def test_desktop_entry_and_metainfo_agree_with_the_app() -> None:
    entry = dict(line.split("=", 1) for line in DESKTOP.read_text().splitlines() if "=" in line)
    assert entry["Exec"] == "bayready" and entry["Icon"] == resources.APP_ID
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == resources.APP_ID
    assert root.find("launchable").text == DESKTOP.name
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == app.__version__


def test_desktop_entry_validates() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate missing: make test installs desktop-file-utils")
    r = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout == "", r.stdout + r.stderr


def test_metainfo_validates() -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli missing: make test installs appstream")
    r = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_a_checkout_reads_its_own_top_level_folders() -> None:
    """The editable install maps app._data onto question_banks/ and resources/ themselves, so an
    edit to a shipped bank or the icon shows without a rebuild."""
    assert resources.shipped_banks_dir() == REPO / "question_banks"
    assert resources.resources_dir() == REPO / "resources"


def test_running_without_an_install_says_how_to_install(tmp_path: Path) -> None:
    # a copy of the app package alone, as a checkout run with a bare PYTHONPATH would see it
    shutil.copytree(REPO / "app", tmp_path / "app", ignore=shutil.ignore_patterns("__pycache__"))
    r = subprocess.run(
        [sys.executable, "-S", "-c", "from app import resources; resources.shipped_banks_dir()"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert r.returncode == 1
    assert "data package app._data.question_banks is not installed" in r.stderr
    assert "make run" in r.stderr


def test_no_module_finds_files_from_its_own_location() -> None:
    """Every shipped file is found through app.resources (a path built from __file__ breaks in a
    bundle or a zipped install, and tends to reach for the checkout)."""
    offenders = [
        f"{p.relative_to(REPO)}:{n}"
        for p in sorted((REPO / "app").rglob("*.py"))
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if "__file__" in line and not line.lstrip().startswith(("#", "``"))
    ]
    assert offenders == []
