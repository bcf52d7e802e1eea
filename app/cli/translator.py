"""The cli's messages in the chosen language.

The one cli module allowed to import Qt, and only QtCore's `QTranslator` (pyproject.toml's
import-linter contracts name it): it loads `resources/i18n/bayready_<lang>.qm`, the catalogue the
GUI uses, without a QApplication. Messages are marked with `QT_TRANSLATE_NOOP` where they are
written (app/domain/i18n.py), so `pyside6-lupdate` collects them.
"""

from __future__ import annotations

import os

from app.domain.i18n import LANG_ENV, Language, resolve_language, system_language

_catalog: list[object] = []  # the loaded QTranslator, when the language is not English


def choose_language(option: str | None, profile: str | None = None) -> Language:
    """--lang, else BAYREADY_LANG, else the profile's language, else the system locale's."""
    return resolve_language(
        override=option or os.environ.get(LANG_ENV),
        profile=profile,
        system=system_language(os.environ),
    )


def use_language(language: Language) -> None:
    _catalog.clear()
    if language is Language.ENGLISH:  # the source language: no catalogue, no Qt import
        return
    from PySide6.QtCore import QTranslator

    from app import resources

    t = QTranslator()
    if t.load(str(resources.translations_dir() / f"bayready_{language.value}.qm")):
        _catalog.append(t)


def t(text: str, *values: object) -> str:
    """`text` (marked with QT_TRANSLATE_NOOP) in the chosen language, formatted with `values`."""
    context = getattr(text, "context", None)
    out = str(text)
    if context and _catalog:
        from PySide6.QtCore import QTranslator

        translator = _catalog[0]
        assert isinstance(translator, QTranslator)
        out = translator.translate(context, str(text)) or out
    return out.format(*values) if values else out


def error_text(error: BaseException) -> str:
    """A user error in the chosen language (marked errors carry their context and source)."""
    context = getattr(error, "context", None)
    source = getattr(error, "source", None)
    if not context or source is None:
        return str(error)
    from app.domain.i18n import Marked

    return t(Marked(context, source), *getattr(error, "values", ()))
