"""Profiles on this machine: rename, delete, and each learner's accommodations."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.i18n import LANGUAGE_NAMES, Language
from app.services.profiles import NAME_MAX, ProfileError, ProfileService, ProfileView
from app.ui.dialogs import Dialogs
from app.ui.elide import elided
from app.ui.translation import translate_error


class ProfilesDialog(QDialog):
    def __init__(
        self, profiles: ProfileService, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._profiles = profiles
        self._dialogs = dialogs
        self.setWindowTitle(self.tr("Profiles and accommodations"))
        self.resize(640, 420)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Profiles"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._on_list_current_changed)
        left.addWidget(self.list)
        row = QHBoxLayout()
        self.add = QPushButton(self.tr("New..."))
        self.rename = QPushButton(self.tr("Rename..."))
        self.delete = QPushButton(self.tr("Delete..."))
        self.add.clicked.connect(self._on_add_clicked)
        self.rename.clicked.connect(self._on_rename_clicked)
        self.delete.clicked.connect(self._on_delete_clicked)
        for b in (self.add, self.rename, self.delete):
            row.addWidget(b)
        left.addLayout(row)
        layout.addLayout(left, 1)
        right = QVBoxLayout()
        self.heading = QLabel()
        right.addWidget(self.heading)
        form = QFormLayout()
        self.multiplier = QDoubleSpinBox()
        self.multiplier.setRange(1.0, 3.0)
        self.multiplier.setSingleStep(0.25)
        self.multiplier.setSuffix(self.tr(" x time"))
        self.multiplier.setAccessibleName(self.tr("Time multiplier"))
        self.hide_countdown = QCheckBox(self.tr("Hide the countdown (a button shows it on demand)"))
        self.hide_countdown.setAccessibleName(self.tr("Hide the countdown"))
        # the interface language: the system's, or one named in its own language
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Interface language"))
        self.language.addItem(self.tr("System default"), None)
        for language, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, language.value)
        form.addRow(self.tr("Extra time:"), self.multiplier)
        form.addRow("", self.hide_countdown)
        form.addRow(self.tr("Language:"), self.language)
        right.addLayout(form)
        self.save = QPushButton(self.tr("Save changes"))
        self.save.clicked.connect(self._on_save_clicked)
        right.addWidget(self.save)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Status"))
        right.addWidget(self.status)
        right.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        right.addWidget(self.close_button)
        self.multiplier.valueChanged.connect(lambda _v: self._update_dirty())
        self.hide_countdown.toggled.connect(lambda _v: self._update_dirty())
        self.language.currentIndexChanged.connect(lambda _i: self._update_dirty())
        self._shown: ProfileView | None = None
        layout.addLayout(right, 1)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for p in self._profiles.list_profiles():
            it = QListWidgetItem(
                self.tr("{name}  (%n attempt(s))", "", p.attempts).format(
                    name=elided(self.list, p.name)
                )
            )
            it.setData(Qt.ItemDataRole.UserRole, p.id)
            it.setToolTip(p.name)
            self.list.addItem(it)
            if p.id == select:
                self.list.setCurrentItem(it)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        self._show_selected()

    def selected(self) -> ProfileView | None:
        it = self.list.currentItem()
        if it is None:
            return None
        return self._profiles.get(int(it.data(Qt.ItemDataRole.UserRole)))

    def _show_selected(self) -> None:
        p = self.selected()
        self._shown = p
        for w in (self.rename, self.delete, self.multiplier, self.hide_countdown, self.language):
            w.setEnabled(p is not None)
        self.heading.setText(
            self.tr("<b>Accommodations for {name}</b>").format(
                name=escape(elided(self.heading, p.name, 300)) if p else ""
            )
            if p
            else self.tr("<b>Accommodations</b>")
        )
        if p is not None:
            self.multiplier.setValue(p.time_multiplier)
            self.hide_countdown.setChecked(p.hide_countdown)
            self.language.setCurrentIndex(
                self.language.findData(None if p.language is None else p.language.value)
            )
        self._update_dirty()

    # -- unsaved changes ------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        p = self._shown
        return p is not None and (
            abs(self.multiplier.value() - p.time_multiplier) > 1e-9
            or self.hide_countdown.isChecked() != p.hide_countdown
            or self.chosen_language() != p.language
        )

    def chosen_language(self) -> Language | None:
        code = self.language.currentData()
        return None if code is None else Language(code)

    def _update_dirty(self) -> None:
        self.save.setEnabled(self.is_dirty())
        if self.is_dirty():
            self.status.setText(self.tr("Unsaved changes."))

    def _resolve_unsaved(self) -> bool:
        """Save, discard or stay when the form has unsaved changes; False means stay."""
        if not self.is_dirty() or self._shown is None:
            return True
        answer = self._dialogs.choose(
            self.tr("Unsaved changes"),
            self.tr("Save the changes for {name}?").format(name=self._shown.name),
            [self.tr("Save"), self.tr("Discard")],
        )
        if answer == 0:
            return self._save_shown()
        return answer == 1

    def _on_list_current_changed(
        self, current: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        if previous is not None and not self._resolve_unsaved():
            self.list.blockSignals(True)
            self.list.setCurrentItem(previous)
            self.list.blockSignals(False)
            return
        self._show_selected()

    def accept(self) -> None:
        if self._resolve_unsaved():
            super().accept()

    def reject(self) -> None:  # Esc and the window's close button
        if self._resolve_unsaved():
            super().reject()

    def _guard(self, fn: object) -> None:
        try:
            fn()  # type: ignore[operator]
        except ProfileError as e:
            self._dialogs.error(self.tr("Profiles"), translate_error(e))

    def _on_add_clicked(self) -> None:
        if not self._resolve_unsaved():
            return
        name = self._dialogs.ask_text(
            self.tr("New profile"), self.tr("Learner's name:"), max_length=NAME_MAX
        )
        if name:
            self._guard(lambda: self.reload(self._profiles.create(name).id))

    def _on_rename_clicked(self) -> None:
        p = self.selected()
        if p is None:
            return
        name = self._dialogs.ask_text(
            self.tr("Rename profile"), self.tr("New name:"), p.name, max_length=NAME_MAX
        )
        if name:
            self._guard(lambda: self.reload(self._profiles.rename(p.id, name).id))

    def _on_delete_clicked(self) -> None:
        p = self.selected()
        if p is None:
            return
        if self._dialogs.confirm(
            self.tr("Delete profile"),
            self.tr("Delete {0} and all of their attempts? This cannot be undone.").format(p.name),
            ok=self.tr("Delete"),
        ):
            self._profiles.delete(p.id)
            self.reload()

    def _on_save_clicked(self) -> None:
        self._save_shown()

    def _save_shown(self) -> bool:
        p = self._shown
        if p is None:
            return True
        try:
            saved = self._profiles.set_accommodations(
                p.id,
                time_multiplier=self.multiplier.value(),
                hide_countdown=self.hide_countdown.isChecked(),
                language=self.chosen_language(),
            )
        except ProfileError as e:
            self._dialogs.error(self.tr("Profiles"), translate_error(e))
            return False
        self._shown = saved
        self.save.setEnabled(False)
        self.status.setText(
            self.tr(
                "Saved: {name} gets {x:g} x time; the countdown is {shown}; language: {language}."
            ).format(
                name=elided(self.status, p.name),
                x=self.multiplier.value(),
                shown=self.tr("hidden") if self.hide_countdown.isChecked() else self.tr("shown"),
                language=self.language.currentText(),
            )
        )
        return True
