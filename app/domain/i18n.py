"""The interface languages, and the marker that makes a message translatable outside the ui.

Services, banks, storage and the cli never import Qt, yet their messages are shown in the user's
language. They mark the English text with `QT_TRANSLATE_NOOP(context, text)` - Qt's documented
no-op pattern, which `pyside6-lupdate` collects into `resources/i18n/bayready_es.ts` - and the ui
or cli translates it when it shows it (`QCoreApplication.translate(context, text)`).

Stdlib only: no Qt here.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class Language(StrEnum):
    """An interface language, stored as its ISO 639-1 code (`profile.language`)."""

    ENGLISH = "en"
    SPANISH = "es"


# each language named in its own language, as a language menu shows them
LANGUAGE_NAMES: Mapping[Language, str] = {
    Language.ENGLISH: "English",
    Language.SPANISH: "Español",
}

# BAYREADY_LANG=es (or en) overrides the profile and the system locale, for screenshots and tests
LANG_ENV = "BAYREADY_LANG"


class Marked(str):
    """An English text marked for translation: its value is the English, formatted with
    `values`; it remembers its context and unformatted source so a ui can translate it."""

    __slots__ = ("context", "source", "values")
    context: str
    source: str
    values: tuple[object, ...]

    def __new__(cls, context: str, text: str, values: tuple[object, ...] = ()) -> Marked:
        s = super().__new__(cls, text.format(*values) if values else text)
        s.context, s.source, s.values = context, text, values
        return s

    def __reduce__(self) -> tuple[type[Marked], tuple[str, str, tuple[object, ...]]]:
        # copy, deepcopy (dataclasses.asdict) and pickle rebuild it with its context
        return (Marked, (self.context, self.source, self.values))

    def fill(self, *values: object) -> Marked:
        """The text with its `{0}`, `{1}`... placeholders filled, still translatable."""
        return Marked(self.context, self.source, values)


def QT_TRANSLATE_NOOP(context: str, text: str) -> Marked:
    """Marks `text` for translation in `context` and returns it unchanged (still English).

    `lupdate` recognises the call by its name, so both arguments must be string literals.
    """
    return Marked(context, text)


def parse_language(value: str | None) -> Language | None:
    """`es`, `es_MX.UTF-8`, `Español`, `English`... -> the language; None when not one of ours."""
    if not value:
        return None
    v = value.strip().lower()
    for lang, name in LANGUAGE_NAMES.items():
        if v == name.lower():
            return lang
    code = v.replace("-", "_").split("_")[0].split(".")[0]
    if code in ("spanish", "espanol"):
        return Language.SPANISH
    try:
        return Language(code)
    except ValueError:
        return None


def system_language(environ: Mapping[str, str]) -> Language:
    """Spanish when the system locale's language is Spanish, else English (POSIX precedence)."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var)
        if value:
            return (
                Language.SPANISH if parse_language(value) is Language.SPANISH else Language.ENGLISH
            )
    return Language.ENGLISH


def resolve_language(*, override: str | None, profile: str | None, system: Language) -> Language:
    """The language to show: an explicit override (`--lang`, BAYREADY_LANG), else the profile's
    choice, else the system locale's."""
    return parse_language(override) or parse_language(profile) or system
