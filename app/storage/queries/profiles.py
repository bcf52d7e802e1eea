"""Queries about learner profiles: finding one by name, listing them with their attempt counts,
deleting one with its attempts. Functions take a Session and never commit. No Qt, no services.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.domain.ids import ProfileId
from app.storage.models import AttemptRow, ProfileRow


def profile(s: Session, profile_id: ProfileId) -> ProfileRow | None:
    return s.get(ProfileRow, profile_id)


def profile_by_name(s: Session, name: str) -> ProfileRow | None:
    return s.scalar(select(ProfileRow).where(ProfileRow.name == name))


def profile_id_by_name(s: Session, name: str) -> ProfileId | None:
    found = s.scalar(select(ProfileRow.id).where(ProfileRow.name == name))
    return None if found is None else ProfileId(found)


def attempt_counts(s: Session) -> dict[ProfileId, int]:
    """Profile id -> attempts of any mode and status (profiles without any are absent)."""
    rows = s.execute(
        select(AttemptRow.profile_id, func.count()).group_by(AttemptRow.profile_id)
    ).all()
    return {ProfileId(p): int(n) for p, n in rows}


def profiles_by_name(s: Session, only: Collection[int] | None = None) -> list[ProfileRow]:
    """Every profile by name, or only those with the given ids."""
    query = select(ProfileRow).order_by(ProfileRow.name)
    if only is not None:
        query = query.where(ProfileRow.id.in_(list(only)))
    return list(s.scalars(query))


def delete_profile(s: Session, profile_id: ProfileId) -> None:
    """The profile and every attempt of theirs (responses cascade)."""
    s.execute(delete(AttemptRow).where(AttemptRow.profile_id == profile_id))
    s.execute(delete(ProfileRow).where(ProfileRow.id == profile_id))
