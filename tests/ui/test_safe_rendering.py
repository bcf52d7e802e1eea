"""Hostile bank text on every screen: nothing in a bank is rendered live.

Bank text may carry markup that Qt would act on - `<img src="/dev/zero">` hangs and aborts,
`<img src="/etc/passwd">` reads a local file, a URL would be fetched. Each screen is fed such text
and must show it as text: the rich text handed to Qt holds no image and asks for no resource.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QTextDocument, QTextImageFormat
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.ui.text import SafeDocument, SafeTextBrowser, esc, rich, tooltip
from tests.ui.conftest import FakeDialogs
from tests.ui.test_exam import LETTERS, activate, key

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


@pytest.fixture
def picture(tmp_path: Path) -> Path:
    """A real image file a hostile bank might point at: loaded, it would make a widget huge."""
    img = QImage(400, 400, QImage.Format.Format_RGB32)
    img.fill(QColor("red"))
    path = tmp_path / "local.png"
    assert img.save(str(path))
    return path


def hostile(picture: Path) -> list[str]:
    return [
        '<img src="/dev/zero">',
        "<img src=/etc/passwd>",
        '<img src="file:///etc/passwd">',
        '<img src="http://127.0.0.1:9/track.png">',
        f'<img src="{picture}" width="100000" height="100000">',
        f'<b><i><p><img src="{picture}"></p></i></b>',
        '&lt;img src="/dev/zero"&gt;',  # entity-encoded: decoded text must not become markup
        "&amp;lt;img src=/dev/zero&amp;gt;",
        '<table background="/etc/passwd"><tr><td>cell</td></tr></table>',
        '<a href="file:///etc/passwd">click</a> <span style="background:url(/etc/passwd)">s</span>',
        '<b foo="x">bold with an attribute</b><br/>',
    ]


def resources_asked(markup: str) -> list[str]:
    """Images and resources a document built from `markup` would show or load."""
    doc = SafeDocument()
    doc.setHtml(markup)
    doc.size()  # lays the document out, which is when images are fetched
    found = list(doc.refused)
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                found.append(QTextImageFormat(fmt).name())
            it += 1
        block = block.next()
    return found


def test_the_detector_sees_images(qapp: QApplication, picture: Path) -> None:
    assert resources_asked(f'<p>x<img src="{picture}"></p>')
    assert resources_asked('<img src="/etc/passwd">')
    assert not resources_asked("<p><b>plain</b> &lt;img src=x&gt;</p>")


def test_safe_path_keeps_every_probe_inert(qapp: QApplication, picture: Path) -> None:
    for h in hostile(picture):
        for shown in (rich(h), esc(h), tooltip(h)):
            assert resources_asked(shown) == [], (h, shown)
    assert "&lt;img" in rich('&lt;img src="/dev/zero"&gt;')  # shown as the text it is
    assert tooltip("<b>5 &lt; 6</b>").startswith("<qt>")
    assert tooltip("x" * 1000).count("x") == 300


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' &;#abgimprsc:x")), max_size=60))
def test_rich_never_emits_a_tag_with_attributes(text: str) -> None:
    import re

    for tag in re.findall(r"<[^>]*>", rich(text)):
        assert re.fullmatch(r"</?(b|i|em|strong|sub|sup|br|p|u)>", tag), (text, tag)


def test_our_documents_refuse_files_even_when_asked(qtbot: QtBot, picture: Path) -> None:
    """Defence in depth: markup that did get in still loads nothing."""
    doc = SafeDocument()
    doc.setHtml(f'<img src="{picture}">')
    assert doc.size().height() < 100  # the 400 px picture was not read
    assert doc.refused == [str(picture)]
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    browser.show()
    browser.setHtml(f'<p>x<img src="{picture}"></p><a href="file:///etc/passwd">l</a>')
    qtbot.waitUntil(lambda: bool(browser.refused))
    assert browser.document().size().height() < 100
    assert (
        browser.refused == [str(picture)]
        and not browser.openLinks()
        and browser.searchPaths() == []
    )
    plain = QTextDocument()  # what Qt does without the guard: the file is read
    plain.setHtml(f'<img src="{picture}">')
    assert plain.size().height() > 300


def _hostile_practice(qtbot: QtBot, window: MainWindow, picture: Path) -> tuple[Any, list[str]]:
    activate(qtbot, window)
    window.start_practice("X1", count=3)
    exam = window.exam
    assert exam is not None and exam.state is not None
    probes = hostile(picture)
    items = []
    for n, item in enumerate(exam.state.items):
        h = probes[n % len(probes)]
        choices = tuple(
            replace(c, text=f"{c.label} {h}", rationale=f"because {h}") for c in item.choices
        )
        items.append(
            replace(
                item,
                stem=f"Stem {probes[6]} {h}",  # entity-encoded markup first: plain() decodes it
                explanation=f"Why {h}",
                choices=choices,
                chosen_shown=None,
            )
        )
    state = replace(exam.state, test_title=probes[0], items=tuple(items))
    exam.start(state)
    return exam, probes


def test_practice_feedback_shows_hostile_text_as_text(
    qtbot: QtBot, window: MainWindow, picture: Path
) -> None:
    exam, _ = _hostile_practice(qtbot, window, picture)
    for n in range(len(exam.state.items)):
        exam.go(n)
        assert resources_asked(exam.stem.text()) == []
        key(qtbot, window, LETTERS[exam.item.key])
        assert exam.feedback.isVisible()
        assert resources_asked(exam.feedback.text()) == [], exam.feedback.text()
        assert "Correct" in exam.feedback.text() and "Why" in exam.feedback.text()
        assert exam.feedback.sizeHint().width() < 3000  # no 100000 px picture
    assert exam.title.textFormat() == Qt.TextFormat.PlainText
    # a resumed practice re-renders the locked feedback: still inert
    exam.start(exam.state)
    assert exam.feedback.isVisible() and resources_asked(exam.feedback.text()) == []


def test_review_tooltips_show_hostile_stems_as_text(
    qtbot: QtBot, window: MainWindow, picture: Path
) -> None:
    exam, _ = _hostile_practice(qtbot, window, picture)
    exam.review.show_state(exam.state)
    tips = [
        lst.item(i).toolTip()
        for lst in (exam.review.unanswered, exam.review.flagged)
        for i in range(lst.count())
        if lst.item(i).data(Qt.ItemDataRole.UserRole) is not None
    ]
    assert len(tips) == len(exam.state.items)
    for tip in tips:
        assert tip.startswith("<qt>") and resources_asked(tip) == [], tip
    assert any("&lt;img" in t for t in tips)  # the markup is shown, escaped


def test_practice_dialog_task_tooltips(qtbot: QtBot, picture: Path) -> None:
    from app.services.catalog import AreaOutline, TaskOutline
    from app.ui.practice_dialog import PracticeDialog

    probes = hostile(picture)
    tasks = tuple(TaskOutline(f"T.A.1.{n}", h, "1", 2) for n, h in enumerate(probes))
    dlg = PracticeDialog("T", [AreaOutline("A", probes[0], 5, 10, tasks)])
    qtbot.addWidget(dlg)
    top = dlg.tree.topLevelItem(0)
    assert top.childCount() == len(probes)
    for i in range(top.childCount()):
        assert resources_asked(top.child(i).toolTip(0)) == []


def test_report_page_item_review_and_heading(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs, picture: Path
) -> None:
    exam, _ = _hostile_practice(qtbot, window, picture)
    for n in range(len(exam.state.items)):
        exam.go(n)
        key(qtbot, window, LETTERS[(exam.item.key + 1) % 4])
    report = exam._exams.report(exam.state.attempt_id)
    report = replace(report, state=exam.state)
    from app.ui.report_page import ReportPage

    page = ReportPage()
    qtbot.addWidget(page)
    page.show_report(report)
    page.filter.setCurrentIndex(0)
    assert resources_asked(page.heading.text()) == []
    for row in range(page.items.count()):
        page.items.setCurrentRow(row)
        html = page.detail.toHtml()
        assert "&lt;img" in html
        assert resources_asked(html) == []
    assert page.detail.refused == []


def _hostile_weak_area_report(window: MainWindow, picture: Path) -> Any:
    from app.domain.ids import QuestionId
    from app.services.reports import Misconception

    probes = hostile(picture)
    r = window.services.reports.weak_area_report("Learner", "X1")
    mis = tuple(
        Misconception(
            QuestionId(1), f"X1-{n}", "X1.A.1.1", f"stem {h}", "B", f"opt {h}", 3, f"why {h}", ""
        )
        for n, h in enumerate(probes)
    )
    return replace(
        r,
        profile='=HYPERLINK("http://x")' + probes[0],
        test_title=probes[1],
        areas=tuple(replace(a, title=probes[n % len(probes)]) for n, a in enumerate(r.areas)),
        tasks=tuple(replace(t, text=probes[n % len(probes)]) for n, t in enumerate(r.tasks)),
        misconceptions=mis,
    )


def test_progress_page_and_pdf_report_are_inert(
    qtbot: QtBot, window: MainWindow, picture: Path
) -> None:
    from app.ui.progress_page import ProgressPage
    from app.ui.report_pdf import pdf_bytes, report_html

    r = _hostile_weak_area_report(window, picture)
    page = ProgressPage()
    qtbot.addWidget(page)
    page.show_report(r)
    assert resources_asked(page.heading.text()) == []
    assert resources_asked(page.misconceptions.toHtml()) == []
    assert page.misconceptions.refused == []
    # the PDF's own charts are the only images it holds
    html = report_html(r)
    assert set(resources_asked(html)) == {"mastery.png", "trend.png"}
    assert pdf_bytes(r).startswith(b"%PDF")


def test_bank_manager_preview(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs, picture: Path
) -> None:
    from app.ui.banks_dialog import BanksDialog

    dlg = BanksDialog(window.services.banks, dialogs, window, preferred_test="X1", run_sync=True)
    qtbot.addWidget(dlg)
    probes = hostile(picture)
    dlg._previews = [
        replace(
            p,
            question=replace(
                p.question,
                stem=f"Stem {probes[n % len(probes)]}",
                explanation=probes[(n + 1) % len(probes)],
                exhibit_caption=probes[(n + 2) % len(probes)],
            ),
        )
        for n, p in enumerate(dlg._previews)
    ]
    for row in (1, 0, 2, 3, 4, 5):
        dlg.questions.setCurrentRow(row)
        assert resources_asked(dlg.preview.toHtml()) == []
    assert dlg.preview.refused == []


def test_message_boxes_show_text_as_text(qtbot: QtBot, picture: Path) -> None:
    from app.ui.dialogs import Dialogs

    box = Dialogs()._message(
        QMessageBox.Icon.Critical, "Export", f'Profile <img src="{picture}"> already exists.'
    )
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
