"""The Beta quantiles behind the mastery bands invert the CDF to 1e-9 across the shapes a long
history produces (the report computes two per area and task, so they take a few steps, not 60)."""

from __future__ import annotations

import pytest

from app.domain.mastery import beta_cdf, beta_quantile


@pytest.mark.parametrize(
    ("a", "b"),
    [(1, 1), (1.0001, 1), (31, 11), (2, 500), (500, 2), (1.5, 900.3), (3000, 2000), (7.3, 7.3)],
)
@pytest.mark.parametrize("p", [0.001, 0.1, 0.5, 0.9, 0.999])
def test_quantile_inverts_the_cdf(a: float, b: float, p: float) -> None:
    x = beta_quantile(p, a, b)
    assert 0.0 < x < 1.0
    assert beta_cdf(x, a, b) == pytest.approx(p, abs=1e-9)


def test_quantiles_are_ordered_and_clamped() -> None:
    assert beta_quantile(0.1, 31, 11) < beta_quantile(0.5, 31, 11) < beta_quantile(0.9, 31, 11)
    assert beta_quantile(0.0, 3, 4) == 0.0 and beta_quantile(1.0, 3, 4) == 1.0
