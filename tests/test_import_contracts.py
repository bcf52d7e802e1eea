"""The import-linter contracts in pyproject.toml hold, and each one can fail.

A contract that cannot fail is a defect, so every contract is proven the way a reviewer would:
copy app/ to a scratch folder, plant one forbidden import, run the real `lint-imports` on the copy
and watch that contract break (the untouched copy keeps every contract). The plants are invisible
to the installed package, so a run that read the wrong tree would pass and fail the test.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

LAYERS = "Layers point one way"
CLI = "The cli reaches data through services only"
LOWER = "Storage and banks never import services, ui or cli"
QT = "Only the ui imports Qt"
READERS = "Bank readers are independent of each other"
DOMAIN = "Domain is stdlib only"
UI = "The ui reaches the database and bank files only through services"
SQL = "Services build no SQL"
SUPPORT = "Support modules import no layer"

# (module file under app/, the planted line, the contracts it must break)
PLANTS = [
    ("cli/commands.py", "import app.storage.models", {CLI}),
    ("cli/commands.py", "from app.banks import native", {CLI}),
    ("cli/classroom.py", "import sqlalchemy", {CLI}),
    ("cli/commands.py", "import alembic", {CLI}),
    ("cli/commands.py", "import app.ui.theme", {LAYERS, CLI, QT}),
    ("storage/models.py", "import app.services.banks", {LAYERS, LOWER}),
    ("banks/native/reader.py", "from app.services import exams", {LAYERS, LOWER}),
    ("banks/gift.py", "import app.cli.commands", {LAYERS, LOWER, READERS}),
    ("storage/database.py", "import app.banks.native", {LAYERS}),
    ("banks/gift.py", "from app.banks import aiken", {READERS}),
    ("banks/spreadsheet.py", "import app.banks.native.loader", {READERS}),
    ("banks/drafts.py", "import app.banks.foreign", {READERS}),
    ("services/banks.py", "import app.cli.commands", {LAYERS}),
    ("services/reports.py", "import PySide6.QtCore", {QT}),
    # the cli's one Qt import (QTranslator, app/cli/translator.py) is no licence for the rest
    ("cli/commands.py", "from PySide6.QtCore import QTranslator", {CLI, QT}),
    ("domain/bank.py", "import yaml", {DOMAIN}),
    ("domain/forms.py", "import app.paths", {DOMAIN}),
    ("domain/scoring.py", "import app.storage.models", {LAYERS, DOMAIN}),
    ("ui/home.py", "import sqlalchemy", {UI}),
    ("ui/home.py", "from app.storage import models", {UI}),
    ("ui/home.py", "from app.banks import native", {UI}),
    # services reach SQL only through app/storage/queries/, whatever part of SQLAlchemy they name
    ("services/plans.py", "from sqlalchemy import select", {SQL}),
    ("services/classroom.py", "from sqlalchemy.orm import Session", {SQL}),
    ("services/class_roster.py", "from sqlalchemy.exc import DBAPIError", {SQL}),
    ("services/profiles.py", "import sqlalchemy.sql.functions", {SQL}),
    # every service, the ones that held SQL longest included
    ("services/exams.py", "from sqlalchemy import func", {SQL}),
    # a support module is no back door from a layer to storage (the ui imports settings)
    ("settings.py", "import app.storage.database", {SUPPORT}),
    ("paths.py", "from app.services import profiles", {SUPPORT}),
    ("logs.py", "import PySide6.QtCore", {SUPPORT}),
    ("resources.py", "import sqlalchemy", {SUPPORT}),
]


def _contract_names(pyproject: str) -> set[str]:
    contracts = tomllib.loads(pyproject)["tool"]["importlinter"]["contracts"]
    return {c["name"] for c in contracts}


def _copy_app(dest: Path) -> None:
    def not_source(folder: str, names: list[str]) -> list[str]:
        return [
            n
            for n in names
            if n == "__pycache__" or (Path(folder, n).is_file() and not n.endswith(".py"))
        ]

    shutil.copytree(ROOT / "app", dest / "app", ignore=not_source)
    shutil.copy(ROOT / "pyproject.toml", dest / "pyproject.toml")


def _lint(folder: Path) -> tuple[int, str]:
    env = {**os.environ, "PYTHONPATH": str(folder)}
    run = subprocess.run(
        [str(LINT_IMPORTS), str(folder / "pyproject.toml"), "--no-cache"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return run.returncode, run.stdout + run.stderr


def _broken(output: str) -> set[str]:
    # "NAME BROKEN", or "NAME BROKEN (1 ignored import)" for a contract with ignore_imports
    lines = (re.sub(r" \(\d+ ignored imports?\)$", "", line) for line in output.splitlines())
    return {line[: -len(" BROKEN")] for line in lines if line.endswith(" BROKEN")}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pristine")
    _copy_app(folder)
    return folder


def test_the_contracts_are_the_ones_this_file_proves() -> None:
    names = _contract_names((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert names == {LAYERS, CLI, LOWER, READERS, QT, DOMAIN, UI, SQL, SUPPORT}


def test_an_untouched_copy_keeps_every_contract(pristine: Path) -> None:
    code, out = _lint(pristine)
    assert code == 0, out
    assert _broken(out) == set()


@pytest.mark.parametrize(("module", "line", "contracts"), PLANTS, ids=[p[1] for p in PLANTS])
def test_a_planted_import_breaks_its_contract(
    tmp_path: Path, module: str, line: str, contracts: set[str]
) -> None:
    _copy_app(tmp_path)
    target = tmp_path / "app" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # planted\n", "utf-8")
    code, out = _lint(tmp_path)
    assert code != 0, out
    assert _broken(out) == contracts, out


# -- domain: stdlib only, checked against the interpreter's own list ---------------------------
def non_stdlib_imports(source: str) -> list[str]:
    """Top-level packages a module imports that are neither stdlib nor app.domain."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            if name == "app.domain" or name.startswith("app.domain."):
                continue
            if name.split(".")[0] not in sys.stdlib_module_names:
                found.append(name)
    return found


def test_domain_imports_only_the_standard_library() -> None:
    offenders = {
        str(f.relative_to(ROOT)): bad
        for f in sorted((ROOT / "app" / "domain").rglob("*.py"))
        if (bad := non_stdlib_imports(f.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_the_stdlib_check_sees_a_planted_import() -> None:
    planted = "import json\nfrom app.domain.bank import Bank\n\ndef f():\n    import yaml\n"
    assert non_stdlib_imports(planted) == ["yaml"]
    assert non_stdlib_imports("from app.paths import AppPaths\n") == ["app.paths"]


# -- no import cycles below the ui, lazy imports included ---------------------------------------
# import-linter's contracts see only the layers; a cycle inside one package (the bulk check once
# imported the validator's stem key back inside a function) passes them all. The ui's flows and
# main window still name each other (docs/architecture.md, "Known gaps").
def import_cycles(app_dir: Path) -> list[list[str]]:
    """The groups of app modules that import each other, directly or round a loop, counting
    imports inside functions; app.ui is left out."""
    files = {
        ".".join(f.relative_to(app_dir.parent).with_suffix("").parts).removesuffix(".__init__"): f
        for f in app_dir.rglob("*.py")
    }
    modules = {m: f for m, f in files.items() if m != "app.ui" and not m.startswith("app.ui.")}
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        named: list[str] = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                named += [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                named += [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        deps = set()
        for name in named:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != module:
                deps.add(name)
        graph[module] = deps

    def reaches(start: str) -> set[str]:
        seen: set[str] = set()
        todo = [start]
        while todo:
            for dep in graph[todo.pop()] - seen:
                seen.add(dep)
                todo.append(dep)
        return seen

    reach = {m: reaches(m) for m in graph}
    loops = {frozenset(n for n in reach[m] if m in reach[n]) for m in graph if m in reach[m]}
    return sorted(sorted(loop) for loop in loops)


def test_no_module_below_the_ui_imports_one_that_imports_it_back() -> None:
    assert import_cycles(ROOT / "app") == []


def test_the_cycle_check_sees_a_planted_lazy_import(tmp_path: Path) -> None:
    _copy_app(tmp_path)
    target = tmp_path / "app" / "banks" / "native" / "bulk_check.py"
    planted = "\n\ndef _planted() -> None:\n    from app.banks.native.validator import Locator\n"
    target.write_text(target.read_text(encoding="utf-8") + planted, "utf-8")
    assert import_cycles(tmp_path / "app") == [
        ["app.banks.native.bulk_check", "app.banks.native.validator"]
    ]
