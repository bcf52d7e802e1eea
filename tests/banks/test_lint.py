"""Bank lint rules: absolute words in false options, stem words echoed by the key, thin tasks."""

from __future__ import annotations

from pathlib import Path

from app.banks.lint import Rule, absolute_word, lint_bank, lint_file, stem_echo
from app.banks.native import read_bank
from app.domain.bank import Choice, Question, Statement


def _q(style: str, stem: str, texts: list[str], key: int) -> Question:
    return Question(
        id="Q1",
        task="Z9.A.1.1",
        style=style,
        stem=stem,
        explanation="x",
        choices=tuple(Choice(t, i == key, "r") for i, t in enumerate(texts)),
    )


def test_absolute_word_in_a_distractor_but_not_the_key() -> None:
    q = _q("direct", "What fixes it?", ["Replace only the pump", "Bleed it", "Flush", "Fill"], 1)
    assert "distractor A says 'only'" in (absolute_word(q) or "")
    # the key says it too: no giveaway
    q2 = _q("direct", "What?", ["Replace only the pump", "Bleed only it", "Flush", "Fill"], 1)
    assert absolute_word(q2) is None
    # 'onlyx' or 'tall' are not absolute words
    assert absolute_word(_q("direct", "?", ["onlyx", "tall", "b", "c"], 2)) is None


def test_absolute_word_in_an_except_key() -> None:
    q = _q("except", "All are true EXCEPT:", ["a", "b", "It is always safe", "d"], 2)
    assert "the key (the false statement) C says 'always'" in (absolute_word(q) or "")
    # in an EXCEPT item a distractor is a true statement: an absolute word there is no giveaway
    assert absolute_word(_q("except", "EXCEPT:", ["never x", "b", "c", "d"], 2)) is None


def test_absolute_word_in_a_wrong_technician_statement() -> None:
    q = Question(
        id="Q2",
        task="Z9.A.1.1",
        style="tech_ab",
        stem="s",
        explanation="x",
        technician_a=Statement("it never leaks.", False, "r"),
        technician_b=Statement("it may leak.", True, "r"),
    )
    assert "technician A's wrong statement says 'never'" in (absolute_word(q) or "")


def test_stem_echo() -> None:
    stem = "A coolant leak shows at the water pump weep hole. What is wrong?"
    q = _q("direct", stem, ["Worn pump seal at the weep hole", "Bad cap", "Low oil", "Fan"], 0)
    assert "'hole', 'pump', 'weep'" in (stem_echo(q) or "")
    shared = ["Worn pump seal at the weep hole", "Weep hole blocked", "Bad pump cap", "Fan"]
    assert stem_echo(_q("direct", stem, shared, 0)) is None
    # common words of item writing ('which', 'engine') never count
    q3 = _q("direct", "Which engine part?", ["The engine block", "a", "b", "c"], 0)
    assert stem_echo(q3) is None


def test_short_tasks_and_lines(mini_bank: Path) -> None:
    bank = read_bank(mini_bank)
    found = lint_bank(bank)
    short = {f.task for f in found if f.rule is Rule.SHORT_TASK}
    assert short == {"Z9.A.1.1", "Z9.A.1.2", "Z9.B.1.1"}  # 8 items over 3 tasks
    diags = lint_file(mini_bank, bank)
    text = mini_bank.read_text().splitlines()
    for d in diags:
        assert d.severity == "warning" and d.message.endswith(f"[{d.field}]")
        if d.field == "short-task":
            assert d.message.split()[1] in text[d.line - 1], d
