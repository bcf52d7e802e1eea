"""Learner profiles on home: choosing one, adding one, managing them, and the home lists
(profiles, tests with review counts, Today) for the profile chosen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.ui.flows import Flow
from app.ui.work import Ticket

if TYPE_CHECKING:
    from app.services.profiles import ProfileView
    from app.services.setup import AppServices
    from app.services.views import TestCard
    from app.ui.main_window import MainWindow

_UNSET = object()  # apply_language: read the profile's language from the database


class ProfileFlow(Flow):
    def __init__(self, window: MainWindow, services: AppServices) -> None:
        super().__init__(window, services)
        self.home_ticket: Ticket | None = None  # home's lists being read for the chosen profile

    def refresh_home(self) -> None:
        w = self.window
        w.home.show_profiles(self.services.profiles.list_profiles(), w.profile_id)
        cards = self.services.exams.test_cards(w.profile_id, language=w.translators.language.value)
        w.home.show_tests(cards, self.due())
        w.flows.study.refresh_today()
        w.tests_populated.emit()

    def due(self) -> dict[str, int]:
        pid = self.window.profile_id
        return self.services.reviews.due_counts(pid) if pid else {}

    def select(self, profile_id: int) -> None:
        """Home's profile chooser: the chosen learner's tests, counts and language, read on a
        worker thread; the previous learner's report or lists still loading are dropped."""
        w = self.window
        w.profile_id = profile_id
        w.flows.reports.on_profile_changed()
        s = self.services
        profiles, exams, reviews = s.profiles, s.exams, s.reviews
        language = w.translators.language.value

        def work(_t: Ticket) -> tuple[ProfileView, list[TestCard], dict[str, int]]:
            profile = profiles.get(profile_id)
            cards = exams.test_cards(profile_id, language=language)
            return profile, cards, reviews.due_counts(profile_id)

        def done(result: tuple[ProfileView, list[TestCard], dict[str, int]]) -> None:
            if w.profile_id != profile_id:
                return  # stale: yet another profile was chosen meanwhile
            profile, cards, due = result
            w.settings.last_profile = profile.name
            w.save_settings()
            w.home.show_tests(cards, due)
            w.flows.study.refresh_today()
            self.apply_language(profile.language)

        self.home_ticket = w.tasks.submit(work, done, key="home")

    def apply_language(self, language: str | object | None = _UNSET) -> None:
        """The interface in the selected profile's language (BAYREADY_LANG, then the system
        locale, when the profile has none); `language` when the caller has read it already."""
        from app.ui.translation import startup_language

        w = self.window
        if language is _UNSET:
            language = (
                None if w.profile_id is None else self.services.profiles.get(w.profile_id).language
            )
        assert language is None or isinstance(language, str)
        w.apply_language(startup_language(language))

    def new_profile(self) -> None:
        from app.services.profiles import NAME_MAX

        w = self.window
        name = self.dialogs.ask_text(
            self.tr("New profile"), self.tr("Learner's name:"), max_length=NAME_MAX
        )
        if not name:
            return
        profiles = self.services.profiles
        p = w.flows.attempts.guard(lambda: profiles.create(name))
        if p is not None:
            w.profile_id = p.id
            w.settings.last_profile = name
            w.save_settings()
            self.refresh_home()
            self.apply_language()

    def manage_profiles(self) -> None:
        from app.ui.profiles_dialog import ProfilesDialog

        w = self.window
        self.dialogs.show_modal(ProfilesDialog(self.services.profiles, self.dialogs, w))
        ids = [p.id for p in self.services.profiles.list_profiles()]
        if w.profile_id not in ids:
            w.profile_id = self.services.profiles.ensure_default().id
        self.refresh_home()
        self.apply_language()
