"""Migrations build the schema the models describe; old databases upgrade; newer ones refuse."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.schema import CreateIndex

from app.domain.ids import AttemptId, ProfileId, TestId
from app.storage.database import (
    HEAD_REVISION,
    MIGRATIONS,
    SQLITE_CACHE_KIB,
    Database,
    NewerDatabaseError,
)
from app.storage.models import POSTGRESQL_WHERE, Base, ResponseRow


def _script() -> ScriptDirectory:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg)


def test_head_constant_matches_alembic() -> None:
    assert _script().get_current_head() == HEAD_REVISION


def test_migrated_schema_matches_models(db_url: str) -> None:
    db = Database(db_url)
    try:
        assert db.upgrade() is True
        assert db.upgrade() is False
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
        assert db.current_revision() == HEAD_REVISION
    finally:
        db.dispose()


def test_the_models_give_postgresql_the_partial_conditions_its_migration_made(db_url: str) -> None:
    """The PostgreSQL conditions of the partial indexes are added when a PostgreSQL database is
    opened (see models.describe_postgresql); they must be the ones migration 0013 created."""
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    db = Database(db_url)
    try:
        db.upgrade()
        with db.engine.connect() as conn:
            made: dict[str, str] = dict(
                conn.exec_driver_sql(
                    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'response'"
                ).all()
            )
        table: Any = ResponseRow.__table__
        described = {
            i.name: str(CreateIndex(i).compile(dialect=db.engine.dialect))
            for i in table.indexes
            if i.name in POSTGRESQL_WHERE
        }
    finally:
        db.dispose()
    assert sorted(described) == sorted(POSTGRESQL_WHERE)
    for name, ddl in described.items():
        # PostgreSQL rewrites the condition it stores; compare what each says after WHERE
        model_where = ddl.split(" WHERE ", 1)[1]
        assert " WHERE " in made[name], name
        for word in model_where.replace("(", " ").replace(")", " ").replace(",", " ").split():
            assert word.lower().strip("'") in made[name].lower(), (name, word, made[name])


def test_a_sqlite_process_never_imports_the_postgresql_dialect(tmp_path: Path) -> None:
    """2 MB of every driver's dialect module: a PostgreSQL option named in a model loaded it."""
    url = f"sqlite:///{tmp_path / 'b.db'}"
    db = Database(url)
    try:
        db.upgrade()
    finally:
        db.dispose()
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from app.paths import AppPaths\n"
        "from app.services.setup import open_services\n"
        "import app.storage.queries.reports_rollup\n"
        f"s = open_services(AppPaths(Path({str(tmp_path / 'data')!r}), {url!r}))\n"
        "s.profiles.create('Sam')\n"
        "s.close()\n"
        "print('sqlalchemy.dialects.postgresql' in sys.modules)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "False"


def test_every_revision_upgrades_to_head_keeping_rows(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    revisions = [r.revision for r in _script().walk_revisions()][::-1]  # oldest first
    db = Database(url)
    try:
        db.upgrade(revisions[0])
        with db.engine.begin() as c:
            c.exec_driver_sql(
                "INSERT INTO profile (name, created_at, time_multiplier, "
                "hide_countdown) VALUES ('Old', '2025-01-01 00:00:00', 1.0, 0)"
            )
        db.upgrade()
        assert db.current_revision() == HEAD_REVISION
        with db.engine.connect() as c:
            assert c.exec_driver_sql("SELECT name FROM profile").scalar() == "Old"
    finally:
        db.dispose()


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    db = Database(url)
    db.upgrade()
    with db.engine.begin() as c:
        c.exec_driver_sql("UPDATE alembic_version SET version_num='9999_future'")
    with pytest.raises(NewerDatabaseError, match="written by a newer version of BayReady"):
        db.upgrade()
    db.dispose()


def test_sqlite_pragmas(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'p.db'}")
    db.upgrade()
    with db.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000  # type: ignore[operator]
    db.dispose()
    con = sqlite3.connect(tmp_path / "p.db")
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()


def test_sqlite_connections_keep_a_small_page_cache(tmp_path: Path) -> None:
    """Both pooled connections (writer and reader) hold SQLITE_CACHE_KIB, not SQLite's 2 MB:
    a big read (a 20,000-question pool) would otherwise leave 2 MB behind on each."""
    db = Database(f"sqlite:///{tmp_path / 'c.db'}")
    db.upgrade()
    assert SQLITE_CACHE_KIB <= 512
    for engine in (db.engine, db.read_engine):
        with engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA cache_size").scalar() == -SQLITE_CACHE_KIB
    db.dispose()


_AT_0002 = [
    "INSERT INTO test (id, code, title, spec_version, scored_count, minutes, unscored_count, "
    "target_percent, shuffle_choices, notes) VALUES (1, 'M1', 'Old test', '2025', 3, 10, 0, 70, "
    "TRUE, '')",
    "INSERT INTO content_area (id, test_id, letter, title, scored_count) "
    "VALUES (1, 1, 'A', 'Area A', 3)",
    "INSERT INTO task (id, test_id, area_id, code, text, subarea_number, subarea_title) "
    "VALUES (1, 1, 1, 'M1.A.1.1', 'Do a thing.', 1, 'Sub')",
    "INSERT INTO bank (id, test_id, name, source_file, source_format, format_version, checksum, "
    "imported_at, enabled, removed) VALUES (1, 1, 'M1', 'm1.yaml', 'native', 1, 'c', "
    "'2025-01-01 00:00:00', TRUE, FALSE)",
    "INSERT INTO profile (id, name, created_at, time_multiplier, hide_countdown) "
    "VALUES (1, 'Old', '2025-01-01 00:00:00', 1.0, FALSE)",
    # a submitted mock: 2 of 3, and an open practice with one wrong answer
    "INSERT INTO attempt (id, profile_id, test_id, mode, status, started_at, submitted_at, "
    "time_limit_s, elapsed_s, current_position, include_unscored, target_percent, "
    "score_correct, score_total) VALUES (1, 1, 1, 'mock', 'submitted', '2025-01-02 09:00:00', "
    "'2025-01-02 09:30:00', 600, 300, 2, FALSE, 70, 2, 3)",
    # an earlier build's re-import reordered question 2 under this 1-of-1 mock's right answer
    "INSERT INTO attempt (id, profile_id, test_id, mode, status, started_at, submitted_at, "
    "time_limit_s, elapsed_s, current_position, include_unscored, target_percent, "
    "score_correct, score_total) VALUES (3, 1, 1, 'mock', 'submitted', '2025-01-04 09:00:00', "
    "'2025-01-04 09:30:00', 600, 300, 0, FALSE, 70, 1, 1)",
    "INSERT INTO attempt (id, profile_id, test_id, mode, status, started_at, time_limit_s, "
    "elapsed_s, current_position, include_unscored, target_percent) VALUES (2, 1, 1, "
    "'practice', 'in_progress', '2025-01-03 09:00:00', NULL, 10, 0, FALSE, 70)",
]


def _question_sql(qid: int, style: str, tech: str = "NULL, NULL, NULL, NULL, NULL, NULL") -> str:
    return (
        "INSERT INTO question (id, uid, bank_id, test_id, task_id, area_id, style, scenario, "
        "stem, tech_a_says, tech_a_correct, tech_a_rationale, tech_b_says, tech_b_correct, "
        "tech_b_rationale, exhibit, exhibit_caption, exhibit_data, explanation, difficulty, "
        f"shuffle_choices, retired, content_hash) VALUES ({qid}, 'M1-{qid}', 1, 1, 1, 1, "
        f"'{style}', FALSE, 'Stem {qid}', {tech}, :name, NULL, :data, 'Why.', 2, NULL, FALSE, "
        f"'hash{qid}')"
    )


def test_upgrade_from_0002_keeps_every_score_and_answer(db_url: str) -> None:
    """A database written at 0002 with real attempts: every score, every chosen option's text
    and every correctness mark is the same after the upgrade."""
    from sqlalchemy import text

    from app.services.exams import ExamService
    from tests.conftest import FakeNow

    db = Database(db_url)
    try:
        db.upgrade("0002_review_cards")
        with db.engine.begin() as c:
            for sql in _AT_0002:
                c.execute(text(sql))
            c.execute(text(_question_sql(1, "direct")), {"name": "fig.svg", "data": b"<svg/>"})
            c.execute(text(_question_sql(2, "direct")), {"name": None, "data": None})
            tech = "'A says.', TRUE, 'A why.', 'B says.', FALSE, 'B why.'"
            c.execute(text(_question_sql(3, "tech_ab", tech)), {"name": None, "data": None})
            cid = 0
            for qid, key in ((1, 2), (2, 0)):
                for pos in range(4):
                    cid += 1
                    c.execute(
                        text(
                            "INSERT INTO choice (id, question_id, position, label, text, "
                            "correct, rationale) VALUES (:id, :q, :p, :l, :t, :k, 'r')"
                        ),
                        {
                            "id": cid,
                            "q": qid,
                            "p": pos,
                            "l": "ABCD"[pos],
                            "t": f"Q{qid} option {pos}",
                            "k": pos == key,
                        },
                    )
            for rid, aid, qid, pos, order, chosen, correct in (
                (1, 1, 1, 0, "3210", 2, True),
                (2, 1, 2, 1, "0123", 1, False),
                (3, 1, 3, 2, "0123", 0, True),
                (4, 2, 1, 0, "1032", 1, False),
                (5, 3, 2, 0, "0123", 3, True),
            ):
                c.execute(
                    text(
                        "INSERT INTO response (id, attempt_id, question_id, position, scored, "
                        "choice_order, chosen, correct, flagged, seconds) "
                        "VALUES (:id, :a, :q, :p, TRUE, :o, :ch, :co, FALSE, 5)"
                    ),
                    {
                        "id": rid,
                        "a": aid,
                        "q": qid,
                        "p": pos,
                        "o": order,
                        "ch": chosen,
                        "co": correct,
                    },
                )
            c.execute(
                text(
                    "INSERT INTO review_card (id, profile_id, question_id, card, due, lapses) "
                    "VALUES (1, 1, 2, '{}', '2025-01-03 00:00:00', 1)"
                )
            )
        assert db.upgrade() is True
        assert db.current_revision() == HEAD_REVISION
        with db.engine.connect() as c:
            if db.is_sqlite:
                assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert c.execute(text("SELECT count(*) FROM choice")).scalar() == 8  # none cascaded
            assert c.execute(text("SELECT count(*) FROM review_card")).scalar() == 1
            assert c.execute(
                text("SELECT score_correct, score_total FROM attempt WHERE id = 1")
            ).one() == (2, 3)
            assert (
                c.execute(
                    text("SELECT count(*) FROM question WHERE version = 1 AND is_current")
                ).scalar()
                == 3
            )
            picked = c.execute(
                text(
                    "SELECT r.id, ch.text FROM response r LEFT JOIN choice ch "
                    "ON ch.id = r.choice_id ORDER BY r.id"
                )
            ).all()
        assert [tuple(p) for p in picked] == [
            (1, "Q1 option 2"),
            (2, "Q2 option 1"),
            (3, None),  # Technician A/B: the fixed four options, by position
            (4, "Q1 option 1"),
            (5, "Q2 option 3"),
        ]
        exams = ExamService(db, FakeNow())
        report = exams.report(AttemptId(1))
        assert (report.score.correct, report.score.total) == (2, 3)
        shown = [
            (i.choices[i.chosen_shown].text, i.correct)
            for i in report.state.items
            if i.chosen_shown is not None
        ]
        assert shown == [("Q1 option 2", True), ("Q2 option 1", False), ("A only", True)]
        assert (
            exams.report(AttemptId(3)).score.correct == 1
        )  # the mark given then, not a recomputation
        (open_item,) = exams.load(AttemptId(2)).items
        assert open_item.chosen_shown is not None
        assert (open_item.choices[open_item.chosen_shown].text, open_item.correct) == (
            "Q1 option 1",
            False,
        )
    finally:
        db.dispose()


def test_migration_rewrites_exhibit_hashes_as_the_importer_computes_them() -> None:
    """0003 rewrites stored hashes of questions with exhibits so re-import stays a no-op."""
    import importlib.util

    from app.domain.bank import Question
    from app.storage.queries.bank_store import version_hash

    path = MIGRATIONS / "versions" / "0003_question_versions.py"
    spec = importlib.util.spec_from_file_location("m0003", path)
    assert spec is not None and spec.loader is not None
    m0003 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m0003)
    q = Question(id="Q1", task="T", style="direct", stem="s", explanation="e", exhibit="f.svg")
    assert m0003._with_exhibit(q.content_hash(), b"<svg/>") == version_hash(q, b"<svg/>")
    assert version_hash(q, b"<svg/>") != version_hash(q, b"<svg></svg>")


def test_0008_adds_translation_tables_and_downgrades_cleanly(db_url: str) -> None:
    """0008_translations only adds tables: a 0007 database keeps its rows, gains the two tables,
    stores a translation with a question version, and goes back to 0007 without them."""
    from alembic import command
    from sqlalchemy import inspect, text

    db = Database(db_url)
    try:
        db.upgrade("0007_forms")
        with db.engine.begin() as c:
            for sql in _AT_0002[:4]:
                c.exec_driver_sql(sql)
            c.execute(text(_question_sql(1, "direct")), {"name": None, "data": None})
        db.upgrade("0008_translations")
        assert db.current_revision() == "0008_translations"
        tables = set(inspect(db.engine).get_table_names())
        assert {"question_translation", "test_translation"} <= tables
        with db.engine.begin() as c:
            c.execute(
                text(
                    "INSERT INTO question_translation (question_id, language, fingerprint, "
                    "current, body) VALUES (1, 'es', 'abcd1234', TRUE, '{}')"
                )
            )
            c.execute(
                text(
                    "INSERT INTO test_translation (test_id, language, body) VALUES (1, 'es', '{}')"
                )
            )
            with pytest.raises(Exception, match=r"(?i)unique"), c.begin_nested():
                c.execute(
                    text(
                        "INSERT INTO question_translation (question_id, language, "
                        "fingerprint, current, body) VALUES (1, 'es', 'x', TRUE, '{}')"
                    )
                )
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with db.engine.begin() as c:
            cfg.attributes["connection"] = c
            command.downgrade(cfg, "0007_forms")
        tables = set(inspect(db.engine).get_table_names())
        assert not {"question_translation", "test_translation"} & tables
        with db.engine.connect() as c:
            assert c.execute(text("SELECT stem FROM question")).scalar() == "Stem 1"
    finally:
        db.dispose()


def test_0009_adds_the_profile_language_and_downgrades(db_url: str) -> None:
    """Existing profiles follow the system locale (NULL); a chosen language survives; the
    downgrade drops the column and keeps the profile (SQLite and PostgreSQL)."""
    db = Database(db_url)
    try:
        db.upgrade("0008_translations")
        with db.engine.begin() as c:
            c.exec_driver_sql(
                "INSERT INTO profile (name, created_at, time_multiplier, hide_countdown) "
                "VALUES ('Old', '2025-01-01 00:00:00', 1.5, FALSE)"
            )
        db.upgrade()
        with db.engine.begin() as c:
            assert c.exec_driver_sql("SELECT name, language FROM profile").one() == ("Old", None)
            c.exec_driver_sql("UPDATE profile SET language = 'es'")
        with db.engine.connect() as c:
            assert c.exec_driver_sql("SELECT language FROM profile").scalar() == "es"
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        from alembic import command

        with db.engine.begin() as c:
            cfg.attributes["connection"] = c
            command.downgrade(cfg, "0008_translations")
        with db.engine.connect() as c:
            assert c.exec_driver_sql("SELECT name, time_multiplier FROM profile").one() == (
                "Old",
                1.5,
            )
            cols = (
                [r[1] for r in c.exec_driver_sql("PRAGMA table_info(profile)")]
                if (db.is_sqlite)
                else [
                    r[0]
                    for r in c.exec_driver_sql(
                        "SELECT column_name FROM information_schema.columns "
                        "WHERE table_name = 'profile' AND table_schema = current_schema()"
                    )
                ]
            )
            assert "language" not in cols
    finally:
        db.dispose()


def test_0010_covers_the_report_s_response_scans_and_downgrades(db_url: str) -> None:
    """The answer rollup's recompute from the history (what migration 0011 and a rebuild run)
    reads responses from the index alone (SQLite's plan says so); the downgrade drops the index
    and keeps the rows."""
    from sqlalchemy import event, inspect

    from app.storage.queries.reports_rollup import recomputed

    db = Database(db_url)
    try:
        db.upgrade()
        with db.engine.connect() as c:
            names = {ix["name"] for ix in inspect(c).get_indexes("response")}
        assert "ix_response_attempt_report" in names
        if db.is_sqlite:
            sent: list[tuple[str, Any]] = []

            def keep(_c: object, _cur: object, sql: str, params: Any, *_a: object) -> None:
                sent.append((sql, params))

            event.listen(db.read_engine, "before_cursor_execute", keep)
            with db.read() as s:
                recomputed(s, ProfileId(1))
            event.remove(db.read_engine, "before_cursor_execute", keep)
            ((sql, params),) = [(q, p) for q, p in sent if q.lstrip().startswith("SELECT")]
            with db.read_engine.connect() as c:
                plan = " | ".join(
                    r[3] for r in c.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)
                )
            assert "COVERING INDEX ix_response_attempt_report" in plan, plan
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        from alembic import command

        with db.engine.begin() as c:
            cfg.attributes["connection"] = c
            command.downgrade(cfg, "0009_profile_language")
        with db.engine.connect() as c:
            names = {ix["name"] for ix in inspect(c).get_indexes("response")}
            assert "answer_rollup" not in inspect(c).get_table_names()
        assert "ix_response_attempt_report" not in names
    finally:
        db.dispose()


def _rollup_from_rows(conn: Any) -> dict[tuple[int, tuple[Any, ...]], tuple[int, int, float, int]]:
    """The answer rollup by its definition, in Python from the raw rows: a response counts when
    scored and answered, or left blank in a submitted mock or recertification form; its day is
    its answer's, else its attempt's submission or start; its previous answer is the profile's
    counted response to the same question before it (-1 wrong or blank, +1 right, 0 none)."""
    from datetime import date, datetime

    from sqlalchemy import text

    def day(v: Any) -> date:
        return (v if isinstance(v, datetime) else datetime.fromisoformat(str(v))).date()

    rows = conn.execute(
        text(
            "SELECT r.id, a.profile_id, a.test_id, a.mode, a.status, a.submitted_at,"
            " a.started_at, r.answered_at, r.scored, r.chosen, r.correct, r.seconds,"
            " r.confidence, q.task_id, q.difficulty, r.question_id"
            " FROM response r JOIN attempt a ON a.id = r.attempt_id"
            " JOIN question q ON q.id = r.question_id ORDER BY r.id"
        )
    ).all()
    last: dict[tuple[int, int], int] = {}
    out: dict[tuple[int, tuple[Any, ...]], list[Any]] = {}
    for (
        _id,
        p,
        t,
        mode,
        status,
        sub,
        start,
        ans,
        scored,
        chosen,
        correct,
        sec,
        conf,
        task,
        diff,
        q,
    ) in rows:
        blank_counts = mode in ("mock", "recert") and status == "submitted"
        if not scored or (chosen is None and not blank_counts):
            continue
        key = (
            t,
            mode == "practice",
            day(ans or sub or start),
            task,
            diff or 0,
            conf or 0,
            last.get((p, q), 0),
        )
        last[(p, q)] = 1 if correct else -1
        acc = out.setdefault((p, key), [0, 0, 0.0, 0])
        acc[0] += 1
        acc[1] += bool(correct)
        acc[2] += sec
        acc[3] += chosen is not None
    return {k: (v[0], v[1], v[2], v[3]) for k, v in out.items()}


def _choices_from_rows(conn: Any) -> dict[tuple[int, int, int, int, bool], int]:
    """answer_choice by its definition: every answered response, per profile, test, question,
    option picked and right or wrong."""
    from sqlalchemy import text

    out: dict[tuple[int, int, int, int, bool], int] = {}
    for p, t, q, chosen, correct in conn.execute(
        text(
            "SELECT a.profile_id, a.test_id, r.question_id, r.chosen, r.correct"
            " FROM response r JOIN attempt a ON a.id = r.attempt_id"
        )
    ):
        if chosen is not None:
            key = (p, t, q, chosen, bool(correct))
            out[key] = out.get(key, 0) + 1
    return out


def test_0011_and_0012_backfill_the_report_s_rollups_from_the_history_and_downgrade(
    services: Any, tmp_path: Path
) -> None:
    """A random history written at 0010 (modes, statuses, blanks, unscored items, confidence,
    repeats, several profiles): after the upgrade the answer rollup and the choice counts equal
    their definitions computed in Python from the rows, the rollup's totals are its days summed,
    and every report built from them equals the one built from the whole history. Each
    downgrade drops its tables and keeps the rows."""
    import math
    import random
    from datetime import datetime, timedelta

    from alembic import command
    from sqlalchemy import inspect, text

    from app.services.reports import build_report
    from app.storage.queries import reports_rollup
    from tests.factories import write_bank
    from tests.faults.conftest import fault_seed
    from tests.services.report_reference import build_report as reference_report
    from tests.services.test_report_queries import _history, _same

    rng = random.Random(fault_seed())
    services.banks.import_file(
        write_bank(tmp_path / "b", "X1", {"A": 4, "B": 3}, per_area_factor=3, tasks_per_area=2)
    )
    db = services.db
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.begin() as c:
        cfg.attributes["connection"] = c
        command.downgrade(cfg, "0010_response_report_index")
    now = datetime(2026, 11, 1, 9, 0, 0)
    pids = _history(services, now, rng, rollup=False)
    db.upgrade()
    with db.read() as s:
        want = _rollup_from_rows(s.connection())
        have = reports_rollup.stored(s)
        assert have.keys() == want.keys()
        for key, (n, c, sec, ans) in want.items():
            hn, hc, hsec, hans = have[key]  # type: ignore[index]  # plain ints from raw rows
            assert (hn, hc, hans) == (n, c, ans) and math.isclose(hsec, sec, rel_tol=1e-9), key
        assert reports_rollup.out_of_step(s) == []  # totals too
        assert len(want) > 20
        picked = _choices_from_rows(s.connection())
        assert len(picked) > 20
        assert {
            (p, t, q, c, ok): n
            for p, t, q, c, ok, n in s.connection().execute(
                text(
                    "SELECT profile_id, test_id, question_id, chosen, correct, answers"
                    " FROM answer_choice"
                )
            )
        } == picked
        for pid in pids:
            for at in (now, now + timedelta(days=rng.choice((1, 9, 40)))):
                new = build_report(s, pid, "X1", at, random.Random(7))
                _same(new, reference_report(s, pid, "X1", at, random.Random(7)))
        responses = s.connection().execute(text("SELECT count(*) FROM response")).scalar_one()
    with db.engine.begin() as c:
        cfg.attributes["connection"] = c
        command.downgrade(cfg, "0011_answer_rollup")
    with db.engine.connect() as c:
        tables = set(inspect(c).get_table_names())
        assert "answer_choice" not in tables and "answer_rollup" in tables
    with db.engine.begin() as c:
        cfg.attributes["connection"] = c
        command.downgrade(cfg, "0010_response_report_index")
    with db.engine.connect() as c:
        tables = set(inspect(c).get_table_names())
        assert not {"answer_rollup", "answer_rollup_total"} & tables
        assert c.execute(text("SELECT count(*) FROM response")).scalar_one() == responses


def test_0013_the_report_s_wrong_and_unsure_lists_read_partial_indexes(db_url: str) -> None:
    """The repeated-wrong-choice and unsure-right queries read only their partial indexes
    (SQLite's plan says so); the downgrade drops both and keeps the rows."""
    from sqlalchemy import event, inspect

    from app.storage.queries.reports import repeated_wrong_choices, unsure_right

    db = Database(db_url)
    try:
        db.upgrade()
        with db.engine.connect() as c:
            names = {ix["name"] for ix in inspect(c).get_indexes("response")}
        assert {"ix_response_wrong_choice", "ix_response_unsure_right"} <= names
        if db.is_sqlite:
            for query, index in (
                (repeated_wrong_choices, "ix_response_wrong_choice"),
                (unsure_right, "ix_response_unsure_right"),
            ):
                sent: list[tuple[str, Any]] = []

                def keep(_c: object, _cur: object, sql: str, params: Any, *_a: object) -> None:
                    sent.append((sql, params))  # noqa: B023 - listened to and removed below

                event.listen(db.read_engine, "before_cursor_execute", keep)
                with db.read() as s:
                    query(s, ProfileId(1), TestId(1))
                event.remove(db.read_engine, "before_cursor_execute", keep)
                ((sql, params),) = [(q, p) for q, p in sent if q.lstrip().startswith("SELECT")]
                with db.read_engine.connect() as c:
                    plan = " | ".join(
                        r[3] for r in c.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)
                    )
                assert f"COVERING INDEX {index}" in plan, plan
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        from alembic import command

        with db.engine.begin() as c:
            cfg.attributes["connection"] = c
            command.downgrade(cfg, "0012_answer_choice")
        with db.engine.connect() as c:
            names = {ix["name"] for ix in inspect(c).get_indexes("response")}
        assert not {"ix_response_wrong_choice", "ix_response_unsure_right"} & names
    finally:
        db.dispose()
