"""How a figure is judged against its target (pure; no benchmark runs)."""

from __future__ import annotations

from benchmarks.figures import Figure, Target, markdown_table


def _figure(value: float, baseline: float, target: Target) -> Figure:
    return Figure("k", "Report", value, baseline, "raw SQL", "ms", target)


def test_a_ratio_target_with_a_cap_needs_both() -> None:
    both = Target("ratio", 1.3, also_max=60.0)
    assert _figure(50.0, 40.0, both).passed  # 1.25x and 50 ms
    assert not _figure(70.0, 60.0, both).passed  # 1.17x but over 60 ms
    assert not _figure(55.0, 40.0, both).passed  # under 60 ms but 1.38x
    assert both.describe("ms") == "<= 1.3x and <= 60.0 ms"
    assert "| <= 1.3x and <= 60.0 ms | **OVER** |" in markdown_table([_figure(70.0, 60.0, both)])


def test_plain_targets_are_unchanged() -> None:
    assert _figure(2.0, 1.0, Target("ratio", 3.0)).passed
    assert not _figure(101.0, 1.0, Target("max", 100.0)).passed
    assert Target("max", 100.0).describe("ms") == "<= 100 ms"
