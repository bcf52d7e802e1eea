"""Exporting a bank from the bank manager: a native file that would not validate is not written."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services.formats import prepare_file
from tests.ui.conftest import FakeDialogs

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

GIFT = """$CATEGORY: $course$/Imported/X1.A.1.1

::g1:: Which tool reads brake fluid moisture?{=A test strip # right ~A hydrometer # no}
"""


def test_export_of_questions_without_rationales_is_refused_with_what_is_missing(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    from app.ui.banks_dialog import BanksDialog

    f = tmp_path / "class.gift"
    f.write_text(GIFT)
    banks = window.services.banks
    banks.import_prepared(
        prepare_file(f, test_code="X1", structure=banks.test_structure), source=str(f)
    )
    dlg = BanksDialog(banks, dialogs, window, preferred_test="X1", run_sync=True)
    qtbot.addWidget(dlg)
    row = next(r for r in range(dlg.table.rowCount()) if dlg.table.item(r, 1).text() == "class")
    dlg.table.selectRow(row)
    target = tmp_path / "out" / "class.yaml"
    target.parent.mkdir()
    dialogs.text_answers = [str(target)]
    qtbot.mouseClick(dlg.export_yaml, Qt.MouseButton.LeftButton)
    assert not target.exists() and dialogs.infos == []
    ((title, text),) = dialogs.errors
    assert title == "Export" and text.startswith("Cannot export X1 as YAML: 1 question(s) lack")
    assert "question g1: has 2 choices; it needs exactly 4" in text
    assert text.endswith("or use Export Moodle XML..., which does not need them.")
    xml = tmp_path / "out" / "class.xml"
    dialogs.text_answers = [str(xml)]
    qtbot.mouseClick(dlg.export_moodle, Qt.MouseButton.LeftButton)
    assert xml.exists() and dialogs.infos[-1][1].startswith("Exported 1 questions")
