"""The main window's menu bar: File, Test, Instructor and Help. Test's entries mirror home's
buttons and are enabled only on home; nothing here talks to the services."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from app.domain.i18n import LANGUAGE_NAMES, Language

if TYPE_CHECKING:
    from app.services.classroom import Capabilities
    from app.ui.main_window import MainWindow


def _action(menu: QMenu, text: str, slot: Callable[[], object], shortcut: str = "") -> QAction:
    a = menu.addAction(text)
    if shortcut:
        # setShortcuts, not setShortcut: the latter's overloads make PySide6 build Qt's whole
        # namespace (15-20 ms) while the menus are made, before the first paint (issue 15)
        a.setShortcuts([QKeySequence(shortcut)])
    a.triggered.connect(lambda _checked=False: slot())
    return a


class WindowMenus:
    def __init__(self, window: MainWindow) -> None:
        self.window = w = window
        bar = w.menuBar()
        file = bar.addMenu(QCoreApplication.translate("WindowMenus", "&File"))
        h = w.home
        self.act_new_profile = _action(
            file,
            QCoreApplication.translate("WindowMenus", "&New profile..."),
            h.new_profile.click,
            "Ctrl+Shift+N",
        )
        self.act_profiles = _action(
            file,
            QCoreApplication.translate("WindowMenus", "&Profiles and accommodations..."),
            h.manage.click,
        )
        self.language_menu = file.addMenu(QCoreApplication.translate("WindowMenus", "&Language"))
        self.language_actions = self._language_actions(self.language_menu)
        file.addSeparator()
        self.act_quit = _action(
            file, QCoreApplication.translate("WindowMenus", "&Quit"), w.close, "Ctrl+Q"
        )
        test = bar.addMenu(QCoreApplication.translate("WindowMenus", "&Test"))
        self.act_mock = _action(
            test, QCoreApplication.translate("WindowMenus", "Start &mock exam"), h.start.click
        )
        self.act_practice = _action(
            test,
            QCoreApplication.translate("WindowMenus", "&Practice..."),
            h.practice.click,
            "Ctrl+P",
        )
        self.act_resume = _action(
            test,
            QCoreApplication.translate("WindowMenus", "&Resume an attempt..."),
            w.choose_resume,
        )
        self.act_review = _action(
            test, QCoreApplication.translate("WindowMenus", "Re&view missed"), h.review.click
        )
        self.act_progress = _action(
            test,
            QCoreApplication.translate("WindowMenus", "My pro&gress and study plan"),
            h.progress.click,
            "Ctrl+Shift+M",
        )
        test.addSeparator()
        self.act_plan = _action(
            test, QCoreApplication.translate("WindowMenus", "Study p&lan..."), h.plan_button.click
        )
        self.act_certs = _action(
            test,
            QCoreApplication.translate("WindowMenus", "&Certifications..."),
            w.show_certifications,
        )
        self.test_menu = test
        tools = bar.addMenu(QCoreApplication.translate("WindowMenus", "&Instructor"))
        self.act_instructor = _action(
            tools,
            QCoreApplication.translate("WindowMenus", "&Instructor mode"),
            lambda: w.set_instructor_mode(not w.instructor_mode),
        )
        self.act_instructor.setCheckable(True)
        tools.addSeparator()
        self.act_banks = _action(
            tools, QCoreApplication.translate("WindowMenus", "&Question banks..."), w.show_banks
        )
        self.act_class = _action(
            tools,
            QCoreApplication.translate("WindowMenus", "&Class results..."),
            w.show_class_results,
        )
        self.act_pin = _action(
            tools, QCoreApplication.translate("WindowMenus", "Set or change the &PIN..."), w.set_pin
        )
        help_ = bar.addMenu(QCoreApplication.translate("WindowMenus", "&Help"))
        self.act_help = _action(
            help_, QCoreApplication.translate("WindowMenus", "BayReady &help"), w.show_help, "F1"
        )
        self.act_about = _action(
            help_, QCoreApplication.translate("WindowMenus", "&About BayReady"), w.show_about
        )
        test.aboutToShow.connect(self.update_test_menu)

    def _language_actions(self, menu: QMenu) -> dict[Language | None, QAction]:
        """System default, then each language named in its own language; one is checked."""
        w = self.window
        group = QActionGroup(menu)
        actions: dict[Language | None, QAction] = {}
        choices: list[tuple[Language | None, str]] = [
            (None, QCoreApplication.translate("WindowMenus", "&System default")),
            *LANGUAGE_NAMES.items(),
        ]
        for language, name in choices:
            a = _action(menu, name, partial(w.set_language, language))
            a.setCheckable(True)
            group.addAction(a)
            actions[language] = a
        menu.aboutToShow.connect(self._check_language)
        return actions

    def _check_language(self) -> None:
        """The profile's own language, as its flow last read or chose it (no query here)."""
        w = self.window
        chosen = None
        if w.services_if_open is not None and w.profile_id is not None:
            chosen = w.flows.profiles.language_choice
        self.language_actions[chosen].setChecked(True)

    def update_test_menu(self) -> None:
        w = self.window
        h = w.home
        on_home = w.current_page == "home"
        for a, b in (
            (self.act_mock, h.start),
            (self.act_practice, h.practice),
            (self.act_review, h.review),
            (self.act_progress, h.progress),
            (self.act_plan, h.plan_button),
        ):
            a.setEnabled(on_home and b.isEnabled())
        self.act_certs.setEnabled(on_home and w.services_if_open is not None)
        self.act_resume.setEnabled(on_home and w.services_if_open is not None)

    def on_page_changed(self, name: str) -> None:
        # no new attempt, profile switch or bank change from inside an exam or report
        on_home = name == "home"
        for a in (self.act_new_profile, self.act_profiles, self.act_banks, self.act_class):
            a.setEnabled(on_home)
        self.language_menu.setEnabled(on_home)
        self.update_test_menu()

    def show_instructor_mode(self, on: bool, caps: Capabilities | None) -> None:
        self.act_instructor.setChecked(on)
        for a in (self.act_banks, self.act_class, self.act_pin):
            a.setVisible(on)
        if caps is not None:  # a class login: only what its database role allows
            self.act_banks.setVisible(on and caps.manage_banks)
            self.act_class.setVisible(on and caps.class_results)

    def show_capabilities(self, caps: Capabilities) -> None:
        self.act_new_profile.setVisible(caps.manage_profiles)
        self.act_profiles.setVisible(caps.manage_profiles)
        self.act_instructor.setVisible(caps.instructor_tools)
