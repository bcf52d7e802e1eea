"""Interface languages: parsing, the override > profile > system order, marked messages."""

from __future__ import annotations

import pytest

from app.domain.errors import UserError
from app.domain.i18n import (
    QT_TRANSLATE_NOOP,
    Language,
    parse_language,
    resolve_language,
    system_language,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("es", Language.SPANISH),
        ("es_MX.UTF-8", Language.SPANISH),
        ("es-US", Language.SPANISH),
        ("Español", Language.SPANISH),
        ("EN", Language.ENGLISH),
        ("en_US.UTF-8", Language.ENGLISH),
        ("English", Language.ENGLISH),
        ("fr_FR.UTF-8", None),
        ("C", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_language(value: str | None, expected: Language | None) -> None:
    assert parse_language(value) is expected


def test_system_language_follows_posix_precedence() -> None:
    assert system_language({"LANG": "es_US.UTF-8"}) is Language.SPANISH
    assert system_language({"LC_ALL": "en_US.UTF-8", "LANG": "es_US.UTF-8"}) is Language.ENGLISH
    assert system_language({"LC_MESSAGES": "es_ES", "LANG": "en_US"}) is Language.SPANISH
    assert system_language({"LANG": "fr_FR.UTF-8"}) is Language.ENGLISH
    assert system_language({}) is Language.ENGLISH


def test_override_then_profile_then_system() -> None:
    es, en = Language.SPANISH, Language.ENGLISH
    assert resolve_language(override="en", profile="es", system=es) is en
    assert resolve_language(override=None, profile="es", system=en) is es
    assert resolve_language(override=None, profile=None, system=es) is es
    assert resolve_language(override="klingon", profile=None, system=es) is es


def test_a_marked_text_is_english_and_remembers_what_to_translate() -> None:
    text = QT_TRANSLATE_NOOP("Planner", "A mock takes {0} minutes.")
    assert text == "A mock takes {0} minutes."
    filled = text.fill(45)
    assert filled == "A mock takes 45 minutes."
    assert (filled.context, filled.source, filled.values) == (
        "Planner",
        "A mock takes {0} minutes.",
        (45,),
    )


def test_a_user_error_keeps_its_source_and_values() -> None:
    e = UserError(
        QT_TRANSLATE_NOOP("ProfileError", "A profile called '{0}' already exists."), "Ana"
    )
    assert str(e) == "A profile called 'Ana' already exists."
    assert (e.context, e.source, e.values) == (
        "ProfileError",
        "A profile called '{0}' already exists.",
        ("Ana",),
    )
    plain = UserError("not marked {0}")  # no values: not formatted, no context
    assert str(plain) == "not marked {0}" and plain.context is None
