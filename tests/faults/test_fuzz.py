"""Fuzzing every bank reader, the validator and the importer.

No input may make a reader raise (native YAML and JSON through app.banks.native.parse and
validate_file; GIFT, Aiken, Moodle XML and CSV through their parse_* functions and read_foreign),
and an import that fails (BankError) must leave the database exactly as it was.

Inputs are the valid test files mutated: structurally (a node of the parsed document replaced by
another value, dropped, duplicated or given an unknown sibling, then written out again) and as
text (slices cut, tokens of the format inserted, lines repeated or dropped), plus plain random
text. Every fuzzer counts the inputs it tried; the counts are printed in the "fault tests"
section of the test summary. BAYREADY_FUZZ_SCALE=N multiplies the examples; the slow soak
(`make bench`) runs them BAYREADY_FUZZ_SOAK (default 5) times over.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from app.banks.aiken import parse_aiken
from app.banks.diagnostics import BankError, Diagnostic
from app.banks.foreign import ForeignRead, read_foreign
from app.banks.gift import parse_gift
from app.banks.moodle import parse_moodle_xml
from app.banks.native import parse, validate_file
from app.banks.spreadsheet import parse_csv
from app.paths import AppPaths
from tests.conftest import FakeNow
from tests.factories import SVG, bank_document
from tests.faults.tally import count

DATA = Path(__file__).resolve().parents[1] / "data"
FOREIGN = DATA / "foreign"
CONFORMANCE = DATA / "conformance" / "moodle"
SCALE = int(os.environ.get("BAYREADY_FUZZ_SCALE", "1"))

# -- known crashes ------------------------------------------------------------------------------
# Crashes the fuzzers find go here (key: exception type, file, function and source line of the
# frame that raised) with a reproducer at the end of this file, until they are fixed. The four
# found while writing this file are fixed; their reproducers stay as regression tests.
KNOWN_CRASHES: dict[tuple[str, str, str, str], str] = {}


def _signature(e: BaseException) -> tuple[str, str, str, str]:
    frame = traceback.extract_tb(e.__traceback__)[-1]
    return type(e).__name__, Path(frame.filename).name, frame.name, (frame.line or "").strip()


def guarded(kind: str, run: Callable[[], None]) -> None:
    """Runs one fuzz input; a crash already on the known list is counted, anything else fails."""
    count(f"fuzz inputs tried: {kind}")
    try:
        run()
    except Exception as e:
        if _signature(e) in KNOWN_CRASHES:
            count(f"fuzz inputs hitting a known crash: {kind}")
            return
        raise


# -- strategies ---------------------------------------------------------------------------------
FIELDS = [
    "format", "format_version", "test", "content_areas", "questions", "code", "title",
    "spec_version", "scored_count", "minutes", "unscored_count", "target_percent",
    "shuffle_choices", "notes", "letter", "subareas", "number", "tasks", "text", "id", "task",
    "style", "difficulty", "stem", "explanation", "scenario", "exhibit", "exhibit_caption",
    "retired", "choices", "technician_a", "technician_b", "correct", "rationale", "says",
]  # fmt: skip
TRICKY = [
    "", " ", "\t", "\n", "A", "Z", "A5", "Z9", "Z9.A.1.1", "Z9.B.1.1", "F1.A.1.1", "tech_ab",
    "direct", "except", "<b>bold</b>", "<script>alert(1)</script>", "<img src=x onerror=y>",
    "javascript:alert(1)", "&amp;&#0;&#x110000;", "x" * 2600, "\x00", "\ufeff", "\u202e",
    "../outside.svg", "/etc/passwd", "exhibits/figure.svg", "exhibits/missing.png", "1e999",
    "2026-01", "bayready-bank", "NaN",
]  # fmt: skip
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(),
    st.text(max_size=30),
    st.sampled_from(TRICKY),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=8,
)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*path, i))


@st.composite
def mutated_document(draw: st.DrawFn, base: Any) -> Any:
    doc = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(list(_paths(doc))))
        if not path:
            if draw(st.integers(0, 9)) == 0:
                doc = draw(VALUES)
            continue
        parent = doc
        for k in path[:-1]:
            parent = parent[k]
        key = path[-1]
        op = draw(st.sampled_from(["replace", "delete", "add", "duplicate", "retype"]))
        if op == "replace":
            parent[key] = draw(VALUES)
        elif op == "delete":
            del parent[key]
        elif op == "add" and isinstance(parent[key], dict):
            parent[key][draw(st.sampled_from(FIELDS) | st.text(max_size=10))] = draw(VALUES)
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
        else:  # retype: the same content as text, or wrapped in a list
            parent[key] = str(parent[key]) if draw(st.booleans()) else [parent[key]]
    return doc


@st.composite
def mutated_text(draw: st.DrawFn, seeds: list[str], tokens: list[str]) -> str:
    out = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["cut", "insert", "insert", "repeat_line", "drop_line"]))
        i = draw(st.integers(0, len(out)))
        if op == "cut":
            out = out[:i] + out[draw(st.integers(i, min(len(out), i + 120))) :]
        elif op == "insert":
            out = out[:i] + draw(st.sampled_from(tokens) | st.text(max_size=6)) + out[i:]
        else:
            lines = out.splitlines(keepends=True)
            if lines:
                n = draw(st.integers(0, len(lines) - 1))
                lines[n:n] = [lines[n]] * (3 if op == "repeat_line" else 0)
                if op == "drop_line":
                    del lines[n]
                out = "".join(lines)
    return out


def texts(seeds: list[str], tokens: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(mutated_text(seeds, tokens), mutated_text(seeds, tokens), st.text())


def _read(*names: str, folder: Path = FOREIGN) -> list[str]:
    return [(folder / n).read_text(encoding="utf-8") for n in names]


NATIVE_BASE = bank_document("F1", {"A": 2, "B": 1}, per_area_factor=2, exhibit=True)
MINI = yaml.safe_load((DATA / "mini-bank.yaml").read_text(encoding="utf-8"))
JSON_TOKENS = [
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    '"',
    "\\",
    "\\u00",
    "null",
    "true",
    "1e999",
    "NaN",
    "-",
]
YAML_TOKENS = [
    ": ", "- ", "  ", "\t", "{", "}", "[", "]", "&a ", "*a", "<<: *a", "!!binary ", "!!str ",
    "!!python/object:os.system ", "|\n", ">\n", "# ", "'", '"', "? ", "---\n", "...\n", "~",
    "yes", "0x1F", ".nan", "1e400", "%YAML 1.1\n",
]  # fmt: skip
GIFT_TOKENS = [
    "{", "}", "=", "~", "#", "####", "::", "//", "\\", "\\{", "$CATEGORY: a/b\n", "[html]",
    "[markdown]", "%50%", "%-100%", "->", "T", "FALSE", "\n\n", "<img src=\"images/gauge.png\">",
    "<img src=\"../../x.png\">", "@@PLUGINFILE@@/", "~%100%", "=%0%",
]  # fmt: skip
AIKEN_TOKENS = ["A) ", "B. ", "C)", "ANSWER: ", "ANSWER: B", "ANSWER: Z", "\n", "\r\n", "\r", "Z) "]
XML_TOKENS = [
    "<", ">", "</question>", '<question type="multichoice">', '<question type="truefalse">',
    '<answer fraction="100">', '<answer fraction="-50">', "<![CDATA[", "]]>", "&amp;", "&#0;",
    "&bogus;", '<!DOCTYPE q [<!ENTITY a "b">]>', '<file name="a.png" encoding="base64">',
    "iVBORw0KGgo=", "</file>", "@@PLUGINFILE@@/a.png", "<text>", "</text>", "<single>false",
    '<questiontext format="moodle_auto_format">', "\x00",
]  # fmt: skip
CSV_TOKENS = [",", '"', "\n", "\r\n", '""', ";", "=cmd()", "tech_ab", "direct", "a only", "\t"]

FUZZ = settings(
    max_examples=400 * SCALE,
    deadline=None,
    # make test draws the same inputs every run (a CI run must not fail on luck); the soak
    # under make bench (SCALE > 1) explores new ones
    derandomize=SCALE == 1,
    database=None if SCALE == 1 else settings.default.database,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
        HealthCheck.large_base_example,
    ],
)


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    """A bank folder with the exhibits the valid files name and the foreign files' images."""
    with tempfile.TemporaryDirectory(prefix="bayready-fuzz-") as tmp:
        f = Path(tmp)
        (f / "exhibits").mkdir()
        (f / "exhibits" / "figure.svg").write_text(SVG)
        shutil.copy(DATA / "exhibits" / "circuit.svg", f / "exhibits" / "circuit.svg")
        shutil.copytree(FOREIGN / "images", f / "images")
        yield f


# -- checks ---------------------------------------------------------------------------------------
def check_native(path: Path, text_: str) -> None:
    bank, diags = parse(path, text_)
    assert all(isinstance(d, Diagnostic) and d.line >= 1 and d.col >= 1 for d in diags)
    assert (bank is None) == any(d.is_error for d in diags)


def check_foreign(read: ForeignRead) -> None:
    assert isinstance(read, ForeignRead)
    assert all(isinstance(d, Diagnostic) and d.line >= 1 for d in (*read.errors, *read.skipped))
    for q in read.questions:
        assert q.technician_a is not None or sum(c.correct for c in q.choices) == 1


# -- native ---------------------------------------------------------------------------------------
@settings(FUZZ, max_examples=300 * SCALE)
@given(doc=mutated_document(NATIVE_BASE))
def test_native_json_structure(folder: Path, doc: Any) -> None:
    guarded("native JSON (structure)", lambda: check_native(folder / "f.json", json.dumps(doc)))


@FUZZ
@given(text_=texts([json.dumps(NATIVE_BASE, indent=1)], JSON_TOKENS))
def test_native_json_text(folder: Path, text_: str) -> None:
    guarded("native JSON (text)", lambda: check_native(folder / "f.json", text_))


@settings(FUZZ, max_examples=300 * SCALE)
@given(doc=mutated_document(MINI))
def test_native_yaml_structure(folder: Path, doc: Any) -> None:
    dumped = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    guarded("native YAML (structure)", lambda: check_native(folder / "f.yaml", dumped))


@FUZZ
@given(text_=texts(_read("mini-bank.yaml", folder=DATA), YAML_TOKENS))
def test_native_yaml_text(folder: Path, text_: str) -> None:
    guarded("native YAML (text)", lambda: check_native(folder / "f.yaml", text_))


@FUZZ
@given(
    data=st.one_of(
        mutated_document(NATIVE_BASE).map(lambda d: json.dumps(d).encode()),
        texts(_read("mini-bank.yaml", folder=DATA), YAML_TOKENS).map(str.encode),
        st.binary(max_size=300),
    ),
    suffix=st.sampled_from([".json", ".yaml", ".yml"]),
)
def test_validator_on_files(folder: Path, data: bytes, suffix: str) -> None:
    path = folder / f"v{suffix}"
    path.write_bytes(data)

    def run() -> None:
        diags = validate_file(path)
        assert all(isinstance(d, Diagnostic) and d.file == str(path) for d in diags)

    guarded("validator (validate_file)", run)


# -- importer -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def import_services(folder: Path) -> Iterator[Any]:
    from app.services.setup import open_services

    paths = AppPaths(folder / "data", f"sqlite:///{folder / 'fuzz.db'}")
    services = open_services(paths, FakeNow())
    base = folder / "base.json"
    base.write_text(json.dumps(NATIVE_BASE))
    services.banks.import_file(base)  # fuzzed files update, retire and add to this bank
    yield services
    services.close()


def _snapshot(services: Any) -> dict[str, list[tuple[object, ...]]]:
    out = {}
    with services.db.read() as s:
        for table in ("test", "content_area", "task", "bank", "question", "choice"):
            out[table] = [tuple(r) for r in s.execute(text(f"SELECT * FROM {table} ORDER BY id"))]
    return out


@settings(FUZZ, max_examples=200 * SCALE)
@given(
    content=st.one_of(
        mutated_document(NATIVE_BASE).map(lambda d: ("json", json.dumps(d))),
        mutated_document(MINI).map(lambda d: ("yaml", yaml.safe_dump(d, sort_keys=False))),
        texts(_read("mini-bank.yaml", folder=DATA), YAML_TOKENS).map(lambda t: ("yaml", t)),
    )
)
def test_import_is_all_or_nothing(folder: Path, import_services: Any, content: Any) -> None:
    suffix, body = content
    path = folder / f"import.{suffix}"
    path.write_text(body, encoding="utf-8", errors="surrogatepass")
    before = _snapshot(import_services)

    def run() -> None:
        try:
            result = import_services.banks.import_file(path)
        except BankError:
            count("fuzz imports refused (database unchanged)")
            assert _snapshot(import_services) == before
            return
        count("fuzz imports accepted")
        bank, _ = parse(path, path.read_text(encoding="utf-8"))
        assert bank is not None
        stored = import_services.banks.load_bank(bank.test.code)
        assert {q.id for q in stored.questions} >= {q.id for q in bank.questions if not q.retired}
        if result.changed:
            assert result.added + result.updated + result.unchanged == len(bank.questions)

    try:
        guarded("importer (BankService.import_file)", run)
    except Exception:
        assert _snapshot(import_services) == before, "an import that raised left rows behind"
        raise


# -- foreign formats ------------------------------------------------------------------------------
GIFT_SEEDS = _read(
    "valid.gift", "malformed.gift", "image-escape.gift", "script-in-html.gift"
) + _read("questions.gift.txt", "questions_in_category.gift.txt", folder=CONFORMANCE)
AIKEN_SEEDS = _read("valid.aiken", "malformed.aiken") + _read(
    "questions.aiken.txt", "aiken_errors.txt", folder=CONFORMANCE
)
XML_SEEDS = _read(
    "valid.xml", "malformed.xml", "image-escape.xml", "script-in-html.xml", "base64-image.xml"
) + _read("nested_categories_with_questions.xml", folder=CONFORMANCE)
CSV_SEEDS = _read("valid.csv", "malformed.csv")


@FUZZ
@given(text_=texts(GIFT_SEEDS, GIFT_TOKENS))
def test_gift(folder: Path, text_: str) -> None:
    guarded("GIFT", lambda: check_foreign(parse_gift(text_, "fuzz.gift", folder)))


@FUZZ
@given(text_=texts(AIKEN_SEEDS, AIKEN_TOKENS))
def test_aiken(text_: str) -> None:
    guarded("Aiken", lambda: check_foreign(parse_aiken(text_, "fuzz.aiken")))


@FUZZ
@given(
    data=st.one_of(
        texts(XML_SEEDS, XML_TOKENS).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.binary(max_size=400),
    )
)
def test_moodle_xml(folder: Path, data: bytes) -> None:
    guarded("Moodle XML", lambda: check_foreign(parse_moodle_xml(data, "fuzz.xml", folder)))


@FUZZ
@given(text_=texts(CSV_SEEDS, CSV_TOKENS))
def test_csv(folder: Path, text_: str) -> None:
    guarded("CSV", lambda: check_foreign(parse_csv(text_, "fuzz.csv", folder)))


@settings(FUZZ, max_examples=200 * SCALE)
@given(
    data=st.one_of(
        texts(GIFT_SEEDS + AIKEN_SEEDS, GIFT_TOKENS + AIKEN_TOKENS).map(str.encode),
        texts(XML_SEEDS, XML_TOKENS).map(str.encode),
        texts(CSV_SEEDS, CSV_TOKENS).map(str.encode),
        st.binary(max_size=300),
    ),
    suffix=st.sampled_from([".gift", ".txt", ".aiken", ".xml", ".csv"]),
)
def test_read_foreign_by_suffix(folder: Path, data: bytes, suffix: str) -> None:
    path = folder / f"foreign{suffix}"
    path.write_bytes(data)
    guarded("read_foreign (any suffix)", lambda: check_foreign(read_foreign(path)))


# -- the known crashes, reproduced ----------------------------------------------------------------
@pytest.mark.parametrize("value", [["x"], "Technician A says", 3.5])
def test_fixed_crash_technician_not_a_mapping(folder: Path, value: object) -> None:
    doc = copy.deepcopy(NATIVE_BASE)
    tech = next(q for q in doc["questions"] if q["style"] == "tech_ab")
    tech["technician_a"] = value
    check_native(folder / "tech.json", json.dumps(doc))


@pytest.mark.parametrize("value", [["F1.A.1.1"], {"code": "F1.A.1.1"}])
def test_fixed_crash_task_unhashable(folder: Path, value: object) -> None:
    doc = copy.deepcopy(NATIVE_BASE)
    doc["questions"][0]["task"] = value
    check_native(folder / "task.json", json.dumps(doc))


@pytest.mark.parametrize("encoding", ["U0TF-8", "Shift_JIS", "rot13", "idna"])
def test_fixed_crash_moodle_xml_encoding(encoding: str) -> None:
    data = f'<?xml version="1.0" encoding="{encoding}"?>\n<quiz></quiz>\n'.encode()
    check_foreign(parse_moodle_xml(data, "encoding.xml", None))


ALIAS_BOMB = """format: bayready-bank
format_version: 1
a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
"""


def test_fixed_hang_yaml_alias_bomb(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(ALIAS_BOMB)
    code = "import sys; from pathlib import Path; from app.banks.native import validate_file; "
    code += "print(len(validate_file(Path(sys.argv[1]))))"
    # PyYAML itself expands nothing (aliases share objects); 3 s is 100x what a fix needs
    out = subprocess.run(
        [sys.executable, "-c", code, str(bomb)], capture_output=True, text=True, timeout=3
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "1"  # one error: aliases are refused


@pytest.mark.slow
def test_fuzz_soak() -> None:
    """make bench: every fuzzer above with BAYREADY_FUZZ_SOAK (default 5) times the inputs."""
    env = dict(os.environ, BAYREADY_FUZZ_SCALE=os.environ.get("BAYREADY_FUZZ_SOAK", "5"))
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not slow",
         "-k", "not fixed_", __file__],
        capture_output=True, text=True, env=env, cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert out.returncode == 0, out.stdout[-5000:] + out.stderr[-2000:]
    for line in out.stdout.splitlines():
        name, _, n = line.rpartition(": ")
        if name.startswith("fuzz ") and n.isdigit():
            count(f"{name} (soak)", int(n))
