"""Finds the files BayReady ships: banks, icon, desktop entry, JSON Schema, migrations.

Everything is read through ``importlib.resources``, so the same code works from a wheel, an
editable install of the checkout and a PyInstaller bundle; nothing is located by walking up from
``__file__`` to a checkout. ``question_banks/`` and ``resources/`` are top-level source folders
mapped into the package as ``app._data.*`` by ``setup.py``.

Standard library only (imported before the first window); no Qt, no SQLAlchemy.
"""

from __future__ import annotations

import os
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
APP_ID = "io.github.bayready.BayReady"


class MissingResourceError(RuntimeError):
    """A file that ships with BayReady is not where the package says (a broken install)."""


def _on_disk(t: Traversable, what: str) -> Path:
    # Wheels, editable installs and PyInstaller bundles all unpack to real files; a zipped
    # install would not, and the banks' exhibits and Alembic both need real paths.
    if not isinstance(t, Path):
        t = Path(str(t))
    if not t.exists():
        raise MissingResourceError(
            f"BayReady's {what} is missing from {t}; reinstall BayReady (pipx reinstall bayready)"
        )
    return t


def _files(package: str) -> Traversable:
    try:
        return resources.files(package)
    except ModuleNotFoundError:
        # a checkout run without installing: setup.py's mapping exists only in an install
        raise MissingResourceError(
            f"BayReady's data package {package} is not installed; install BayReady "
            "(in a checkout: make run, or pip install -e .)"
        ) from None


def shipped_banks_dir() -> Path:
    """The shipped question banks (YAML files with their exhibits and templates).

    ``BAYREADY_SHIPPED_BANKS`` points somewhere else (tests and benchmarks use a small bank).
    """
    env = os.environ.get("BAYREADY_SHIPPED_BANKS")
    if env:
        return Path(env)
    return _on_disk(_files("app._data.question_banks"), "question bank folder")


def resources_dir() -> Path:
    """The ``resources/`` folder: icons, desktop entry, AppStream metadata."""
    return _on_disk(_files("app._data.resources"), "resources folder")


def resource(name: str) -> Path:
    """One file under ``resources/``, e.g. ``resource("bayready.svg")``."""
    return _on_disk(_files("app._data.resources").joinpath(name), name)


def icon_png(size: int) -> Path:
    return resource(f"icons/bayready-{size}.png")


def icon_files() -> list[Path]:
    """Every rendered size of the application icon, smallest first."""
    return [icon_png(s) for s in ICON_SIZES]


def translations_dir() -> Path:
    """The interface translations (``resources/i18n/*.qm``, built from the ``.ts`` sources)."""
    return resource("i18n")


def bank_schema() -> Path:
    """The JSON Schema of the native bank format."""
    return _on_disk(_files("app.banks").joinpath("bank.schema.json"), "bank JSON Schema")


def migrations_dir() -> Path:
    """Alembic's script folder (Alembic needs a real directory)."""
    return _on_disk(_files("app.storage").joinpath("migrations"), "migrations folder")
