"""Bank manager, import preview with mapping and copyable problems, class results view."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from pytestqt.qtbot import QtBot

from tests.services.test_reports import sit_mock
from tests.ui.conftest import FakeDialogs, profile_of

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

GIFT = """$CATEGORY: $course$/Imported/X1.A.1.1

::g1:: Which tool reads brake fluid moisture?{=A test strip or tester # right ~A hydrometer # no
~A vacuum gauge # no}

$CATEGORY: $course$/Electrical

::g2:: A fully charged battery at rest reads about 12.6 V.{T}

::g3:: Describe brake fade. {}
"""


def open_manager(window: MainWindow, dialogs: FakeDialogs) -> Any:
    from app.ui.banks_dialog import BanksDialog

    return BanksDialog(window.services.banks, dialogs, window, preferred_test="X1", run_sync=True)


def test_manager_lists_previews_toggles_and_removes(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs
) -> None:
    dlg = open_manager(window, dialogs)
    qtbot.addWidget(dlg)
    assert dlg.table.rowCount() == 1 and dlg.table.item(0, 0).text() == "X1"
    assert dlg.table.item(0, 4).text() == "16"
    assert dlg.questions.count() == 16 and "[key]" in dlg.preview.toHtml()
    qtbot.mouseClick(dlg.toggle, Qt.MouseButton.LeftButton)
    assert dlg.table.item(0, 6).text() == "no"
    assert window.services.banks.list_tests()[0].questions == 0
    qtbot.mouseClick(dlg.toggle, Qt.MouseButton.LeftButton)
    sit_mock(window.services, profile_of(window), "A")
    dialogs.confirm_answers = [True]
    qtbot.mouseClick(dlg.remove, Qt.MouseButton.LeftButton)
    assert dlg.table.rowCount() == 0
    # attempt history is kept and still reportable
    r = window.services.reports.weak_area_report(profile_of(window), "X1")
    assert r.responses == 8 and len(r.trend) == 1


def test_import_preview_mapping_and_import(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    from app.ui.import_dialog import ImportDialog

    f = tmp_path / "class.gift"
    f.write_text(GIFT)
    dlg = ImportDialog(f, window.services.banks, ["X1"], window, run_sync=True)
    qtbot.addWidget(dlg)
    assert "would add 1" in dlg.summary.text() and "1 more questions wait" in dlg.summary.text()
    assert not dlg.do_import.isEnabled()
    assert dlg.mapping.rowCount() == 1 and dlg.mapping.item(0, 0).text() == "$course$/Electrical"
    assert dlg.table.rowCount() == 1 and "essay" in dlg.table.item(0, 4).text()
    combo = dlg.mapping.cellWidget(0, 2)
    combo.setCurrentIndex(combo.findData("X1.B.1.1"))  # type: ignore[attr-defined]
    qtbot.mouseClick(dlg.recheck, Qt.MouseButton.LeftButton)
    assert "would add 2" in dlg.summary.text() and dlg.do_import.isEnabled()
    results: list[Any] = []
    dlg.imported.connect(results.append)
    qtbot.mouseClick(dlg.do_import, Qt.MouseButton.LeftButton)
    assert results and results[0].added == 2
    assert window.services.banks.list_tests()[0].questions == 18
    qtbot.mouseClick(dlg.copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().startswith("file\tline\tfield\tkind\tmessage")


def test_bad_file_shows_located_errors_and_imports_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from app.ui.import_dialog import ImportDialog

    bad = tmp_path / "bad.yaml"
    bad.write_text("format: bayready-bank\nformat_version: 1\ntest: {code: X1}\n")
    dlg = ImportDialog(bad, window.services.banks, ["X1"], window, run_sync=True)
    qtbot.addWidget(dlg)
    assert "Nothing can be imported" in dlg.summary.text() and not dlg.do_import.isEnabled()
    lines = {dlg.table.item(r, 1).text() for r in range(dlg.table.rowCount())}
    assert "1" in lines and "3" in lines
    assert window.services.banks.list_tests()[0].questions == 16


def test_drop_a_file_onto_the_manager(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    dlg = open_manager(window, dialogs)
    qtbot.addWidget(dlg)
    f = tmp_path / "drop.gift"
    f.write_text(GIFT)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f))])
    ev = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    dlg.dropEvent(ev)
    (shown,) = [m for m in dialogs.modals if m.__class__.__name__ == "ImportDialog"]
    assert shown.path == f


def test_class_results_view(qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs) -> None:
    from app.ui.class_dialog import ClassDialog

    svc = window.services
    for name, weak in (("Avery", "A"), ("Blake", "B")):
        sit_mock(svc, svc.profiles.create(name).profile_id, weak)
    dlg = ClassDialog(svc.classroom, ["X1"], dialogs, window, run_sync=True)
    qtbot.addWidget(dlg)
    assert dlg.learners.rowCount() == 3  # the default learner too
    names = {dlg.learners.item(r, 0).text() for r in range(3)}
    assert names == {"Avery", "Blake", "Learner"}
    assert dlg.items.rowCount() > 0


def test_choosing_a_task_enables_import_at_once_and_preview_lists_questions(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from app.ui.import_dialog import ImportDialog

    f = tmp_path / "class.gift"
    f.write_text(GIFT)
    dlg = ImportDialog(f, window.services.banks, ["X1"], window, run_sync=True)
    qtbot.addWidget(dlg)
    model = dlg.questions.model()
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    assert rows == [["g1", "X1.A.1.1", "A", "Which tool reads brake fluid moisture?"]]
    assert not dlg.do_import.isEnabled()
    combo = dlg.mapping.cellWidget(0, 2)
    combo.setCurrentIndex(combo.findData("X1.B.1.1"))  # type: ignore[attr-defined]  # no "Check again" click
    assert dlg.do_import.isEnabled() and "would add 2" in dlg.summary.text()
    assert model.rowCount() == 2 and model.index(1, 1).data() == "X1.B.1.1"
    assert model.index(1, 2).data() == "A"  # True/False: A is True
    assert "2 ready to import" in dlg.questions_label.text()


def test_manager_selects_the_imported_bank_and_searches(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    f = tmp_path / "class.gift"
    f.write_text(GIFT.replace("::g3:: Describe brake fade. {}\n", ""))
    dlg = open_manager(window, dialogs)
    qtbot.addWidget(dlg)

    def import_it(imp: Any) -> int:
        combo = imp.mapping.cellWidget(0, 2)
        combo.setCurrentIndex(combo.findData("X1.B.1.1"))
        qtbot.mouseClick(imp.do_import, Qt.MouseButton.LeftButton)
        return 1

    dialogs.modal_results = [import_it]
    dlg.import_files([f])
    assert dlg.table.rowCount() == 2
    assert dlg.selected().name == "class" and dlg.questions.count() == 2
    assert dlg.search_count.text() == "2 questions"
    qtbot.keyClicks(dlg.search, "BATTERY")
    visible = [
        dlg.questions.item(r).text()
        for r in range(dlg.questions.count())
        if not dlg.questions.isRowHidden(r)
    ]
    assert len(visible) == 1 and visible[0].startswith("g2")
    assert dlg.search_count.text() == "1 of 2 questions"
    assert dlg.questions.currentItem().text().startswith("g2")
    dlg.search.setText("no such words")
    assert dlg.search_count.text() == "0 of 2 questions"
    assert dlg.preview.toPlainText() == "No question matches the search."
    dlg.search.clear()
    qtbot.keyClicks(dlg.search, "x1.a.1.1 g1")  # task and id words together
    assert [dlg.questions.isRowHidden(r) for r in range(2)] == [False, True]


def test_foreign_file_imports_onto_a_known_test_not_loaded_yet(
    qtbot: QtBot,
    tmp_path: Path,
    dialogs: FakeDialogs,
    fake_now: Any,
) -> None:
    from app.paths import AppPaths
    from app.services.known_tests import shipped_structures
    from app.ui.import_dialog import ImportDialog
    from tests.factories import write_bank
    from tests.ui.conftest import FakeMonotonic, make_window

    shipped = tmp_path / "shipped"
    write_bank(shipped, "X1", {"A": 4, "B": 2, "C": 2})
    paths = AppPaths(data_dir=tmp_path / "data", db_url=f"sqlite:///{tmp_path / 'empty.db'}")
    w = make_window(qtbot, paths, dialogs, FakeMonotonic(), fake_now, None)
    banks = w.services.banks
    assert banks.list_tests() == []
    known = shipped_structures(shipped)
    assert list(known) == ["X1"] and known["X1"].questions == ()
    f = tmp_path / "class.gift"
    f.write_text(GIFT)
    dlg = ImportDialog(f, banks, [], w, run_sync=True, known=known)
    qtbot.addWidget(dlg)
    assert not dlg.test.isHidden() and dlg.test.currentText().endswith("(not loaded yet)")
    assert dlg.target_code() == "X1"
    combo = dlg.mapping.cellWidget(0, 2)
    combo.setCurrentIndex(combo.findData("X1.B.1.1"))  # type: ignore[attr-defined]
    qtbot.mouseClick(dlg.do_import, Qt.MouseButton.LeftButton)
    assert [(t.code, t.questions) for t in banks.list_tests()] == [("X1", 2)]
    w.services.close()


def test_class_results_elide_long_learner_names(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs
) -> None:
    from app.ui.class_dialog import ClassDialog
    from app.ui.elide import NAME_PX

    svc = window.services
    long = "Maximilian-Alexander Featherstonehaugh-Cholmondeley of Lower Wallop the Third"
    sit_mock(svc, svc.profiles.create(long).profile_id, "A")
    dlg = ClassDialog(svc.classroom, ["X1"], dialogs, window, run_sync=True)
    qtbot.addWidget(dlg)
    t = dlg.learners
    cell = next(t.item(r, 0) for r in range(t.rowCount()) if t.item(r, 0).text() == long)
    assert cell.toolTip() == long
    assert t.columnWidth(0) <= NAME_PX < t.fontMetrics().horizontalAdvance(long)
    assert t.textElideMode() == Qt.TextElideMode.ElideRight
