"""Writing (or refreshing) a translation sidecar skeleton: `bayready bank translate FILE --lang es`.

Every question of the English bank is listed. One already translated is kept exactly as the
translator wrote it (a stale one keeps its old fingerprint, so the validator still names it); any
other is written `todo: true` with its English text to translate and the current fingerprint.
Titles not yet translated are written in English. No Qt, no storage.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from app.banks.diagnostics import BankError
from app.banks.native.loader import load_data, read_text
from app.banks.translation import FORMAT, FORMAT_VERSION, sidecar_path
from app.domain.bank import Bank, Question, Style
from app.domain.translation import fingerprint


def _english_entry(q: Question) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": q.id, "source_fingerprint": fingerprint(q), "todo": True}
    entry["stem"] = q.stem
    if q.style == Style.TECH_AB and q.technician_a and q.technician_b:
        for key, st in (("technician_a", q.technician_a), ("technician_b", q.technician_b)):
            entry[key] = {"says": st.says, "rationale": st.rationale}
    else:
        entry["choices"] = {
            chr(ord("A") + i): {"text": c.text, "rationale": c.rationale}
            for i, c in enumerate(q.choices)
        }
    entry["explanation"] = q.explanation
    if q.exhibit_caption is not None:
        entry["exhibit_caption"] = q.exhibit_caption
    return entry


def _mapping(value: Any) -> dict[str, Any]:
    return {str(k): v for k, v in value.items()} if isinstance(value, dict) else {}


def skeleton(bank: Bank, bank_path: Path, language: str, existing: Any = None) -> dict[str, Any]:
    """The sidecar's content: what `existing` (the sidecar's parsed data, if any) translated,
    the rest in English to translate."""
    old = _mapping(existing)
    old_test = _mapping(old.get("test"))
    areas, subareas, tasks = (_mapping(old.get(k)) for k in ("areas", "subareas", "tasks"))
    done: dict[str, Any] = {}
    for q in old.get("questions") or ():
        if isinstance(q, dict) and isinstance(q.get("id"), str) and not q.get("todo"):
            done.setdefault(q["id"], q)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "source": bank_path.name,
        "language": language,
        "test": {"title": old_test.get("title") or bank.test.title},
        "areas": {a.letter: areas.get(a.letter) or a.title for a in bank.content_areas},
        "subareas": {
            f"{a.letter}.{sa.number}": subareas.get(f"{a.letter}.{sa.number}") or sa.title
            for a in bank.content_areas
            for sa in a.subareas
        },
        "tasks": {t.code: tasks.get(t.code) or t.text for t in bank.tasks()},
        "questions": [done.get(q.id) or _english_entry(q) for q in bank.questions],
    }


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # long text as a folded block, as the English banks are written; short text plain
    style = ">" if len(value) > 80 and "\n" not in value and value == value.strip() else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(data: dict[str, Any]) -> str:
    header = (
        "# Translation sidecar (docs/bank-format.md, Translations). Translate each item marked\n"
        "# todo: true, then delete its todo line. Keep ids, option letters and fingerprints.\n"
    )
    return header + yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, indent=2
    )


def write_skeleton(bank: Bank, bank_path: Path, language: str) -> tuple[Path, int, int]:
    """Write (or refresh) the sidecar; returns its path, items translated and items to do."""
    target = sidecar_path(bank_path, language)
    existing: Any = None
    if target.exists():
        text, diags = read_text(target)
        if text is None:
            raise BankError(diags)
        existing, diags = load_data(target, text)
        if diags:
            raise BankError(diags)
    data = skeleton(bank, bank_path, language, existing)
    todo = sum(1 for q in data["questions"] if q.get("todo"))
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(dump(data), encoding="utf-8")
    tmp.replace(target)  # a refresh cut short never leaves half a translation behind
    return target, len(data["questions"]) - todo, todo
