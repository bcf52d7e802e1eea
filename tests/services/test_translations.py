"""Translations through import, storage and the exam views, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from app.banks.diagnostics import BankError
from app.banks.translation_writer import dump
from app.services.setup import AppServices
from app.storage.models import BankRow, QuestionRow, QuestionTranslationRow, TestTranslationRow
from tests.banks.test_translation import keep_translations, translate_all
from tests.factories import write_bank

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = write_bank(tmp_path / "b", "X1", {"A": 2, "B": 1}, per_area_factor=2)
    translate_all(path)
    return path


def _rows(services: AppServices, model: type) -> int:
    with services.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _edit_sidecar(bank: Path, change: dict[str, str]) -> None:
    path = bank.with_name("x1.es.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for q in data["questions"]:
        if q["id"] in change:
            q["stem"] = change[q["id"]]
    path.write_text(dump(data), encoding="utf-8")


def test_a_bank_and_its_translation_are_imported_and_shown_in_either_language(
    services: AppServices, bank: Path
) -> None:
    result = services.banks.import_file(bank)
    assert result.added == 6 and result.translated == {"es": 6}
    assert "6 translated (es)" in result.summary()
    assert _rows(services, QuestionTranslationRow) == 6
    assert _rows(services, TestTranslationRow) == 1
    pid = services.profiles.create("Ana").profile_id
    st = services.exams.start_practice(pid, "X1", count=6, language="es")
    assert st.test_title == "ES Test X1"
    for item in st.items:
        assert item.language == "es" and not item.fallback
        assert item.languages == ("en", "es")
        english = item.in_language("en")
        assert item.stem.startswith("ES ") and not english.stem.startswith("ES ")
        assert item.area_title.startswith("ES ") and item.task_text.startswith("ES ")
        # the same options in the same shown order, the same key
        assert [c.correct for c in item.choices] == [c.correct for c in english.choices]
        assert [c.label for c in item.choices] == [c.label for c in english.choices]
        if item.style == "tech_ab":
            assert "El técnico A dice que ES " in item.stem
            assert [c.text for c in item.choices] == [
                "Solo A",
                "Solo B",
                "Tanto A como B",
                "Ni A ni B",
            ]
        else:
            assert all(
                es.text == "ES " + en.text and es.rationale == "ES " + en.rationale
                for es, en in zip(item.choices, english.choices, strict=True)
            )
    # the response is the option, not its words: answered in Spanish, read back in English
    item = st.items[0]
    services.exams.record_response(st.attempt_id, 0, item.key, elapsed_s=5, item_seconds=5)
    back = services.exams.load(st.attempt_id)
    assert back.items[0].language == "en" and back.items[0].chosen_shown == item.key
    assert back.items[0].correct
    assert services.exams.load(st.attempt_id, language="es").items[0].chosen_shown == item.key


def test_a_translation_only_change_adds_no_english_version(
    services: AppServices, bank: Path
) -> None:
    services.banks.import_file(bank)
    versions = _rows(services, QuestionRow)
    _edit_sidecar(bank, {"X1-00002": "ES una traducción mejor."})
    again = services.banks.import_file(bank)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 6)
    assert again.translated == {"es": 6}
    assert _rows(services, QuestionRow) == versions
    assert _rows(services, QuestionTranslationRow) == 6
    pid = services.profiles.create("Ana").profile_id
    st = services.exams.start_practice(pid, "X1", count=6, language="es")
    (item,) = [i for i in st.items if i.uid == "X1-00002"]
    assert item.stem == "ES una traducción mejor."


def test_an_english_edit_makes_its_translation_stale_and_english_is_shown(
    services: AppServices, bank: Path
) -> None:
    services.banks.import_file(bank)
    pid = services.profiles.create("Ana").profile_id
    before = services.exams.start_practice(pid, "X1", count=6, language="es")
    doc = json.loads(bank.read_text())
    doc["questions"][1]["stem"] = "Item 2: an edited English stem?"
    bank.write_text(json.dumps(doc))
    result = services.banks.import_file(bank)
    assert result.updated == 1 and result.translated == {"es": 5}
    st = services.exams.start_practice(pid, "X1", count=6, language="es")
    (edited,) = [i for i in st.items if i.uid == "X1-00002"]
    assert edited.language == "en" and edited.fallback
    assert edited.stem == "Item 2: an edited English stem?" and edited.languages == ("en",)
    assert all(i.language == "es" for i in st.items if i.uid != "X1-00002")
    # the attempt that showed the old version still shows its Spanish (history is kept)
    old = services.exams.load(before.attempt_id, language="es")
    (was,) = [i for i in old.items if i.uid == "X1-00002"]
    assert was.language == "es" and was.stem.startswith("ES Item 2")


def test_a_bad_sidecar_keeps_the_whole_import_out(services: AppServices, bank: Path) -> None:
    path = bank.with_name("x1.es.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["questions"][0]["choices"]["D"]
    path.write_text(dump(data), encoding="utf-8")
    with pytest.raises(BankError) as e:
        services.banks.import_file(bank)
    assert "x1.es.yaml" in str(e.value) and "option D is not translated" in str(e.value)
    assert _rows(services, BankRow) == 0 and _rows(services, QuestionRow) == 0
    assert _rows(services, QuestionTranslationRow) == 0


def test_a_failing_translation_store_rolls_the_bank_back(
    services: AppServices, bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.services.banks as banks

    def broken(*_args: object) -> int:
        raise OSError("disk full")

    monkeypatch.setattr(banks, "store_translations", broken)
    with pytest.raises(OSError):
        services.banks.import_file(bank)
    assert _rows(services, BankRow) == 0 and _rows(services, QuestionRow) == 0


def test_shipped_banks_load_their_sidecars_on_first_run(
    services: AppServices, tmp_path: Path
) -> None:
    folder = tmp_path / "shipped"
    folder.mkdir()
    for name in ("a5-brakes.yaml", "a5-brakes.es.yaml"):
        shutil.copy(REPO / "question_banks" / name, folder / name)
    keep_translations(folder / "a5-brakes.es.yaml", {f"A5-{n:03d}" for n in range(1, 11)})
    shutil.copytree(REPO / "question_banks" / "exhibits", folder / "exhibits")
    (result,) = services.banks.import_shipped_if_empty(folder)
    assert result.test_code == "A5" and result.translated["es"] >= 10
    pid = services.profiles.create("Luis").profile_id
    st = services.exams.start_practice(pid, "A5", count=200, areas=["A"], language="es")
    translated = {f"A5-{n:03d}" for n in range(1, 11)}
    spanish = [i for i in st.items if i.language == "es"]
    # every drawn item with a translation is in Spanish (a form keeps enemies apart, so one or
    # two of the ten may not be drawn); the rest are English, marked as fallback
    assert {i.uid for i in spanish} == translated & {i.uid for i in st.items}
    assert spanish and st.test_title == "Frenos"
    assert all(i.fallback for i in st.items if i.uid not in translated)
    sidecar = yaml.safe_load((folder / "a5-brakes.es.yaml").read_text(encoding="utf-8"))
    words = {q["id"]: q for q in sidecar["questions"]}
    for item in spanish:  # the key's own words, from the sidecar, whatever the shown order
        if "choices" not in words[item.uid]:
            continue  # Technician A/B: fixed options, checked in tests/ui/test_exam_language.py
        shown = item.choices[item.key].text
        assert shown in {c["text"] for c in words[item.uid]["choices"].values()}


def test_the_weak_area_report_follows_the_language(services: AppServices, bank: Path) -> None:
    services.banks.import_file(bank)
    pid = services.profiles.create("Ana").profile_id
    for _ in range(2):  # the same wrong answer twice: a misconception
        st = services.exams.start_practice(pid, "X1", count=6)
        item = next(i for i in st.items if i.uid == "X1-00001")
        # the same option (by its words), wherever this attempt's shuffle shows it
        wrong = next(i for i, c in enumerate(item.choices) if c.text == "Reading A of item 1")
        services.exams.record_response(
            st.attempt_id, item.position, wrong, elapsed_s=3, item_seconds=3
        )
    english = services.reports.weak_area_report(pid, "X1")
    spanish = services.reports.weak_area_report(pid, "X1", language="es")
    assert spanish.test_title == "ES Test X1" and english.test_title == "Test X1"
    assert [a.title for a in spanish.areas] == ["ES " + a.title for a in english.areas]
    assert all(k.text.startswith("ES ") for k in spanish.tasks)
    (m_en,) = [m for m in english.misconceptions if m.uid == "X1-00001"]
    (m_es,) = [m for m in spanish.misconceptions if m.uid == "X1-00001"]
    assert m_es.stem == "ES " + m_en.stem and m_es.chosen_label == m_en.chosen_label
    assert m_es.chosen_text == "ES " + m_en.chosen_text
    assert m_es.rationale == "ES " + m_en.rationale and m_es.times == m_en.times == 2
    assert spanish.readiness == english.readiness  # figures do not change with the language


def test_the_study_plan_follows_the_language(services: AppServices, bank: Path) -> None:
    """The plan's test title and its drills' area and task titles come from the translation."""
    from tests.services.test_reports import sit_mock

    services.banks.import_file(bank)
    pid = services.profiles.create("Ana").profile_id
    for _ in range(3):
        sit_mock(services, pid, "A")
    english = services.plans.plan(pid, "X1")
    spanish = services.plans.plan(pid, "X1", language="es")
    assert english.test_title == "Test X1" and spanish.test_title == "ES Test X1"
    drills = [x for x in english.plan.sessions if x.focus_titles]
    assert drills, "three mocks weak in A give the plan drills"
    titles_es = [t for x in spanish.plan.sessions for t in x.focus_titles]
    assert titles_es and all(t.startswith("ES ") for t in titles_es)
    assert [x.day for x in spanish.plan.sessions] == [x.day for x in english.plan.sessions]
    appendix = services.plans.report_appendix(pid, "X1", language="es")
    assert appendix.plan is not None and appendix.plan.test_title == "ES Test X1"
