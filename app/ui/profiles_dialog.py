"""Profiles on this machine: rename, delete, and each learner's accommodations.

Every read and write runs on the dialog's own TaskRunner (off the GUI thread) while the buttons
wait; the list keeps the profiles it read, so choosing one queries nothing. A save that decides
whether the dialog may close or move on (unsaved changes) continues once it is stored."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TypeVar

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
from app.ui.work import TaskRunner, Ticket

T = TypeVar("T")


class ProfilesDialog(QDialog):
    def __init__(
        self,
        profiles: ProfileService,
        dialogs: Dialogs,
        parent: QWidget | None = None,
        *,
        run_sync: bool = False,
    ) -> None:
        super().__init__(parent)
        self._profiles = profiles
        self._dialogs = dialogs
        self.runner = TaskRunner(self, inline=run_sync)  # inline: tests not about threads
        self.ticket: Ticket | None = None  # the read or change the buttons wait for
        self._views: dict[int, ProfileView] = {}  # as last read, by id
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
        """The profiles, read on a worker thread; `select` is chosen once they arrive."""
        profiles = self._profiles
        self._run(profiles.list_profiles, lambda views: self._show_list(views, select))

    def _show_list(self, views: list[ProfileView], select: int | None) -> None:
        self._views = {p.profile_id: p for p in views}
        self.list.blockSignals(True)
        self.list.clear()
        for p in views:
            it = QListWidgetItem(
                self.tr("{name}  (%n attempt(s))", "", p.attempts).format(
                    name=elided(self.list, p.name)
                )
            )
            it.setData(Qt.ItemDataRole.UserRole, p.profile_id)
            it.setToolTip(p.name)
            self.list.addItem(it)
            if p.profile_id == select:
                self.list.setCurrentItem(it)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        self._show_selected()

    def _run(
        self,
        work: Callable[[], T],
        done: Callable[[T], object],
        refused: Callable[[], object] = lambda: None,
    ) -> None:
        """`work` on a worker thread while the dialog's buttons wait; a refusal (a name taken,
        a profile gone) is shown and `refused` follows. A newer read or change supersedes an
        older one still running."""
        self._set_waiting(True)

        def ok(result: T) -> None:
            self._set_waiting(False)
            done(result)

        def failed(error: Exception) -> None:
            self._set_waiting(False)
            if not isinstance(error, ProfileError):
                raise error  # a database fault: the error dialog; anything else: the crash log
            self._dialogs.error(self.tr("Profiles"), translate_error(error))
            refused()

        self.ticket = self.runner.submit(lambda _t: work(), ok, failed, key="profiles")

    def waiting(self) -> bool:
        """A read or change is running (the buttons wait for it)."""
        return self.ticket is not None and not self.ticket.finished

    def _set_waiting(self, on: bool) -> None:
        self.list.setEnabled(not on)
        self.add.setEnabled(not on)
        self.close_button.setEnabled(not on)
        if on:
            for w in (self.rename, self.delete, self.save):
                w.setEnabled(False)
        else:
            p = self.selected()
            self.rename.setEnabled(p is not None)
            self.delete.setEnabled(p is not None)
            self._update_dirty()

    def selected(self) -> ProfileView | None:
        it = self.list.currentItem()
        if it is None:
            return None
        return self._views.get(int(it.data(Qt.ItemDataRole.UserRole)))

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

    def _resolve_unsaved(self, then: Callable[[], object]) -> None:
        """Save, discard or stay when the form has unsaved changes: `then` follows a discard
        or a stored save; staying (or a refused save) does nothing more."""
        if not self.is_dirty() or self._shown is None:
            then()
            return
        answer = self._dialogs.choose(
            self.tr("Unsaved changes"),
            self.tr("Save the changes for {name}?").format(name=self._shown.name),
            [self.tr("Save"), self.tr("Discard")],
        )
        if answer == 0:
            self._save_shown(then)
        elif answer == 1:
            then()

    def _on_list_current_changed(
        self, current: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        if previous is None or not self.is_dirty():
            self._show_selected()
            return
        # back to the one with unsaved changes until they are saved or discarded
        wanted = None if current is None else int(current.data(Qt.ItemDataRole.UserRole))
        self.list.blockSignals(True)
        self.list.setCurrentItem(previous)
        self.list.blockSignals(False)
        self._resolve_unsaved(lambda: self._select(wanted))

    def _select(self, profile_id: int | None) -> None:
        for i in range(self.list.count()):
            it = self.list.item(i)
            if it.data(Qt.ItemDataRole.UserRole) == profile_id:
                self.list.blockSignals(True)
                self.list.setCurrentItem(it)
                self.list.blockSignals(False)
        self._show_selected()

    def accept(self) -> None:
        if not self.waiting():
            self._resolve_unsaved(super().accept)

    def reject(self) -> None:  # Esc and the window's close button
        if not self.waiting():
            self._resolve_unsaved(super().reject)

    def _on_add_clicked(self) -> None:
        self._resolve_unsaved(self._add_profile)

    def _add_profile(self) -> None:
        name = self._dialogs.ask_text(
            self.tr("New profile"), self.tr("Learner's name:"), max_length=NAME_MAX
        )
        if name:
            profiles = self._profiles
            self._run(lambda: profiles.create(name), lambda p: self.reload(p.profile_id))

    def _on_rename_clicked(self) -> None:
        p = self.selected()
        if p is None:
            return
        name = self._dialogs.ask_text(
            self.tr("Rename profile"), self.tr("New name:"), p.name, max_length=NAME_MAX
        )
        if name:
            profiles, pid = self._profiles, p.profile_id
            self._run(lambda: profiles.rename(pid, name), lambda r: self.reload(r.profile_id))

    def _on_delete_clicked(self) -> None:
        p = self.selected()
        if p is None:
            return
        if self._dialogs.confirm(
            self.tr("Delete profile"),
            self.tr("Delete {0} and all of their attempts? This cannot be undone.").format(p.name),
            ok=self.tr("Delete"),
        ):
            profiles, pid = self._profiles, p.profile_id
            self._run(lambda: profiles.delete(pid), lambda _r: self.reload())

    def _on_save_clicked(self) -> None:
        self._save_shown(lambda: None)

    def _save_shown(self, then: Callable[[], object]) -> None:
        """Stores the shown profile's accommodations on a worker thread; `then` once stored."""
        p = self._shown
        if p is None:
            then()
            return
        profiles, pid = self._profiles, p.profile_id
        multiplier, hide = self.multiplier.value(), self.hide_countdown.isChecked()
        language, language_text = self.chosen_language(), self.language.currentText()

        template = self.tr(
            "Saved: {name} gets {x:g} x time; the countdown is {shown}; language: {language}."
        )

        def store() -> ProfileView:
            return profiles.set_accommodations(
                pid, time_multiplier=multiplier, hide_countdown=hide, language=language
            )

        def stored(saved: ProfileView) -> None:
            self._views[saved.profile_id] = saved
            if self._shown is not None and self._shown.profile_id == saved.profile_id:
                self._shown = saved
            self._update_dirty()
            self.status.setText(
                template.format(
                    name=elided(self.status, p.name),
                    x=multiplier,
                    shown=self.tr("hidden") if hide else self.tr("shown"),
                    language=language_text,
                )
            )
            then()

        self._run(store, stored)
