"""The per-question checks of a whole bank at once, for the common case of a clean file.

Each check runs over all the questions in C (`map`, `set`, `str.join`, one regex), so a valid
20,000-question file is vetted in a fraction of the time a loop over its items takes. It only
answers "every question passes" or "something may be wrong": on any doubt (or an exhibit, which
needs the disk) it returns None and the validator checks item by item, which finds and places
each problem. So it must never pass what the item-by-item checks would report
(tests/banks/test_bulk_check.py holds the two to that).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain, compress, repeat
from operator import eq, floordiv, itemgetter, methodcaller, not_
from typing import Any

from app.banks.markup import unsafe_markup
from app.banks.native.schema import CHOICE_KEYS, LIMITS, QUESTION_KEYS, STATEMENT_KEYS
from app.banks.native.stems import norm_stem
from app.domain.bank import STYLES, Style

_REQUIRED = frozenset(k for k, need in QUESTION_KEYS.items() if need)
_ALLOWED = frozenset(QUESTION_KEYS)
_REQUIRED_NAMES = tuple(sorted(_REQUIRED))
_REQUIRED_VALUES = itemgetter(*_REQUIRED_NAMES)
_FLAGS = ("scenario", "shuffle_choices", "retired")
_STATEMENT = frozenset(STATEMENT_KEYS)
_STATEMENT_VALUES = itemgetter(*sorted(_STATEMENT))
_CHOICE_REQUIRED = frozenset(k for k, need in CHOICE_KEYS.items() if need)
_CHOICE_ALLOWED = frozenset(CHOICE_KEYS)
_STYLES = frozenset(STYLES)
_ID = r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}"
_IDS = re.compile(rf"{_ID}(?:\n{_ID})*")
# the validator's stem key maps every run of other characters to one space; in ASCII text that is
# translate (keeping the \x00 between texts) then split/join, both in C
_NON_WORD = str.maketrans(
    {chr(c): " " for c in range(1, 128) if not ("a" <= chr(c) <= "z" or "0" <= chr(c) <= "9")}
)
_TECHNICIANS = ("technician_a", "technician_b")
# whitespace that " ".join(text.split()) would change, in ASCII text joined by \x00
_ODD_SPACE = (
    "  ",
    " \x00",
    "\x00 ",
    "\t",
    "\n",
    "\r",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1d",
    "\x1e",
    "\x1f",
)


def clean_questions(
    qs: list[Any], tasks: dict[str, str], choice_counts: frozenset[int]
) -> dict[str, int] | None:
    """Active questions per content area when every question passes; None on any doubt."""
    try:
        return _clean(qs, tasks, choice_counts)
    except (TypeError, KeyError, AttributeError):  # an odd value somewhere: look item by item
        return None


def _clean(
    qs: list[Any], tasks: dict[str, str], choice_counts: frozenset[int]
) -> dict[str, int] | None:
    n = len(qs)
    if not n or set(map(type, qs)) != {dict}:
        return None
    keysets = set(map(frozenset, qs))
    for keys in keysets:
        if not _REQUIRED <= keys <= _ALLOWED or "exhibit" in keys or "exhibit_caption" in keys:
            return None
    present = frozenset().union(*keysets)
    # the required fields as columns, from one visit to each question
    columns = dict(zip(_REQUIRED_NAMES, zip(*map(_REQUIRED_VALUES, qs), strict=True), strict=True))
    if any(None in column for column in columns.values()):
        return None
    ids = columns["id"]
    if not _all_str(ids) or len(set(ids)) != n:
        return None
    joined = "\n".join(ids)
    if joined.count("\n") != n - 1 or _IDS.fullmatch(joined) is None:
        return None
    styles, task_codes = columns["style"], columns["task"]
    if not (_all_str(styles) and set(styles) <= _STYLES):
        return None
    if not (_all_str(task_codes) and set(task_codes) <= tasks.keys()):
        return None
    difficulty = columns["difficulty"]
    if set(map(type, difficulty)) != {int} or not set(difficulty) <= {1, 2, 3}:
        return None
    for flag in present.intersection(_FLAGS):  # a flag no question sets needs no look
        if not set(map(type, map(methodcaller("get", flag, False), qs))) <= {bool}:
            return None
    stems = columns["stem"]
    if not _texts_fine(stems, LIMITS["stem"]):
        return None
    if not _texts_fine(columns["explanation"], LIMITS["explanation"]):
        return None

    is_tech = list(map(eq, styles, repeat(Style.TECH_AB.value)))
    tech_at = list(compress(range(n), is_tech))
    tech = list(map(qs.__getitem__, tech_at))
    others = list(compress(qs, map(not_, is_tech))) if len(tech) < n else []
    if tech and not _technicians_fine(tech):
        return None
    if others and not _choices_fine(others, choice_counts):
        return None

    stem_keys = _stem_keys(stems)  # the validator's duplicate-stem key
    if stem_keys is None:
        return None
    if tech:
        says = _stem_keys([str(q["technician_a"]["says"]) for q in tech])
        if says is None:
            return None
        for i, said in zip(tech_at, says, strict=True):
            stem_keys[i] += "|" + said
    if len(set(stem_keys)) != n:
        return None

    counted: Iterable[str] = task_codes
    if "retired" in present:
        counted = compress(task_codes, map(not_, map(methodcaller("get", "retired", False), qs)))
    return dict(Counter(map(tasks.__getitem__, counted)))


def _all_str(values: Sequence[Any]) -> bool:
    return set(map(type, values)) == {str}


def _texts_fine(values: Sequence[Any], limit: int) -> bool:
    """As the validator's text check: non-empty text within `limit`, no unsafe markup."""
    if not _all_str(values) or max(map(len, values)) > limit:
        return False
    if "" in values or any(map(str.isspace, values)):
        return False
    joined = "\x00".join(values)
    # without a `<` only a script URL is unsafe (what unsafe_markup looks for after its tags)
    if "<" not in joined and (":" not in joined or "javascript:" not in joined.lower()):
        return True
    return not any(map(unsafe_markup, values))


def _technicians_fine(tech: list[dict[str, Any]]) -> bool:
    for keys in set(map(frozenset, tech)):
        if "choices" in keys or not keys.issuperset(_TECHNICIANS):
            return False
    statements = [q[t] for t in _TECHNICIANS for q in tech]
    if set(map(type, statements)) != {dict} or set(map(frozenset, statements)) != {_STATEMENT}:
        return False
    if None in chain.from_iterable(map(_STATEMENT_VALUES, statements)):
        return False
    if set(map(type, map(itemgetter("correct"), statements))) != {bool}:
        return False
    return _texts_fine(list(map(itemgetter("says"), statements)), LIMITS["says"]) and _texts_fine(
        list(map(itemgetter("rationale"), statements)), LIMITS["rationale"]
    )


def _choices_fine(others: list[dict[str, Any]], choice_counts: frozenset[int]) -> bool:
    for keys in set(map(frozenset, others)):
        if "choices" not in keys or not keys.isdisjoint(_TECHNICIANS):
            return False
    lists = list(map(itemgetter("choices"), others))
    if set(map(type, lists)) != {list}:
        return False
    lengths = set(map(len, lists))
    if len(lengths) != 1 or not lengths <= choice_counts:
        return False
    (per,) = lengths
    choices = list(chain.from_iterable(lists))
    if set(map(type, choices)) != {dict}:
        return False
    for keys in set(map(frozenset, choices)):
        if not _CHOICE_REQUIRED <= keys <= _CHOICE_ALLOWED:
            return False
    texts = list(map(itemgetter("text"), choices))
    if not _texts_fine(texts, LIMITS["text"]):
        return False
    if not _texts_fine(list(map(itemgetter("rationale"), choices)), LIMITS["rationale"]):
        return False
    correct = list(map(methodcaller("get", "correct", False), choices))
    if not set(map(type, correct)) <= {bool}:
        return False
    # exactly one right answer per question: the k-th `true` sits in the k-th question
    keyed = list(map(floordiv, compress(range(len(choices)), correct), repeat(per)))
    if keyed != list(range(len(others))):
        return False
    joined = "\x00".join(texts).lower()
    if joined.count("\x00") != len(texts) - 1:
        return False
    pieces = joined.split("\x00")
    # " ".join(text.split()) as the validator compares them, needed only where whitespace is odd
    odd = (
        not joined.isascii()
        or joined.startswith(" ")
        or joined.endswith(" ")
        or any(map(joined.__contains__, _ODD_SPACE))
    )
    shown = list(map(" ".join, map(str.split, pieces))) if odd else pieces
    return set(map(len, map(set, zip(*[iter(shown)] * per, strict=True)))) == {per}


def _stem_keys(texts: Iterable[str]) -> list[str] | None:
    """`norm_stem` of each text, done on all of them at once."""
    values = list(texts)
    joined = "\x00".join(values)
    if joined.count("\x00") != len(values) - 1:
        return None
    if "<" in joined or "&" in joined or not joined.isascii():
        return list(map(norm_stem, values))
    return list(map(" ".join, map(str.split, joined.lower().translate(_NON_WORD).split("\x00"))))
