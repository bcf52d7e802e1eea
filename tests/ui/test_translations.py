"""The interface translations: the committed .ts files match the sources, every Spanish text is
translated with the same placeholders, the shipped .qm files are built from the .ts files, and
a walk through the screens in Spanish finds no English left."""

from __future__ import annotations

import filecmp
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
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTabWidget,
    QTreeView,
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


def _texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(what, text) for every visible text of `root` and its children."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = f"{type(w).__name__} {w.objectName()}"
        if w.isWindow():
            yield name + " title", w.windowTitle()
        yield name + " tooltip", w.toolTip()
        if isinstance(w, QLabel | QAbstractButton):
            yield name, w.text()
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


def _english_left(root: QWidget, english: set[str]) -> list[str]:
    left = []
    for what, text in _texts(root):
        plain = text.replace("&", "").strip()
        if plain in english:
            left.append(f"{what}: {plain!r}")
    return left


@pytest.fixture
def spanish(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.delenv("BAYREADY_LANG")
    window.set_language(Language.SPANISH)
    yield window
    window.translators.apply(Language.ENGLISH)


def test_every_screen_in_spanish_shows_no_english(
    spanish: Any, qtbot: QtBot, dialogs: FakeDialogs
) -> None:
    w = spanish
    english = _english_sources()
    assert "Review missed" in english and "Start the exam" in english  # the check can fail
    seen: list[str] = []

    def check(root: QWidget, where: str) -> None:
        seen.append(where)
        assert _english_left(root, english) == [], where

    check(w, "home")
    # the menus, built again in Spanish
    for menu in w.menuBar().findChildren(QMenu):
        menu.aboutToShow.emit()
        check(menu, f"menu {menu.title()}")
    # the mock's intro, the exam, its review screen
    w.home.table.selectRow(0)
    w.show_intro("X1", False)
    check(w.intro, "intro")
    w.start_mock("X1", False)
    check(w.exam, "exam")
    w.exam.show_review()
    check(w.exam, "review")
    w.exam.submit()
    qtbot.waitUntil(lambda: w.current_page == "report")
    check(w.report, "report")
    w.show_progress("X1")
    qtbot.waitUntil(lambda: w.current_page == "progress")
    check(w.progress, "progress")
    w.go_home()
    check(w, "home after an exam")
    # the dialogs a learner opens from home
    opened: list[QWidget] = []

    def keep(dialog: QWidget) -> int:
        opened.append(dialog)
        return 0

    dialogs.modal_results.extend([keep] * 6)
    w.flows.attempts.ask_practice("X1")
    w.flows.profiles.manage_profiles()
    w.show_plan("X1")
    w.show_certifications()
    w.show_help()
    w.show_about()
    assert len(opened) == 6
    for d in opened:
        check(d, type(d).__name__)
    assert len(seen) >= 15


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
