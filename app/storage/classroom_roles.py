"""PostgreSQL roles, grants and row-level security for a shared classroom database. No Qt.

PostgreSQL only: on SQLite (one machine) nothing here runs and every table stays open, as before.
The tables themselves (classroom, class_member) come from the Alembic migration; this module adds
what Alembic cannot express portably, and `apply_security` is idempotent (run it again after a
schema upgrade so new tables get their grants).

Who may do what. Policies key on `session_user` - neither SET ROLE nor a SECURITY DEFINER
function changes it - mapped to a profile through the active class_member rows:
- learner group: reads the reference tables (tests, banks, questions, ...); reads its own profile
  and membership; reads and writes (never deletes) its own attempts, responses and review cards;
  reads, writes and deletes its own study plan, certifications and the report's rollup rows;
  sets its own profile's interface language (that column only).
- instructor group: also writes the reference tables (imports banks); reads the profiles,
  attempts, responses and review cards of the classes it teaches and sets their accommodations.
- the login that ran `apply_security` (the schema owner): everything, through an explicit policy,
  since FORCE ROW LEVEL SECURITY subjects even the owner to the policies.
Group roles are named after the database, so a learner of one class database has no grants in
another database on the same cluster.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, OperationalError

from app.domain.errors import UserError

# personal tables and the column that names whose row it is
PERSONAL_TABLES: dict[str, str] = {
    "profile": "id",
    "attempt": "profile_id",
    "review_card": "profile_id",
    "study_plan": "profile_id",
    "certification": "profile_id",
    "answer_rollup": "profile_id",
    "answer_rollup_total": "profile_id",
    "answer_choice": "profile_id",
}
# personal tables a learner keeps up to date for themself (plan settings, real test results, the
# report's rollups kept in step with their answers)
OWN_WRITABLE_TABLES = (
    "study_plan",
    "certification",
    "answer_rollup",
    "answer_rollup_total",
    "answer_choice",
)
# a response is whoever's attempt it belongs to
RESPONSE_TABLE = "response"
CLASS_TABLES = ("classroom", "class_member")
SCHEMA_TABLES = ("alembic_version",)
_LOGIN = re.compile(r"^[a-z][a-z0-9_]{0,62}$")


class Role(StrEnum):
    LEARNER = "learner"
    INSTRUCTOR = "instructor"


class ClassroomSetupError(UserError, ValueError):
    """A classroom set-up step the person running it can correct (message says how)."""


# what a refused or failed classroom statement raises; `refused` turns it into the message
DriverError = DBAPIError


def refused(e: DriverError, database: str) -> ClassroomSetupError:
    """The server's refusal (or an unreachable server) as one message saying what to do."""
    # the driver's own message only: SQLAlchemy's text would repeat the statement
    orig = e.orig
    diag = getattr(orig, "diag", None)
    primary = getattr(diag, "message_primary", None) or str(orig).strip().splitlines()[0]
    if isinstance(e, OperationalError) and getattr(diag, "sqlstate", None) is None:
        return ClassroomSetupError(
            f"cannot reach the database {database}: {primary}. Check --db and that the server "
            "is running."
        )
    return ClassroomSetupError(
        f"the database {database} refused: {primary}. Run this as the database owner with the "
        "CREATEROLE right (for example the account that created the database)."
    )


@dataclass(frozen=True)
class Groups:
    learner: str
    instructor: str

    def of(self, role: Role) -> str:
        return self.learner if role is Role.LEARNER else self.instructor


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def quote_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def check_login(login: str) -> str:
    if not _LOGIN.match(login):
        raise ClassroomSetupError(
            f"{login!r} is not a usable login name: use lower-case letters, digits and '_', "
            "starting with a letter, at most 63 characters (for example alex_kim)."
        )
    return login


def groups_for(database: str) -> Groups:
    base = re.sub(r"[^a-z0-9_]", "_", database.lower())[:48]
    return Groups(f"{base}_learner", f"{base}_instructor")


def current_groups(conn: Connection) -> Groups:
    return groups_for(str(conn.execute(text("SELECT current_database()")).scalar_one()))


def connected_role(conn: Connection) -> Role | None:
    """The class role of the connected login; None for the owner, a superuser or before init."""
    g = current_groups(conn)
    row = conn.execute(
        text(
            "SELECT u.rolsuper,"
            " EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = :i"
            "         AND pg_has_role(session_user, r.oid, 'MEMBER')),"
            " EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = :l"
            "         AND pg_has_role(session_user, r.oid, 'MEMBER'))"
            " FROM pg_roles u WHERE u.rolname = session_user"
        ),
        {"i": g.instructor, "l": g.learner},
    ).one()
    superuser, instructor, learner = (bool(x) for x in row)
    if superuser:
        return None
    if instructor:
        return Role.INSTRUCTOR
    if learner:
        return Role.LEARNER
    return None


def own_profile_ids(conn: Connection) -> list[int] | None:
    """The profiles a class login answers as; None when it is no class member (owner, SQLite
    users, before init): then every profile it can see is its own to use."""
    if connected_role(conn) is None:
        return None
    return list(
        conn.execute(
            text(
                "SELECT profile_id FROM class_member WHERE login = session_user AND active"
                " AND profile_id IS NOT NULL"
            )
        ).scalars()
    )


# -- set-up -------------------------------------------------------------------------------------
def role_exists(conn: Connection, name: str) -> bool:
    return bool(
        conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).scalar()
    )


def _tables(conn: Connection) -> list[str]:
    return list(
        conn.execute(
            text(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                " ORDER BY table_name"
            )
        ).scalars()
    )


def reference_tables(conn: Connection) -> list[str]:
    """Every table that holds no one's personal data: readable by learners, written by
    instructors. A new table with a profile_id column must be added to PERSONAL_TABLES (a test
    checks it), or it would be readable by every learner."""
    skip = {*PERSONAL_TABLES, RESPONSE_TABLE, *CLASS_TABLES, *SCHEMA_TABLES}
    return [t for t in _tables(conn) if t not in skip]


def _functions_sql(schema: str, g: Groups) -> list[str]:
    s = quote_ident(schema)
    head = (
        "RETURNS SETOF integer LANGUAGE sql STABLE SECURITY DEFINER "
        f"SET search_path = pg_catalog, {s} AS "
    )
    bodies = {
        # the profiles the connected login answers as (its own rows)
        "bayready_my_profiles": (
            f"SELECT profile_id FROM {s}.class_member WHERE login = session_user AND active "
            "AND profile_id IS NOT NULL"
        ),
        # the classes the connected login teaches
        "bayready_taught_classes": (
            f"SELECT class_id FROM {s}.class_member WHERE login = session_user AND active "
            "AND role = 'instructor'"
        ),
        # every learner's profile in those classes, past members included (results stay visible)
        "bayready_class_profiles": (
            f"SELECT m.profile_id FROM {s}.class_member m WHERE m.profile_id IS NOT NULL "
            "AND m.role = 'learner' "
            f"AND m.class_id IN (SELECT t.class_id FROM {s}.class_member t "
            "WHERE t.login = session_user AND t.active AND t.role = 'instructor')"
        ),
    }
    out = []
    groups = f"{quote_ident(g.learner)}, {quote_ident(g.instructor)}"
    for name, body in bodies.items():
        fn = f"{s}.{name}()"
        out.append(f"CREATE OR REPLACE FUNCTION {fn} {head}$fn$ {body} $fn$")
        out.append(f"REVOKE ALL ON FUNCTION {fn} FROM PUBLIC")
        out.append(f"GRANT EXECUTE ON FUNCTION {fn} TO {groups}")
    return out


def _policy(table: str, name: str, body: str) -> list[str]:
    t = quote_ident(table)
    return [f"DROP POLICY IF EXISTS {name} ON {t}", f"CREATE POLICY {name} ON {t} {body}"]


def _policies_sql(schema: str, g: Groups) -> list[str]:
    s = quote_ident(schema)
    learner, instructor = quote_ident(g.learner), quote_ident(g.instructor)
    both = f"{learner}, {instructor}"
    mine = f"(SELECT {s}.bayready_my_profiles())"
    theirs = f"(SELECT {s}.bayready_class_profiles())"
    out: list[str] = []
    for table in (*PERSONAL_TABLES, RESPONSE_TABLE, *CLASS_TABLES):
        t = quote_ident(table)
        out += [
            f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY",
            f"ALTER TABLE {t} FORCE ROW LEVEL SECURITY",
            *_policy(table, "bayready_owner", "TO CURRENT_USER USING (true) WITH CHECK (true)"),
        ]
    for table, key in PERSONAL_TABLES.items():
        own = f"{key} IN {mine}"
        out += _policy(table, "bayready_own", f"TO {both} USING ({own}) WITH CHECK ({own})")
        out += _policy(
            table, "bayready_class_read", f"FOR SELECT TO {instructor} USING ({key} IN {theirs})"
        )
    in_class = f"id IN {theirs}"
    out += _policy(
        "profile",
        "bayready_class_update",
        f"FOR UPDATE TO {instructor} USING ({in_class}) WITH CHECK ({in_class})",
    )
    own_attempt = f"attempt_id IN (SELECT a.id FROM {s}.attempt a WHERE a.profile_id IN {mine})"
    class_attempt = f"attempt_id IN (SELECT a.id FROM {s}.attempt a WHERE a.profile_id IN {theirs})"
    out += _policy(
        RESPONSE_TABLE,
        "bayready_own",
        f"TO {both} USING ({own_attempt}) WITH CHECK ({own_attempt})",
    )
    out += _policy(
        RESPONSE_TABLE, "bayready_class_read", f"FOR SELECT TO {instructor} USING ({class_attempt})"
    )
    taught = f"class_id IN (SELECT {s}.bayready_taught_classes())"
    out += _policy(
        "class_member",
        "bayready_member_read",
        f"FOR SELECT TO {both} USING ((login = session_user AND active) OR {taught})",
    )
    out += _policy(
        "classroom",
        "bayready_member_read",
        f"FOR SELECT TO {both} USING (id IN (SELECT class_id FROM {s}.class_member))",
    )
    return out


def _grants_sql(conn: Connection, schema: str, database: str, g: Groups) -> list[str]:
    s = quote_ident(schema)
    learner, instructor = quote_ident(g.learner), quote_ident(g.instructor)
    both = f"{learner}, {instructor}"
    db = quote_ident(database)

    def names(tables: list[str] | tuple[str, ...]) -> str:
        return ", ".join(quote_ident(t) for t in tables)

    personal = names([*PERSONAL_TABLES.keys(), RESPONSE_TABLE])
    results = names(["attempt", RESPONSE_TABLE, "review_card"])
    out = [
        # start from nothing so a table that changed kind loses what it had
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM PUBLIC, {both}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM PUBLIC, {both}",
        f"REVOKE CONNECT, TEMPORARY ON DATABASE {db} FROM PUBLIC",
        # before PostgreSQL 15 everyone could create objects in the public schema
        f"REVOKE CREATE ON SCHEMA {s} FROM PUBLIC",
        f"GRANT CONNECT ON DATABASE {db} TO {both}",
        f"GRANT USAGE ON SCHEMA {s} TO {both}",
        f"GRANT SELECT ON {names([*SCHEMA_TABLES, *CLASS_TABLES])} TO {both}",
        f"GRANT SELECT ON {personal} TO {both}",
        f"GRANT INSERT, UPDATE ON {results} TO {both}",
        f"GRANT INSERT, UPDATE, DELETE ON {names(OWN_WRITABLE_TABLES)} TO {both}",
        f"GRANT UPDATE ON {quote_ident('profile')} TO {instructor}",
        # a learner may choose their own interface language and nothing else of their profile
        # (the bayready_own policy keeps it to their row)
        f"GRANT UPDATE ({quote_ident('language')}) ON {quote_ident('profile')} TO {learner}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {both}",
    ]
    ref = reference_tables(conn)
    if ref:
        out += [
            f"GRANT SELECT ON {names(ref)} TO {learner}",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON {names(ref)} TO {instructor}",
        ]
    return out


def apply_security(conn: Connection) -> Groups:
    """Create the group roles and (re)apply grants, functions and policies; idempotent.

    Run by the schema owner inside one transaction; needs CREATEROLE for the group roles."""
    database = str(conn.execute(text("SELECT current_database()")).scalar_one())
    schema = str(conn.execute(text("SELECT current_schema()")).scalar_one())
    missing = [
        t for t in (*PERSONAL_TABLES, RESPONSE_TABLE, *CLASS_TABLES) if t not in _tables(conn)
    ]
    if missing:
        raise ClassroomSetupError(
            f"the database has no {', '.join(missing)} table: run `bayready db upgrade` first"
        )
    g = groups_for(database)
    for group in (g.learner, g.instructor):
        if not role_exists(conn, group):
            conn.exec_driver_sql(f"CREATE ROLE {quote_ident(group)} NOLOGIN")
    for stmt in (
        *_functions_sql(schema, g),
        *_policies_sql(schema, g),
        *_grants_sql(conn, schema, database, g),
    ):
        conn.exec_driver_sql(stmt)
    return g


# -- logins -------------------------------------------------------------------------------------
def _encrypted(conn: Connection, login: str, password: str) -> str:
    """The SCRAM verifier libpq computes client-side: the password itself never reaches the
    server, so it cannot end up in a server log (what psql's \\password does)."""
    raw: Any = conn.connection.dbapi_connection
    pgconn = raw.pgconn
    verifier: bytes = pgconn.encrypt_password(
        password.encode("utf-8"), login.encode("utf-8"), b"scram-sha-256"
    )
    return verifier.decode("ascii")


def ensure_login(conn: Connection, login: str, role: Role, password: str | None) -> bool:
    """Create the login in the role's group (True), or move an existing one there (False);
    sets the password when one is given."""
    check_login(login)
    g = current_groups(conn)
    row = conn.execute(
        text(
            "SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls OR NOT rolcanlogin"
            " OR rolname = current_user FROM pg_roles WHERE rolname = :n"
        ),
        {"n": login},
    ).first()
    q = quote_ident(login)
    pw = f" PASSWORD {quote_literal(_encrypted(conn, login, password))}" if password else ""
    if row is None:
        conn.exec_driver_sql(f"CREATE ROLE {q} LOGIN{pw}")
        created = True
    else:
        if row[0]:
            raise ClassroomSetupError(
                f"{login!r} is an administrative or group role on this server; choose another "
                "login name for a class member"
            )
        if pw:
            conn.exec_driver_sql(f"ALTER ROLE {q}{pw}")
        created = False
    other = g.instructor if role is Role.LEARNER else g.learner
    conn.exec_driver_sql(f"REVOKE {quote_ident(other)} FROM {q}")
    conn.exec_driver_sql(f"GRANT {quote_ident(g.of(role))} TO {q}")
    return created


def drop_login(conn: Connection, login: str) -> str:
    """Take the login out of this database's groups and drop it when nothing else holds it.

    Returns "dropped", "revoked" (kept: it belongs to another class database) or "absent".
    Its open sessions lose access at once: the grants go and its membership rows are inactive.
    """
    check_login(login)
    if not role_exists(conn, login):
        return "absent"
    g = current_groups(conn)
    q = quote_ident(login)
    for group in (g.learner, g.instructor):
        if role_exists(conn, group):
            conn.exec_driver_sql(f"REVOKE {quote_ident(group)} FROM {q}")
    conn.exec_driver_sql(f"DROP OWNED BY {q}")  # its grants and objects in this database
    others = conn.execute(
        text(
            "SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member"
            " WHERE r.rolname = :n"
        ),
        {"n": login},
    ).scalar_one()
    if others:
        return "revoked"
    sp = conn.begin_nested()
    try:
        conn.exec_driver_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            f" WHERE usename = {quote_literal(login)} AND pid <> pg_backend_pid()"
        )
        sp.commit()
    except DBAPIError:  # without pg_signal_backend its sessions just lose their rights
        sp.rollback()
    sp = conn.begin_nested()
    try:
        conn.exec_driver_sql(f"DROP ROLE {q}")
        sp.commit()
    except DBAPIError:  # still referenced by another database: keep it, without a login
        sp.rollback()
        conn.exec_driver_sql(f"ALTER ROLE {q} NOLOGIN")
        return "revoked"
    return "dropped"
