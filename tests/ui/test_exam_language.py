"""The exam's per-question language switch: L (or the button) shows the current question in the
other language; the answer, flag, clock and scroll position stay."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.paths import AppPaths
from app.services.setup import AppServices, open_services
from tests.banks.test_translation import keep_translations, translate_all
from tests.conftest import FakeNow
from tests.ui.conftest import FakeDialogs, FakeMonotonic, make_window
from tests.ui.test_exam import start_mock

REPO = Path(__file__).resolve().parents[2]
# the page shown as a window of its own (offscreen has no window manager to pass size hints to)
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def a5_services(tmp_path: Path, fake_now: FakeNow) -> Any:
    folder = tmp_path / "banks"
    folder.mkdir()
    for name in ("a5-brakes.yaml", "a5-brakes.es.yaml"):
        shutil.copy(REPO / "question_banks" / name, folder / name)
    # ten items in Spanish, the rest shown in English
    keep_translations(folder / "a5-brakes.es.yaml", {f"A5-{n:03d}" for n in range(1, 11)})
    # no enemies in the copy, so a practice of area A holds every item of it (A5-001 included)
    english = folder / "a5-brakes.yaml"
    lines = english.read_text(encoding="utf-8").splitlines(keepends=True)
    english.write_text("".join(x for x in lines if not x.lstrip().startswith("enemies:")))
    shutil.copytree(REPO / "question_banks" / "exhibits", folder / "exhibits")
    paths = AppPaths(data_dir=tmp_path / "data", db_url=f"sqlite:///{tmp_path / 'a5.db'}")
    services = open_services(paths, fake_now)
    services.banks.import_file(folder / "a5-brakes.yaml")
    yield services
    services.close()


def _page(qtbot: QtBot, services: AppServices, mono: FakeMonotonic, **kw: Any) -> Any:
    from app.ui.exam.exam_page import ExamPage

    page = ExamPage(services.exams, FakeDialogs(), mono, inline_work=True, **kw)
    qtbot.addWidget(page)
    page.resize(1000, 640)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def _press(qtbot: QtBot, page: Any, k: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget() or page, k)


def test_l_switches_the_current_question_and_keeps_answer_flag_clock_and_scroll(
    qtbot: QtBot, a5_services: AppServices, mono: FakeMonotonic
) -> None:
    pid = a5_services.profiles.create("Luis").profile_id
    state = a5_services.exams.start_practice(pid, "A5", count=200, areas=["A"], timed=True)
    page = _page(qtbot, a5_services, mono)
    page.start(state)
    pos = next(i.position for i in state.items if i.uid == "A5-001")
    untranslated = next(i.position for i in state.items if len(i.languages) == 1)
    page.go(untranslated)
    assert not page.language_button.isVisible()  # nothing to switch to
    _press(qtbot, page, Qt.Key.Key_L)
    assert page.shown_language() == "en"

    page.go(pos)
    assert page.language_button.isVisible() and page.language_button.text() == "Español"
    assert "(L)" in page.language_button.toolTip()
    english_stem = page.stem.text()
    assert "front calipers" in english_stem
    _press(qtbot, page, Qt.Key.Key_F)  # flag it
    page.question_scroll.verticalScrollBar().setValue(
        page.question_scroll.verticalScrollBar().maximum()
    )
    scrolled = page.question_scroll.verticalScrollBar().value()
    elapsed = page.elapsed()

    _press(qtbot, page, Qt.Key.Key_L)
    assert page.shown_language() == "es"
    assert "cálipers delanteros" in page.stem.text()
    texts = [b.text() for b in page.choice_buttons]
    assert any("Aire atrapado en el sistema hidráulico" in t for t in texts)
    assert page.language_button.text() == "English"
    assert page.flag_button.isChecked() and page.item.flagged
    assert page.question_scroll.verticalScrollBar().value() == min(
        scrolled, page.question_scroll.verticalScrollBar().maximum()
    )
    assert page.elapsed() == elapsed and page.ticker is not None

    # answer in Spanish: the option is recorded, not its words
    item = page._shown_item()
    key_label = item.choices[item.key].label
    _press(qtbot, page, getattr(Qt.Key, f"Key_{key_label}"))
    assert page.item.chosen_shown == item.key
    saved = a5_services.exams.load(state.attempt_id)
    assert saved.items[pos].chosen_shown == item.key and saved.items[pos].correct
    # the practice feedback (its rationales) is in Spanish too
    assert "Al abrir el sistema" in page.feedback.text()

    # back to English with the button; the answer stays
    qtbot.mouseClick(page.language_button, Qt.MouseButton.LeftButton)
    assert page.shown_language() == "en" and page.stem.text() == english_stem
    assert page.item.chosen_shown == item.key and page.item.flagged

    # the choice is per question: the next translated one opens in the page's language
    other = next(i.position for i in state.items if i.uid != "A5-001" and len(i.languages) == 2)
    _press(qtbot, page, Qt.Key.Key_L)
    page.go(other)
    assert page.shown_language() == "en"
    page.go(pos)
    assert page.shown_language() == "es"


def test_the_page_opens_questions_in_its_initial_language(
    qtbot: QtBot, a5_services: AppServices, mono: FakeMonotonic
) -> None:
    pid = a5_services.profiles.create("Luis").profile_id
    state = a5_services.exams.start_practice(pid, "A5", count=200, areas=["A"])
    page = _page(qtbot, a5_services, mono, language="es")
    page.start(state)
    pos = next(i.position for i in state.items if i.uid == "A5-001")
    page.go(pos)
    assert "cálipers delanteros" in page.stem.text()
    assert page.language_button.text() == "English"
    assert page.title.text().startswith("A5 Frenos - ")
    untranslated = next(i.position for i in state.items if len(i.languages) == 1)
    page.go(untranslated)
    assert page.stem.text() and not page.language_button.isVisible()  # English, no switch
    # the window's hookup: start(state, language=the profile's) sets it per attempt
    page.start(a5_services.exams.load(state.attempt_id), language="en")
    page.go(pos)
    assert "front calipers" in page.stem.text() and page.language_button.text() == "Español"


def test_l_during_a_mock_switches_and_the_intro_lists_the_key(
    qtbot: QtBot,
    tmp_path: Path,
    dialogs: FakeDialogs,
    mono: FakeMonotonic,
    fake_now: FakeNow,
    exam_bank: Path,
) -> None:
    translate_all(exam_bank, prefix="ES: ")
    paths = AppPaths(data_dir=tmp_path / "data", db_url=f"sqlite:///{tmp_path / 'ui.db'}")
    window = make_window(qtbot, paths, dialogs, mono, fake_now, exam_bank)
    try:
        exam = start_mock(qtbot, window)
        assert "L" in window.intro.keys.text() and "Spanish" in window.intro.keys.text()
        english = exam.stem.text()
        mono.advance(10)
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_B)
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_L)
        assert exam.stem.text().startswith("ES: ") and exam.stem.text() != english
        shown = [b.text() for b in exam.choice_buttons if b.isVisible()]
        if exam.item.style == "tech_ab":  # the fixed four options, in Spanish
            assert [t.split(".  ", 1)[1] for t in shown] == [
                "Solo A",
                "Solo B",
                "Tanto A como B",
                "Ni A ni B",
            ]
        else:
            assert all("ES: " in t for t in shown)
        assert exam.item.chosen_shown == 1 and exam.choice_buttons[1].isChecked()
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_L)
        assert exam.stem.text() == english
    finally:
        if window.exam is not None:
            window.exam.stop_clock()
        window.services.close()


def test_a_spanish_profile_opens_the_exam_in_spanish_and_its_report_follows(
    qtbot: QtBot,
    tmp_path: Path,
    dialogs: FakeDialogs,
    mono: FakeMonotonic,
    fake_now: FakeNow,
    exam_bank: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The window's hookup: the profile's language is the one each question opens in, and the
    progress report's bank titles come in it too (an English profile sees English)."""
    from app.domain.i18n import Language

    translate_all(exam_bank, prefix="ES: ")
    paths = AppPaths(data_dir=tmp_path / "data", db_url=f"sqlite:///{tmp_path / 'ui.db'}")
    window = make_window(qtbot, paths, dialogs, mono, fake_now, exam_bank)
    monkeypatch.delenv("BAYREADY_LANG")
    try:
        window.set_language(Language.SPANISH)
        card = window.home.model.rows[0]
        assert card.title.startswith("ES: ")  # home lists the test under its Spanish title
        exam = start_mock(qtbot, window)
        assert "ES: " in window.intro.plan.test_title
        assert exam.shown_language() == "es" and exam.stem.text().startswith("ES: ")
        assert exam.language_button.text() == "English"
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_A)
        code = exam.state.test_code
        exam.submit()
        qtbot.waitUntil(lambda: window.current_page == "report")
        window.show_progress(code)
        qtbot.waitUntil(lambda: window.current_page == "progress")
        areas = [a.title for a in window.progress.report.areas]
        assert areas and all(t.startswith("ES: ") for t in areas)
        window.set_language(Language.ENGLISH)
        window.show_progress(code)
        qtbot.waitUntil(lambda: window.current_page == "progress")
        assert not any(a.title.startswith("ES: ") for a in window.progress.report.areas)
    finally:
        window.translators.apply(Language.ENGLISH)
        if window.exam is not None:
            window.exam.stop_clock()
        window.services.close()


def test_a_long_exam_title_is_cut_with_an_ellipsis_not_clipped(qtbot: QtBot) -> None:
    """The exam header's title draws what an elided label shows (not the clipped whole text),
    and keeps its whole text for the tooltip and for tests."""
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QLabel

    from app.ui.elide import ElidedLabel

    long = "A5 Frenos - Simulacro de examen de recertificación"
    cut, elided, clipped = ElidedLabel(long), QLabel(), QLabel(long)
    for w in (cut, elided, clipped):
        qtbot.addWidget(w)
        w.setStyleSheet("font-weight:bold;")
        w.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        w.resize(140, 24)
    shown = cut.fontMetrics().elidedText(long, Qt.TextElideMode.ElideRight, 140)
    assert shown.endswith("…") and cut.text() == long
    elided.setText(shown)

    def differ(a: QImage, b: QImage) -> int:
        return sum(a.pixel(x, y) != b.pixel(x, y) for x in range(140) for y in range(24))

    image = cut.grab().toImage()
    # the same glyphs as the elided label, give or take anti-aliasing at the ellipsis
    assert differ(image, elided.grab().toImage()) < 140 * 24 * 0.03
    assert differ(image, clipped.grab().toImage()) > differ(image, elided.grab().toImage())
