"""What a benchmark produces (a figure, its same-run baseline and its target) and how it shows."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Target:
    """A limit on the ratio to the baseline (`ratio`) or on the figure itself (`max`); a ratio
    target may also cap the figure itself (`also_max`), and then both must hold."""

    kind: str  # "ratio" | "max"
    limit: float
    also_max: float | None = None

    def met(self, figure: Figure) -> bool:
        value = figure.ratio if self.kind == "ratio" else figure.value
        return value <= self.limit and (self.also_max is None or figure.value <= self.also_max)

    def describe(self, unit: str) -> str:
        if self.kind == "ratio":
            cap = f" and <= {_amount(self.also_max, unit)}" if self.also_max is not None else ""
            return f"<= {self.limit:g}x{cap}"
        return f"<= {_amount(self.limit, unit)}"


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: float  # the app's figure (median of `samples` unless noted)
    baseline: float
    baseline_label: str
    unit: str  # "s", "ms" or "MB"
    target: Target
    samples: tuple[float, ...] = ()
    baseline_samples: tuple[float, ...] = ()
    note: str = ""
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline > 0 else math.inf

    @property
    def passed(self) -> bool:
        return self.target.met(self)

    def as_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "label": self.label,
            "value": self.value,
            "unit": self.unit,
            "baseline": self.baseline,
            "baseline_label": self.baseline_label,
            "ratio": self.ratio,
            "target": f"{self.target.kind} {self.target.limit:g}"
            + (f" max {self.target.also_max:g}" if self.target.also_max is not None else ""),
            "passed": self.passed,
            "samples": list(self.samples),
            "baseline_samples": list(self.baseline_samples),
            "note": self.note,
            "extra": self.extra,
        }


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else math.nan


def _amount(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:g} {unit}"


def rows(figures: Sequence[Figure]) -> list[list[str]]:
    out = [["Figure", "BayReady", "Baseline (same run)", "Ratio", "Target", "Result"]]
    for f in figures:
        out.append(
            [
                f.label,
                _amount(f.value, f.unit),
                f"{_amount(f.baseline, f.unit)} {f.baseline_label}",
                f"{f.ratio:.2f}x",
                f.target.describe(f.unit),
                "pass" if f.passed else "OVER",
            ]
        )
    return out


def text_table(figures: Sequence[Figure]) -> str:
    table = rows(figures)
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
    lines = []
    for n, r in enumerate(table):
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(figures: Sequence[Figure]) -> str:
    table = rows(figures)
    lines = ["| " + " | ".join(table[0]) + " |", "|" + "---|" * len(table[0])]
    for r in table[1:]:
        result = r[-1] if r[-1] == "pass" else f"**{r[-1]}**"
        lines.append("| " + " | ".join([*r[:-1], result]) + " |")
    return "\n".join(lines)
