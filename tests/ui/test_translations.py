"""The interface translations: the committed .ts files match the sources, every Spanish text is
translated with the same placeholders, the shipped .qm files are built from the .ts files, and
a walk through the screens in Spanish finds no English left."""

from __future__ import annotations

import filecmp
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTableView,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.domain.i18n import Language
from tests.conftest import REPO
from tests.ui.conftest import FakeDialogs, profile_of

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

I18N = REPO / "resources" / "i18n"
BIN = Path(sys.executable).parent
LUPDATE_FLAGS = ["-silent", "-locations", "none", "-no-obsolete", "-source-language", "en"]


def _sources() -> list[str]:
    return sorted(str(p.relative_to(REPO)) for p in (REPO / "app").rglob("*.py"))


def _messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(c.findtext("name") or "", m) for c in root.iter("context") for m in c.iter("message")]


def _forms(message: ET.Element) -> list[str]:
    t = message.find("translation")
    assert t is not None
    return [f.text or "" for f in t.findall("numerusform")] or [t.text or ""]


def _run(*args: str, cwd: Path = REPO) -> None:
    r = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_committed_ts_file_lists_exactly_the_texts_in_the_sources(
    tmp_path: Path, language: str
) -> None:
    """lupdate over app/ into a copy of the committed .ts changes nothing: no new text left
    out, none vanished (-no-obsolete drops them), no source text edited without its
    translation (`make translations` updates it)."""
    committed = I18N / f"bayready_{language}.ts"
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    plural_only = ["-pluralonly"] if language == "en" else []
    _run(
        str(BIN / "pyside6-lupdate"),
        *LUPDATE_FLAGS,
        *plural_only,
        "-target-language",
        language,
        *_sources(),
        "-ts",
        str(fresh),
    )
    assert fresh.read_text() == committed.read_text(), "run `make translations`"


def test_every_spanish_text_is_finished_with_the_same_placeholders() -> None:
    messages = _messages(I18N / "bayready_es.ts")
    assert len(messages) > 600
    unfinished = [
        f"{c}: {m.findtext('source')}"
        for c, m in messages
        if m.find("translation[@type]") is not None or not all(_forms(m))
    ]
    assert unfinished == []
    for context, m in messages:
        source = m.findtext("source") or ""
        fields = set(re.findall(r"\{[^}]*\}", source))
        for form in _forms(m):
            got = set(re.findall(r"\{[^}]*\}", form))
            # "You already have an A5 mock": Spanish drops the English article ({0})
            assert got == fields or (got == fields - {"{0}"} and "{1}" in got), (context, source)
            assert ("%n" in form) == ("%n" in source), (context, source)
        if m.get("numerus") == "yes":
            assert len(_forms(m)) == 2, (context, source)  # Spanish: one, many


def test_the_english_catalogue_gives_plural_forms(qapp: Any) -> None:
    t = QTranslator()
    assert t.load(str(I18N / "bayready_en.qm"))
    QCoreApplication.installTranslator(t)
    try:
        tr = QCoreApplication.translate
        assert tr("HomePage", "Review missed (%n due)", "", 1) == "Review missed (1 due)"
        assert tr("ReportPdf", "%n minute(s) a session", "", 1) == "1 minute a session"
        assert tr("ReportPdf", "%n minute(s) a session", "", 45) == "45 minutes a session"
    finally:
        QCoreApplication.removeTranslator(t)


def test_the_shipped_qm_files_are_built_from_the_ts_files(tmp_path: Path) -> None:
    for language in ("es", "en"):
        built = tmp_path / f"bayready_{language}.qm"
        _run(
            str(BIN / "pyside6-lrelease"),
            "-silent",
            str(I18N / f"bayready_{language}.ts"),
            "-qm",
            str(built),
        )
        assert filecmp.cmp(built, I18N / built.name, shallow=False), "run `make translations`"


def test_qt_standard_buttons_are_spanish_too(qapp: Any) -> None:
    t = QTranslator()
    assert t.load(str(I18N / "qtbase_es.qm"))
    assert t.translate("QPlatformTheme", "Cancel") == "Cancelar"


def test_a_marked_service_error_is_shown_in_spanish(qapp: Any) -> None:
    from app.services.profiles import _TAKEN, ProfileError
    from app.ui.translation import Translators, translate_error

    e = ProfileError(_TAKEN, "Ana")
    assert str(e) == "A profile called 'Ana' already exists."
    translators = Translators()
    try:
        translators.apply(Language.SPANISH)
        assert translate_error(e) == "Ya existe un perfil llamado 'Ana'."
    finally:
        translators.apply(Language.ENGLISH)
    assert translate_error(e) == str(e)


# -- the walk: every screen in Spanish, no English text left ---------------------------------
#
# The walk reads what a user reads: labels and buttons, rich text as plain text (help pages,
# the intro's key list), table and tree headers and cells, list items, the messages the app
# asked the dialog service to show, and the PDF report's HTML. On each text it checks
#  - no whole English source text of the catalogue (a tr() whose Spanish did not load),
#  - no English word: a word of the English sources that no Spanish translation uses, after
#    the question bank's and the profiles' own texts are taken out (a text never put through
#    tr() is not in the catalogue, but its words are),
#  - an "Alt+X" key is a mnemonic of the menu bar as it is shown,
#  - a Spanish date says "7 de diciembre", not "7 diciembre".

# visible texts that are the same in both languages, or not interface text at all
ALLOWED = {
    "BayReady",
    "Zoom",
    "Id",
    "OK",
    "PDF (*.pdf)",
    "CSV (*.csv)",
    "English",
    "Español",
}
# words of English sources that Spanish shop talk keeps as they are
ALLOWED_WORDS = {"bayready", "english", "español", "zoom", "pdf", "csv", "ics", "ase", "fsrs"}
SPANISH_MONTHS = (
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
)
DAY_WITHOUT_DE = re.compile(rf"\b\d{{1,2}} (?:{SPANISH_MONTHS})\b", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]{3,}")


def _english_sources() -> set[str]:
    """Source texts whose Spanish differs: seeing one of them on screen means it is untranslated."""
    out = set()
    for _context, m in _messages(I18N / "bayready_es.ts"):
        source = m.findtext("source") or ""
        if "{" in source or "%n" in source or "<" in source:
            continue  # formatted before it is shown: the literal never appears
        if any(form != source for form in _forms(m)):
            out.add(source.replace("&", ""))
    return out - ALLOWED


def _words(text: str) -> set[str]:
    text = re.sub(r"<[^>]*>|\{[^}]*\}|%n|&\w+;", " ", text.replace("&&", " ").replace("&", ""))
    return {w.lower() for w in WORD.findall(text)}


def _english_words() -> set[str]:
    """Words only English uses: in the English sources (and the English names of months and
    days, which the catalogue leaves to QLocale), in no Spanish translation."""
    from PySide6.QtCore import QLocale

    english, spanish = set(), set()
    for _context, m in _messages(I18N / "bayready_es.ts"):
        english |= _words(m.findtext("source") or "")
        for form in _forms(m):
            spanish |= _words(form)
    en = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    for i in range(1, 13):
        english.add(en.monthName(i).lower())
    for i in range(1, 8):
        english.add(en.dayName(i).lower())
    return english - spanish - ALLOWED_WORDS


def _plain(text: str) -> str:
    """Rich text as it reads on screen: tags dropped, entities decoded."""
    from PySide6 import QtGui

    if not QtGui.Qt.mightBeRichText(text):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def _items(tree: QTreeWidget) -> Iterator[QTreeWidgetItem]:
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        if item is None:
            continue
        yield item
        stack.extend(item.child(i) for i in range(item.childCount()))


def _texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(what, text) for every visible text of `root` and its children."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = f"{type(w).__name__} {w.objectName()}"
        if w.isWindow():
            yield name + " title", w.windowTitle()
        yield name + " tooltip", w.toolTip()
        if isinstance(w, QLabel | QAbstractButton):
            yield name, _plain(w.text())
        if isinstance(w, QTextEdit):  # the help's pages, the report's text
            yield name, w.toPlainText()
        if isinstance(w, QLineEdit):
            yield name + " placeholder", w.placeholderText()
        if isinstance(w, QGroupBox):
            yield name, w.title()
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield name + " tab", w.tabText(i)
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                yield name + " item", w.itemText(i)
        if isinstance(w, QMenu):
            for a in w.actions():
                yield name + " action", a.text()
                yield name + " action tooltip", a.toolTip() if a.toolTip() != a.text() else ""
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                yield name + " item", w.item(i).text()
        if isinstance(w, QTreeWidget):
            for item in _items(w):
                for c in range(item.columnCount()):
                    yield name + " cell", item.text(c)
        if isinstance(w, QTableWidget):
            for r in range(w.rowCount()):
                for c in range(w.columnCount()):
                    cell = w.item(r, c)
                    yield name + " cell", cell.text() if cell is not None else ""
        header = (
            w.horizontalHeader()
            if isinstance(w, QTableView)
            else w.header()
            if isinstance(w, QTreeView)
            else None
        )
        if header is not None and header.model() is not None:
            for c in range(header.count()):
                value = header.model().headerData(c, Qt.Orientation.Horizontal)
                yield name + " header", str(value or "")


def _without(text: str, content: str) -> str:
    """`text` with `content` taken out, also where a list shows only its start ('Item 8: a...')."""
    start, i = content[:12], 0
    while (i := text.find(start, i)) >= 0:
        n = next(
            (k for k, (a, b) in enumerate(zip(text[i:], content, strict=False)) if a != b), None
        )
        n = min(len(text) - i, len(content)) if n is None else n
        if n == len(content) or text[i + n :].strip(" .…") == "":  # all of it, or cut short
            text = text[:i] + " " + text[i + n :]
        else:
            i += 1
    return text


class SpanishCheck:
    """What the walk finds wrong in one text (see the notes above)."""

    def __init__(self, menu_keys: set[str], content: set[str]) -> None:
        self.sources = _english_sources()
        self.words = _english_words()
        self.menu_keys = menu_keys
        # the bank's and the profiles' texts, longest first: taken out before words are read
        self.content = sorted(content, key=len, reverse=True)

    def faults(self, text: str) -> list[str]:
        plain = text.replace("&", "").strip()
        if plain in self.content:  # a profile called "Learner"
            return []
        if plain in self.sources:
            return [f"untranslated {plain!r}"]
        out = []
        rest = plain
        for c in self.content:
            rest = _without(rest, c)
        english = sorted(
            w for w in _words(rest) if w in self.words or (w.endswith("s") and w[:-1] in self.words)
        )
        if english:
            out.append(f"English {english} in {plain[:120]!r}")
        for key in re.findall(r"\bAlt\+\w\b", plain):
            if key not in self.menu_keys:
                out.append(f"{key} opens no menu (menus: {sorted(self.menu_keys)})")
        out.extend(f"date without 'de': {d!r}" for d in DAY_WITHOUT_DE.findall(plain))
        return out

    def left(self, root: QWidget) -> list[str]:
        return [f"{what}: {f}" for what, text in _texts(root) for f in self.faults(text)]


def _content(w: MainWindow, bank: Path) -> set[str]:
    """The texts that are the learner's or the bank author's, not the interface's."""

    def strings(x: object) -> Iterator[str]:
        if isinstance(x, dict):
            for v in x.values():
                yield from strings(v)
        elif isinstance(x, list):
            for v in x:
                yield from strings(v)
        elif isinstance(x, str):
            yield x

    from app.banks.native.reader import read_bank
    from app.domain.certification import MASTER_GROUPS

    out = set(strings(json.loads(bank.read_text())))
    # the questions as the app renders them (Technician A/B items get their fixed English words)
    for q in read_bank(bank).questions:
        out |= {*q.full_stem().split("\n\n"), "Technician A says", "Technician B says"}
        out |= {t for c in q.rendered_choices() for t in (c.text, c.rationale)}
        out |= {*(c.rationale for c in q.choices), q.explanation}
    out |= {p.name for p in w.services.profiles.list_profiles()}
    out |= set(MASTER_GROUPS)  # ASE's names for its credentials, the same in Spanish
    out |= {str(w.paths.data_dir), w.services.db.display_name()}  # About names them
    return {c for c in out if len(c) > 2}


@pytest.fixture
def spanish(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from app import resources

    # this checkout's catalogue, not the one of whichever checkout is installed
    monkeypatch.setattr(resources, "translations_dir", lambda: I18N)
    monkeypatch.delenv("BAYREADY_LANG")
    window.set_language(Language.SPANISH)
    yield window
    window.translators.apply(Language.ENGLISH)


def test_the_spanish_check_finds_what_it_is_meant_to(spanish: Any) -> None:
    """Each kind of fault the walk looks for, as it was once found on a Spanish screen."""
    check = SpanishCheck({"Alt+A", "Alt+P", "Alt+I", "Alt+Y"}, {"Learner"})
    assert check.faults("Empezar el examen") == []
    assert check.faults("Start the exam") != []  # a whole source text
    assert check.faults("Ya tiene en curso: practice de A5.") != []  # a raw value
    assert check.faults("N / Right") != []  # a key name never put through tr()
    assert check.faults("Mocks") != [] and check.faults("Learner") == []  # content is not
    assert check.faults("Alt+F, Alt+T, Alt+I, Alt+H") != []
    assert check.faults("Alt+A, Alt+P, Alt+I, Alt+Y") == []
    assert check.faults("Lun 7 diciembre") != [] and check.faults("lun 7 de diciembre") == []
    assert check.faults("Mon 7 December") != []


def test_every_screen_in_spanish_shows_no_english(
    spanish: Any, qtbot: QtBot, dialogs: FakeDialogs, exam_bank: Path, fake_now: Any
) -> None:
    from datetime import timedelta

    from app.ui import report_pdf

    w = spanish
    svc, pid = w.services, profile_of(w)
    menu_keys = {
        QKeySequence.mnemonic(a.text()).toString() for a in w.menuBar().actions() if a.menu()
    }
    assert menu_keys == {"Alt+A", "Alt+P", "Alt+I", "Alt+Y"}
    check = SpanishCheck(menu_keys, _content(w, exam_bank))
    assert "Review missed" in check.sources and "Start the exam" in check.sources
    seen: list[str] = []

    def look(root: QWidget, where: str) -> None:
        seen.append(where)
        assert check.left(root) == [], where

    # a practice left in progress (the intro warns about it), a plan with a test date
    svc.exams.start_practice(pid, "X1", count=2)
    svc.plans.save_settings(
        pid, "X1", test_date=fake_now().date() + timedelta(days=20),
        weekdays=frozenset({0, 3}), minutes=35,
    )  # fmt: skip
    w.go_home()
    look(w, "home")
    # the menus, built again in Spanish
    for menu in w.menuBar().findChildren(QMenu):
        menu.aboutToShow.emit()
        look(menu, f"menu {menu.title()}")
    # the mock's intro, the exam, its review screen
    w.home.table.selectRow(0)
    w.show_intro("X1", False)
    assert w.intro.warning.isVisibleTo(w)
    look(w.intro, "intro")
    dialogs.confirm_answers.append(True)  # abandon the practice
    w.start_mock("X1", False)
    look(w.exam, "exam")
    w.exam.show_review()
    look(w.exam, "review")
    w.exam.submit()
    qtbot.waitUntil(lambda: w.current_page == "report")
    look(w.report, "report")
    w.show_progress("X1")
    qtbot.waitUntil(lambda: w.current_page == "progress")
    look(w.progress, "progress")
    w.go_home()
    look(w, "home after an exam")
    # the dialogs a learner opens from home, and an instructor's class results
    opened: list[QWidget] = []

    def keep(dialog: QWidget) -> int:
        opened.append(dialog)
        return 0

    dialogs.modal_results.extend([keep] * 7)
    w.flows.attempts.ask_practice("X1")
    w.flows.profiles.manage_profiles()
    w.show_plan("X1")
    w.show_certifications()
    w.show_help()
    w.show_about()
    assert w.set_instructor_mode(True)
    w.show_class_results()
    assert len(opened) == 7
    for d in opened:
        look(d, type(d).__name__)
    # what the app said through the dialog service
    said = [*dialogs.confirms, *(t for pair in dialogs.infos + dialogs.errors for t in pair)]
    said += [t for text, buttons in dialogs.chosen for t in (text, *buttons)]
    assert said  # the confirmation to abandon the practice, at least
    assert [f for s in said for f in check.faults(s)] == []
    # the PDF report, with its study plan and certifications
    r = svc.reports.weak_area_report(pid, "X1", language="es")
    appendix = svc.plans.report_appendix(pid, "X1", language="es")
    pdf = QTextEdit()
    pdf.setHtml(report_pdf.report_html(r, appendix=appendix))
    look(pdf, "PDF report")
    assert len(seen) >= 17


def test_every_part_of_the_exam_page_finds_its_spanish(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, dialogs: FakeDialogs
) -> None:
    """The exam page is put together from mixins (exam_layout, question_view, exam_timekeeping,
    exam_submit), each its own translation context: with this checkout's catalogue, each part's
    formatted texts, which the walk above cannot see, come out in Spanish on the one page."""
    from app import resources

    monkeypatch.setattr(resources, "translations_dir", lambda: I18N)
    monkeypatch.delenv("BAYREADY_LANG")
    w = window
    w.set_language(Language.SPANISH)
    try:
        w.start_mock("X1", False)
        exam = w.exam
        assert exam.flag_button.text() == "Marcar para revisión (F)"  # exam_layout
        assert exam.counter.text() == "Pregunta 1 de 8"  # question_view
        assert exam.ticker is not None
        exam.ticker.remaining_changed.emit(200.0)  # exam_timekeeping
        assert exam.countdown.text() == "Quedan 3:20"
        exam.ticker.warning_reached.emit(300)
        assert exam.banner.text().startswith("Quedan 5 minutos.")
        exam.show_review()  # exam_submit
        assert exam.counter.text() == "Revisión"
        dialogs.confirm_answers.append(False)
        exam.confirm_submit()
        assert dialogs.confirms[-1].startswith("¿Entregar su examen ahora?")
    finally:
        w.translators.apply(Language.ENGLISH)


def test_switching_language_keeps_an_exam_in_progress(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, dialogs: FakeDialogs
) -> None:
    monkeypatch.delenv("BAYREADY_LANG")
    w = window
    w.start_mock("X1", False)
    page = w.exam
    page.choose(1)
    state = page.state
    try:
        w.set_language(Language.SPANISH)
        assert w.exam is page and w.exam.state == state  # same attempt, answer kept
        assert state.items[0].answered
        assert w.pages.currentWidget() is page
        assert w.home.start.text() == "Simulacro... (Enter)"
        assert w.menuBar().actions()[0].text() == "&Archivo"
    finally:
        w.translators.apply(Language.ENGLISH)
    assert w.services.profiles.get(profile_of(w)).language is Language.SPANISH


def language_of(w: MainWindow) -> Language | None:
    """Read afresh: mypy would keep an earlier `w.translators.language == ...` narrowing."""
    return w.translators.language


def test_the_profile_language_is_saved_and_applied_when_chosen(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BAYREADY_LANG")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    w = window
    first = profile_of(w)
    other = w.services.profiles.create("Rosa")
    w.services.profiles.set_language(other.profile_id, Language.SPANISH)
    try:
        w.flows.profiles.select(other.profile_id)
        assert w.translators.language == Language.SPANISH
        assert w.home.practice.text() == "Práctica..."
        spanish_menu = [a.text() for a in w.menus.language_menu.actions()]
        assert spanish_menu == ["Idioma del &sistema", "English", "Español"]
        w.menus.language_menu.aboutToShow.emit()
        assert w.menus.language_actions[Language.SPANISH].isChecked()
        w.flows.profiles.select(first)  # no language of its own: the system's (English here)
        assert language_of(w) == Language.ENGLISH
        assert w.home.practice.text() == "Practice..."
        # the menu choice is saved for the profile and applied at once
        w.menus.language_actions[Language.SPANISH].trigger()
        assert w.services.profiles.get(first).language is Language.SPANISH
        assert w.home.practice.text() == "Práctica..."
        w.menus.language_actions[None].trigger()
        assert w.services.profiles.get(first).language is None
        assert w.home.practice.text() == "Practice..."
    finally:
        w.translators.apply(Language.ENGLISH)


def test_translators_switch_qt_texts_and_back(qapp: Any) -> None:
    from app.ui.translation import Translators

    t = Translators()
    try:
        assert t.apply(Language.SPANISH) is True
        assert QCoreApplication.translate("HomePage", "Practice...") == "Práctica..."
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
        assert t.apply(Language.SPANISH) is False
    finally:
        assert t.apply(Language.ENGLISH) is True
    assert QCoreApplication.translate("HomePage", "Practice...") == "Practice..."
