"""A bank's reference booklet (L1's composite vehicle): reading, checking, storing.

A native bank carries it inline (`reference: {title, sections}`) or names a file beside it
(`reference_file: l1-reference-booklet.yaml`) whose top level is

    format: bayready-reference
    format_version: 1
    title: ...
    sections: [{id: S1, title: ..., body: ..., exhibit: optional file}]

The file is read with the bank's size cap, must sit in the bank's folder (or below it) and is
checked with its own file name and line numbers. Bodies take the same limited markup as stems.
`to_json`/`from_json` keep a booklet (with its exhibits' bytes) in the bank's stored row.
Imports only the standard library, the domain and `app.banks` helpers.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from app.banks.diagnostics import Diagnostic
from app.banks.links import Checker, Path_
from app.banks.markup import unsafe_markup
from app.domain.bank import Reference, ReferenceSection

FORMAT = "bayready-reference"
FORMAT_VERSION = 1
MAX_SECTIONS = 200
BODY_LIMIT = 8000
TITLE_LIMIT = 200
FILE_KEYS = {"format": True, "format_version": True, "title": True, "sections": True}
INLINE_KEYS = {"title": True, "sections": True}
SECTION_KEYS = {"id": True, "title": True, "body": True, "exhibit": False}
SECTION_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,31}")


class BookletChecker(Checker, Protocol):
    out: list[Diagnostic]
    path: Path

    def exhibit(self, value: Any, path: Path_, who: str) -> None: ...


# the native reader's way to open another file: (checker for it with its data, or None; problems)
OpenFile = Callable[[Path], tuple[BookletChecker | None, Any, list[Diagnostic]]]


Booklet = tuple[Reference | None, frozenset[str] | None]


def read_reference(c: BookletChecker, d: Any, open_file: OpenFile) -> Booklet:
    """(the bank's booklet or None, its section ids or None when the bank has no booklet).

    The booklet is None when it has errors (added to c.out); its section ids are still given
    so that the questions' `reference` lists are checked against what the author wrote.
    """
    none: Booklet = (None, None)
    if not isinstance(d, dict):
        return none
    has_inline, has_file = "reference" in d, "reference_file" in d
    if has_inline and has_file:
        c.add(
            ("reference_file",),
            "a bank takes `reference` or `reference_file`, not both; keep one",
            key=True,
        )
        return none
    if has_inline:
        before = len(c.out)
        ref, ids = _booklet(c, d["reference"], ("reference",), INLINE_KEYS, "reference", "")
        return (ref if not any(x.is_error for x in c.out[before:]) else None), ids
    if not has_file:
        return none
    value = d["reference_file"]
    if not isinstance(value, str) or not value.strip():
        c.add(("reference_file",), "reference_file must be a file name, e.g. l1-reference.yaml")
        return none
    folder = c.path.parent.resolve()
    rel = Path(value)
    target = (folder / rel).resolve()
    if rel.is_absolute() or not target.is_relative_to(folder):
        c.add(
            ("reference_file",),
            f"reference_file {value!r} is outside the bank's folder; put it beside the bank "
            "and give a relative path",
        )
        return none
    if target.suffix.lower() not in (".yaml", ".yml", ".json"):
        c.add(("reference_file",), f"reference_file {value!r} must be a .yaml or .json file")
        return none
    if not target.is_file():
        c.add(("reference_file",), f"reference file {value!r} does not exist")
        return none
    other, data, problems = open_file(folder / rel)
    if other is None:
        c.out.extend(problems)
        return none
    prefix = rel.parent.as_posix()
    ref, ids = _booklet(other, data, (), FILE_KEYS, f"reference file {value}", prefix)
    c.out.extend(other.out)
    if isinstance(data, dict):
        if "format" in data and data["format"] != FORMAT:
            c.out.append(
                _at(other, ("format",), f"format must be '{FORMAT}', found {data['format']!r}")
            )
        if "format_version" in data and data["format_version"] != FORMAT_VERSION:
            c.out.append(
                _at(
                    other,
                    ("format_version",),
                    f"reference format_version {data['format_version']!r} is not supported; "
                    f"this version of BayReady reads version {FORMAT_VERSION}",
                )
            )
    return (None if any(x.is_error for x in other.out) else ref), ids


def _at(c: BookletChecker, path: Path_, message: str) -> Diagnostic:
    before = len(c.out)
    c.add(path, message)
    return c.out.pop(before)


def _booklet(
    c: BookletChecker, r: Any, path: Path_, keys: dict[str, bool], what: str, prefix: str
) -> Booklet:
    if not c.mapping(r, path, keys, what):
        return None, frozenset()
    title = r.get("title")
    if not isinstance(title, str) or not title.strip() or len(title) > TITLE_LIMIT:
        c.add((*path, "title"), f"{what}: title must be text of 1 to {TITLE_LIMIT} characters")
    sections = r.get("sections")
    if not isinstance(sections, list) or not sections:
        c.add((*path, "sections"), f"{what}: sections must be a non-empty list")
        return None, frozenset()
    if len(sections) > MAX_SECTIONS:
        c.add((*path, "sections"), f"{what}: {len(sections)} sections; the limit is {MAX_SECTIONS}")
        return None, frozenset()
    ids: set[str] = set()
    out: list[ReferenceSection] = []
    for i, s in enumerate(sections):
        sp = (*path, "sections", i)
        if not c.mapping(s, sp, SECTION_KEYS, f"{what} section {i + 1}"):
            continue
        sid = s.get("id")
        if not isinstance(sid, str) or not SECTION_ID.fullmatch(sid):
            c.add((*sp, "id"), f"section id must be letters and digits like 'S1', found {sid!r}")
            continue
        who = f"section {sid}"
        if sid in ids:
            c.add((*sp, "id"), f"{who} appears twice; give each section its own id")
        ids.add(sid)
        ok = True
        for k, limit in (("title", TITLE_LIMIT), ("body", BODY_LIMIT)):
            v = s.get(k)
            if not isinstance(v, str) or not v.strip():
                c.add((*sp, k), f"{who}: {k} must be non-empty text")
                ok = False
            elif len(v) > limit:
                c.add((*sp, k), f"{who}: {k} is {len(v)} characters; shorten it to {limit}")
                ok = False
            elif why := unsafe_markup(v):
                c.add((*sp, k), f"{who}: {k}: unsafe markup: {why}")
                ok = False
        exhibit = s.get("exhibit")
        if exhibit is not None:
            before = len(c.out)
            c.exhibit(exhibit, (*sp, "exhibit"), who)
            ok = ok and len(c.out) == before
        if ok:
            name = f"{prefix}/{exhibit}" if exhibit and prefix not in ("", ".") else exhibit
            out.append(
                ReferenceSection(
                    id=sid, title=s["title"].strip(), body=s["body"].strip(), exhibit=name
                )
            )
    if not isinstance(title, str):
        return None, frozenset(ids)
    return Reference(title=title.strip(), sections=tuple(out)), frozenset(ids)


def reference_to_plain(ref: Reference) -> dict[str, Any]:
    """The inline `reference:` block of an exported bank."""
    return {
        "title": ref.title,
        "sections": [
            {
                "id": s.id,
                "title": s.title,
                "body": s.body,
                **({"exhibit": s.exhibit} if s.exhibit else {}),
            }
            for s in ref.sections
        ],
    }


def to_json(ref: Reference, exhibits: dict[str, bytes]) -> str:
    """The booklet as stored with its bank: sections plus their exhibits' (cleaned) bytes."""
    plain = reference_to_plain(ref)
    plain["exhibits"] = {
        s.exhibit: base64.b64encode(exhibits[s.exhibit]).decode("ascii")
        for s in ref.sections
        if s.exhibit and s.exhibit in exhibits
    }
    return json.dumps(plain, ensure_ascii=False, sort_keys=True)


def from_json(text: str) -> tuple[Reference, dict[str, bytes]]:
    plain = json.loads(text)
    ref = Reference(
        title=plain["title"],
        sections=tuple(
            ReferenceSection(s["id"], s["title"], s["body"], s.get("exhibit"))
            for s in plain["sections"]
        ),
    )
    exhibits = {k: base64.b64decode(v) for k, v in plain.get("exhibits", {}).items()}
    return ref, exhibits


def is_reference_file(path: Path) -> bool:
    """Whether a .yaml/.json file beside the banks is a bank's companion rather than a bank: a
    reference booklet, a translation sidecar or the glossary (it says `format:
    bayready-reference`, `bayready-translation` or `bayready-glossary` near its top); each is
    read with the bank it belongs to, never as a bank of its own."""
    try:
        with path.open("rb") as f:
            head = f.read(4096).decode("utf-8", "replace")
    except OSError:
        return False
    companions = "|".join((FORMAT, "bayready-translation", "bayready-glossary"))
    return re.search(r'^\s*"?format"?\s*:\s*"?(?:' + companions + r")\b", head, re.M) is not None
