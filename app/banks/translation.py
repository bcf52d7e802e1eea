"""Translation sidecars: `<bank-stem>.<lang>.yaml` beside a native bank (docs/bank-format.md).

A sidecar is read with the bank's caps (file size, question count, text limits, safe markup) and
checked against the English bank it names: same question ids, same option letters, the key (where
the translator states it) unchanged, no field missing, no unknown code. A translation made from
older English words is a warning naming the item (it is stored and shown as English until the
fingerprint is brought up to date). Every problem is `FILE:LINE:COL: ...` with its fix. Linear
in the file's size. No Qt, no storage.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from app.banks.diagnostics import BankError, Diagnostic, Severity, sort_diagnostics
from app.banks.exhibits import ExhibitError, exhibit_problem, read_exhibit
from app.banks.limits import MAX_QUESTIONS
from app.banks.native.loader import load_data, read_text
from app.banks.native.schema import EXHIBIT_SUFFIXES, Path_
from app.banks.native.validator import Checker
from app.domain.bank import Bank, Question, Style
from app.domain.translation import (
    LANGUAGES,
    BankTranslation,
    OptionText,
    QuestionTranslation,
    StatementText,
    fingerprint,
)

FORMAT = "bayready-translation"
FORMAT_VERSION = 1
TOP_KEYS = {
    "format": True,
    "format_version": True,
    "source": True,
    "language": True,
    "test": False,
    "areas": False,
    "subareas": False,
    "tasks": False,
    "questions": False,
}
QUESTION_KEYS = {
    "id": True,
    "source_fingerprint": True,
    "todo": False,  # written by `bank translate` on items still to translate: shown in English
    "stem": False,
    "choices": False,
    "technician_a": False,
    "technician_b": False,
    "explanation": False,
    "exhibit_caption": False,
    "exhibit": False,
}
CHOICE_KEYS = {"text": True, "rationale": True, "correct": False}
STATEMENT_KEYS = {"says": True, "rationale": True, "correct": False}
_FINGERPRINT = re.compile(r"[0-9a-f]{8}")
_SIDECAR_NAME = re.compile(r"(?P<stem>.+)\.(?P<lang>[a-z]{2})\.ya?ml", re.I)


def sidecar_path(bank_path: Path, language: str) -> Path:
    """Where a bank's translation into `language` lives: `a5-brakes.yaml` -> `a5-brakes.es.yaml`."""
    return bank_path.with_name(f"{bank_path.stem}.{language}.yaml")


def sidecars_of(bank_path: Path) -> list[Path]:
    """The translation sidecars present beside a bank file, one per known language."""
    return [p for lang in LANGUAGES if (p := sidecar_path(bank_path, lang)).is_file()]


def source_of_sidecar(path: Path) -> Path | None:
    """The English bank a sidecar file belongs to, by its name (None: not a sidecar's name)."""
    m = _SIDECAR_NAME.fullmatch(path.name)
    if m is None:
        return None
    for suffix in (".yaml", ".yml", ".json"):
        candidate = path.with_name(m["stem"] + suffix)
        if candidate.is_file():
            return candidate
    return path.with_name(m["stem"] + ".yaml")


def translated_exhibit_name(exhibit: str, language: str) -> str:
    """`a5/rotor.svg` -> `a5/rotor.es.svg`: the only name a translated drawing may have."""
    p = Path(exhibit)
    return str(p.with_name(f"{p.stem}.{language}{p.suffix}").as_posix())


class TranslationChecker(Checker):
    """Checks one sidecar against its (valid, already read) English bank."""

    def __init__(self, path: Path, text: str, data: Any, bank: Bank) -> None:
        super().__init__(path, text, data, ())
        self.bank = bank
        self.language = ""
        self.result: BankTranslation | None = None

    def run(self) -> None:
        d = self.data
        if not self.mapping(d, (), TOP_KEYS, "translation"):
            return
        if d.get("format") != FORMAT:
            self.add(("format",), f"format must be '{FORMAT}', found {d.get('format')!r}")
        if d.get("format_version") != FORMAT_VERSION:
            self.add(
                ("format_version",),
                f"format_version {d.get('format_version')!r} is not supported; this version of "
                f"BayReady reads translation version {FORMAT_VERSION}",
            )
        lang = d.get("language")
        m = _SIDECAR_NAME.fullmatch(self.path.name)
        if not isinstance(lang, str) or lang not in LANGUAGES:
            known = ", ".join(sorted(LANGUAGES))
            self.add(("language",), f"language must be one of: {known}; found {lang!r}")
            return
        if m is None or m["lang"].lower() != lang:
            self.add(
                ("language",),
                f"a translation into {lang!r} must be named <bank>.{lang}.yaml beside its bank; "
                f"rename the file",
            )
        self.language = str(lang)
        source = d.get("source")
        bank_name = Path(self.bank.source).name if self.bank.source else ""
        if not isinstance(source, str) or (bank_name and source != bank_name):
            self.add(
                ("source",),
                f"source must name the English bank file {bank_name!r}, found {source!r}",
            )
        title = self._test_title(d.get("test"))
        areas = self._codes(
            d.get("areas"),
            "areas",
            {a.letter for a in self.bank.content_areas},
            "area letter",
        )
        subareas = self._codes(
            d.get("subareas"),
            "subareas",
            {f"{a.letter}.{sa.number}" for a in self.bank.content_areas for sa in a.subareas},
            "sub-area (letter.number, e.g. A.1)",
        )
        tasks = self._codes(
            d.get("tasks"), "tasks", {t.code for t in self.bank.tasks()}, "task code", "rationale"
        )
        questions = self._questions(d.get("questions"))
        self.result = BankTranslation(
            language=self.language,
            source=str(source),
            test_title=title,
            areas=areas,
            subareas=subareas,
            tasks=tasks,
            questions=questions,
        )

    def _test_title(self, t: Any) -> str | None:
        if t is None:
            return None
        if not self.mapping(t, ("test",), {"title": True}, "test"):
            return None
        self.text(t.get("title"), ("test", "title"), "test title", "text")
        title = t.get("title")
        return title.strip() if isinstance(title, str) and title.strip() else None

    def _codes(
        self, value: Any, key: str, known: set[str], what: str, limit: str = "text"
    ) -> dict[str, str]:
        out: dict[str, str] = {}
        if value is None:
            return out
        if not isinstance(value, dict):
            self.add((key,), f"{key} must be a mapping of code: translated title")
            return out
        if len(value) > MAX_QUESTIONS:
            self.add((key,), f"{key} has {len(value):,} entries; the limit is {MAX_QUESTIONS:,}")
            return out
        for code, text in value.items():
            p: Path_ = (key, str(code))
            if str(code) not in known:
                self.add(
                    p,
                    f"{key}: unknown {what} {code!r}: the English bank has no such code; "
                    "remove it or correct the code",
                    key=True,
                )
                continue
            self.text(text, p, f"{key} {code}", limit)
            if isinstance(text, str) and text.strip():
                out[str(code)] = text.strip()
        return out

    def _questions(self, qs: Any) -> tuple[QuestionTranslation, ...]:
        path: Path_ = ("questions",)
        if qs is None:
            return ()
        if not isinstance(qs, list):
            self.add(path, "questions must be a list")
            return ()
        if len(qs) > MAX_QUESTIONS:
            self.add(
                path,
                f"the translation has {len(qs):,} questions; the limit for one file is "
                f"{MAX_QUESTIONS:,} - split the bank into smaller banks",
            )
            return ()
        english = {q.id: q for q in self.bank.questions}
        seen: set[str] = set()
        out: list[QuestionTranslation] = []
        for i, q in enumerate(qs):
            qp = (*path, i)
            qid = q.get("id") if isinstance(q, dict) else None
            who = f"question {qid}" if isinstance(qid, str) else f"question {i + 1}"
            if not self.mapping(q, qp, QUESTION_KEYS, who):
                continue
            if "id" not in q:
                continue
            source = english.get(qid) if isinstance(qid, str) else None
            if source is None:
                self.add(
                    (*qp, "id"),
                    f"{who}: the English bank has no question with id {qid!r}; "
                    "correct the id or remove the item",
                    field="id",
                )
                continue
            if qid in seen:
                self.add((*qp, "id"), f"{who} is translated twice; keep one", field="id")
                continue
            seen.add(source.id)
            fp = q.get("source_fingerprint")
            current = fingerprint(source)
            if isinstance(fp, int | float) and not isinstance(fp, bool):
                self.add(
                    (*qp, "source_fingerprint"),
                    f"{who}: source_fingerprint reads as a number; put it in quotes, "
                    f"source_fingerprint: '{current}' (a fingerprint of digits alone is text)",
                    field="source_fingerprint",
                )
                continue
            if not isinstance(fp, str) or not _FINGERPRINT.fullmatch(fp):
                self.add(
                    (*qp, "source_fingerprint"),
                    f"{who}: source_fingerprint must be the 8-character fingerprint of the "
                    f"English text (it is {current} now); run `bayready bank translate` to "
                    "fill it in",
                    field="source_fingerprint",
                )
                continue
            if "todo" in q and not isinstance(q["todo"], bool):
                self.add((*qp, "todo"), f"{who}: todo must be true or false", field="todo")
                continue
            if q.get("todo"):
                continue  # not translated yet: shown in English
            t = self._question(q, qp, who, source)
            if t is None:
                continue
            if fp != current:
                self.add(
                    (*qp, "source_fingerprint"),
                    f"{who}: translated from an older English text (fingerprint {fp}, the "
                    f"English is now {current}); it is shown in English until you check the "
                    f"translation against the English and set source_fingerprint: {current}",
                    severity=Severity.WARNING,
                    field="source_fingerprint",
                )
            out.append(t)
        return tuple(out)

    def _need(self, q: dict[str, Any], key: str, qp: Path_, who: str) -> bool:
        if q.get(key) is None:
            self.add(
                qp if key not in q else (*qp, key),
                f"{who}: missing translated '{key}'; translate it, or mark the item todo: true",
                field=key,
            )
            return False
        return True

    def _question(
        self, q: dict[str, Any], qp: Path_, who: str, source: Question
    ) -> QuestionTranslation | None:
        before = len(self.out)
        for key in ("stem", "explanation"):
            if self._need(q, key, qp, who):
                self.text(q[key], (*qp, key), f"{who}: {key}", key)
        choices: tuple[OptionText, ...] = ()
        ta = tb = None
        if source.style == Style.TECH_AB:
            if "choices" in q:
                self.add(
                    (*qp, "choices"),
                    f"{who}: a Technician A/B item translates technician_a and technician_b, "
                    "not choices; remove choices",
                    key=True,
                    field="choices",
                )
            ta = self._statement(q, "technician_a", qp, who, source)
            tb = self._statement(q, "technician_b", qp, who, source)
        else:
            for t in ("technician_a", "technician_b"):
                if t in q:
                    self.add(
                        (*qp, t),
                        f"{who}: '{t}' is only for Technician A/B items; remove it",
                        key=True,
                        field=t,
                    )
            if self._need(q, "choices", qp, who):
                choices = self._choices(q["choices"], (*qp, "choices"), who, source)
        caption = q.get("exhibit_caption")
        if source.exhibit_caption is not None:
            if self._need(q, "exhibit_caption", qp, who):
                self.text(caption, (*qp, "exhibit_caption"), f"{who}: exhibit_caption", "text")
        elif "exhibit_caption" in q:
            self.add(
                (*qp, "exhibit_caption"),
                f"{who}: the English question has no exhibit caption; remove exhibit_caption",
                key=True,
                field="exhibit_caption",
            )
        exhibit = self._exhibit(q.get("exhibit"), (*qp, "exhibit"), who, source)
        if len(self.out) > before and any(d.is_error for d in self.out[before:]):
            return None
        return QuestionTranslation(
            id=source.id,
            fingerprint=str(q["source_fingerprint"]),
            stem=str(q["stem"]).strip(),
            explanation=str(q["explanation"]).strip(),
            choices=choices,
            technician_a=ta,
            technician_b=tb,
            exhibit_caption=caption.strip() if isinstance(caption, str) else None,
            exhibit=exhibit,
        )

    def _statement(
        self, q: dict[str, Any], key: str, qp: Path_, who: str, source: Question
    ) -> StatementText | None:
        if not self._need(q, key, qp, who):
            return None
        st, sp = q[key], (*qp, key)
        if not self.mapping(st, sp, STATEMENT_KEYS, f"{who} {key}"):
            return None
        self.text(st.get("says"), (*sp, "says"), f"{who} {key}.says", "says")
        self.text(st.get("rationale"), (*sp, "rationale"), f"{who} {key}.rationale", "rationale")
        english = source.technician_a if key == "technician_a" else source.technician_b
        if "correct" in st and english is not None and st["correct"] is not english.correct:
            self.add(
                (*sp, "correct"),
                f"{who} {key}: correct is {st['correct']!r} here but {english.correct!r} in the "
                "English; a translation never changes the key - fix the translation",
                field="correct",
            )
        says, why = st.get("says"), st.get("rationale")
        if isinstance(says, str) and isinstance(why, str):
            return StatementText(says.strip(), why.strip())
        return None

    def _choices(self, cs: Any, path: Path_, who: str, source: Question) -> tuple[OptionText, ...]:
        letters = [chr(ord("A") + i) for i in range(len(source.choices))]
        if not isinstance(cs, dict):
            self.add(
                path,
                f"{who}: choices must be a mapping by letter ({', '.join(letters)}) of text and "
                "rationale",
            )
            return ()
        unknown = [str(k) for k in cs if str(k) not in letters]
        missing = [x for x in letters if cs.get(x) is None]
        if unknown:
            self.add(
                (*path, unknown[0]),
                f"{who}: option {unknown[0]!r} is not in the English question (its options are "
                f"{', '.join(letters)}); use the same letters",
                key=True,
                field="choices",
            )
        if missing:
            self.add(
                path,
                f"{who}: option {', '.join(missing)} is not translated; translate every option "
                f"({', '.join(letters)})",
                field="choices",
            )
        out: list[OptionText] = []
        for letter, english in zip(letters, source.choices, strict=True):
            c = cs.get(letter)
            cp = (*path, letter)
            if c is None or not self.mapping(c, cp, CHOICE_KEYS, f"{who} choice {letter}"):
                continue
            self.text(c.get("text"), (*cp, "text"), f"{who} choice {letter}", "text")
            self.text(
                c.get("rationale"),
                (*cp, "rationale"),
                f"{who} choice {letter} rationale",
                "rationale",
            )
            if "correct" in c and c["correct"] is not english.correct:
                self.add(
                    (*cp, "correct"),
                    f"{who} choice {letter}: correct is {c['correct']!r} here but "
                    f"{english.correct!r} in the English; a translation never changes the key - "
                    "fix the translation",
                    field="correct",
                )
            text, why = c.get("text"), c.get("rationale")
            if isinstance(text, str) and isinstance(why, str):
                out.append(OptionText(text.strip(), why.strip()))
        return tuple(out)

    def _exhibit(self, value: Any, path: Path_, who: str, source: Question) -> str | None:
        if value is None:
            return None
        if source.exhibit is None:
            self.add(path, f"{who}: the English question has no exhibit; remove exhibit")
            return None
        want = translated_exhibit_name(source.exhibit, self.language)
        if not isinstance(value, str) or value != want:
            self.add(
                path,
                f"{who}: a translated exhibit must be named {want!r} (the English drawing's "
                f"name with .{self.language} before its suffix), found {value!r}",
                field="exhibit",
            )
            return None
        folder = self.path.parent.resolve()
        target = (folder / value).resolve()
        if Path(value).is_absolute() or not target.is_relative_to(folder):
            self.add(
                path, f"{who}: exhibit {value!r} is outside the bank's folder", field="exhibit"
            )
            return None
        if target.suffix.lower() not in EXHIBIT_SUFFIXES:
            self.add(path, f"{who}: exhibit {value!r} must be an SVG or PNG file", field="exhibit")
            return None
        if not target.is_file():
            self.add(path, f"{who}: exhibit file {value!r} does not exist", field="exhibit")
            return None
        problem = exhibit_problem(target, value)
        if problem:
            self.add(path, f"{who}: {problem}", field="exhibit")
            return None
        return value


def parse_translation(
    path: Path, text: str, bank: Bank
) -> tuple[BankTranslation | None, list[Diagnostic]]:
    """Parse and check a sidecar's text against its bank; a translation only when error-free."""
    data, diags = load_data(path, text)
    if diags:
        return None, diags
    checker = TranslationChecker(path, text, data, bank)
    checker.run()
    diags = sort_diagnostics(checker.out)
    if any(d.is_error for d in diags):
        return None, diags
    return checker.result, diags


def read_translation(path: Path, bank: Bank) -> tuple[BankTranslation, list[Diagnostic]]:
    """Read, check and load a sidecar (with its translated exhibits); raises BankError."""
    text, diags = read_text(path)
    if text is None:
        raise BankError(diags)
    result, diags = parse_translation(path, text, bank)
    if result is None:
        raise BankError(diags)
    files: dict[str, bytes] = {}
    for q in result.questions:
        if q.exhibit and q.exhibit not in files:
            try:
                files[q.exhibit] = read_exhibit(path.parent / q.exhibit, q.exhibit)
            except ExhibitError as e:
                raise BankError([Diagnostic(str(path), 1, 1, Severity.ERROR, str(e))]) from None
    result.exhibit_files.update(files)
    return result, [d for d in diags if not d.is_error]


def is_translation_file(path: Path) -> bool:
    """Whether a .yaml file says `format: bayready-translation` near its top."""
    try:
        with path.open("rb") as f:
            head = f.read(4096).decode("utf-8", "replace")
    except OSError:
        return False
    return re.search(r'^\s*"?format"?\s*:\s*"?' + FORMAT + r"\b", head, re.M) is not None
