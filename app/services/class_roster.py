"""Classroom set-up on the shared PostgreSQL database: roles, logins, members. No Qt.

`bayready classroom ...` calls these; each is one transaction (PostgreSQL DDL is transactional,
so a failed step leaves no half-made login). A generated password is returned once, for the
instructor who creates the login to hand over, and saved only in the platform keyring or a 0600
pgpass file (app.storage.credentials); it is never logged. On SQLite there is nothing to set up.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.domain.clock import WallClock
from app.domain.ids import ProfileId
from app.storage import classroom_roles as roles
from app.storage.classroom_roles import ClassroomSetupError, Role
from app.storage.credentials import (
    PasswordStore,
    Target,
    default_store,
    mask_url,
    new_password,
)
from app.storage.database import Database
from app.storage.models import ClassMemberRow, ClassRow, ProfileRow
from app.storage.queries import classroom as q
from app.storage.session import Session

__all__ = [
    "ClassRosterService",
    "ClassroomSetupError",
    "MemberAdded",
    "MemberView",
    "Role",
    "mask_url",
    "open_roster",
]


@dataclass(frozen=True)
class MemberAdded:
    login: str
    role: Role
    class_name: str
    profile: str | None
    created: bool
    password: str | None  # set only when a password was made now: show it once, never log it
    saved_in: str | None


@dataclass(frozen=True)
class MemberView:
    class_name: str
    login: str
    role: str
    profile: str | None
    active: bool


class ClassRosterService:
    def __init__(self, db: Database, now: WallClock, store: PasswordStore) -> None:
        self._db = db
        self._now = now
        self._store = store

    def _require_postgres(self) -> None:
        if self._db.is_sqlite:
            raise ClassroomSetupError(
                "classroom logins need the shared PostgreSQL database: pass --db "
                "postgresql+psycopg://OWNER@HOST/DBNAME (or set BAYREADY_DB). On one computer "
                "with SQLite every profile is open to whoever uses it."
            )

    def init(self, class_name: str | None = None) -> roles.Groups:
        """Schema, group roles, grants and row-level security; idempotent."""
        self._require_postgres()
        try:
            self._db.upgrade()
            with self._db.write() as s:
                groups = roles.apply_security(s.connection())
                if class_name:
                    self._class(s, class_name)
        except roles.DriverError as e:
            raise roles.refused(e, self._db.display_name()) from None
        return groups

    def add_member(
        self,
        login: str,
        role: Role,
        class_name: str,
        *,
        profile_name: str | None = None,
        reset_password: bool = False,
    ) -> MemberAdded:
        self._require_postgres()
        roles.check_login(login)
        class_name = " ".join(class_name.split())
        if not class_name:
            raise ClassroomSetupError("name the class with --class NAME")
        password: str | None = None
        try:
            with self._db.write() as s:
                conn = s.connection()
                g = roles.current_groups(conn)
                if not roles.role_exists(conn, g.learner):
                    raise ClassroomSetupError("run `bayready classroom init` first")
                klass = self._class(s, class_name)
                profile = self._profile(s, login, role, profile_name)
                member = q.membership(s, klass.id, login)
                if member is None:
                    member = ClassMemberRow(
                        class_id=klass.id, login=login, added_at=self._now(), active=True
                    )
                    s.add(member)
                member.role = role.value
                member.active = True
                member.profile_id = profile.id
                exists = roles.role_exists(conn, login)
                if not exists or reset_password:
                    password = new_password()
                created = roles.ensure_login(conn, login, role, password)
                profile_label = profile.name
        except roles.DriverError as e:
            raise roles.refused(e, self._db.display_name()) from None
        saved_in = None
        target = Target.from_url(self._db.url, login)
        if password is not None and target is not None:
            self._store.save(target, password)
            saved_in = self._store.description
        return MemberAdded(login, role, class_name, profile_label, created, password, saved_in)

    def remove(self, login: str) -> str:
        """Deactivates the login's memberships and drops (or disables) the login.

        The profile and its results stay, visible to the instructors of its classes."""
        self._require_postgres()
        roles.check_login(login)
        try:
            with self._db.write() as s:
                q.deactivate_memberships(s, login)
                outcome = roles.drop_login(s.connection(), login)
        except roles.DriverError as e:
            raise roles.refused(e, self._db.display_name()) from None
        target = Target.from_url(self._db.url, login)
        if target is not None:
            self._store.forget(target)
        return outcome

    def close(self) -> None:
        self._db.dispose()

    @property
    def database(self) -> str:
        return self._db.display_name()

    def members(self) -> list[MemberView]:
        self._require_postgres()
        try:
            return self._members()
        except roles.DriverError as e:
            raise roles.refused(e, self._db.display_name()) from None

    def _members(self) -> list[MemberView]:
        with self._db.read() as s:
            return [MemberView(*m) for m in q.members(s)]

    def save_password(self, login: str | None, password: str) -> str:
        """Keep a login's password for this computer (a learner's own machine)."""
        target = Target.from_url(self._db.url, login)
        if target is None:
            raise ClassroomSetupError(
                "a saved password is for a PostgreSQL login: pass --db "
                "postgresql+psycopg://LOGIN@HOST/DBNAME"
            )
        self._store.save(target, password)
        return self._store.description

    # -- helpers (inside the caller's transaction) ---------------------------------------------
    def _class(self, s: Session, name: str) -> ClassRow:
        name = " ".join(name.split())
        if len(name) > 80:
            raise ClassroomSetupError("class names are limited to 80 characters")
        klass = q.class_by_name(s, name)
        if klass is None:
            klass = ClassRow(name=name, created_at=self._now())
            s.add(klass)
            s.flush()
        return klass

    def _profile(self, s: Session, login: str, role: Role, profile_name: str | None) -> ProfileRow:
        """The profile a login answers as (instructors too, to try the tests): the named one,
        the one it already has, or a new one named after the login."""
        if profile_name is None:
            linked = q.linked_profile(s, login)
            if linked is not None:
                return linked
            profile_name = login
        name = " ".join(profile_name.split())[:80]
        profile = q.profile_by_name(s, name)
        if profile is None:
            profile = ProfileRow(
                name=name, created_at=self._now(), time_multiplier=1.0, hide_countdown=False
            )
            s.add(profile)
            s.flush()
            return profile
        other = q.other_active_login(s, ProfileId(profile.id), login)
        if other is not None:
            raise ClassroomSetupError(
                f"the profile '{name}' already belongs to the login {other}; choose another "
                "--profile name"
            )
        return profile


def open_roster(db_url: str, data_dir: Path, now: WallClock) -> ClassRosterService:
    """The roster on `db_url` as its owner, passwords kept in this computer's store."""
    from app.storage.credentials import connect_args_for

    db = Database(db_url, connect_args=connect_args_for(db_url, data_dir))
    return ClassRosterService(db, now, default_store(data_dir))
