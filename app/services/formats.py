"""Turn any bank file into a PreparedBank: native YAML/JSON as it is; instructors' foreign files
(GIFT, Aiken, Moodle XML, CSV, XLSX) mapped onto a loaded test's task list.

A foreign question goes to a task by, in order: its explicit task column (CSV/XLSX); the last
segment of its category when that is a task code (`$course$/Brakes/A5.C.2.1`); the mapping the user
confirmed (GUI) or gave with `--map FILE.csv` (columns `category,task`, matched on the whole
category path or its last segment). Questions whose category maps nowhere stop the import with one
error per category, naming the file, the first line and the fix.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Callable, Mapping
from pathlib import Path

from app.banks.diagnostics import BankError, Diagnostic, Severity
from app.banks.files import check_file, read_capped
from app.banks.markup import plain_text
from app.banks.stats import bank_stats as bank_stats
from app.banks.stats import markdown as markdown
from app.domain.bank import Bank, Question, Style
from app.services.banks import (
    PreparedBank,
    UnmappedCategory,
    prepare_native,
    prepared_from_bank,
)
from app.services.exports import ExportError

NATIVE_SUFFIXES = (".yaml", ".yml", ".json")
FOREIGN_SUFFIXES = (".gift", ".aiken", ".txt", ".xml", ".csv", ".xlsx")
MAX_CHOICES = 4
MAX_MAPPING_BYTES = 4 * 1_048_576

LIMITS = {"stem": 2000, "text": 400, "rationale": 600, "explanation": 2500}

Structure = Callable[[str], Bank | None]


class MappingNeededError(BankError):
    """Some categories map to no task; carries them so the GUI can ask the user."""

    def __init__(self, source: str, unmapped: list[UnmappedCategory]) -> None:
        self.unmapped = unmapped
        super().__init__(
            [
                Diagnostic(
                    source,
                    u.first_line,
                    1,
                    Severity.ERROR,
                    f"category {u.category or '(none)'!r} ({u.questions} questions) matches no "
                    "task code; add a line 'category,task' for it to a mapping file and pass "
                    "--map FILE.csv, or name the task in the category's last segment",
                    field="category",
                )
                for u in unmapped
            ]
        )


def is_foreign(path: Path) -> bool:
    return path.suffix.lower() in FOREIGN_SUFFIXES


def read_mapping_file(path: Path) -> dict[str, str]:
    """`category,task` rows (a header row is optional)."""
    data, problem = read_capped(path, MAX_MAPPING_BYTES)
    if data is None:
        raise BankError([problem] if problem else [])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise BankError(
            [Diagnostic(str(path), 1, 1, Severity.ERROR, f"cannot read the mapping file: {e}")]
        ) from e
    out: dict[str, str] = {}
    errors = []
    for n, row in enumerate(csv.reader(text.splitlines()), start=1):
        if not row or not "".join(row).strip():
            continue
        if n == 1 and [c.strip().lower() for c in row[:2]] == ["category", "task"]:
            continue
        if row[0].lstrip().startswith("#"):
            continue
        row = [row[0], row[1].split("#", 1)[0]] if len(row) > 1 else row
        if len(row) < 2 or not row[1].strip():
            errors.append(
                Diagnostic(
                    str(path), n, 1, Severity.ERROR, "each line needs two columns: category,task"
                )
            )
            continue
        out[row[0].strip()] = row[1].strip()
    if errors:
        raise BankError(errors)
    return out


def prepare_file(
    path: Path,
    *,
    test_code: str | None = None,
    mapping_file: Path | None = None,
    mapping: Mapping[str, str] | None = None,
    structure: Structure | None = None,
    allow_unmapped: bool = False,
) -> PreparedBank:
    """Read, validate and (for foreign files) map a bank file. Raises BankError."""
    suffix = path.suffix.lower()
    # missing, a folder, a FIFO, a device, a name too long: one message, before anything is read
    problem = check_file(path)
    if problem:
        raise BankError([problem])
    if suffix in NATIVE_SUFFIXES:
        return prepare_native(path)
    if suffix not in FOREIGN_SUFFIXES:
        raise BankError(
            [
                Diagnostic(
                    str(path),
                    1,
                    1,
                    Severity.ERROR,
                    f"unknown bank file type '{suffix}'; use .yaml/.json (native), .gift, .txt, "
                    ".aiken, .xml (Moodle XML), .csv or .xlsx",
                )
            ]
        )
    if not test_code:
        raise BankError(
            [
                Diagnostic(
                    str(path),
                    1,
                    1,
                    Severity.ERROR,
                    "a GIFT, Aiken, Moodle XML or spreadsheet file has no test "
                    "of its own; name the target test with --test CODE",
                )
            ]
        )
    target = structure(test_code.upper()) if structure else None
    if target is None:
        raise BankError(
            [
                Diagnostic(
                    str(path),
                    1,
                    1,
                    Severity.ERROR,
                    f"no test {test_code.upper()!r} is loaded; import its "
                    "native bank first or pick another --test",
                )
            ]
        )
    combined = dict(read_mapping_file(mapping_file)) if mapping_file else {}
    combined.update(mapping or {})
    return map_foreign(path, target, combined, allow_unmapped=allow_unmapped)


def _slug(name: str) -> str:
    s = re.sub(r"[^A-Za-z0-9_.:-]+", "-", name).strip("-._:")
    return s[:56]


_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "to",
        "for",
        "in",
        "on",
        "or",
        "with",
        "by",
        "is",
        "are",
        "what",
        "which",
        "how",
        "its",
        "this",
        "that",
        "course",
        "default",
        "top",
        "determine",
        "needed",
        "action",
        "diagnose",
        "inspect",
    ]
)


def _words(text: str) -> set[str]:
    return {w.rstrip("s") for w in _WORD.findall(plain_text(text).lower()) if w not in _STOP}


def suggest_task(target: Bank, text: str) -> str:
    """The task whose text, sub-area and area titles share most words with `text`."""
    want = _words(text)
    best, best_score = "", 0.0
    for a in target.content_areas:
        for sa in a.subareas:
            for t in sa.tasks:
                have = _words(f"{t.text} {sa.title} {a.title}")
                score = len(want & have) / (1 + len(have) ** 0.5)
                if score > best_score:
                    best, best_score = t.code, score
    return best


def map_foreign(
    path: Path, target: Bank, mapping: Mapping[str, str], *, allow_unmapped: bool = False
) -> PreparedBank:
    from app.banks.foreign import read_foreign

    read = read_foreign(path)
    if read.errors:
        raise BankError(list(read.errors))
    source = str(path)
    tasks = {t.code.upper(): t.code for t in target.tasks()}
    by_last = {k.split("/")[-1].strip(): v for k, v in mapping.items()}
    skipped = list(read.skipped)
    unmapped: dict[str, UnmappedCategory] = {}
    questions: list[Question] = []
    exhibits: dict[str, bytes] = {}
    used_ids: set[str] = set()
    words: dict[str, list[str]] = {}
    seen_stems: set[str] = set()

    def skip(line: int, name: str, why: str) -> None:
        skipped.append(
            Diagnostic(
                source,
                line,
                1,
                Severity.WARNING,
                f"skipped: question {name or '(unnamed)'!r}: {why}",
            )
        )

    for fq in read.questions:
        last = fq.category.split("/")[-1].strip()
        code = (tasks.get(fq.task.strip().upper()) if fq.task else None) or tasks.get(last.upper())
        wanted = mapping.get(fq.category) or by_last.get(last) or mapping.get("*")
        if code is None and wanted:
            code = tasks.get(wanted.strip().upper())
            if code is None:
                raise BankError(
                    [
                        Diagnostic(
                            source,
                            fq.line,
                            1,
                            Severity.ERROR,
                            f"the mapping sends category {fq.category!r} to "
                            f"{wanted!r}, which is not a task of "
                            f"{target.test.code}",
                            field="category",
                        )
                    ]
                )
        if code is None:
            key = fq.category
            u = unmapped.get(key)
            unmapped[key] = UnmappedCategory(
                key, (u.questions if u else 0) + 1, u.first_line if u else fq.line
            )
            words.setdefault(key, []).append(fq.stem)
            continue
        if fq.style != Style.TECH_AB and len(fq.choices) > MAX_CHOICES:
            skip(
                fq.line,
                fq.name,
                f"it has {len(fq.choices)} options; BayReady shows at most {MAX_CHOICES}",
            )
            continue
        too_long = next(
            (
                f
                for f, v, lim in (
                    ("stem", fq.stem, LIMITS["stem"]),
                    ("explanation", fq.explanation, LIMITS["explanation"]),
                )
                if len(v) > lim
            ),
            None,
        ) or next(("choice" for c in fq.choices if len(c.text) > LIMITS["text"]), None)
        if too_long:
            skip(fq.line, fq.name, f"its {too_long} is too long")
            continue
        norm = re.sub(r"\W+", " ", plain_text(fq.stem).lower()).strip()
        if norm in seen_stems:
            skip(fq.line, fq.name, "its stem repeats an earlier question")
            continue
        seen_stems.add(norm)
        qid = _slug(fq.name) or "q-" + hashlib.sha1(norm.encode()).hexdigest()[:10]
        if not qid[0].isalnum():
            qid = "q" + qid
        base, n = qid, 2
        while qid in used_ids:
            qid, n = f"{base}-{n}", n + 1
        used_ids.add(qid)
        exhibit = None
        if fq.exhibit_name and fq.exhibit_data is not None:
            exhibit = _exhibit_key(exhibits, fq.exhibit_name, fq.exhibit_data)
            exhibits[exhibit] = fq.exhibit_data
        questions.append(
            Question(
                id=qid,
                task=code,
                style=fq.style,
                stem=fq.stem,
                explanation=fq.explanation,
                difficulty=fq.difficulty,
                scenario=False,
                choices=fq.choices,
                technician_a=fq.technician_a,
                technician_b=fq.technician_b,
                exhibit=exhibit,
                exhibit_caption=fq.exhibit_name if exhibit else None,
            )
        )
    needs = [
        UnmappedCategory(
            u.category,
            u.questions,
            u.first_line,
            suggest_task(
                target, u.category.split("/")[-1] + " " + " ".join(words.get(u.category, [])[:20])
            ),
        )
        for u in sorted(unmapped.values(), key=lambda u: u.first_line)
    ]
    if needs and not allow_unmapped:
        raise MappingNeededError(source, needs)
    if not questions and not needs:
        # an empty bank would be created and the import reported as a success
        raise BankError(
            [
                *skipped,
                Diagnostic(
                    source,
                    1,
                    1,
                    Severity.ERROR,
                    "nothing to import: the file holds no question BayReady can take"
                    + (f" ({len(skipped)} skipped, listed with their lines)" if skipped else "")
                    + "; "
                    + "fix the file, or check that it is the file you meant",
                ),
            ]
        )
    bank = Bank(
        test=target.test,
        content_areas=target.content_areas,
        questions=tuple(questions),
        format_version=1,
        source=source,
        exhibit_files=exhibits,
    )
    prepared = prepared_from_bank(bank, path, read.format, tuple(skipped), ())
    prepared.unmapped = tuple(needs)
    return prepared


def _exhibit_key(exhibits: dict[str, bytes], name: str, data: bytes) -> str:
    """Where to store an image: two different images with one name (Moodle's image.png in many
    questions) each keep their own file; the same image twice is stored once."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    key, n = f"exhibits/{name}", 2
    while key in exhibits and exhibits[key] != data:
        key, n = f"exhibits/{stem}-{n}{dot}{suffix}", n + 1
    return key


# -- export ----------------------------------------------------------------------------------------

EXPORT_FORMATS = ("yaml", "json", "moodle")


# the validator names a question "question ID: ..." or "question ID choice A ..."
_QUESTION_WHO = re.compile(r"question (\S+?)(?::? )")


def export_text(bank: Bank, fmt: str, out: Path) -> str:
    """The text of `bank` exported as `fmt` (yaml, json or moodle) to be saved at `out`.

    A native export must read back: it is validated before it is returned, and when it would
    not pass (questions imported from CSV, GIFT, Aiken or Moodle XML may lack rationales, an
    explanation or the four choices a native bank needs) ExportError says what is missing for
    each question, and that a Moodle XML export needs none of it. Moodle XML is not checked:
    Moodle takes answers without feedback.
    """
    if fmt == "moodle":
        from app.banks.moodle import dump_moodle_xml

        return dump_moodle_xml(bank)
    from app.banks.native import dump_json, dump_yaml, parse

    text = dump_json(bank) if fmt == "json" else dump_yaml(bank)
    # the exhibits are written beside the file after this check, so "does not exist" is expected
    _, found = parse(out.with_suffix("." + fmt), text, build=False)
    problems = [
        d.message
        for d in found
        if d.is_error and not (d.field == "exhibit" and "does not exist" in d.message)
    ]
    if not problems:
        return text
    questions = {m.group(1) for m in map(_QUESTION_WHO.match, problems) if m}
    raise ExportError(
        f"cannot export {bank.test.code} as {fmt.upper()}: {len(questions)} question(s) lack "
        "what a BayReady bank file needs, so the file would not pass 'bank validate'",
        problems,
    )


def read_native(path: Path) -> Bank:
    """A native bank file, read and validated (`bayready bank stats`). Raises BankError."""
    from app.banks.native import read_bank

    return read_bank(path)
