"""Steering on the harder simulation (benchmarks/steering.py), at a size `make test` can afford:
3PL items with guessing, task gaps inside areas, real forms from the shipped A5, A8 and G1
blueprints. The pooled model must beat plain arithmetic on the study-next regret and be calibrated
on readiness; `make bench` runs the full simulation and the held-out one (docs/steering.md)."""

from __future__ import annotations

from benchmarks.steering import naive, pooled, run


def test_pooled_model_beats_naive_arithmetic_and_is_calibrated() -> None:
    results = run({"naive": naive, "pooled": pooled}, 20, scenarios=("1 mock", "2 mocks"))
    for scenario in ("1 mock", "2 mocks"):
        n = results["naive"][scenario].figures()
        p = results["pooled"][scenario].figures()
        print(f"\n{scenario}: naive {n}\npooled {p}")
        assert p["study"] >= n["study"]
        assert p["regret"] < n["regret"]
        assert abs(p["predicted"] - p["observed"]) < 0.08  # 60 learners: the noise is +-6
        assert 0.65 <= p["bands"] <= 0.92
