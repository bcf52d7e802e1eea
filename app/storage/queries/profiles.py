"""Queries about learner profiles: finding one by name, listing them with their attempt counts,
adding, changing and deleting one (with its attempts). Core tables only: functions take a Core
Connection or a Session (start-up reads the profiles without the ORM), never commit and return rows.
No Qt, no services.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection, Row

from app.domain.ids import ProfileId
from app.storage.tables import attempt_table as _attempt
from app.storage.tables import profile_table as _profile

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def profile(s: Session | Connection, profile_id: ProfileId) -> Row[Any] | None:
    return s.execute(select(_profile).where(_profile.c.id == profile_id)).first()


def profile_by_name(s: Session | Connection, name: str) -> Row[Any] | None:
    return s.execute(select(_profile).where(_profile.c.name == name)).first()


def profile_id_by_name(s: Session | Connection, name: str) -> ProfileId | None:
    found = s.execute(select(_profile.c.id).where(_profile.c.name == name)).scalar()
    return None if found is None else ProfileId(found)


def attempt_counts(s: Session | Connection) -> dict[ProfileId, int]:
    """Profile id -> attempts of any mode and status (profiles without any are absent)."""
    rows = s.execute(
        select(_attempt.c.profile_id, func.count()).group_by(_attempt.c.profile_id)
    ).all()
    return {ProfileId(p): int(n) for p, n in rows}


def profiles_by_name(
    s: Session | Connection, only: Collection[int] | None = None
) -> list[Row[Any]]:
    """Every profile by name, or only those with the given ids."""
    query = select(_profile).order_by(_profile.c.name)
    if only is not None:
        query = query.where(_profile.c.id.in_(list(only)))
    return list(s.execute(query))


def add_profile(s: Connection, name: str, created_at: datetime) -> ProfileId:
    """A new profile with no accommodations."""
    result = s.execute(
        insert(_profile).values(
            name=name, created_at=created_at, time_multiplier=1.0, hide_countdown=False
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    return ProfileId(key[0])


def update_profile(s: Session | Connection, profile_id: ProfileId, **values: Any) -> None:
    s.execute(update(_profile).where(_profile.c.id == profile_id).values(**values))


def delete_profile(s: Session | Connection, profile_id: ProfileId) -> None:
    """The profile and every attempt of theirs (responses cascade)."""
    s.execute(delete(_attempt).where(_attempt.c.profile_id == profile_id))
    s.execute(delete(_profile).where(_profile.c.id == profile_id))
