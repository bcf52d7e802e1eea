"""Error types for the ASE question formats, from answers already stored. Pure, stdlib only.

- Technician A/B: which statement the learner misjudged (A, B or both), from the option picked
  (0 A only, 1 B only, 2 both, 3 neither) and which statements are true.
- EXCEPT / LEAST LIKELY: every wrong option of these is a true statement, so a wrong answer means
  the learner picked a true statement - usually the question's negative was misread.
- Timing: answers given in the last LAST_SECONDS of a mock that ran to its time limit, compared
  with the same learner's earlier answers - rushing shows as a higher share wrong at the end.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.i18n import QT_TRANSLATE_NOOP

LAST_SECONDS = 120.0  # "the last seconds" of a timed mock
NEGATIVE_STYLES = ("except", "least_likely")


@dataclass(frozen=True)
class ErrorType:
    kind: str  # tech_a | tech_b | tech_both | negative | timing
    label: str  # marked for translation (QT_TRANSLATE_NOOP): the ui shows it translated
    count: int  # wrong answers of this type
    out_of: int  # answers it could have happened on
    advice: str  # marked for translation too


def tech_ab_misjudged(chosen: int, a_correct: bool, b_correct: bool) -> str:
    """'A', 'B', 'both' or '' (right) for a Technician A/B answer."""
    said_a, said_b = chosen in (0, 2), chosen in (1, 2)
    wrong_a, wrong_b = said_a != a_correct, said_b != b_correct
    if wrong_a and wrong_b:
        return "both"
    return "A" if wrong_a else "B" if wrong_b else ""


def error_types(
    tech_ab: Iterable[tuple[int, bool, bool, int]],
    tech_ab_answered: int,
    negative_wrong: int,
    negative_answered: int,
    late: tuple[int, int],
    earlier: tuple[int, int],
) -> list[ErrorType]:
    """The error types worth showing, most frequent first.

    `tech_ab`: (option chosen, A true, B true, times) of wrong Technician A/B answers; `late` and
    `earlier`: (wrong, answered) in the last LAST_SECONDS of timed mocks and before them.
    """
    counts = {"A": 0, "B": 0, "both": 0}
    for chosen, a_ok, b_ok, n in tech_ab:
        which = tech_ab_misjudged(chosen, a_ok, b_ok)
        if which:
            counts[which] += n
    out = []
    for which, kind in (("A", "tech_a"), ("B", "tech_b"), ("both", "tech_both")):
        if counts[which]:
            label = (
                QT_TRANSLATE_NOOP("ErrorTypes", "Technician A/B: misjudged both statements")
                if which == "both"
                else QT_TRANSLATE_NOOP(
                    "ErrorTypes", "Technician A/B: misjudged Technician {0}'s statement"
                ).fill(which)
            )
            advice = QT_TRANSLATE_NOOP(
                "ErrorTypes",
                "judge each technician's statement on its own, true or false, before choosing",
            )
            out.append(ErrorType(kind, label, counts[which], tech_ab_answered, advice))
    if negative_wrong:
        out.append(
            ErrorType(
                "negative",
                QT_TRANSLATE_NOOP("ErrorTypes", "EXCEPT / LEAST LIKELY: picked a true statement"),
                negative_wrong,
                negative_answered,
                QT_TRANSLATE_NOOP(
                    "ErrorTypes",
                    "the answer is the one statement that is NOT true; cross out each true one",
                ),
            )
        )
    late_wrong, late_n = late
    early_wrong, early_n = earlier
    if late_wrong and late_n:
        late_rate = late_wrong / late_n
        early_rate = early_wrong / early_n if early_n else 0.0
        if late_rate > early_rate:
            out.append(
                ErrorType(
                    "timing",
                    QT_TRANSLATE_NOOP(
                        "ErrorTypes",
                        "Timing: wrong in the last {0:.0f} minutes of a mock "
                        "({1:.0f} % against {2:.0f} % before)",
                    ).fill(LAST_SECONDS / 60, late_rate * 100, early_rate * 100),
                    late_wrong,
                    late_n,
                    QT_TRANSLATE_NOOP(
                        "ErrorTypes", "pace yourself to leave time for the last questions"
                    ),
                )
            )
    out.sort(key=lambda e: (-e.count, e.kind))
    return out
