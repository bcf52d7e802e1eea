"""Learner profiles on one machine, with their accommodations. Core connections only (start-up
reads them before any ORM is loaded). No Qt."""

from __future__ import annotations

from dataclasses import dataclass
from types import EllipsisType
from typing import Any

from app.domain.clock import WallClock
from app.domain.errors import UserError
from app.domain.i18n import QT_TRANSLATE_NOOP, Language
from app.domain.ids import ProfileId
from app.storage.database import Database
from app.storage.queries import profiles as q

NAME_MAX = 80  # the profile.name column is String(80)


class ProfileError(UserError, ValueError):
    """A profile action the user can correct (message says how)."""


_GONE = QT_TRANSLATE_NOOP("ProfileError", "That profile no longer exists.")
_TAKEN = QT_TRANSLATE_NOOP("ProfileError", "A profile called '{0}' already exists.")


@dataclass(frozen=True)
class ProfileView:
    profile_id: ProfileId
    name: str
    time_multiplier: float
    hide_countdown: bool
    attempts: int = 0
    # the interface language chosen for this profile; None follows the system locale
    language: Language | None = None


def _language(code: str | None) -> Language | None:
    try:
        return Language(code) if code else None
    except ValueError:  # a code from a newer version: follow the system locale
        return None


def _view(p: Any, attempts: int = 0) -> ProfileView:
    return ProfileView(
        p.id, p.name, p.time_multiplier, p.hide_countdown, attempts, _language(p.language)
    )


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ProfileError(QT_TRANSLATE_NOOP("ProfileError", "A profile needs a name."))
    if len(name) > NAME_MAX:
        raise ProfileError(
            QT_TRANSLATE_NOOP("ProfileError", "Profile names are limited to {0} characters."),
            NAME_MAX,
        )
    return name


class ProfileService:
    def __init__(self, db: Database, now: WallClock) -> None:
        self._db = db
        self._now = now

    def list_profiles(self) -> list[ProfileView]:
        """Every profile; for a class login on PostgreSQL, the one(s) it answers as (an
        instructor can read the class's profiles, but answers only as their own)."""
        with self._db.connect() as s:
            counts = q.attempt_counts(s)
            own = None
            if not self._db.is_sqlite:
                from app.storage.classroom_roles import own_profile_ids

                own = own_profile_ids(s)
            return [_view(p, counts.get(ProfileId(p.id), 0)) for p in q.profiles_by_name(s, own)]

    def get(self, profile_id: ProfileId) -> ProfileView:
        with self._db.connect() as s:
            p = q.profile(s, profile_id)
            if p is None:
                raise ProfileError(_GONE)
            return _view(p)

    def find(self, name: str) -> ProfileView | None:
        if not self._db.is_sqlite:  # a class login may find only a profile it answers as
            return next((p for p in self.list_profiles() if p.name == name), None)
        with self._db.connect() as s:
            p = q.profile_by_name(s, name)
            return _view(p) if p else None

    def create(self, name: str) -> ProfileView:
        name = _clean_name(name)
        with self._db.begin() as s:
            if q.profile_id_by_name(s, name):
                raise ProfileError(_TAKEN, name)
            return _view(q.profile(s, q.add_profile(s, name, self._now())))

    def ensure_default(self) -> ProfileView:
        profiles = self.list_profiles()
        return profiles[0] if profiles else self.create("Learner")

    def rename(self, profile_id: ProfileId, name: str) -> ProfileView:
        name = _clean_name(name)
        with self._db.begin() as s:
            other = q.profile_id_by_name(s, name)
            if other is not None and other != profile_id:
                raise ProfileError(_TAKEN, name)
            if q.profile(s, profile_id) is None:
                raise ProfileError(_GONE)
            q.update_profile(s, profile_id, name=name)
            return _view(q.profile(s, profile_id))

    def set_accommodations(
        self,
        profile_id: ProfileId,
        *,
        time_multiplier: float,
        hide_countdown: bool,
        language: Language | EllipsisType | None = ...,
    ) -> ProfileView:
        """Saves the accommodations, and the interface language when one is given (None: the
        system's), in one transaction."""
        if not 1.0 <= time_multiplier <= 3.0:
            raise ProfileError(
                QT_TRANSLATE_NOOP(
                    "ProfileError", "The time multiplier must be between 1.0 and 3.0."
                )
            )
        with self._db.begin() as s:
            if q.profile(s, profile_id) is None:
                raise ProfileError(_GONE)
            values: dict[str, Any] = {
                "time_multiplier": time_multiplier,
                "hide_countdown": hide_countdown,
            }
            if not isinstance(language, EllipsisType):
                values["language"] = None if language is None else Language(language).value
            q.update_profile(s, profile_id, **values)
            return _view(q.profile(s, profile_id))

    def set_language(self, profile_id: ProfileId, language: Language | None) -> ProfileView:
        """Sets the profile's interface language; None follows the system locale again."""
        with self._db.begin() as s:
            if q.profile(s, profile_id) is None:
                raise ProfileError(_GONE)
            q.update_profile(
                s, profile_id, language=None if language is None else Language(language).value
            )
            return _view(q.profile(s, profile_id))

    def delete(self, profile_id: ProfileId) -> None:
        """Deletes the learner and every attempt of theirs (responses cascade)."""
        with self._db.begin() as s:
            q.delete_profile(s, profile_id)
