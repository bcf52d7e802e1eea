"""The interface language: Qt translators for BayReady's own texts and Qt's standard ones.

`resources/i18n/bayready_<lang>.qm` is built by `make translations` from the `.ts` sources that
`pyside6-lupdate` collects from app/ (texts in `self.tr`, `QCoreApplication.translate` and, outside
the ui, `QT_TRANSLATE_NOOP`); `qtbase_<lang>.qm` is Qt's own translation of its standard buttons
and dialogs, copied from PySide6. English is the source language; its catalogue carries only
the plural forms ("1 test" / "2 tests" for a source text "%n test(s)", made with `-pluralonly`).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator

from app import resources
from app.domain.i18n import (
    LANG_ENV,
    QT_TRANSLATE_NOOP,
    Language,
    parse_language,
    resolve_language,
)

CATALOGS = ("bayready", "qtbase")  # ours first: the app's texts win over Qt's own


def system_language() -> Language:
    """Spanish when the system locale's language is Spanish, else English."""
    lang = QLocale.system().language()
    return Language.SPANISH if lang == QLocale.Language.Spanish else Language.ENGLISH


def ui_locale(language: Language) -> QLocale:
    """The locale dates and numbers are written in for `language`: the system's when it speaks
    that language (es_MX stays es_MX), else the language as written in the US."""
    system = QLocale.system()
    want = QLocale.Language.Spanish if language == Language.SPANISH else QLocale.Language.English
    if system.language() == want:
        return system
    return QLocale(want, QLocale.Country.UnitedStates)


def startup_language(profile: str | None = None) -> Language:
    """BAYREADY_LANG when set, else the profile's language, else the system locale's."""
    return resolve_language(
        override=os.environ.get(LANG_ENV), profile=profile, system=system_language()
    )


def language_for_profile() -> Callable[[Language | str | None], Language]:
    """`startup_language` for a worker thread: the override and the system locale are read
    here, on the GUI thread; the returned function only combines them with a profile's choice."""
    override, system = os.environ.get(LANG_ENV), system_language()

    def language(profile: Language | str | None) -> Language:
        return resolve_language(override=override, profile=profile, system=system)

    return language


class Translators:
    """The translators installed on the application for the current language."""

    def __init__(self) -> None:
        self.language = Language.ENGLISH
        self._installed: list[QTranslator] = []

    def apply(self, language: Language | str) -> bool:
        """Switches the application's translators to `language`; returns whether it changed."""
        language = parse_language(str(language)) or Language.ENGLISH
        if language == self.language and self._installed:
            return False
        changed = language != self.language
        for t in self._installed:
            QCoreApplication.removeTranslator(t)
        self._installed = []
        folder = resources.translations_dir()
        for catalog in CATALOGS:
            f = folder / f"{catalog}_{language.value}.qm"
            t = QTranslator()
            if f.exists() and t.load(str(f)):
                QCoreApplication.installTranslator(t)
                self._installed.append(t)
        # QLocale() follows the interface: "lun 7 de diciembre", not the system's "Mon 7 December"
        QLocale.setDefault(ui_locale(language))
        self.language = language
        return changed


def translate_error(error: BaseException) -> str:
    """A user error's message in the interface language (errors marked with QT_TRANSLATE_NOOP
    carry their context and English source; anything else is shown as it is)."""
    context = getattr(error, "context", None)
    source = getattr(error, "source", None)
    if not context or source is None:
        return str(error)
    values = getattr(error, "values", ())
    text = QCoreApplication.translate(context, source)
    return text.format(*values) if values else text


def translated(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP (it remembers its context, source and values) in
    the interface language; unmarked text is returned as it is."""
    context = getattr(text, "context", None)
    if not context:
        return text
    # a value may itself be marked ("easier" inside "... {4} items of this task ...")
    values = tuple(translated(v) if isinstance(v, str) else v for v in getattr(text, "values", ()))
    out = QCoreApplication.translate(context, getattr(text, "source", text))
    return out.format(*values) if values else out


# the attempt modes the screens name (lupdate collects them here; mode_name translates them)
MODES = (
    QT_TRANSLATE_NOOP("AttemptMode", "mock"),
    QT_TRANSLATE_NOOP("AttemptMode", "practice"),
    QT_TRANSLATE_NOOP("AttemptMode", "recert"),
)


def mode_name(mode: str | None) -> str:
    """An attempt's mode (mock, practice, recert) in the interface language."""
    return QCoreApplication.translate("AttemptMode", mode or "")


class Counts(QObject):
    """Texts with a count outside a QObject's methods: lupdate gives plural (numerus) forms only
    to `.tr` calls, filed under the name before `.tr` - so `Name = Counts("Name")`, then
    `Name.tr("%n item(s)", "", n)`."""

    def __init__(self, context: str) -> None:
        super().__init__()
        self.context = context

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(self.context, text, disambiguation, n)
