"""A profile's interface language is stored (SQLite and PostgreSQL); None follows the system."""

from __future__ import annotations

import pytest

from app.domain.i18n import Language
from app.domain.ids import ProfileId
from app.services.profiles import ProfileError
from app.services.setup import AppServices


def test_set_and_clear_the_language(services: AppServices) -> None:
    p = services.profiles.create("Rosa")
    assert p.language is None  # a new profile follows the system locale
    spanish = services.profiles.set_language(p.profile_id, Language.SPANISH)
    assert spanish.language is Language.SPANISH
    assert services.profiles.get(p.profile_id).language is Language.SPANISH
    assert [v.language for v in services.profiles.list_profiles()] == [Language.SPANISH]
    assert services.profiles.find("Rosa").language is Language.SPANISH
    assert services.profiles.set_language(p.profile_id, None).language is None
    assert services.profiles.get(p.profile_id).language is None
    with pytest.raises(ProfileError, match="no longer exists"):
        services.profiles.set_language(ProfileId(p.profile_id + 99), Language.ENGLISH)


def test_an_unknown_stored_code_follows_the_system(services: AppServices) -> None:
    from sqlalchemy import text

    p = services.profiles.create("Kim")
    with services.db.write() as s:  # a code written by a newer BayReady
        s.execute(text("UPDATE profile SET language = 'fr' WHERE id = :id"), {"id": p.profile_id})
    assert services.profiles.get(p.profile_id).language is None
