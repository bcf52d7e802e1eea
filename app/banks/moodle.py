"""Moodle XML question files: reading instructors' exports and writing a bank for Moodle.

Reading goes only through defusedxml with DTDs forbidden, so entity bombs and external entities are
refused at the DOCTYPE, before anything expands or is fetched. Each `<question>` keeps the line its
start tag is on (taken from the expat parser while the tree is built). `multichoice` with exactly
one 100 % answer and `truefalse` are taken; every other type is listed as skipped.

`dump_moodle_xml(bank)` writes categories `$course$/BayReady/<TEST>/<task code>`, single-answer
multichoice with fractions 100/0, rationales as per-answer feedback, the explanation as general
feedback and exhibits embedded in base64; reading the result back gives the same questions.
Pure parsing and formatting: no database, no Qt.
"""

from __future__ import annotations

import base64
import binascii
import html
import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

# the tree is built with the standard TreeBuilder, but all parsing is defusedxml's
from xml.etree.ElementTree import Element, TreeBuilder

from defusedxml import (
    DTDForbidden,
    EntitiesForbidden,
    ExternalReferenceForbidden,
    NotSupportedError,
)
from defusedxml.ElementTree import DefusedXMLParser, ParseError

from app.banks.diagnostics import BankError, Diagnostic, Severity
from app.banks.drafts import (
    SUPPORTED,
    Draft,
    DraftChoice,
    ForeignRead,
    ForeignReadBuilder,
    Markup,
    excerpt,
    single_answer_problem,
)
from app.banks.markup import SAFE_TAGS
from app.domain.bank import Bank, Question, Style

_FORMATS = {
    "html": "html",
    "moodle_auto_format": "moodle",
    "plain_text": "plain",
    "markdown": "markdown",
}
_REFUSED = (
    "BayReady refuses DTDs and entity declarations in imported XML (they can expand without "
    "limit or read other files); export the questions from Moodle again, or remove the "
    "<!DOCTYPE> block"
)


class _LineTarget(TreeBuilder):
    """Builds the tree and notes the line of every <question> start tag."""

    def __init__(self, line_now: Callable[[], int]) -> None:
        super().__init__()
        self._line_now = line_now
        self.lines: dict[int, int] = {}

    def start(self, tag: Any, attrs: dict[str, str], /) -> Element:
        element = super().start(tag, attrs)
        if tag == "question":
            self.lines[id(element)] = self._line_now()
        return element


def _parse(data: bytes, out: ForeignReadBuilder) -> tuple[Element | None, dict[int, int]]:
    parser: Any = None

    def line_now() -> int:
        return int(parser.parser.CurrentLineNumber) if parser is not None else 1

    target = _LineTarget(line_now)
    parser = DefusedXMLParser(
        target=target, forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    try:
        parser.feed(data)
        root: Element = parser.close()
    except DTDForbidden as e:
        out.error(line_now(), f"the file declares a DTD (<!DOCTYPE {e.name}>); {_REFUSED}")
        return None, {}
    except (EntitiesForbidden, ExternalReferenceForbidden, NotSupportedError) as e:
        out.error(line_now(), f"the file declares entities ({type(e).__name__}); {_REFUSED}")
        return None, {}
    except (LookupError, ValueError) as e:  # an encoding Python cannot decode, or a bad one
        out.error(
            line_now(),
            f"the file's declared character encoding cannot be read ({e}); "
            "export it again as UTF-8",
        )
        return None, {}
    except ParseError as e:
        line, col = getattr(e, "position", (1, 0))
        reason = str(e).split(":")[0]
        out.error(
            line,
            f"XML syntax error: {reason} (line {line}, column {col + 1}); this is not a "
            "well-formed Moodle XML file - export it again",
            col=col + 1,
        )
        return None, {}
    return root, target.lines


def _text(el: Element | None, path: str = "text") -> str:
    if el is None:
        return ""
    return el.findtext(path) or ""


def _markup(el: Element | None, default: str = "html") -> Markup:
    if el is None:
        return Markup("")
    fmt = _FORMATS.get(el.get("format", ""), default)
    return Markup(_text(el).strip(), fmt)


def _fraction(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


class _MoodleReader:
    def __init__(self, source: str, folder: Path | None) -> None:
        self.out = ForeignReadBuilder(source, "moodle", folder)
        self.category = ""

    def run(self, data: bytes) -> ForeignRead:
        root, lines = _parse(data, self.out)
        if root is None:
            return self.out.result()
        if root.tag != "quiz":
            self.out.error(
                1,
                f"not a Moodle XML question file: the root element is <{root.tag}>, "
                "expected <quiz>",
            )
            return self.out.result()
        for q in root:
            if q.tag == "question":
                self.question(q, lines.get(id(q), 1))
        return self.out.result()

    def question(self, q: Element, line: int) -> None:
        qtype = q.get("type", "").strip() or "untyped"
        if qtype == "category":
            category = q.find("category")
            # Moodle writes <category><text>path</text></category>; very old exports omit <text>
            self.category = (
                _text(category) or (category.text if category is not None else "") or ""
            ).strip()
            return
        name = " ".join(_text(q.find("name")).split())
        stem_el = q.find("questiontext")
        stem = _markup(stem_el)
        label = name or excerpt(stem.text) or f"line {line}"
        if qtype not in ("multichoice", "truefalse"):
            self.out.skip(line, qtype, label, f"{qtype} questions are not supported; {SUPPORTED}")
            return
        embedded = self.files(stem_el, line, label)
        if embedded is None:
            return
        answers: list[tuple[float, Markup, Markup]] = []
        for a in q.findall("answer"):
            raw = a.get("fraction", "0")
            fraction = _fraction(raw)
            if fraction is None:
                self.out.error(line, f"question '{label}': answer fraction '{raw}' is not a number")
                return
            text = Markup(_text(a).strip(), _FORMATS.get(a.get("format", ""), "moodle"))
            answers.append((fraction, text, _markup(a.find("feedback"))))
        if qtype == "truefalse":
            choices = self.true_false(line, label, answers)
        else:
            choices = self.multichoice(line, label, answers)
        if choices is None:
            return
        self.out.add(
            Draft(
                line=line,
                qtype=qtype,
                name=name,
                category=self.category,
                stem=stem,
                choices=choices,
                explanation=_markup(q.find("generalfeedback")),
                embedded=embedded,
            )
        )

    def files(self, el: Element | None, line: int, label: str) -> dict[str, bytes] | None:
        """Files embedded in the question text, keyed by "/path/name"."""
        found: dict[str, bytes] = {}
        if el is None:
            return found
        for f in el.findall("file"):
            name = f.get("name", "")
            folder = f.get("path", "/").strip("/")
            key = "/" + (folder + "/" if folder else "") + name
            if f.get("encoding", "base64") != "base64":
                self.out.error(
                    line, f"question '{label}': embedded file '{name}' is not base64-encoded"
                )
                return None
            try:
                found[key] = base64.b64decode(re.sub(r"\s+", "", f.text or ""), validate=True)
            except (binascii.Error, ValueError):
                self.out.error(
                    line, f"question '{label}': embedded file '{name}' is not valid base64"
                )
                return None
        return found

    def multichoice(
        self, line: int, label: str, answers: list[tuple[float, Markup, Markup]]
    ) -> tuple[DraftChoice, ...] | None:
        # Moodle ignores blank answers when it saves a question; so do we
        answers = [a for a in answers if a[1].text.strip()]
        weights = [w for w, _, _ in answers]
        problem = single_answer_problem(
            weights,
            no_key="no answer is worth 100%",
            many_keys="{n} answers are worth 100%",
        )
        if problem:
            self.out.skip(line, "multichoice", label, problem)
            return None
        return tuple(DraftChoice(text, w == 100, fb) for w, text, fb in answers)

    def true_false(
        self, line: int, label: str, answers: list[tuple[float, Markup, Markup]]
    ) -> tuple[DraftChoice, ...] | None:
        by_value = {a[1].text.strip().lower(): a for a in answers}
        if set(by_value) != {"true", "false"} or len(answers) != 2:
            self.out.skip(
                line, "truefalse", label, "its answers are not exactly 'true' and 'false'"
            )
            return None
        true_w, _, true_fb = by_value["true"]
        false_w, _, false_fb = by_value["false"]
        if (true_w == 100) == (false_w == 100):
            self.out.skip(
                line, "truefalse", label, "exactly one of 'true' and 'false' must be worth 100%"
            )
            return None
        return (
            DraftChoice(Markup("True", "plain"), true_w == 100, true_fb),
            DraftChoice(Markup("False", "plain"), false_w == 100, false_fb),
        )


def parse_moodle_xml(data: bytes, source: str, folder: Path | None) -> ForeignRead:
    """Read Moodle XML bytes; images not embedded are looked up inside `folder`."""
    return _MoodleReader(source, folder).run(data)


# -- writing ---------------------------------------------------------------------------------------

# no two `\s*` side by side: they would try every split of a long run of spaces (quadratic)
_SAFE_TAG = re.compile(
    r"<\s*(?:(/)\s*)?(" + "|".join(sorted(SAFE_TAGS)) + r")\s*(?:/\s*)?>",
    re.I,
)
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _XML_INVALID.sub("", text)


def _bank_html(text: str) -> str:
    """Bank text (plain, with the safe tags) as HTML: escape the rest, newlines become <br>."""
    out: list[str] = []
    pos = 0
    for m in _SAFE_TAG.finditer(text):
        out.append(html.escape(text[pos : m.start()], quote=False))
        tag = m.group(2).lower()
        out.append("<br>" if tag == "br" else f"<{m.group(1) or ''}{tag}>")
        pos = m.end()
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out).replace("\r\n", "\n").replace("\n", "<br>")


def _cdata(text: str) -> str:
    return "<![CDATA[" + _clean(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _esc(text: str) -> str:
    return html.escape(_clean(text), quote=True)


def _exhibit_bytes(bank: Bank, q: Question) -> bytes:
    assert q.exhibit
    if q.exhibit in bank.exhibit_files:
        return bank.exhibit_files[q.exhibit]
    if bank.source:
        folder = Path(bank.source).parent.resolve()
        target = (folder / q.exhibit).resolve()
        if target.is_relative_to(folder) and target.is_file():
            return target.read_bytes()
    raise BankError(
        [
            Diagnostic(
                bank.source or bank.test.code,
                1,
                1,
                Severity.ERROR,
                f"question {q.id}: exhibit '{q.exhibit}' is not available to embed; import the "
                "bank with its exhibits first",
            )
        ]
    )


def _question_xml(bank: Bank, q: Question) -> list[str]:
    tech_ab = q.style == Style.TECH_AB
    stem = _bank_html(q.full_stem())
    files: list[str] = []
    if q.exhibit:
        name = PurePosixPath(q.exhibit).name
        data = base64.b64encode(_exhibit_bytes(bank, q)).decode("ascii")
        alt = _esc(q.exhibit_caption or name)
        stem = f'<p>{stem}</p><p><img src="@@PLUGINFILE@@/{quote(name)}" alt="{alt}"></p>'
        files.append(f'      <file name="{_esc(name)}" path="/" encoding="base64">{data}</file>')
    shuffle = (
        False
        if tech_ab
        else (q.shuffle_choices if q.shuffle_choices is not None else bank.test.shuffle_choices)
    )
    lines = [
        '  <question type="multichoice">',
        f"    <name><text>{_esc(q.id)}</text></name>",
        '    <questiontext format="html">',
        f"      <text>{_cdata(stem)}</text>",
        *files,
        "    </questiontext>",
        '    <generalfeedback format="html">',
        f"      <text>{_cdata(_bank_html(q.explanation))}</text>",
        "    </generalfeedback>",
        "    <defaultgrade>1.0000000</defaultgrade>",
        "    <penalty>0.0000000</penalty>",
        f"    <hidden>{1 if q.retired else 0}</hidden>",
        f"    <idnumber>{_esc(q.id)}</idnumber>",
        "    <single>true</single>",
        f"    <shuffleanswers>{'true' if shuffle else 'false'}</shuffleanswers>",
        "    <answernumbering>ABCD</answernumbering>",
    ]
    for c in q.rendered_choices():
        lines += [
            f'    <answer fraction="{100 if c.correct else 0}" format="html">',
            f"      <text>{_cdata(_bank_html(c.text))}</text>",
            '      <feedback format="html">',
            f"        <text>{_cdata(_bank_html(c.rationale))}</text>",
            "      </feedback>",
            "    </answer>",
        ]
    lines.append("  </question>")
    return lines


def dump_moodle_xml(bank: Bank) -> str:
    """The bank as Moodle XML, one category per task; raises BankError if an exhibit is missing."""
    order = {t.code: i for i, t in enumerate(bank.tasks())}
    questions = sorted(bank.questions, key=lambda q: (order.get(q.task, len(order)), q.task))
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    task = None
    for q in questions:
        if q.task != task:
            task = q.task
            path = f"$course$/BayReady/{bank.test.code}/{task}"
            lines += [
                "",
                '  <question type="category">',
                f"    <category><text>{_esc(path)}</text></category>",
                "  </question>",
                "",
            ]
        lines += _question_xml(bank, q)
    lines.append("</quiz>")
    return "\n".join(lines) + "\n"
