"""How each bank reader's cost grows on hostile input: a table for `make bench`.

    python -m benchmarks.readers            # sizes 4x the test suite's, then 8x those
    python -m benchmarks.readers --scale 1  # the test suite's sizes

For every case in benchmarks/hostile.py: process time (best of 3, cyclic GC paused) at n and 8n,
their ratio (linear is about 8, quadratic 64) and peak memory (tracemalloc) at both sizes.
The test suite asserts the same ratios at small sizes (tests/banks/test_reader_scaling.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from benchmarks.hostile import CASES, growth, peak_bytes

LIMIT = 24  # the test suite's bound on the ratio


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=4, help="n = the test suite's n times this")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc runs")
    args = parser.parse_args(argv)
    header = f"{'reader and hostile input':<40} {'n':>8} {'t(n)':>9} {'t(8n)':>9} {'ratio':>6}" + (
        "" if args.no_memory else f" {'peak(n)':>9} {'peak(8n)':>9} {'ratio':>6}"
    )
    print(header)
    print("-" * len(header))
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="bayready-readers-") as tmp:
        folder = Path(tmp)
        for case in CASES:
            n = case.n * args.scale
            small, large, ratio = growth(case, n, folder)
            worst = max(worst, ratio)
            line = (
                f"{case.name:<40} {n:>8,} {small * 1000:>7.1f}ms {large * 1000:>7.1f}ms "
                f"{ratio:>5.1f}x"
            )
            if not args.no_memory:
                m_small = peak_bytes(case, n, folder)
                m_large = peak_bytes(case, 8 * n, folder)
                line += (
                    f" {m_small / 1_048_576:>7.1f}MB {m_large / 1_048_576:>7.1f}MB "
                    f"{m_large / max(m_small, 1):>5.1f}x"
                )
            print(line, flush=True)
    print(f"\nworst time ratio {worst:.1f}x for 8x the input (linear ~8, quadratic 64)")
    return 0 if worst < LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
