"""The per-question checks of a whole bank at once, for the common case of a clean file.

Each check runs over a block of questions at a time in C (`map`, `set`, `str.join`, a regex or
two), so a valid 20,000-question file is vetted in a fraction of the time a loop over its items
takes. It only
answers "every question passes" or "something may be wrong": on any doubt (or an exhibit, which
needs the disk) it returns None and the validator checks item by item, which finds and places
each problem. So it must never pass what the item-by-item checks would report
(tests/banks/test_bulk_check.py holds the two to that).

Speed here is cache misses: a big bank's dicts and strings are scattered over the heap, so a pass
over all 60,000 choices misses on most of them. Hence the blocks (the later passes over a block
find it in the cache) and checks that ride on a pass needed anyway: `str.join` raises TypeError
on a value that is not text, fetching a field raises KeyError where it is missing and TypeError
on a value that is not a mapping, and blank texts are looked for in the joined string. Where a
key for duplicates is cheaper when coarser (stems, choices), two coarse keys that coincide make
the exact ones be worked out, so the answer stays the validator's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain, compress, repeat
from operator import eq, floordiv, is_not, itemgetter, not_
from typing import Any, NamedTuple

from app.banks.markup import has_script_url, unsafe_markup
from app.banks.native.schema import LIMITS, QUESTION_KEYS, STATEMENT_KEYS
from app.banks.native.stems import norm_stem
from app.domain.bank import STYLES, Style

_REQUIRED = frozenset(k for k, need in QUESTION_KEYS.items() if need)
_ALLOWED = frozenset(QUESTION_KEYS)
# the required fields, fetched as columns in this order (the tests hold them to QUESTION_KEYS)
_COLUMNS = ("id", "stem", "style", "task", "difficulty", "explanation")
_FLAGS = ("scenario", "shuffle_choices", "retired")
_STATEMENT = frozenset(STATEMENT_KEYS)
# a choice's fields, fetched by name below: the two required ones and `correct` (the tests hold
# these to schema.CHOICE_KEYS)
_CHOICE_REQUIRED = ("text", "rationale")
_CHOICE_OPTIONAL = ("correct",)
_STYLES = frozenset(STYLES)
_TECHNICIANS = ("technician_a", "technician_b")
# a question is shaped as multiple choice (choices, no technician) or as tech_ab (both
# technicians, no choices); its style says which, and fetching the other shape's field fails
_SHAPE_KEYS = frozenset({"choices", *_TECHNICIANS})
_SHAPES = (frozenset({"choices"}), frozenset(_TECHNICIANS))
# the questions are checked a block at a time: each pass over a block finds its dicts and texts
# still in the CPU's cache, where a pass over all of a big bank's scattered objects misses on
# most of them (the tests run the checks with tiny blocks as well)
_BLOCK = 256
_ID = r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}"
_IDS = re.compile(rf"{_ID}(?:\n{_ID})*")
# in texts joined by \x00: a text after the first one that is empty or starts with whitespace (a
# blank text does; the few texts that merely start with a space are then looked at one by one)
_BLANK_START = re.compile(r"\x00(?:[\x00\s]|\Z)")
# duplicate stems are found by a coarser key than the validator's (`norm_stem`, which maps every
# run of characters but a-z and 0-9 to one space): its letters and digits alone, that key without
# its spaces. Stems the validator holds the same share it; two that only this key holds the same
# (words broken differently) make the exact keys be worked out. In ASCII text it is lower then
# translate (deleting all else but the \x00 between texts) then split, all in C.
_WORD_CHARS = str.maketrans(
    {chr(c): None for c in range(1, 128) if not ("a" <= chr(c) <= "z" or "0" <= chr(c) <= "9")}
)
# the choices of a question are told apart as the validator does, by " ".join(text.split()) in
# lower case; first by a coarser key, the text without its whitespace (ASCII text: one translate
# per block), and by the exact one only where two coarse keys coincide
_NO_SPACE = str.maketrans(dict.fromkeys(c for c in map(chr, range(128)) if c.isspace()))


# the letters beyond ASCII that Python's case-insensitive matching takes for a letter of
# "javascript:" (long s, dotless i, capital I with dot), where str.lower() does not
_FOLDS = ("\u017f", "\u0131", "\u0130")


class CleanQuestions(NamedTuple):
    per_area: dict[str, int]  # active questions per content area
    fields: frozenset[str]  # every field some question sets


def clean_questions(
    qs: list[Any], tasks: dict[str, str], choice_counts: frozenset[int]
) -> CleanQuestions | None:
    """What the validator needs to know of the questions when every one passes; None on any
    doubt."""
    try:
        return _clean(qs, tasks, choice_counts)
    except (TypeError, KeyError, AttributeError):  # an odd value somewhere: look item by item
        return None


def _clean(
    qs: list[Any], tasks: dict[str, str], choice_counts: frozenset[int]
) -> CleanQuestions | None:
    n = len(qs)
    if not n:
        return None
    ids: list[str] = []
    stem_keys: list[str] = []
    per_area: Counter[str] = Counter()
    fields: set[str] = set()
    for start in range(0, n, _BLOCK):
        block = qs[start : start + _BLOCK]
        if not _block_fine(block, tasks, choice_counts, ids, stem_keys, per_area, fields):
            return None
    if len(set(ids)) != n:  # an id used twice anywhere in the bank
        return None
    # a stem used twice: the coarse keys tell most banks apart; where two coincide, the exact ones
    if len(set(stem_keys)) != n and not _stems_distinct(qs):
        return None
    return CleanQuestions(dict(per_area), frozenset(fields))


def _block_fine(
    qs: list[Any],
    tasks: dict[str, str],
    choice_counts: frozenset[int],
    ids_seen: list[str],
    stem_keys_seen: list[str],
    per_area: Counter[str],
    fields: set[str],
) -> bool:
    """Every question of the block passes (the checks of one question alone); adds its ids, its
    stems' duplicate keys, its active questions per content area and the fields it sets."""
    n = len(qs)
    # frozenset() of a number or None raises TypeError; a text or a list that holds every
    # required name gets past the key check, but fetching a field from it below raises TypeError
    keysets = set(map(frozenset, qs))
    for keys in keysets:
        if not _REQUIRED <= keys <= _ALLOWED or "exhibit" in keys or "exhibit_caption" in keys:
            return False
        if (keys & _SHAPE_KEYS) not in _SHAPES:
            return False
    present = frozenset().union(*keysets)
    fields.update(present)
    # the required fields as columns; none can be None: each column's check below refuses it
    ids, stems, styles, task_codes, difficulty, explanations = (
        list(map(itemgetter(k), qs)) for k in _COLUMNS
    )
    joined = "\n".join(ids)  # TypeError: an id that is not text
    if joined.count("\n") != n - 1 or _IDS.fullmatch(joined) is None:
        return False
    if not set(styles) <= _STYLES or not set(task_codes) <= tasks.keys():
        return False
    if set(map(type, difficulty)) != {int} or not set(difficulty) <= {1, 2, 3}:
        return False
    for flag in present.intersection(_FLAGS):  # a flag no question sets needs no look
        if not set(map(type, map(dict.get, qs, repeat(flag), repeat(False)))) <= {bool}:
            return False
    joined_stems = _texts_fine(stems, LIMITS["stem"])
    if joined_stems is None or _texts_fine(explanations, LIMITS["explanation"]) is None:
        return False

    is_tech = list(map(eq, styles, repeat(Style.TECH_AB.value)))
    tech_at = list(compress(range(n), is_tech))
    tech = list(map(qs.__getitem__, tech_at))
    others = list(compress(qs, map(not_, is_tech))) if len(tech) < n else []
    said: list[str] = []
    if tech:
        says = _technicians_fine(tech)
        if says is None:
            return False
        said = says[: len(tech)]  # technician A's, as the validator's stem key takes them
    if others and not _choices_fine(others, choice_counts):
        return False

    stem_keys = _stem_keys(stems, joined_stems)  # the coarse duplicate-stem key
    if stem_keys is None:
        return False
    if tech:
        said_keys = _stem_keys(said, "\x00".join(said))
        if said_keys is None:
            return False
        for i, key in zip(tech_at, said_keys, strict=True):
            stem_keys[i] += "|" + key

    counted: Iterable[str] = task_codes
    if "retired" in present:
        counted = compress(task_codes, map(not_, map(dict.get, qs, repeat("retired"))))
    per_area.update(map(tasks.__getitem__, counted))
    ids_seen += ids
    stem_keys_seen += stem_keys
    return True


def _texts_fine(values: Sequence[Any], limit: int) -> str | None:
    """As the validator's text check on each value: non-empty text within `limit`, no unsafe
    markup. The values joined by \\x00 when they all pass; None on any doubt."""
    n = len(values)
    joined = "\x00".join(values)  # TypeError: a value that is not text
    if not n or joined.count("\x00") != n - 1:  # a \x00 inside a text: look one by one
        return None
    if max(map(len, values)) > limit:
        return None
    head = joined[:1]
    may_be_blank = head in ("", "\x00") or head.isspace() or _BLANK_START.search(joined)
    if may_be_blank and ("" in values or any(map(str.isspace, values))):
        return None
    # without a `<` only a script URL is unsafe (what unsafe_markup looks for after its tags)
    if "<" not in joined and (":" not in joined or not _script_url(joined)):
        return joined
    return None if any(map(unsafe_markup, values)) else joined


def _script_url(joined: str) -> bool:
    """`has_script_url` of texts joined by \x00 (no match can span the \x00)."""
    # lower() finds what the case-insensitive regex finds, ten times as fast, but for three
    # letters the regex also takes for `s` and `i`; only text with one of them needs the regex
    if "javascript:" in joined.lower():
        return True
    return not joined.isascii() and any(map(joined.__contains__, _FOLDS)) and has_script_url(joined)


def _technicians_fine(tech: list[dict[str, Any]]) -> list[str] | None:
    """Both statements of every tech_ab question pass; what they say (A's, then B's) or None."""
    # KeyError: a question shaped as multiple choice
    statements = list(map(itemgetter("technician_a"), tech))
    statements += map(itemgetter("technician_b"), tech)
    # a statement that is not a mapping: a text or list holding the three names gets past this,
    # and fetching a field from it below raises TypeError
    if set(map(frozenset, statements)) != {_STATEMENT}:
        return None
    if set(map(type, map(itemgetter("correct"), statements))) != {bool}:
        return None
    says = list(map(itemgetter("says"), statements))
    if _texts_fine(says, LIMITS["says"]) is None:
        return None
    if _texts_fine(list(map(itemgetter("rationale"), statements)), LIMITS["rationale"]) is None:
        return None
    return says


def _choices_fine(others: list[dict[str, Any]], choice_counts: frozenset[int]) -> bool:
    lists = list(map(itemgetter("choices"), others))  # KeyError: a question shaped as tech_ab
    if set(map(type, lists)) != {list}:
        return False
    lengths = set(map(len, lists))
    if len(lengths) != 1 or not lengths <= choice_counts:
        return False
    (per,) = lengths
    choices = list(chain.from_iterable(lists))
    # TypeError: a choice that is not a mapping; KeyError: a required field missing
    texts = list(map(itemgetter("text"), choices))
    rationales = list(map(itemgetter("rationale"), choices))
    correct = list(map(dict.get, choices, repeat("correct")))  # None where it is absent
    if not set(map(type, correct)) <= {bool, type(None)}:
        return False
    # no other field, and no `correct: null`: with both required fields there, a choice's size is
    # 2, plus 1 where `correct` holds a value; a field more anywhere makes the sum larger
    given = sum(map(is_not, correct, repeat(None)))
    if sum(map(len, choices)) != len(_CHOICE_REQUIRED) * len(choices) + given:
        return False
    # exactly one right answer per question: the k-th `true` sits in the k-th question
    keyed = list(map(floordiv, compress(range(len(choices)), correct), repeat(per)))
    if keyed != list(range(len(others))):
        return False
    joined = _texts_fine(texts, LIMITS["text"])
    if joined is None or _texts_fine(rationales, LIMITS["rationale"]) is None:
        return False
    joined = joined.lower()
    if joined.isascii() and _distinct(joined.translate(_NO_SPACE).split("\x00"), per):
        return True
    return _distinct(list(map(" ".join, map(str.split, joined.split("\x00")))), per)


def _distinct(keys: list[str], per: int) -> bool:
    """Each run of `per` keys (one question's choices) holds `per` different ones."""
    return set(map(len, map(set, zip(*[iter(keys)] * per, strict=True)))) == {per}


def _stem_keys(values: list[str], joined: str) -> list[str] | None:
    """`norm_stem` of each text without its spaces (`joined` is the texts joined by \\x00)."""
    if joined.count("\x00") != len(values) - 1:
        return None
    if "<" in joined or "&" in joined or not joined.isascii():
        return [norm_stem(v).replace(" ", "") for v in values]
    return joined.lower().translate(_WORD_CHARS).split("\x00")


def _stems_distinct(qs: list[dict[str, Any]]) -> bool:
    """No two questions share the validator's duplicate-stem key (a loop: rarely needed)."""
    keys = set()
    for q in qs:
        key = norm_stem(q["stem"])
        if q["style"] == Style.TECH_AB:
            key += "|" + norm_stem(str(q["technician_a"]["says"]))
        keys.add(key)
    return len(keys) == len(qs)
