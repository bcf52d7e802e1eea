"""The sdist and the wheel carry everything the app needs; the wheel works in a fresh virtualenv.

Builds the sdist from this checkout and the wheel from that sdist (as a build front end does),
with setuptools' own PEP 517 hooks and no network, installs the wheel into a new virtualenv
without system site-packages and runs the installed ``bayready`` on a fresh data dir. The
dependencies (PySide6, SQLAlchemy, ...) are borrowed from this test run's environment through a
plain path in a ``.pth`` file, which adds their folder to ``sys.path`` without running its
``.pth`` files, so the editable install of this checkout stays out; the test checks that ``app``
is imported from the new virtualenv.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

import app

REPO = Path(__file__).resolve().parents[2]
COMPANIONS = ("bayready-reference", "bayready-translation", "bayready-glossary")
SHIPPED = sorted(
    p.name
    for p in (REPO / "question_banks").glob("*.yaml")
    # L1's booklet, the banks' translation sidecars and the glossary are no banks of their own
    if not any(f"format: {c}" in p.read_text()[:800] for c in COMPANIONS)
)
SIDECARS = sorted(p.name for p in (REPO / "question_banks").glob("*.es.yaml"))

pytestmark = pytest.mark.wheel


def _build(code: str, cwd: Path, out_dir: Path) -> Path:
    out = str(out_dir)
    r = subprocess.run(
        [
            sys.executable,
            "-c",
            f"from setuptools import build_meta as b; print(b.{code}({str(out)!r}))",
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr[-4000:]
    return out_dir / r.stdout.strip().splitlines()[-1]


@dataclass(frozen=True)
class Installed:
    sdist: Path
    wheel: Path
    venv: Path
    bayready: Path
    python: Path
    env: dict[str, str]

    def run(self, *argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            list(argv), capture_output=True, text=True, env=self.env, cwd=cwd, timeout=180
        )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    pytest.importorskip("setuptools", reason="building needs setuptools in the test environment")
    pytest.importorskip("wheel", reason="building needs wheel in the test environment")
    tmp = tmp_path_factory.mktemp("wheel")
    sdist = _build("build_sdist", REPO, tmp)
    with tarfile.open(sdist) as tar:
        tar.extractall(tmp / "src", filter="data")
    (src,) = (tmp / "src").iterdir()
    wheel = _build("build_wheel", src, tmp)

    env_dir = tmp / "venv"
    venv.EnvBuilder(system_site_packages=False, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    r = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
         "--no-index", str(wheel)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    new_site = Path(
        subprocess.check_output(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            text=True,
        ).strip()
    )
    (new_site / "borrowed-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("BAYREADY_", "PYTHON", "VIRTUAL_ENV"))
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    return Installed(sdist, wheel, env_dir, env_dir / "bin" / "bayready", python, env)


def test_sdist_carries_the_source_folders(installed: Installed) -> None:
    with tarfile.open(installed.sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for name in (
        "setup.py",
        "pyproject.toml",
        "question_banks/a5-brakes.yaml",
        "question_banks/templates/bank-template.csv",
        "resources/bayready.svg",
        "resources/icons/bayready-512.png",
        "resources/i18n/bayready_es.ts",
        "app/resources.py",
        "app/banks/bank.schema.json",
    ):
        assert name in names, name
    assert any(n.startswith("question_banks/exhibits/a5/") for n in names)


def test_wheel_carries_banks_resources_schema_and_migrations(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    banks = {n.rsplit("/", 1)[1] for n in names if n.startswith("app/_data/question_banks/")}
    assert set(SHIPPED) <= banks
    assert "a5-brakes.es.yaml" in SIDECARS and set(SIDECARS) <= banks
    assert "glossary-es.yaml" in banks
    assert any(n.startswith("app/_data/question_banks/exhibits/a5/") for n in names)
    assert "app/_data/question_banks/templates/bank-template.xlsx" in names
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert f"app/_data/resources/icons/bayready-{size}.png" in names
    for name in (
        "app/_data/resources/bayready.svg",
        "app/_data/resources/bayready.ico",
        "app/_data/resources/io.github.bayready.BayReady.desktop",
        "app/_data/resources/io.github.bayready.BayReady.metainfo.xml",
        # the interface in Spanish: BayReady's texts and Qt's standard buttons and dialogs
        "app/_data/resources/i18n/bayready_es.qm",
        "app/_data/resources/i18n/qtbase_es.qm",
        "app/banks/bank.schema.json",
        "app/storage/migrations/env.py",
    ):
        assert name in names, name
    migrations = {p.name for p in (REPO / "app/storage/migrations/versions").glob("*.py")}
    assert {n.rsplit("/", 1)[1] for n in names if "/migrations/versions/" in n} >= migrations
    assert not any("__pycache__" in n for n in names)


def test_installed_wheel_runs_from_its_own_files(installed: Installed, tmp_path: Path) -> None:
    r = installed.run(
        str(installed.python),
        "-c",
        "import app, app.resources as r; print(app.__file__); print(r.shipped_banks_dir()); "
        "print(r.bank_schema()); print(r.migrations_dir()); print(r.icon_png(512))",
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr
    for line in r.stdout.splitlines():
        assert Path(line).is_relative_to(installed.venv), line
        assert Path(line).exists(), line

    r = installed.run(str(installed.bayready), "--version", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.strip() == f"bayready {app.__version__}"


def test_installed_wheel_shows_every_shipped_test(installed: Installed, tmp_path: Path) -> None:
    data = ["--data-dir", str(tmp_path / "fresh")]
    r = installed.run(str(installed.bayready), *data, "--smoke-test", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert f"tests={len(SHIPPED)}" in r.stdout, r.stdout

    r = installed.run(str(installed.bayready), *data, "bank", "list", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    codes = [line.split()[0] for line in r.stdout.splitlines()]
    assert codes == sorted(name.split("-")[0].upper() for name in SHIPPED)


def test_installed_cli_imports_and_validates_shipped_files(
    installed: Installed, tmp_path: Path
) -> None:
    r = installed.run(
        str(installed.python),
        "-c",
        "from app.resources import shipped_banks_dir; print(shipped_banks_dir())",
        cwd=tmp_path,
    )
    banks = Path(r.stdout.strip())
    assert banks.is_relative_to(installed.venv)
    data = ["--data-dir", str(tmp_path / "fresh")]
    r = installed.run(
        str(installed.bayready), *data, "bank", "validate", str(banks / "a5-brakes.yaml"),
        cwd=tmp_path,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert f"{banks / 'a5-brakes.yaml'}: ok - A5 Brakes" in r.stdout
    r = installed.run(
        str(installed.bayready), *data, "bank", "import",
        str(banks / "templates" / "bank-template.csv"), "--test", "A5", "--dry-run",
        cwd=tmp_path,
    )  # fmt: skip
    assert "no test" not in r.stderr, r.stderr
    assert r.returncode == 0 and "first run: loaded" in r.stderr
