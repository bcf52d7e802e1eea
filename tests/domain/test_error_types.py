"""Error types for ASE formats: which Technician A/B statement was misjudged, EXCEPT / LEAST
LIKELY answers that picked a true statement, wrong answers rushed at the end of a mock."""

from __future__ import annotations

from app.domain.error_types import error_types, tech_ab_misjudged


def test_tech_ab_names_the_misjudged_statement() -> None:
    # A true, B false: key "A only" (0)
    assert tech_ab_misjudged(0, True, False) == ""
    assert tech_ab_misjudged(2, True, False) == "B"  # said both: B's statement misjudged
    assert tech_ab_misjudged(3, True, False) == "A"  # said neither: A's misjudged
    assert tech_ab_misjudged(1, True, False) == "both"  # B only: both wrong


def test_error_types_are_counted_and_ranked() -> None:
    found = error_types(
        [(2, True, False, 3), (3, True, False, 1), (1, True, False, 1)],
        tech_ab_answered=10,
        negative_wrong=4,
        negative_answered=6,
        late=(3, 4),
        earlier=(5, 40),
    )
    kinds = {e.kind: e for e in found}
    assert (kinds["tech_b"].count, kinds["tech_a"].count, kinds["tech_both"].count) == (3, 1, 1)
    assert kinds["tech_b"].out_of == 10
    assert kinds["negative"].count == 4 and "true statement" in kinds["negative"].label
    assert kinds["timing"].count == 3 and "75 % against 12 %" in kinds["timing"].label
    assert [e.count for e in found] == sorted((e.count for e in found), reverse=True)


def test_no_timing_type_when_the_end_is_no_worse() -> None:
    found = error_types([], 0, 0, 0, late=(1, 10), earlier=(10, 40))
    assert found == []
