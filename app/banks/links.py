"""The native format's optional cross-item fields: `enemies`, `reference` and the test's `recert`.

`enemies` lists the ids of questions a question must never share a form with; `reference` names
sections of the bank's reference booklet; `test.recert` gives the recertification form's length.
The native reader calls `check_recert` and `check_links` from its validator; the booklet itself is
read and checked by `app.banks.reference`. Imports only the standard library, the domain and
`app.banks.diagnostics`.
"""

from __future__ import annotations

from typing import Any, Protocol

from app.banks.diagnostics import Severity

Path_ = tuple[str | int, ...]
RECERT_KEYS = {"scored_count": False, "minutes": False, "notes": False}
LINK_FIELDS = frozenset({"enemies", "reference"})  # the question fields check_links reads


class Checker(Protocol):
    def add(
        self,
        path: Path_,
        message: str,
        *,
        severity: Severity = ...,
        key: bool = ...,
        field: str = ...,
    ) -> None: ...

    def mapping(self, value: Any, path: Path_, spec: dict[str, bool], what: str) -> bool: ...

    def integer(self, value: Any, path: Path_, what: str, lo: int, hi: int) -> bool: ...


def check_recert(c: Checker, test: Any) -> None:
    """`test.recert: {scored_count, minutes, notes}`, every field optional."""
    if not isinstance(test, dict) or "recert" not in test:
        return
    path: Path_ = ("test", "recert")
    r = test["recert"]
    if not c.mapping(r, path, RECERT_KEYS, "test recert"):
        return
    scored = test.get("scored_count")
    hi = scored if isinstance(scored, int) and not isinstance(scored, bool) and scored > 0 else 500
    if "scored_count" in r:
        c.integer(r["scored_count"], (*path, "scored_count"), "recert scored_count", 1, hi)
    if "minutes" in r:
        c.integer(r["minutes"], (*path, "minutes"), "recert minutes", 1, 600)
    if "notes" in r and not isinstance(r["notes"], str):
        c.add((*path, "notes"), "recert notes must be text")


def check_links(c: Checker, questions: Any, section_ids: frozenset[str] | None) -> None:
    """Every `enemies` id names another question of the bank; every `reference` id names a
    section of the bank's booklet (`section_ids` is None when the bank has none)."""
    if not isinstance(questions, list):
        return
    # most banks link nothing: find the few questions that do before building anything per item
    linked = [
        i
        for i, q in enumerate(questions)
        if isinstance(q, dict) and ("enemies" in q or "reference" in q)
    ]
    if not linked:
        return
    ids = {q["id"] for q in questions if isinstance(q, dict) and isinstance(q.get("id"), str)}
    for i in linked:
        q = questions[i]
        qid = q.get("id")
        who = f"question {qid}" if isinstance(qid, str) else f"question {i + 1}"
        qp: Path_ = ("questions", i)
        if "enemies" in q:
            for j, e in _ids(c, q["enemies"], (*qp, "enemies"), f"{who}: enemies"):
                if e == qid:
                    c.add(
                        (*qp, "enemies", j),
                        f"{who}: lists itself among its enemies; remove {e!r}",
                        field="enemies",
                    )
                elif e not in ids:
                    c.add(
                        (*qp, "enemies", j),
                        f"{who}: enemy {e!r} is not a question id in this bank; "
                        "fix the id or remove it",
                        field="enemies",
                    )
        if "reference" in q:
            refs = _ids(c, q["reference"], (*qp, "reference"), f"{who}: reference")
            if refs and section_ids is None:
                c.add(
                    (*qp, "reference"),
                    f"{who}: names reference sections but the bank has no reference booklet; "
                    "add `reference:` or `reference_file:` at the top of the bank",
                    key=True,
                    field="reference",
                )
                continue
            for j, r in refs:
                if section_ids is not None and r not in section_ids:
                    c.add(
                        (*qp, "reference", j),
                        f"{who}: reference section {r!r} is not in the booklet "
                        f"(sections: {', '.join(sorted(section_ids)) or 'none'})",
                        field="reference",
                    )


def _ids(c: Checker, value: Any, path: Path_, what: str) -> list[tuple[int, str]]:
    if not isinstance(value, list):
        c.add(path, f"{what} must be a list of ids, e.g. [A5-012, A5-031]", field=str(path[-1]))
        return []
    out: list[tuple[int, str]] = []
    seen: set[str] = set()
    for j, v in enumerate(value):
        if not isinstance(v, str) or not v.strip():
            c.add((*path, j), f"{what}: entry {j + 1} must be an id, found {v!r}")
        elif v in seen:
            c.add((*path, j), f"{what}: {v!r} is listed twice", severity=Severity.WARNING)
        else:
            seen.add(v)
            out.append((j, v))
    return out
