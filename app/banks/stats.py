"""Counts that describe a bank: questions per area, styles, scenario share, key balance.

Used by `bayready bank stats`, the bank-lint test and question_banks/README.md.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass

from app.banks.markup import plain_text
from app.domain.bank import LABELS, Bank, Style, tech_ab_key

OUTCOMES = ("A only", "B only", "Both", "Neither")


@dataclass(frozen=True)
class AreaStats:
    letter: str
    title: str
    scored_count: int
    questions: int
    tasks: int
    tasks_covered: int


@dataclass(frozen=True)
class BankStats:
    code: str
    title: str
    total: int
    areas: tuple[AreaStats, ...]
    styles: dict[str, int]
    scenario: int
    keys: dict[str, int]  # non-tech_ab key letters
    outcomes: dict[str, int]  # tech_ab outcomes
    difficulty: dict[int, int]
    exhibits: int
    tasks: int
    uncovered_tasks: tuple[str, ...]

    def share(self, n: int) -> float:
        return 100.0 * n / self.total if self.total else 0.0


def bank_stats(bank: Bank) -> BankStats:
    qs = [q for q in bank.questions if not q.retired]
    per_task = Counter(q.task for q in qs)
    areas = []
    for a in bank.content_areas:
        tasks = a.tasks()
        areas.append(
            AreaStats(
                a.letter,
                a.title,
                a.scored_count,
                sum(per_task[t.code] for t in tasks),
                len(tasks),
                sum(1 for t in tasks if per_task[t.code]),
            )
        )
    keys: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    for q in qs:
        if q.style == Style.TECH_AB:
            assert q.technician_a is not None and q.technician_b is not None
            outcomes[OUTCOMES[tech_ab_key(q.technician_a.correct, q.technician_b.correct)]] += 1
        else:
            keys[LABELS[q.key_index()]] += 1
    return BankStats(
        code=bank.test.code,
        title=bank.test.title,
        total=len(qs),
        areas=tuple(areas),
        styles=dict(Counter(q.style for q in qs)),
        scenario=sum(1 for q in qs if q.scenario),
        keys={k: keys[k] for k in LABELS},
        outcomes={o: outcomes[o] for o in OUTCOMES},
        difficulty=dict(sorted(Counter(q.difficulty for q in qs).items())),
        exhibits=len({q.exhibit for q in qs if q.exhibit}),
        tasks=len(bank.tasks()),
        uncovered_tasks=tuple(t.code for t in bank.tasks() if not per_task[t.code]),
    )


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", plain_text(text).lower()).strip()


def near_duplicate_stems(bank: Bank, threshold: float = 0.9) -> list[tuple[str, str, float]]:
    """Pairs of questions whose full stems are at least `threshold` similar."""
    items = [(q.id, _norm(q.full_stem())) for q in bank.questions if not q.retired]
    out = []
    for i, (a_id, a) in enumerate(items):
        for b_id, b in items[i + 1 :]:
            m = difflib.SequenceMatcher(None, a, b, autojunk=False)
            if m.real_quick_ratio() >= threshold and m.quick_ratio() >= threshold:
                r = m.ratio()
                if r >= threshold:
                    out.append((a_id, b_id, r))
    return out


def markdown(stats: BankStats) -> str:
    s = stats
    lines = [
        f"### {s.code} {s.title}",
        "",
        "| Area | Title | Scored items | Questions | Ratio | Tasks covered |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for a in s.areas:
        ratio = a.questions / a.scored_count if a.scored_count else 0.0
        lines.append(
            f"| {a.letter} | {a.title} | {a.scored_count} | {a.questions} | "
            f"{ratio:.1f}x | {a.tasks_covered}/{a.tasks} |"
        )
    scored = sum(a.scored_count for a in s.areas)
    lines.append(
        f"| | **Total** | **{scored}** | **{s.total}** | "
        f"**{s.total / scored if scored else 0:.1f}x** | "
        f"**{s.tasks - len(s.uncovered_tasks)}/{s.tasks}** |"
    )
    styles = ", ".join(f"{k} {v} ({s.share(v):.0f} %)" for k, v in sorted(s.styles.items()))
    keys = ", ".join(f"{k} {v}" for k, v in s.keys.items())
    outcomes = ", ".join(f"{k} {v}" for k, v in s.outcomes.items())
    diff = ", ".join(f"{k}: {v}" for k, v in s.difficulty.items())
    lines += [
        "",
        f"Styles: {styles}. Scenario-framed: {s.scenario} ({s.share(s.scenario):.0f} %).",
        f"Keys of the non-Technician-A/B items: {keys}. Technician A/B outcomes: {outcomes}.",
        f"Difficulty {diff}. Exhibits: {s.exhibits}.",
        "",
    ]
    return "\n".join(lines)
