"""Profiles on this machine: rename, delete, and each learner's accommodations."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
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

from app.services.profiles import ProfileError, ProfileService, ProfileView
from app.ui.dialogs import Dialogs


class ProfilesDialog(QDialog):
    def __init__(
        self, profiles: ProfileService, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._profiles = profiles
        self._dialogs = dialogs
        self.setWindowTitle("Profiles and accommodations")
        self.resize(640, 420)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setAccessibleName("Profiles")
        self.list.currentItemChanged.connect(lambda *_: self._show_selected())
        left.addWidget(self.list)
        row = QHBoxLayout()
        self.add = QPushButton("New...")
        self.rename = QPushButton("Rename...")
        self.delete = QPushButton("Delete...")
        self.add.clicked.connect(self._on_add_clicked)
        self.rename.clicked.connect(self._on_rename_clicked)
        self.delete.clicked.connect(self._on_delete_clicked)
        for b in (self.add, self.rename, self.delete):
            row.addWidget(b)
        left.addLayout(row)
        layout.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel("<b>Accommodations</b>"))
        form = QFormLayout()
        self.multiplier = QDoubleSpinBox()
        self.multiplier.setRange(1.0, 3.0)
        self.multiplier.setSingleStep(0.25)
        self.multiplier.setSuffix(" x time")
        self.multiplier.setAccessibleName("Time multiplier")
        self.hide_countdown = QCheckBox("Hide the countdown (a button shows it on demand)")
        self.hide_countdown.setAccessibleName("Hide the countdown")
        form.addRow("Extra time:", self.multiplier)
        form.addRow("", self.hide_countdown)
        right.addLayout(form)
        self.save = QPushButton("Save accommodations")
        self.save.clicked.connect(self._on_save_clicked)
        right.addWidget(self.save)
        right.addStretch(1)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        right.addWidget(close)
        layout.addLayout(right, 1)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.list.clear()
        for p in self._profiles.list_profiles():
            it = QListWidgetItem(f"{p.name}  ({p.attempts} attempts)")
            it.setData(Qt.ItemDataRole.UserRole, p.id)
            self.list.addItem(it)
            if p.id == select:
                self.list.setCurrentItem(it)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._show_selected()

    def selected(self) -> ProfileView | None:
        it = self.list.currentItem()
        if it is None:
            return None
        return self._profiles.get(int(it.data(Qt.ItemDataRole.UserRole)))

    def _show_selected(self) -> None:
        p = self.selected()
        for w in (self.rename, self.delete, self.save, self.multiplier, self.hide_countdown):
            w.setEnabled(p is not None)
        if p is not None:
            self.multiplier.setValue(p.time_multiplier)
            self.hide_countdown.setChecked(p.hide_countdown)

    def _guard(self, fn: object) -> None:
        try:
            fn()  # type: ignore[operator]
        except ProfileError as e:
            self._dialogs.error("Profiles", str(e))

    def _on_add_clicked(self) -> None:
        name = self._dialogs.ask_text("New profile", "Learner's name:")
        if name:
            self._guard(lambda: self.reload(self._profiles.create(name).id))

    def _on_rename_clicked(self) -> None:
        p = self.selected()
        if p is None:
            return
        name = self._dialogs.ask_text("Rename profile", "New name:", p.name)
        if name:
            self._guard(lambda: self.reload(self._profiles.rename(p.id, name).id))

    def _on_delete_clicked(self) -> None:
        p = self.selected()
        if p is None:
            return
        if self._dialogs.confirm(
            "Delete profile",
            f"Delete {p.name} and all of their attempts? This cannot be undone.",
            ok="Delete",
        ):
            self._profiles.delete(p.id)
            self.reload()

    def _on_save_clicked(self) -> None:
        p = self.selected()
        if p is None:
            return
        self._guard(
            lambda: self._profiles.set_accommodations(
                p.id,
                time_multiplier=self.multiplier.value(),
                hide_countdown=self.hide_countdown.isChecked(),
            )
        )
