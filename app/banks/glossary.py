"""The translators' glossary (`question_banks/glossary-es.yaml`): English shop term -> the
preferred Spanish term(s) and the terms to avoid. Read with the bank caps; the lint uses it.
No Qt, no storage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.banks.diagnostics import BankError, Diagnostic, Severity
from app.banks.native.loader import load_data, read_text

FORMAT = "bayready-glossary"
MAX_TERMS = 5000


@dataclass(frozen=True)
class GlossaryTerm:
    english: str
    preferred: tuple[str, ...]
    avoid: tuple[str, ...] = ()
    note: str = ""


def glossary_path(folder: Path, language: str) -> Path:
    return folder / f"glossary-{language}.yaml"


def _words(value: object) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(v.strip() for v in value)
    return None


def read_glossary(path: Path) -> tuple[GlossaryTerm, ...]:
    """Every term of a glossary file; raises BankError naming the first bad entry's line."""
    text, diags = read_text(path)
    if text is None:
        raise BankError(diags)
    data, diags = load_data(path, text)
    if diags:
        raise BankError(diags)

    def bad(message: str, needle: str = "") -> BankError:
        at = text.find(needle) if needle else -1
        line = text.count("\n", 0, at) + 1 if at >= 0 else 1
        return BankError([Diagnostic(str(path), line, 1, Severity.ERROR, message)])

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise bad(f"a glossary says format: {FORMAT} and lists its terms under terms:")
    terms = data.get("terms")
    if not isinstance(terms, list) or len(terms) > MAX_TERMS:
        raise bad(f"terms must be a list of at most {MAX_TERMS} entries", "terms")
    out = []
    for t in terms:
        en = t.get("en") if isinstance(t, dict) else None
        es = _words(t.get("es")) if isinstance(t, dict) else None
        avoid = _words(t.get("avoid", [])) if isinstance(t, dict) else None
        if not isinstance(en, str) or es is None or avoid is None:
            raise bad(
                f"glossary entry {en!r}: give en: (text), es: [preferred, ...] and optionally "
                "avoid: [...]",
                str(en) if isinstance(en, str) else "",
            )
        note = t.get("note", "")
        out.append(GlossaryTerm(en, es, avoid, note if isinstance(note, str) else ""))
    return tuple(out)


# Spanish verb endings the `glossary-avoid` rule also matches on an avoided one-word infinitive, so
# "rezuma" and "rezumando" are caught as well as "rezumar" (present, preterite, imperfect, future,
# conditional, subjunctive, participles and gerund - the forms a bank text uses).
_AR_ENDINGS = (
    "a",
    "as",
    "an",
    "o",
    "e",
    "es",
    "en",
    "ó",
    "é",
    "aron",
    "aba",
    "aban",
    "ará",
    "arán",
    "aría",
    "arían",
    "ado",
    "ada",
    "ados",
    "adas",
    "ando",
)
_ER_IR_ENDINGS = (
    "e",
    "es",
    "en",
    "o",
    "a",
    "an",
    "ió",
    "í",
    "ieron",
    "ía",
    "ían",
    "erá",
    "erán",
    "irá",
    "irán",
    "ido",
    "ida",
    "idos",
    "idas",
    "iendo",
)


def _forms(term: str) -> tuple[str, ...]:
    """The avoided term and, for a one-word infinitive, its inflected forms."""
    if " " in term or len(term) < 5 or not term.endswith(("ar", "er", "ir")):
        return (term,)
    stem, endings = term[:-2], _AR_ENDINGS if term.endswith("ar") else _ER_IR_ENDINGS
    return (term, *(stem + e for e in endings))


def avoided_forms(terms: tuple[GlossaryTerm, ...]) -> dict[str, GlossaryTerm]:
    """Every form the `glossary-avoid` rule matches (lower case) -> the entry that avoids it."""
    out: dict[str, GlossaryTerm] = {}
    for t in terms:
        for a in t.avoid:
            for form in _forms(a.lower()):
                out.setdefault(form, t)
    return out


def avoided_pattern(terms: tuple[GlossaryTerm, ...]) -> re.Pattern[str] | None:
    """One pattern for every avoided term (and a one-word infinitive's inflected forms), whole
    words, longest first (one pass per text)."""
    avoid = sorted(avoided_forms(terms), key=len, reverse=True)
    if not avoid:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in avoid) + r")(?!\w)", re.I)
