"""Plain, already validated data -> the domain Bank."""

from __future__ import annotations

from typing import Any

from app.domain.bank import (
    Bank,
    Choice,
    ContentArea,
    Question,
    Reference,
    Statement,
    SubArea,
    Task,
    TestSpec,
)


def build_bank(d: dict[str, Any], source: str = "", reference: Reference | None = None) -> Bank:
    """Plain (already validated) data -> Bank."""
    t = d["test"]
    test = TestSpec(
        code=t["code"],
        title=t["title"].strip(),
        spec_version=str(t["spec_version"]),
        scored_count=t["scored_count"],
        minutes=t["minutes"],
        unscored_count=t.get("unscored_count", 10),
        target_percent=float(t.get("target_percent", 70)),
        shuffle_choices=t.get("shuffle_choices", True),
        notes=(t.get("notes") or "").strip(),
        **_recert_fields(t.get("recert")),
    )
    areas = tuple(
        ContentArea(
            letter=a["letter"],
            title=a["title"].strip(),
            scored_count=a["scored_count"],
            subareas=tuple(
                SubArea(
                    number=sa["number"],
                    title=sa["title"].strip(),
                    tasks=tuple(Task(code=k["code"], text=k["text"].strip()) for k in sa["tasks"]),
                )
                for sa in a["subareas"]
            ),
        )
        for a in d["content_areas"]
    )

    # positional arguments and a list per question: 20,000 questions are built on every import
    def stmt(s: dict[str, Any] | None) -> Statement | None:
        if s is None:
            return None
        return Statement(s["says"].strip(), s["correct"], s["rationale"].strip())

    questions = tuple(
        [
            Question(
                q["id"],
                q["task"],
                q["style"],
                q["stem"].strip(),
                q["explanation"].strip(),
                q["difficulty"],
                q.get("scenario", False),
                tuple(
                    [
                        Choice(c["text"].strip(), c.get("correct", False), c["rationale"].strip())
                        for c in q.get("choices") or ()
                    ]
                ),
                stmt(q.get("technician_a")),
                stmt(q.get("technician_b")),
                q.get("exhibit"),
                q.get("exhibit_caption"),
                q.get("shuffle_choices"),
                q.get("retired", False),
                tuple(q.get("enemies") or ()),
                tuple(q.get("reference") or ()),
            )
            for q in d["questions"]
        ]
    )
    return Bank(
        test=test, content_areas=areas, questions=questions, source=source, reference=reference
    )


def _recert_fields(r: dict[str, Any] | None) -> dict[str, Any]:
    if not r:
        return {}
    notes = r.get("notes")
    return {
        "recert_scored_count": r.get("scored_count"),
        "recert_minutes": r.get("minutes"),
        "recert_notes": notes.strip() if isinstance(notes, str) else None,
    }
