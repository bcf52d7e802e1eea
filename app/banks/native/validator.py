"""Checking a parsed native bank against the format: every problem, each pinned to its place.

Collects diagnostics (errors and warnings); never raises on bad input and never builds a Bank.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from operator import itemgetter
from pathlib import Path
from typing import Any

from app.banks.diagnostics import Diagnostic, Severity
from app.banks.exhibits import exhibit_problem
from app.banks.limits import MAX_OPTIONS, MAX_QUESTIONS
from app.banks.links import LINK_FIELDS, check_links, check_recert
from app.banks.markup import unsafe_markup
from app.banks.native.bulk_check import clean_questions
from app.banks.native.loader import load_data, read_text
from app.banks.native.locator import Locator
from app.banks.native.schema import (
    AREA_KEYS,
    CHOICE_KEYS,
    EXHIBIT_SUFFIXES,
    FORMAT,
    FORMAT_VERSION,
    LIMITS,
    QUESTION_KEYS,
    STATEMENT_KEYS,
    SUBAREA_KEYS,
    TASK_KEYS,
    TEST_KEYS,
    TOP_KEYS,
    Path_,
)
from app.banks.native.stems import norm_stem
from app.banks.reference import BookletChecker, read_reference
from app.domain.bank import STYLES, Reference, Style


class _Spec:
    """A field list's sets, for the check of a well-formed mapping (the common case) in C."""

    def __init__(self, spec: dict[str, bool]) -> None:
        self.allowed = frozenset(spec)
        self.required = frozenset(k for k, need in spec.items() if need)
        self.values = itemgetter(*self.required) if len(self.required) > 1 else None


_SPECS: dict[int, _Spec] = {}


def _well_formed(value: Any, spec: dict[str, bool]) -> bool:
    """A mapping with every required field set and no unknown one (no diagnostic to add)."""
    if type(value) is not dict:
        return False
    s = _SPECS.get(id(spec))
    if s is None:
        s = _SPECS[id(spec)] = _Spec(spec)
    keys = value.keys()
    if not (s.required <= keys and keys <= s.allowed):
        return False
    if s.values is None:
        return all(value[k] is not None for k in s.required)
    return None not in s.values(value)


def _fine_text(value: Any, limit: int) -> bool:
    """Non-empty text within its limit and without markup to vet (no diagnostic to add)."""
    return (
        type(value) is str
        and len(value) <= limit
        and not value.isspace()
        and value != ""
        and "<" not in value
        and ":" not in value
    )


_TEXT, _RATIONALE = LIMITS["text"], LIMITS["rationale"]
_STEM, _EXPLANATION, _SAYS = LIMITS["stem"], LIMITS["explanation"], LIMITS["says"]
_QUESTION_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")


class Checker:
    def __init__(self, path: Path, text: str, data: Any, choice_counts: Iterable[int]) -> None:
        self.path = path
        self.name = str(path)
        self.loc = Locator(text)
        self.data = data
        self.out: list[Diagnostic] = []
        self.choice_counts = frozenset(choice_counts)
        self.reference: Reference | None = None
        # no question names an enemy or a reference section (known from the bulk pass), so the
        # links need no walk over the questions
        self.unlinked = False

    def add(
        self,
        path: Path_,
        message: str,
        *,
        severity: Severity = Severity.ERROR,
        key: bool = False,
        field: str = "",
    ) -> None:
        line, col = self.loc.at(path, key=key)
        self.out.append(Diagnostic(self.name, line, col, severity, message, field))

    def mapping(self, value: Any, path: Path_, spec: dict[str, bool], what: str) -> bool:
        if _well_formed(value, spec):
            return True
        if not isinstance(value, dict):
            self.add(path, f"{what} must be a mapping of fields, found {type(value).__name__}")
            return False
        for k, required in spec.items():
            if required and k not in value:
                self.add(path, f"{what}: missing required field '{k}'", field=k)
            elif required and value[k] is None:
                self.add((*path, k), f"{what}: required field '{k}' is empty", field=k)
        for k in value:
            if k not in spec:
                import difflib

                close = difflib.get_close_matches(str(k), list(spec), n=1)
                allowed = f"did you mean '{close[0]}'?" if close else "allowed: " + ", ".join(spec)
                self.add(
                    (*path, str(k)),
                    f"{what}: unknown field '{k}' ({allowed})",
                    key=True,
                    field=str(k),
                )
        return True

    def text(self, value: Any, path: Path_, what: str, limit: str) -> None:
        if value is None:  # absent or empty: mapping() has reported it
            return
        if _fine_text(value, LIMITS[limit]):
            return
        if not isinstance(value, str) or not value.strip():
            self.add(path, f"{what} must be non-empty text")
            return
        if len(value) > LIMITS[limit]:
            self.add(
                path, f"{what} is {len(value)} characters; shorten it to at most {LIMITS[limit]}"
            )
        why = unsafe_markup(value)
        if why:
            self.add(path, f"{what}: unsafe markup: {why}")

    def integer(self, value: Any, path: Path_, what: str, lo: int, hi: int) -> bool:
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(path, f"{what} must be a whole number, found {value!r}")
            return False
        if not lo <= value <= hi:
            self.add(path, f"{what} must be between {lo} and {hi}, found {value}")
            return False
        return True

    def boolean(self, d: dict[str, Any], key: str, path: Path_, what: str) -> None:
        if key in d and not isinstance(d[key], bool):
            self.add((*path, key), f"{what}: '{key}' must be true or false, found {d[key]!r}")

    # -- the document -------------------------------------------------------------------------
    def run(self) -> None:
        d = self.data
        if not self.mapping(d, (), TOP_KEYS, "bank"):
            return
        if "format" in d and d["format"] != FORMAT:
            hint = (
                "; this is a reference booklet: import the bank that names it in reference_file"
                if d["format"] == "bayready-reference"
                else ""
            )
            self.add(("format",), f"format must be '{FORMAT}', found {d['format']!r}{hint}")
        if "format_version" in d and d["format_version"] != FORMAT_VERSION:
            self.add(
                ("format_version",),
                f"format_version {d['format_version']!r} is not "
                f"supported; this version of BayReady reads version {FORMAT_VERSION}",
            )
        code = self.test(d.get("test"))
        check_recert(self, d.get("test"))
        tasks, area_counts = self.areas(d.get("content_areas"), code)
        self.questions(d.get("questions"), tasks, area_counts)
        self.reference, section_ids = read_reference(self, d, open_booklet)
        if not self.unlinked:
            check_links(self, d.get("questions"), section_ids)

    def test(self, t: Any) -> str:
        path: Path_ = ("test",)
        if t is None or not self.mapping(t, path, TEST_KEYS, "test"):
            return ""
        code = t.get("code")
        if not isinstance(code, str) or not re.fullmatch(r"[A-Z][A-Z0-9]{0,5}", code):
            self.add(
                (*path, "code"), f"test code must be letters and digits like 'A5', found {code!r}"
            )
            code = ""
        self.text(t.get("title"), (*path, "title"), "test title", "text")
        if "spec_version" in t and not isinstance(t["spec_version"], str):
            self.add((*path, "spec_version"), 'spec_version must be text; quote it, e.g. "2023-07"')
        for k, hi in (("scored_count", 500), ("minutes", 600)):
            if k in t:
                self.integer(t[k], (*path, k), f"test {k}", 1, hi)
        if "unscored_count" in t:
            self.integer(t["unscored_count"], (*path, "unscored_count"), "unscored_count", 0, 100)
        tp = t.get("target_percent", 70)
        if isinstance(tp, bool) or not isinstance(tp, int | float) or not 1 <= tp <= 100:
            self.add((*path, "target_percent"), "target_percent must be a number from 1 to 100")
        self.boolean(t, "shuffle_choices", path, "test")
        if "notes" in t and not isinstance(t["notes"], str):
            self.add((*path, "notes"), "notes must be text")
        return str(code or "")

    def areas(self, areas: Any, code: str) -> tuple[dict[str, str], dict[str, int]]:
        tasks: dict[str, str] = {}
        counts: dict[str, int] = {}
        path: Path_ = ("content_areas",)
        if areas is None:
            return tasks, counts
        if not isinstance(areas, list) or not areas:
            self.add(path, "content_areas must be a non-empty list")
            return tasks, counts
        total = 0
        for i, a in enumerate(areas):
            ap = (*path, i)
            if not self.mapping(a, ap, AREA_KEYS, f"content area {i + 1}"):
                continue
            letter = a.get("letter")
            if not isinstance(letter, str) or not re.fullmatch(r"[A-Z]", letter):
                self.add(
                    (*ap, "letter"),
                    f"content area letter must be one capital letter, found {letter!r}",
                )
                continue
            if letter in counts:
                self.add((*ap, "letter"), f"content area {letter} appears twice")
            self.text(a.get("title"), (*ap, "title"), f"area {letter} title", "text")
            sc = a.get("scored_count")
            if "scored_count" in a and self.integer(
                sc, (*ap, "scored_count"), f"area {letter} scored_count", 0, 500
            ):
                counts[letter] = int(sc)
                total += int(sc)
            else:
                counts.setdefault(letter, 0)
            subs = a.get("subareas")
            if subs is None:
                continue
            if not isinstance(subs, list) or not subs:
                self.add((*ap, "subareas"), f"area {letter}: subareas must be a non-empty list")
                continue
            for j, sa in enumerate(subs):
                sp = (*ap, "subareas", j)
                if not self.mapping(sa, sp, SUBAREA_KEYS, f"area {letter} sub-area {j + 1}"):
                    continue
                num = sa.get("number")
                if "number" in sa:
                    self.integer(num, (*sp, "number"), f"area {letter} sub-area number", 1, 99)
                self.text(sa.get("title"), (*sp, "title"), f"sub-area {letter}.{num} title", "text")
                tl = sa.get("tasks")
                if not isinstance(tl, list) or not tl:
                    self.add(
                        (*sp, "tasks"), f"sub-area {letter}.{num}: tasks must be a non-empty list"
                    )
                    continue
                for k, task in enumerate(tl):
                    tp = (*sp, "tasks", k)
                    if not self.mapping(task, tp, TASK_KEYS, f"task in sub-area {letter}.{num}"):
                        continue
                    tc = task.get("code")
                    expected = f"{code}.{letter}.{num}."
                    if not isinstance(tc, str) or not re.fullmatch(
                        r"[A-Z][A-Z0-9]*\.[A-Z]\.\d+\.\d+", tc
                    ):
                        self.add(
                            (*tp, "code"),
                            f"task code must look like '{expected}1', found {tc!r}",
                            field="code",
                        )
                        continue
                    if code and not tc.startswith(expected):
                        self.add(
                            (*tp, "code"),
                            f"task {tc} sits in sub-area {letter}.{num}; "
                            f"its code must start with '{expected}'",
                            field="code",
                        )
                    if tc in tasks:
                        self.add((*tp, "code"), f"task code {tc} is listed twice", field="code")
                    tasks[tc] = letter
                    self.text(task.get("text"), (*tp, "text"), f"task {tc} text", "rationale")
        scored = (
            self.data.get("test", {}).get("scored_count")
            if isinstance(self.data.get("test"), dict)
            else None
        )
        if isinstance(scored, int) and counts and total != scored:
            self.add(
                path,
                f"blueprint counts add up to {total} but test scored_count is "
                f"{scored}; make the areas' scored_count sum to {scored}",
            )
        return tasks, counts

    def questions(self, qs: Any, tasks: dict[str, str], area_counts: dict[str, int]) -> None:
        path: Path_ = ("questions",)
        if qs is None:
            return
        if not isinstance(qs, list):
            self.add(path, "questions must be a list")
            return
        if len(qs) > MAX_QUESTIONS:
            self.add(
                (*path, MAX_QUESTIONS),
                f"the bank has {len(qs):,} questions; the limit for one file is "
                f"{MAX_QUESTIONS:,} - split it into smaller banks",
            )
            return
        clean = clean_questions(qs, tasks, self.choice_counts)
        if clean is None:  # something to report: check item by item, placing each problem
            per_area = self.each_question(qs, tasks, area_counts)
        else:
            per_area = clean.per_area
            self.unlinked = clean.fields.isdisjoint(LINK_FIELDS)
        for letter, need in area_counts.items():
            have = per_area.get(letter, 0)
            if have < need:
                ai = next(
                    (
                        i
                        for i, a in enumerate(self.data.get("content_areas") or [])
                        if isinstance(a, dict) and a.get("letter") == letter
                    ),
                    0,
                )
                self.add(
                    ("content_areas", ai),
                    f"area {letter} has {have} active questions but "
                    f"its blueprint needs {need}; no full form can be drawn",
                    severity=Severity.WARNING,
                )

    def each_question(
        self, qs: list[Any], tasks: dict[str, str], area_counts: dict[str, int]
    ) -> dict[str, int]:
        """Every per-question check, one question at a time; active questions per area."""
        path: Path_ = ("questions",)
        seen_ids: dict[str, int] = {}
        seen_stems: dict[str, str] = {}
        per_area: dict[str, int] = dict.fromkeys(area_counts, 0)
        for i, q in enumerate(qs):
            qp = (*path, i)
            qid = q.get("id") if isinstance(q, dict) else None
            who = f"question {qid}" if isinstance(qid, str) else f"question {i + 1}"
            if not _well_formed(q, QUESTION_KEYS) and not self.mapping(q, qp, QUESTION_KEYS, who):
                continue
            if "id" in q:
                if not isinstance(qid, str) or not _QUESTION_ID.fullmatch(qid):
                    self.add(
                        (*qp, "id"),
                        f"{who}: id must be letters, digits, '-', '_', '.', found {qid!r}",
                        field="id",
                    )
                elif qid in seen_ids:
                    self.add(
                        (*qp, "id"),
                        f"{who}: duplicate question id (first used by question "
                        f"{seen_ids[qid]}); give each question its own id",
                        field="id",
                    )
                else:
                    seen_ids[qid] = i + 1
            style = q.get("style")
            if "style" in q and style not in STYLES:
                self.add(
                    (*qp, "style"),
                    f"{who}: style must be one of {', '.join(STYLES)}, found {style!r}",
                    field="style",
                )
            task = q.get("task")
            if "task" in q:
                if not isinstance(task, str) or task not in tasks:
                    self.add(
                        (*qp, "task"),
                        f"{who}: task code {task!r} is not in the task list",
                        field="task",
                    )
                elif not q.get("retired"):
                    per_area[tasks[task]] = per_area.get(tasks[task], 0) + 1
            if "difficulty" in q:
                d = q["difficulty"]
                if type(d) is not int or not 1 <= d <= 3:
                    self.integer(d, (*qp, "difficulty"), f"{who}: difficulty", 1, 3)
            for b in ("scenario", "shuffle_choices", "retired"):
                if b in q and type(q[b]) is not bool:
                    self.boolean(q, b, qp, who)
            stem = q.get("stem")
            if not _fine_text(stem, _STEM):
                self.text(stem, (*qp, "stem"), f"{who}: stem", "stem")
            if isinstance(stem, str) and stem.strip():
                key = norm_stem(stem)
                if style == Style.TECH_AB:
                    ta = q.get("technician_a")
                    says = ta.get("says", "") if isinstance(ta, dict) else ""
                    key += "|" + norm_stem(str(says))
                if key in seen_stems:
                    self.add(
                        (*qp, "stem"),
                        f"{who}: duplicate stem (same as question "
                        f"{seen_stems[key]}); reword one of them",
                        field="stem",
                    )
                else:
                    seen_stems[key] = str(qid)
            explanation = q.get("explanation")
            if not _fine_text(explanation, _EXPLANATION):
                self.text(explanation, (*qp, "explanation"), f"{who}: explanation", "explanation")
            if style == Style.TECH_AB:
                if "choices" in q:
                    self.add(
                        (*qp, "choices"),
                        f"{who}: tech_ab items take technician_a and "
                        "technician_b, not choices (the four options are fixed)",
                        key=True,
                        field="choices",
                    )
                for t in ("technician_a", "technician_b"):
                    if t not in q:
                        self.add(qp, f"{who}: tech_ab item is missing '{t}'", field=t)
                        continue
                    sp = (*qp, t)
                    st = q[t]
                    if (
                        _well_formed(st, STATEMENT_KEYS)
                        and _fine_text(st["says"], _SAYS)
                        and _fine_text(st["rationale"], _RATIONALE)
                        and type(st["correct"]) is bool
                    ):
                        continue
                    if self.mapping(st, sp, STATEMENT_KEYS, f"{who} {t}"):
                        self.text(st.get("says"), (*sp, "says"), f"{who} {t}.says", "says")
                        self.text(
                            st.get("rationale"),
                            (*sp, "rationale"),
                            f"{who} {t}.rationale",
                            "rationale",
                        )
                        if "correct" in st and not isinstance(st["correct"], bool):
                            self.add((*sp, "correct"), f"{who} {t}.correct must be true or false")
            elif style in STYLES:
                for t in ("technician_a", "technician_b"):
                    if t in q:
                        self.add(
                            (*qp, t), f"{who}: '{t}' is only for tech_ab items", key=True, field=t
                        )
                self.choices(q.get("choices"), (*qp, "choices"), who)
            if "exhibit" in q:
                self.exhibit(q["exhibit"], (*qp, "exhibit"), who)
            if "exhibit_caption" in q:
                self.text(
                    q["exhibit_caption"],
                    (*qp, "exhibit_caption"),
                    f"{who}: exhibit_caption",
                    "text",
                )
        return per_area

    def choices(self, cs: Any, path: Path_, who: str) -> None:
        if cs is None:
            self.add(path[:-1], f"{who}: missing required field 'choices'", field="choices")
            return
        if not isinstance(cs, list):
            self.add(path, f"{who}: choices must be a list")
            return
        if len(cs) not in self.choice_counts:
            want = " or ".join(str(n) for n in sorted(self.choice_counts))
            self.add(
                path, f"{who}: has {len(cs):,} choices; it needs exactly {want}", field="choices"
            )
            if len(cs) > MAX_OPTIONS:  # one message, not one per choice
                return
        correct = 0
        texts: set[str] = set()
        for j, c in enumerate(cs):
            if (
                _well_formed(c, CHOICE_KEYS)
                and _fine_text(c["text"], _TEXT)
                and _fine_text(c["rationale"], _RATIONALE)
            ):
                right = c.get("correct", False)
                t = " ".join(c["text"].lower().split())
                if type(right) is bool and t not in texts:  # the common case: nothing to report
                    correct += right
                    texts.add(t)
                    continue
            cp = (*path, j)
            label = chr(ord("A") + j)
            if not self.mapping(c, cp, CHOICE_KEYS, f"{who} choice {label}"):
                continue
            self.text(c.get("text"), (*cp, "text"), f"{who} choice {label}", "text")
            self.text(
                c.get("rationale"),
                (*cp, "rationale"),
                f"{who} choice {label} rationale",
                "rationale",
            )
            if "correct" in c and not isinstance(c["correct"], bool):
                self.add((*cp, "correct"), f"{who} choice {label}: correct must be true or false")
            if c.get("correct") is True:
                correct += 1
            t = " ".join(str(c.get("text", "")).lower().split())
            if t and t in texts:
                self.add(cp, f"{who}: choice {label} repeats another choice", field="choices")
            texts.add(t)
        if correct != 1:
            self.add(
                path,
                f"{who}: {correct} choices are marked correct; mark exactly one 'correct: true'",
                field="choices",
            )

    def exhibit(self, value: Any, path: Path_, who: str) -> None:
        if not isinstance(value, str) or not value.strip():
            self.add(path, f"{who}: exhibit must be a file path")
            return
        folder = self.path.parent.resolve()
        rel = Path(value)
        target = (folder / rel).resolve()
        if rel.is_absolute() or not target.is_relative_to(folder):
            self.add(
                path,
                f"{who}: exhibit {value!r} is outside the bank's folder; put it "
                f"beside the bank and give a relative path",
                field="exhibit",
            )
            return
        if target.suffix.lower() not in EXHIBIT_SUFFIXES:
            self.add(path, f"{who}: exhibit {value!r} must be an SVG or PNG file", field="exhibit")
            return
        if not target.is_file():
            self.add(path, f"{who}: exhibit file {value!r} does not exist", field="exhibit")
            return
        problem = exhibit_problem(target, value)  # size, format and pixel caps
        if problem:
            self.add(path, f"{who}: {problem}", field="exhibit")


def open_booklet(path: Path) -> tuple[BookletChecker | None, Any, list[Diagnostic]]:
    """A reference booklet file, read with the bank's caps and checked under its own name."""
    text, diags = read_text(path)
    if text is None:
        return None, None, diags
    data, diags = load_data(path, text)
    if diags:
        return None, None, diags
    return Checker(path, text, data, ()), data, []
