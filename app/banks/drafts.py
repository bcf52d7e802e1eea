"""What every foreign-format reader shares: the questions it yields, drafts, images, the builder.

GIFT, Aiken, Moodle XML and the spreadsheet readers each import this module and nothing of each
other; foreign.py picks a reader by suffix. Pure parsing of untrusted input: no database, no Qt,
never storage or services.
"""

from __future__ import annotations

import base64
import binascii
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from app.banks.diagnostics import Diagnostic, Severity, sort_diagnostics
from app.banks.exhibits import EXHIBIT_SUFFIXES, ExhibitError, clean_exhibit
from app.banks.limits import MAX_FIELD_CHARS, MAX_OPTIONS, MAX_QUESTIONS
from app.banks.markup import escape_unclosed_tail, plain_text, sanitise_html
from app.domain.bank import Choice, Statement

MAX_IMAGE_BYTES = 8 * 1024 * 1024
# errors kept for one file; past this they are only counted (a file of a million bad rows)
MAX_KEPT_DIAGNOSTICS = 1_000
SUPPORTED = "only single-answer multiple choice and true/false questions are imported"


@dataclass(frozen=True)
class ForeignQuestion:
    """One question taken from a foreign file, ready to be mapped onto a bank's tasks.

    `choices` holds exactly one correct choice; it is empty for Technician A/B rows (CSV), which
    carry `technician_a` and `technician_b` instead.
    """

    line: int
    name: str
    category: str
    stem: str
    choices: tuple[Choice, ...]
    explanation: str
    style: str = "direct"
    task: str = ""
    difficulty: int = 2
    exhibit_name: str | None = None
    exhibit_data: bytes | None = None
    technician_a: Statement | None = None
    technician_b: Statement | None = None


@dataclass(frozen=True)
class ForeignRead:
    source: str
    format: str
    questions: tuple[ForeignQuestion, ...]
    skipped: tuple[Diagnostic, ...]
    errors: tuple[Diagnostic, ...]


def single_answer_problem(weights: list[float], *, no_key: str, many_keys: str) -> str | None:
    """Why answers with these grades (percent) are not one single-answer question, or None.

    `many_keys` may use `{n}` for the number of full-credit answers.
    """
    if len(weights) > MAX_OPTIONS:
        return f"it has {len(weights):,} answers; a question may have at most {MAX_OPTIONS}"
    if any(0 < w < 100 or w > 100 for w in weights):
        listed = ", ".join(f"{w:g}%" for w in weights)
        return f"multiple-answer question with partial credit ({listed}); {SUPPORTED}"
    correct = sum(w == 100 for w in weights)
    if correct != 1:
        return f"{no_key if correct == 0 else many_keys.format(n=correct)}; {SUPPORTED}"
    if len(weights) < 2:
        return "it needs at least two answers"
    return None


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them (CRLF, CR or LF; no other separators)."""
    return re.split(r"\r\n|\r|\n", text)


# -- text and markup -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Markup:
    """Source text and its format: html, moodle (HTML whose line breaks count), plain, markdown."""

    text: str
    format: str = "html"

    def as_html(self) -> str:
        if self.format in ("plain", "markdown"):
            return html.escape(self.text, quote=False).replace("\n", "<br>")
        if self.format == "moodle":
            return self.text.replace("\r\n", "\n").replace("\n", "<br>")
        return self.text


@dataclass(frozen=True)
class DraftChoice:
    """An answer (or a technician's statement) before its text is sanitised."""

    text: Markup
    correct: bool
    rationale: Markup = Markup("")


@dataclass(frozen=True)
class Draft:
    """A question a reader has recognised as importable; `ForeignReadBuilder.add` finishes it."""

    line: int
    qtype: str
    name: str
    category: str
    stem: Markup
    choices: tuple[DraftChoice, ...]
    explanation: Markup = Markup("")
    style: str = "direct"
    task: str = ""
    difficulty: int = 2
    technician_a: DraftChoice | None = None
    technician_b: DraftChoice | None = None
    # files embedded in the question text (Moodle), keyed by "/path/name"
    embedded: Mapping[str, bytes] = field(default_factory=dict)


class _ImageSources(HTMLParser):
    """Every <img src> in a piece of HTML, remote ones included."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.sources.append((dict(attrs).get("src") or "").strip())


def image_sources(markup: str) -> list[str]:
    if "<img" not in markup.lower():  # the common case, without the cost of a parser
        return []
    p = _ImageSources()
    p.feed(escape_unclosed_tail(markup))
    p.close()
    return p.sources


def excerpt(text: str, limit: int = 50) -> str:
    """A short plain-text label for a question that has no name."""
    words = " ".join(plain_text(text).split())
    return words if len(words) <= limit else words[: limit - 3].rstrip() + "..."


_REMOTE = re.compile(r"^(https?:|ftp:|//)", re.I)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
_DATA_URI = re.compile(r"^data:([^;,]*)((?:;[^;,]*)*),(.*)$", re.I | re.S)
_DATA_SUFFIX = {"image/png": ".png", "image/svg+xml": ".svg"}


class _Refused(Exception):
    """An image the question cannot use; `fatal` makes it an error rather than a skip."""

    def __init__(self, reason: str, *, fatal: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.fatal = fatal


def _check_suffix(name: str) -> str:
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in EXHIBIT_SUFFIXES:
        raise _Refused(
            f"image '{name}' is not PNG or SVG; convert it to PNG and import again", fatal=False
        )
    return suffix


def _check_image(name: str, data: bytes) -> None:
    suffix = _check_suffix(name)
    if len(data) > MAX_IMAGE_BYTES:
        raise _Refused(
            f"image '{name}' is over {MAX_IMAGE_BYTES // 1_048_576} MB; make it smaller",
            fatal=False,
        )
    if suffix == ".png" and not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise _Refused(f"image '{name}' is not a PNG file", fatal=True)
    if suffix == ".svg" and b"<svg" not in data[:4096]:
        raise _Refused(f"image '{name}' is not an SVG file", fatal=True)


def _safe_name(name: str, default: str) -> str:
    """The bare file name (no folders) to store the exhibit under."""
    bare = PurePosixPath(name.replace("\\", "/")).name.strip()
    return bare if bare and bare not in (".", "..") else default


def _data_uri(src: str) -> tuple[str, bytes]:
    m = _DATA_URI.match(src)
    if not m:
        raise _Refused("image data URI is malformed", fatal=True)
    mime = m.group(1).strip().lower()
    if mime not in _DATA_SUFFIX:
        raise _Refused(
            f"embedded image of type '{mime or 'unknown'}' is not PNG or SVG; convert it to PNG",
            fatal=False,
        )
    payload = m.group(3)
    try:
        if ";base64" in m.group(2).lower():
            data = base64.b64decode(re.sub(r"\s+", "", payload), validate=True)
        else:
            data = unquote(payload).encode()
    except (binascii.Error, ValueError):
        raise _Refused("embedded image data is not valid base64", fatal=True) from None
    return "image" + _DATA_SUFFIX[mime], data


def _local_image(
    folder: Path | None, src: str, file_hint: str, shown: str = ""
) -> tuple[str, bytes]:
    rel = unquote(src.split("?", 1)[0].split("#", 1)[0]).replace("\\", "/").strip()
    src = shown or src
    outside = _Refused(
        f"image '{src}' is outside the folder of {file_hint}; put the image in that folder and "
        "refer to it by a relative path",
        fatal=True,
    )
    if not rel or rel.startswith("/") or _SCHEME.match(rel) or "\x00" in rel:
        raise outside
    if folder is None:
        raise _Refused(
            f"image '{src}' cannot be found: this file has no folder to look in", fatal=True
        )
    try:
        root = folder.resolve()
        target = (root / rel).resolve()
    except (OSError, RuntimeError, ValueError):
        raise outside from None
    # resolve() has followed any symlink, so this also refuses links pointing out of the folder
    if not target.is_relative_to(root):
        raise outside
    name = _safe_name(rel, "image.png")
    _check_suffix(name)  # before anything is opened
    try:
        if not target.is_file():
            raise _Refused(f"image '{src}' was not found in {root}", fatal=True)
        if target.stat().st_size > MAX_IMAGE_BYTES:
            raise _Refused(
                f"image '{src}' is over {MAX_IMAGE_BYTES // 1_048_576} MB; make it smaller",
                fatal=False,
            )
        data = target.read_bytes()
    except OSError as e:
        raise _Refused(f"image '{src}' cannot be read: {e.strerror}", fatal=True) from None
    return name, data


def _resolve_image(
    src: str, folder: Path | None, embedded: Mapping[str, bytes], file_hint: str
) -> tuple[str, bytes]:
    if not src:
        raise _Refused("an <img> has no src", fatal=True)
    if src.lower().startswith("data:"):
        name, data = _data_uri(src)
    elif src.startswith("@@PLUGINFILE@@"):
        raw = src[len("@@PLUGINFILE@@") :].split("?", 1)[0]
        ref = "/" + unquote(raw).lstrip("/")
        if ref in embedded:
            name, data = _safe_name(ref, "image.png"), embedded[ref]
        else:
            # not embedded: the instructor may have saved the image beside the file
            name, data = _local_image(folder, raw.lstrip("/"), file_hint, shown=src)
    elif _REMOTE.match(src):
        raise _Refused(
            f"image '{src}' is on the internet; BayReady does not download images - save it "
            "beside the file (or embed it) and refer to it by a relative path",
            fatal=False,
        )
    else:
        name, data = _local_image(folder, src, file_hint)
    _check_image(name, data)
    try:
        return name, clean_exhibit(name, data)  # caps, and an SVG without scripts or file links
    except ExhibitError as e:
        raise _Refused(str(e), fatal=False) from None


# -- collecting a read -----------------------------------------------------------------------------


class ForeignReadBuilder:
    """Collects one file's questions, skips and errors, and finishes drafts into questions."""

    def __init__(self, source: str, fmt: str, folder: Path | None) -> None:
        self.source = source
        self.format = fmt
        self.folder = folder
        self.questions: list[ForeignQuestion] = []
        self.skipped: list[Diagnostic] = []
        self.errors: list[Diagnostic] = []
        self.errors_not_kept = 0
        self.last_line = 0
        self.too_many = False

    def skip(self, line: int, qtype: str, name: str, reason: str, col: int = 1) -> None:
        self.skipped.append(
            Diagnostic(
                self.source,
                line,
                col,
                Severity.WARNING,
                f"skipped: {qtype} question '{name}': {reason}",
            )
        )

    def error(self, line: int, message: str, col: int = 1, field: str = "") -> None:
        if len(self.errors) >= MAX_KEPT_DIAGNOSTICS:  # a file of nothing but errors: count them
            self.errors_not_kept += 1
            self.last_line = max(self.last_line, line)
            return
        self.errors.append(Diagnostic(self.source, line, col, Severity.ERROR, message, field))

    def result(self) -> ForeignRead:
        errors = sort_diagnostics(self.errors)
        if self.errors_not_kept:
            errors.append(
                Diagnostic(
                    self.source,
                    self.last_line,
                    1,
                    Severity.ERROR,
                    f"... and {self.errors_not_kept:,} more errors up to line {self.last_line} "
                    "not listed; fix the ones above and read the file again",
                )
            )
        return ForeignRead(
            source=self.source,
            format=self.format,
            questions=tuple(sorted(self.questions, key=lambda q: q.line)),
            skipped=tuple(sort_diagnostics(self.skipped)),
            errors=tuple(errors),
        )

    def _over_caps(self, d: Draft, label: str) -> str | None:
        """Why a draft is refused before its text is cleaned (a cap passed), or None."""
        options = len(d.choices)
        if options > MAX_OPTIONS:
            return (
                f"it has {options:,} answers; a question may have at most {MAX_OPTIONS} "
                "(BayReady shows 4)"
            )
        fields = [("question text", d.stem), ("general feedback", d.explanation)]
        for i, c in enumerate(d.choices):
            fields += [(f"answer {i + 1}", c.text), (f"feedback of answer {i + 1}", c.rationale)]
        for who, s in (("Technician A", d.technician_a), ("Technician B", d.technician_b)):
            if s is not None:
                fields += [(f"{who}'s statement", s.text), (f"{who}'s rationale", s.rationale)]
        for what, m in fields:
            if len(m.text) > MAX_FIELD_CHARS:
                return (
                    f"its {what} is {len(m.text):,} characters; the limit is "
                    f"{MAX_FIELD_CHARS:,} - shorten it"
                )
        return None

    def add(self, d: Draft) -> ForeignQuestion | None:
        """Sanitise a draft's text and resolve its image; skip or refuse it when they fail."""
        if len(self.questions) >= MAX_QUESTIONS:
            if not self.too_many:
                self.too_many = True
                self.error(
                    d.line,
                    f"the file has more than {MAX_QUESTIONS:,} questions, the limit; split it "
                    "into smaller files",
                )
            return None
        over = self._over_caps(d, d.name)
        if over:
            self.skip(d.line, d.qtype, d.name or f"line {d.line}", over)
            return None
        stem_html = d.stem.as_html()
        stem, _ = sanitise_html(stem_html)
        label = d.name or excerpt(stem) or f"line {d.line}"

        def skip(reason: str) -> None:
            self.skip(d.line, d.qtype, label, reason)

        def clean(m: Markup, what: str) -> str | None:
            raw = m.as_html()
            if not raw.strip():
                return ""
            if image_sources(raw):
                skip(f"{what} shows an image; only the question text can show one")
                return None
            return sanitise_html(raw)[0]

        sources = image_sources(stem_html)
        if not plain_text(stem).strip() and not sources:
            skip("the question text is empty")
            return None
        if len(sources) > 1:
            skip(f"the question text shows {len(sources)} images; a question can show one")
            return None
        explanation = clean(d.explanation, "the general feedback")
        if explanation is None:
            return None
        choices: list[Choice] = []
        for i, c in enumerate(d.choices):
            label_c = f"answer {i + 1}"
            text = clean(c.text, label_c)
            rationale = clean(c.rationale, f"the feedback of {label_c}")
            if text is None or rationale is None:
                return None
            if not plain_text(text).strip():
                skip(f"{label_c} is empty")
                return None
            choices.append(Choice(text=text, correct=c.correct, rationale=rationale))
        statements: list[Statement | None] = []
        for who, s in (("Technician A", d.technician_a), ("Technician B", d.technician_b)):
            if s is None:
                statements.append(None)
                continue
            says = clean(s.text, f"{who}'s statement")
            why = clean(s.rationale, f"{who}'s rationale")
            if says is None or why is None:
                return None
            statements.append(Statement(says=says, correct=s.correct, rationale=why))
        if d.technician_a is None and sum(c.correct for c in choices) != 1:
            skip(f"{sum(c.correct for c in choices)} answers are marked correct; {SUPPORTED}")
            return None
        exhibit_name: str | None = None
        exhibit_data: bytes | None = None
        if sources:
            try:
                exhibit_name, exhibit_data = _resolve_image(
                    sources[0], self.folder, d.embedded, Path(self.source).name
                )
            except _Refused as r:
                if r.fatal:
                    self.error(d.line, f"question '{label}': {r.reason}")
                else:
                    skip(r.reason)
                return None
        q = ForeignQuestion(
            line=d.line,
            name=d.name,
            category=d.category,
            stem=stem,
            choices=tuple(choices),
            explanation=explanation,
            style=d.style,
            task=d.task,
            difficulty=d.difficulty,
            exhibit_name=exhibit_name,
            exhibit_data=exhibit_data,
            technician_a=statements[0],
            technician_b=statements[1],
        )
        self.questions.append(q)
        return q
