"""Bank -> the native document, as YAML or JSON (export; reading it back gives an equal Bank)."""

from __future__ import annotations

import json
from typing import Any

import yaml

from app.banks.native.schema import FORMAT, FORMAT_VERSION
from app.banks.reference import reference_to_plain
from app.domain.bank import Bank, Style


def bank_to_plain(bank: Bank) -> dict[str, Any]:
    """Bank -> the native document (for export); reading it back gives an equal Bank."""
    t = bank.test
    test: dict[str, Any] = {
        "code": t.code,
        "title": t.title,
        "spec_version": t.spec_version,
        "scored_count": t.scored_count,
        "minutes": t.minutes,
        "unscored_count": t.unscored_count,
        "target_percent": int(t.target_percent)
        if t.target_percent.is_integer()
        else t.target_percent,
        "shuffle_choices": t.shuffle_choices,
    }
    if t.notes:
        test["notes"] = t.notes
    recert = {
        k: v
        for k, v in (
            ("scored_count", t.recert_scored_count),
            ("minutes", t.recert_minutes),
            ("notes", t.recert_notes),
        )
        if v is not None
    }
    if recert:
        test["recert"] = recert
    areas = [
        {
            "letter": a.letter,
            "title": a.title,
            "scored_count": a.scored_count,
            "subareas": [
                {
                    "number": sa.number,
                    "title": sa.title,
                    "tasks": [{"code": k.code, "text": k.text} for k in sa.tasks],
                }
                for sa in a.subareas
            ],
        }
        for a in bank.content_areas
    ]
    qs: list[dict[str, Any]] = []
    for q in bank.questions:
        item: dict[str, Any] = {
            "id": q.id,
            "task": q.task,
            "style": q.style,
            "scenario": q.scenario,
            "difficulty": q.difficulty,
            "stem": q.stem,
        }
        if q.exhibit:
            item["exhibit"] = q.exhibit
        if q.exhibit_caption:
            item["exhibit_caption"] = q.exhibit_caption
        if q.style == Style.TECH_AB:
            for name, s in (("technician_a", q.technician_a), ("technician_b", q.technician_b)):
                assert s is not None
                item[name] = {"says": s.says, "correct": s.correct, "rationale": s.rationale}
        else:
            item["choices"] = [
                {
                    "text": c.text,
                    **({"correct": True} if c.correct else {}),
                    "rationale": c.rationale,
                }
                for c in q.choices
            ]
        item["explanation"] = q.explanation
        if q.shuffle_choices is not None:
            item["shuffle_choices"] = q.shuffle_choices
        if q.retired:
            item["retired"] = True
        if q.enemies:
            item["enemies"] = list(q.enemies)
        if q.reference:
            item["reference"] = list(q.reference)
        qs.append(item)
    out = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "test": test,
        "content_areas": areas,
        "questions": qs,
    }
    if bank.reference is not None:
        out["reference"] = reference_to_plain(bank.reference)
    return out


class _Dumper(yaml.SafeDumper):
    pass


def _str_rep(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


_Dumper.add_representer(str, _str_rep)


def dump_yaml(bank: Bank) -> str:
    return yaml.dump(
        bank_to_plain(bank), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100
    )


def dump_json(bank: Bank) -> str:
    return json.dumps(bank_to_plain(bank), indent=2, ensure_ascii=False) + "\n"
