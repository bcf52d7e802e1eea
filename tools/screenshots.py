"""Make the README screenshots from a real window: python tools/screenshots.py OUT_DIR.

Builds a throwaway database with the shipped A5 bank and three sat mocks, then shows the home
screen, the mock's intro screen, the exam (on an item with an exhibit), the review screen, the
score report, the progress page, practice feedback on a wrong answer, the bank manager and the
import preview, saving each window as a PNG. Run it under a real X server (tools: ../shared/snap).
"""

from __future__ import annotations

import random
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.paths import AppPaths  # noqa: E402
from app.services.setup import open_services  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.theme import apply_theme  # noqa: E402


GIFT = """// an instructor's quiz exported from an LMS
$CATEGORY: $course$/Brakes/A5.C.2.1

::rotor-1:: A rotor measures 0.004 in. (0.10 mm) lateral runout. What does it cause?{
=A pedal pulsation as thickness variation develops # right: runout wears into thickness variation
~A pull to one side on every stop # wrong: a pull comes from a caliper or hose
~A low pedal on the first application # wrong: runout does not change pedal height
~A brake warning lamp # wrong: the lamp watches fluid level and the parking brake
}

$CATEGORY: $course$/Brakes/Hydraulics

::mc-1:: A brake pedal slowly sinks under steady foot pressure with no external leak.{
=Master cylinder internal bypass # right
~A restricted front hose # wrong: a restriction does not let the pedal sink
~Glazed rear shoes # wrong: glazing raises effort
~An air leak at the booster # wrong: that gives a hard pedal
}

::essay-1:: Explain why brake fluid must be changed at intervals. {}
"""


class Clock:
    def __init__(self) -> None:
        self.t = datetime(2026, 10, 1, 18, 0)

    def __call__(self) -> datetime:
        return self.t


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    paths = AppPaths(tmp, f"sqlite:///{tmp / 'shots.db'}")
    now = Clock()
    svc = open_services(paths, now)
    for name in ("a5-brakes", "a8-engine-performance", "a4-suspension-steering", "g1-maintenance-light-repair"):
        svc.banks.import_file(ROOT / "question_banks" / f"{name}.yaml")
    pid = svc.profiles.create("Jordan").id
    rng = random.Random(4)
    ability = {"A": 0.8, "B": 0.75, "C": 0.7, "D": 0.45}
    for _ in range(3):
        st = svc.exams.start_mock(pid, "A5")
        for it in st.items:
            right = rng.random() < ability[it.area]
            pick = it.key if right else (it.key + 1 + rng.randrange(3)) % 4
            svc.exams.record_response(st.attempt_id, it.position, pick, elapsed_s=0,
                                      item_seconds=rng.uniform(40, 110))
        svc.exams.submit(st.attempt_id, elapsed_s=3000)
        now.t += timedelta(days=4)
    svc.close()

    app = QApplication(sys.argv[:1])
    apply_theme(app)
    from app.ui.dialogs import Dialogs

    class Quiet(Dialogs):
        def confirm(self, title: str, text: str, *, ok: str = "OK") -> bool:
            return False

    window = MainWindow(paths, dialogs=Quiet())
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    services = open_services(paths, now)
    window.attach_services(services, [])
    window.home.select_test("A5")
    shots = []

    def shot(name: str) -> None:
        app.processEvents()
        window.grab().save(str(out / f"{name}.png"))
        shots.append(name)

    def run() -> None:
        shot("home")
        window.show_intro("A5", False)
        shot("intro")
        window.start_mock("A5", False)
        exam = window.exam
        assert exam is not None and exam.state is not None
        pos = next(i.position for i in exam.state.items if i.exhibit)
        rng2 = random.Random(9)
        for p in range(0, 40):
            exam.go(p)
            right = rng2.random() < ability[exam.item.area]
            exam.choose(exam.item.key if right else (exam.item.key + 1) % 4)
        exam.go(3)
        exam.flag_button.setChecked(True)
        exam.go(pos)
        shot("exam")
        exam.show_review()
        shot("review")
        exam.submit()
        report = window.report
        assert report is not None
        report.filter.setCurrentIndex(1)
        shot("report")
        window.show_progress("A5")
        shot("progress")
        window.start_practice("A5", count=10)
        practice = window.exam
        assert practice is not None
        practice.choose((practice.item.key + 1) % 4)
        shot("practice-feedback")
        from app.ui.banks_dialog import BanksDialog
        from app.ui.import_dialog import ImportDialog

        manager = BanksDialog(services.banks, window.dialogs, window, preferred_test="A5",
                              run_sync=True)
        manager.resize(1180, 720)
        manager.show()
        manager.table.selectRow(1)
        app.processEvents()
        manager.grab().save(str(out / "bank-manager.png"))
        gift = tmp / "class-quiz.gift"
        gift.write_text(GIFT)
        preview = ImportDialog(gift, services.banks, ["A5", "A8"], window, run_sync=True)
        preview.resize(980, 640)
        preview.show()
        app.processEvents()
        preview.grab().save(str(out / "import-preview.png"))
        shots.extend(["bank-manager", "import-preview"])
        print("saved", ", ".join(shots), "to", out)
        app.quit()

    QTimer.singleShot(500, run)
    app.exec()


if __name__ == "__main__":
    main()
