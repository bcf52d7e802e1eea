"""Reading a native bank file's text and parsing it (JSON or YAML) into plain data.

Syntax errors become diagnostics with line and column; YAML aliases (a billion laughs) and
nesting too deep for the parser are refused. No validation of the content here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from app.banks.diagnostics import Diagnostic, Severity
from app.banks.files import read_capped
from app.banks.native.schema import MAX_FILE_BYTES

try:  # libyaml is much faster; fall back to the pure-Python loader where it is missing
    YAML_LOADER: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the wheel
    YAML_LOADER = yaml.SafeLoader


_ALIAS = re.compile(r"(?:^|[\s\[,{:-])\*[A-Za-z0-9_-]+", re.M)


def _shares_nodes(data: Any) -> bool:
    """True when one list or mapping appears twice (YAML aliases: a 400-byte file can stand for
    ten million nodes). Linear in the distinct containers."""
    seen: set[int] = set()
    stack = [data]
    while stack:
        x = stack.pop()
        if isinstance(x, dict | list):
            if id(x) in seen:
                return True
            seen.add(id(x))
            stack.extend(x.values() if isinstance(x, dict) else x)
    return False


def load_data(path: Path, text: str) -> tuple[Any, list[Diagnostic]]:
    name = str(path)
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text), []
        except RecursionError:
            return None, [
                Diagnostic(
                    name,
                    1,
                    1,
                    Severity.ERROR,
                    "JSON is nested too deeply (lists or objects inside each other hundreds of "
                    "levels deep); a bank nests at most a few levels",
                )
            ]
        except json.JSONDecodeError as e:
            return None, [
                Diagnostic(
                    name,
                    e.lineno,
                    e.colno,
                    Severity.ERROR,
                    f"JSON syntax error: {e.msg}; fix the JSON at this point",
                )
            ]
    try:
        data = yaml.load(text, Loader=YAML_LOADER)
        if "*" in text and _shares_nodes(data):
            m = _ALIAS.search(text)
            line = text.count("\n", 0, m.start()) + 1 if m else 1
            return None, [
                Diagnostic(
                    name,
                    line,
                    1,
                    Severity.ERROR,
                    "YAML anchors and aliases (&name, *name) are not allowed in "
                    "a bank file; write each value out in full",
                )
            ]
        return data, []
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = e.problem or "syntax error"
        hint = ""
        if "mapping values are not allowed" in problem:
            hint = "; quote text that contains ': '"
        elif "found character '\\t'" in problem:
            hint = "; indent with spaces, not tabs"
        return None, [
            Diagnostic(name, line, col, Severity.ERROR, f"YAML syntax error: {problem}{hint}")
        ]
    except yaml.YAMLError as e:
        return None, [Diagnostic(name, 1, 1, Severity.ERROR, f"YAML error: {e}")]
    except RecursionError:  # the pure-Python loader, where libyaml is missing
        return None, [
            Diagnostic(
                name,
                1,
                1,
                Severity.ERROR,
                "YAML syntax error: exceeded maximum nesting depth; a bank nests at most a few "
                "levels",
            )
        ]


def read_text(path: Path) -> tuple[str | None, list[Diagnostic]]:
    name = str(path)
    data, problem = read_capped(path, MAX_FILE_BYTES)
    if data is None:
        return None, [problem] if problem else []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        return None, [
            Diagnostic(name, line, 1, Severity.ERROR, "file is not UTF-8 text; save it as UTF-8")
        ]
