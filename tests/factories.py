"""Generate valid native banks of any size for tests and benchmarks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200" width="400" '
    'height="200"><rect width="400" height="200" fill="white"/><text x="20" y="100" '
    'font-size="20">Exhibit</text></svg>'
)


def bank_document(
    code: str,
    areas: dict[str, int],
    *,
    per_area_factor: float = 2.0,
    minutes: int = 60,
    exhibit: bool = False,
    tasks_per_area: int = 2,
    total_questions: int | None = None,
) -> dict[str, Any]:
    scored = sum(areas.values())
    content_areas = []
    for letter, n in areas.items():
        content_areas.append(
            {
                "letter": letter,
                "title": f"Area {letter} of {code}",
                "scored_count": n,
                "subareas": [
                    {
                        "number": 1,
                        "title": f"Sub-area {letter}.1",
                        "tasks": [
                            {
                                "code": f"{code}.{letter}.1.{k + 1}",
                                "text": f"Task {k + 1} of area {letter}.",
                            }
                            for k in range(tasks_per_area)
                        ],
                    }
                ],
            }
        )
    questions = []
    qn = 0
    for letter, n in areas.items():
        count = (
            int(n * per_area_factor)
            if total_questions is None
            else max(n, round(total_questions * n / scored))
        )
        for j in range(count):
            qn += 1
            task = f"{code}.{letter}.1.{j % tasks_per_area + 1}"
            q: dict[str, Any] = {
                "id": f"{code}-{qn:05d}",
                "task": task,
                "difficulty": 2,
                "scenario": True,
                "explanation": f"Why item {qn} is keyed as it is.",
            }
            if qn % 4 == 0:
                q.update(
                    style="tech_ab",
                    stem=f"Item {qn}: a vehicle shows symptom {qn}.",
                    technician_a={
                        "says": f"cause {qn}a is possible.",
                        "correct": qn % 8 == 0,
                        "rationale": "A's reason.",
                    },
                    technician_b={
                        "says": f"cause {qn}b is possible.",
                        "correct": qn % 3 == 0,
                        "rationale": "B's reason.",
                    },
                )
            else:
                key = qn % 4
                q.update(
                    style="direct",
                    stem=f"Item {qn}: which reading fits symptom {qn}?",
                    choices=[
                        {
                            "text": f"Reading {c} of item {qn}",
                            "rationale": f"Rationale {c}.",
                            **({"correct": True} if i == key else {}),
                        }
                        for i, c in enumerate("ABCD")
                    ],
                )
            if exhibit and qn == 1:
                q["exhibit"] = "exhibits/figure.svg"
                q["exhibit_caption"] = "A test figure"
            questions.append(q)
    return {
        "format": "bayready-bank",
        "format_version": 1,
        "test": {
            "code": code,
            "title": f"Test {code}",
            "spec_version": "2026-01",
            "scored_count": scored,
            "minutes": minutes,
            "unscored_count": 2,
            "target_percent": 70,
        },
        "content_areas": content_areas,
        "questions": questions,
    }


def write_bank(folder: Path, code: str, areas: dict[str, int], **kw: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    doc = bank_document(code, areas, **kw)
    if kw.get("exhibit"):
        (folder / "exhibits").mkdir(exist_ok=True)
        (folder / "exhibits" / "figure.svg").write_text(SVG)
    path = folder / f"{code.lower()}.json"
    path.write_text(json.dumps(doc))
    return path


BOOKLET = """format: bayready-reference
format_version: 1
title: Composite Vehicle Booklet
sections:
- id: S1
  title: Powertrain wiring
  body: The PCM feeds the <b>5 V reference</b> to the MAP sensor on pin 14.
- id: S2
  title: Specifications
  body: |-
    Idle speed 700 rpm in Drive.
    Fuel pressure 55 psi &lt;img src="file:///etc/passwd"&gt; key on.
  exhibit: exhibits/wiring.svg
- id: S3
  title: Scan data
  body: MAP 30 kPa at idle; 700 rpm.
"""


def booklet_bank(folder: Path) -> Path:
    """Test L9 (8 questions naming sections S2 and S3) with a booklet file and its exhibit."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "exhibits").mkdir()
    (folder / "exhibits" / "wiring.svg").write_text(SVG)
    (folder / "l9-reference.yaml").write_text(BOOKLET)
    doc = bank_document("L9", {"A": 2, "B": 2}, per_area_factor=2)
    doc["reference_file"] = "l9-reference.yaml"
    for q in doc["questions"]:
        q["reference"] = ["S2", "S3"]
    path = folder / "l9.json"
    path.write_text(json.dumps(doc))
    return path
